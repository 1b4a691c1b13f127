"""A prefilter for the coach's patterns: most of them cannot match in a given agent turn, so they are not run.

Each pattern gets its anchors, derived automatically from the parsed pattern (re._parser), so that rules
added later get them too: literal strings one of which occurs in any text the pattern matches in ("jeg
kigger på", "jeg ser på" for "jeg (?:kigger|ser) på"). A pattern without anchors ("\\w+(?:en|et)"), with
anchors shorter than three characters, or with a case-insensitive part always runs.

casefree.scope() is given each agent turn: one Aho-Corasick pass over it (pyahocorasick) gives its mask, the
bits of the patterns whose anchors occur in it. A text that is part of the turn (a sentence, a clause)
has at most those anchors, so a casefree pattern whose bit is not in the mask returns "no match" without
running; any other text is read by every pattern. Turning it off (ENABLED, or WOWDESK_COACH_PREFILTER=0)
changes no output (tests/coaching/test_speed_equivalence.py compares every corpus and demo conversation
both ways). Measured on bench/coach.py's batch (valgrind, 2026-11-30): 1.03 M -> 0.92 M instructions per
agent turn, and 0.84 M with the findings scan leaving out its kinds of finding that cannot match
(casefree._Variants).
"""

import functools
import operator
import os
from re import _constants as C  # the parser's node types (LITERAL, BRANCH...)
from re import _parser

import ahocorasick

_PRODUCT_LIMIT = 64  # exact strings kept for a run of literals and small alternations ("jeg (?:ser|kigger)")
_CHARSET_LIMIT = 8  # a character set of up to this many plain characters is read as that many strings


class _Opaque(Exception):
    """The pattern has a part the analysis does not read: no anchors."""


def _best(candidates):
    """The most selective of several requirements (each a set of strings, one of which must occur): the
    one whose shortest string is longest, then the one with fewer strings."""
    best = None
    for c in candidates:
        if not c or "" in c:
            continue
        key = (min(map(len, c)), -len(c))
        if best is None or key > best[0]:
            best = (key, c)
    return None if best is None else best[1]


def _product(a, b):
    if a is None or b is None or len(a) * len(b) > _PRODUCT_LIMIT:
        return None
    return {x + y for x in a for y in b}


def _item(op, av, flags):
    """(exact, required) of one node: exact the set of strings it can match (None: too many or unknown),
    required a set of strings one of which occurs in the text wherever it matches (None: nothing known).
    A zero-width node matches the empty string only."""
    if op is C.LITERAL:
        return {chr(av)}, None
    if op in (C.NOT_LITERAL, C.ANY, C.CATEGORY):
        return None, None
    if op is C.IN:
        if len(av) <= _CHARSET_LIMIT and all(o is C.LITERAL for o, _ in av):
            return {chr(v) for _, v in av}, None
        return None, None
    if op is C.AT:
        return {""}, None
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, p = av
        if add_flags & C.SRE_FLAG_IGNORECASE:  # "(?i:...)": its letters may match in either case
            return None, None
        return _sequence(p, (flags | add_flags) & ~del_flags)
    if op is C.ATOMIC_GROUP:
        return _sequence(av, flags)
    if op is C.BRANCH:
        exact, required = set(), set()
        for alternative in av[1]:
            e, r = _sequence(alternative, flags)
            if exact is not None:
                exact = None if e is None or len(exact) + len(e) > _PRODUCT_LIMIT else exact | e
            r = _best([r, e])
            required = None if r is None or required is None else required | r
        return exact, required
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, p = av
        e, r = _sequence(p, flags)
        if low == 0:
            return ({""} | e if e is not None and high == 1 else None), None
        exact = None
        if e is not None and low == high and len(e) ** low <= _PRODUCT_LIMIT:
            exact = {""}
            for _ in range(low):
                exact = _product(exact, e)
        return exact, _best([r, e])
    if op is C.ASSERT:
        direction, p = av
        e, r = _sequence(p, flags)
        return {""}, _best([r, e])  # a lookahead's or lookbehind's text is in the string, too
    if op is C.ASSERT_NOT:
        return {""}, None
    raise _Opaque(op)  # GROUPREF, GROUPREF_EXISTS, anything newer


def _sequence(items, flags):
    candidates = []
    run = {""}  # the exact strings of the run of exact nodes so far (without `text`)
    whole = {""}  # the exact strings of the whole sequence (without `text`), None once a node is not exact
    text = ""  # the plain characters since the last other node: most of a phrase list
    for op, av in items:
        if op is C.LITERAL:
            text += chr(av)
            continue
        if text:
            run = {x + text for x in run} if run is not None else None
            whole = {x + text for x in whole} if whole is not None else None
            text = ""
        e, r = _item(op, av, flags)
        candidates.append(r)
        whole = _product(whole, e)
        if e is None:
            candidates.append(run)
            run = {""}
        else:
            longer = _product(run, e)
            if longer is None:  # too many combinations: keep the part so far, start again from this node
                candidates.append(run)
                run = e
            else:
                run = longer
    if text:
        run = {x + text for x in run}
        whole = {x + text for x in whole} if whole is not None else None
    candidates.append(run)
    return whole, _best(candidates)


_HEAD = 3  # characters read of the start of a match
_HEAD_LIMIT = 256  # strings kept for the start of a match


def _sequence_heads(items, flags) -> tuple[set | None, bool]:
    """(how the sequence's matches start, complete): strings of at most three characters, one of which
    starts every match ("" among them: nothing known), complete when they are every match (cut to three
    characters), so that what follows the sequence may be added to them."""
    out = {""}
    for op, av in items:
        if min(map(len, out)) >= _HEAD:
            return out, True  # (what follows cannot change the first three characters)
        if op is C.LITERAL:
            out = {x + chr(av) if len(x) < _HEAD else x for x in out}
            continue
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):  # zero-width: "^", "\b", a look behind or ahead
            continue
        found, complete = _node_heads(op, av, flags)
        if found is None or len(out) * len(found) > _HEAD_LIMIT:
            return out, False
        out = {(x + y)[:_HEAD] if len(x) < _HEAD else x for x in out for y in found}
        if not complete:
            return out, False
    return out, True


def _node_heads(op, av, flags) -> tuple[set | None, bool]:
    if op is C.IN:
        if len(av) <= _CHARSET_LIMIT and all(o is C.LITERAL for o, _ in av):
            return {chr(v) for _, v in av}, True
        return None, False
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, p = av
        if add_flags & C.SRE_FLAG_IGNORECASE:  # "(?i:...)": its letters may be in either case
            return None, False
        return _sequence_heads(p, (flags | add_flags) & ~del_flags)
    if op is C.ATOMIC_GROUP:
        return _sequence_heads(av, flags)
    if op is C.BRANCH:
        out, all_complete = set(), True
        for alternative in av[1]:
            found, complete = _sequence_heads(alternative, flags)
            out |= found
            all_complete = all_complete and complete
        return out, all_complete
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, p = av
        found, complete = _sequence_heads(p, flags)
        if low == 0:  # may match nothing
            return found | {""}, complete and high == 1
        return found, complete and low == high == 1  # every match starts with a first repetition
    return None, False  # a class, any character, a category, a reference: its text is not known


def heads(source: str, flags: int = 0) -> frozenset | None:
    """Strings one of which every match of the pattern starts with, all of the same length (at most three
    characters), or None when they cannot be derived: "^(?:og|men)\\b" -> {"og", "me"}. A match()
    at a position where the text starts with none of them cannot succeed."""
    try:
        parsed = _parsed(source, flags)
        if parsed.state.flags & C.SRE_FLAG_IGNORECASE:
            return None
        found, _complete = _sequence_heads(list(parsed), parsed.state.flags)
    except (_Opaque, RecursionError):
        return None
    if "" in found:
        return None
    length = min(map(len, found))
    return frozenset(h[:length] for h in found)


@functools.lru_cache(maxsize=2)
def _parsed(source: str, flags: int):
    """A pattern parsed once for its anchors and its heads (parsing is most of their cost at import)."""
    return _parser.parse(source, flags)


def minimal(strings) -> frozenset:
    """Drop each string that contains another: "one of {a, ab}" is "a"."""
    out = []
    for s in sorted(strings, key=len):
        if not any(o in s for o in out):
            out.append(s)
    return frozenset(out)


def anchors(source: str, flags: int = 0) -> frozenset | None:
    """Strings one of which occurs in every string the pattern can match in (search/match/finditer, at any
    position), or None when they cannot be derived."""
    try:
        parsed = _parsed(source, flags)
        if parsed.state.flags & C.SRE_FLAG_IGNORECASE:
            return None
        _exact, required = _sequence(list(parsed), parsed.state.flags)
    except (_Opaque, RecursionError):
        return None
    return None if required is None else minimal(required)


# Off: every pattern runs on every text (tests compare the output both ways; WOWDESK_COACH_PREFILTER=0).
ENABLED = os.environ.get("WOWDESK_COACH_PREFILTER", "1") != "0"

MIN_ANCHOR = 3

# Every pattern registered gets a bit; bit 1 stands for the patterns without anchors, which always run.
ALWAYS = 1
_bits: dict[frozenset, int] = {}  # anchors -> the bit of the patterns that need them
_automaton = None  # every anchor -> the bits of the patterns it lets run; built on first use
ON_NEW_BIT: list = []  # called when a bit is added after masks were made (they must be made again)


def bit(found: frozenset | None) -> int:
    """The bit that a text's mask (see mask) must have for a pattern with these anchors to be able to match
    in the text."""
    global _automaton
    # Anchors shorter than three characters ("en", "vi", ",") are in almost every turn: looking for them costs
    # more than the patterns they would skip (per agent turn on the bench: 0.936 M instructions with anchors of
    # two characters and more, 0.917 M with three and more, 0.990 M with four and more; 2026-11-30).
    if not found or min(map(len, found)) < MIN_ANCHOR:
        return ALWAYS
    if found not in _bits:
        _bits[found] = 1 << (len(_bits) + 1)
        # a pattern compiled after texts were masked: they lack its bit (and masks read as bytes are too short)
        _automaton = None
        for forget in ON_NEW_BIT:
            forget()
    return _bits[found]


# (source, flags, anchors) of every pattern that got a bit: tests check each against real text.
REGISTERED: list[tuple[str, int, frozenset]] = []


def register(source: str, flags: int = 0, found: frozenset | None | bool = False) -> int:
    """The bit of a pattern (see bit); `found` its anchors when already derived."""
    found = anchors(source, flags) if found is False else found
    out = bit(found)
    if out != ALWAYS:
        REGISTERED.append((source, flags, found))
    return out


def _build():
    automaton = ahocorasick.Automaton()
    positions: dict[str, set] = {}
    for found, bit in _bits.items():
        for anchor in found:
            positions.setdefault(anchor, {0}).add(bit.bit_length() - 1)
    for anchor, found in positions.items():
        automaton.add_word(anchor, frozenset(found))
    automaton.make_automaton()
    global _NEWLINE_FREE
    _NEWLINE_FREE = not any("\n" in anchor for anchor in positions)
    return automaton


_NEWLINE_FREE = False  # no anchor holds a line break (known once the automaton is built)


def newline_free() -> bool:
    """No anchor holds a line break, so none lies across the "\n" that joins two texts: active() of the joined
    texts is the union of theirs (False until the automaton is built)."""
    return _automaton is not None and _NEWLINE_FREE


def active(text: str) -> frozenset | None:
    """The positions of the bits (bit k is 1 << k) of the patterns that may match in the text, or None for
    every pattern: the others cannot match, none of their anchors occurs. (One union of the anchors' sets in
    C, where a loop in Python OR-ed the anchors' bits together: 2 % of the coach's instructions.)"""
    global _automaton
    automaton = _automaton
    if automaton is None:
        automaton = _automaton = _build()
    if automaton.kind != ahocorasick.AHOCORASICK:  # no anchors at all
        return None
    return _ALWAYS_ONLY.union(*map(_value, automaton.iter(text)))


_ALWAYS_ONLY = frozenset((0,))
_value = operator.itemgetter(1)


def mask(text: str) -> int:
    """The bits of the patterns that may match in the text (the others cannot: none of their anchors occurs)."""
    found = active(text)
    return -1 if found is None else sum(1 << k for k in found)
