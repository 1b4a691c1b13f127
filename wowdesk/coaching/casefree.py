"""Case-insensitive patterns that run about twice as fast as re.IGNORECASE.

Python's regular-expression engine matches a case-insensitive literal character by character through its
case tables, and it cannot skip ahead to the alternatives' first letters. Matching the lowercased pattern
against the lowercased text (case-sensitively) gives the same matches at the same offsets in half the time:
on the coach's phrase lists 1.3 instead of 2.8 µs per sentence for the solution phrases, 1.6 instead of 9 µs
for the time-word gate (measured with bench/coach.py's sentences, 2026-11-30). Patterns that test case on
purpose ("(?-i:[A-ZÆØÅ])", a capitalised name) keep re.IGNORECASE on the text as written.

Matches carry the offsets of the original text; their group() text is lowercased (use the offsets to quote
the original), and sub() splices the original text, so it keeps its case.
"""

import re

from . import prefilter

_CASE_ON_PURPOSE = "(?-i:"


# A pattern tests its prefilter bit k (prefilter.bit) as `k in flags`: flags are the set of bits the text's
# anchors let run (prefilter.active), or every bit; an "&" of two ints of some 280 bits made a new int each
# time (2.8 % of the coach's instructions, with the memory it took and gave back). -1 is never set (a part a
# pattern does not have).
_EVERY = range(0, 1 << 62)  # every pattern may match: text outside the scope, or the prefilter off
NEVER = -1


def _index(bit: int) -> int:
    """The position k of a prefilter bit (1 << k)."""
    return bit.bit_length() - 1


# The last text lowered, its lowercase, its flags and whether they come from the scope (one tuple, swapped
# whole, so threads never see half of it): a sentence is read by many patterns in a row.
_last = ("", "", _EVERY, False)
# The text being analysed, lowercased, its flags (see scope()), the texts lowered since (an agent turn's
# sentence, its core and its clauses are each read by many patterns, in turns) and the texts scope() was given.
_scope = ("", _EVERY, {}, ())


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low


def _lowered(text: str) -> tuple:
    """(text, its lowercase, its flags, in the scope): the flags of the scope when the text is part of it,
    else every flag."""
    global _last
    scope = _scope
    last = scope[2].get(text)
    if last is None:
        low = _lower(text)
        last = (text, low, scope[1], True) if low in scope[0] else (text, low, _EVERY, False)
        if len(scope[2]) < 200:
            scope[2][text] = last
    _last = last
    return last


def lower(text: str) -> str:
    """The text lowercased with its length kept (so every offset stays valid); "İ".lower() has two
    characters, so such rare letters are left as they are."""
    last = _last
    if text is last[0]:
        return last[1]
    return _lowered(text)[1]


def scope(*texts: str) -> None:
    """Set the text about to be analysed (an agent turn, as written and with its quotes masked): one pass
    over it finds which patterns' anchors occur in it (see prefilter.py), and a pattern whose anchors do not
    is not run on any part of it. Text that is no part of it is read by every pattern."""
    global _scope, _last
    if prefilter.ENABLED:
        previous = _scope
        if (
            len(texts) == 2
            and previous[3][:1] == (texts[0],)
            and previous[1] is not _EVERY
            and prefilter.newline_free()
            and "\u03a3" not in texts[1]
        ):
            # The turn as written, then with its quotes masked (analyzer.analyze_agent_turn): the turn is the scope
            # already, lowered and read; only the masked text is (a capital sigma, whose lowercase depends on
            # what follows, reads the two together). Not lowering and reading the turn again: 919,354 -> 913,070
            # instructions per agent turn on bench/coach_instructions.py's batch (one turn in ten has a quote or
            # a typographic apostrophe) and 888,309 -> 885,374 on the train corpus (one in twenty).
            added = _lower(texts[1])
            low = previous[0] + "\n" + added
            found = prefilter.active(added)
            flags = _EVERY if found is None else previous[1] | found
        else:
            low = _lower("\n".join(texts))
            found = prefilter.active(low)
            flags = _EVERY if found is None else found
        # (one text is its own lowercase, kept: the signature pattern reads it next)
        _scope = (low, flags, {texts[0]: (texts[0], low, flags, True)} if len(texts) == 1 else {}, texts)
    else:
        _scope = ("", _EVERY, {}, ())
    _last = ("", "", _EVERY, False)


def scope_part(part: str, start: int) -> None:
    """Keep the lowercase of a part of the scope's text (a turn without its signature, a sentence) as the
    scope's lowercase from `start` on, rather than lowering it again when a pattern first reads it (each new
    text lowered cost some 1,000 instructions, four times per agent turn). str.lower() maps each character
    on its own, save a capital sigma (its form depends on what follows), so a part with one is left alone."""
    scope = _scope
    end = start + len(part)
    if scope[0] and end <= len(scope[0]) and "\u03a3" not in part and part not in scope[2] and len(scope[2]) < 200:
        scope[2][part] = (part, scope[0][start:end], scope[1], True)


def _forget() -> None:
    global _scope, _last
    _scope, _last = ("", _EVERY, {}, ()), ("", "", _EVERY, False)


prefilter.ON_NEW_BIT.append(_forget)


def _lower_source(source: str) -> str:
    """Lowercase a pattern's literal letters, never the letter of an escape (\\S, \\W, \\D, \\B, \\U...) or
    a group's name."""
    out, i = [], 0
    while i < len(source):
        c = source[i]
        if c == "\\" and i + 1 < len(source):
            out.append(source[i : i + 2])
            i += 2
            continue
        if source.startswith("(?P", i):  # a named group keeps its syntax and its name: (?P<name>, (?P=name)
            end = source.index(">" if source.startswith("(?P<", i) else ")", i)
            out.append(source[i : end + 1])
            i = end + 1
            continue
        out.append(c.lower())
        i += 1
    return "".join(out)


def _placeholder(alternative: str, flags: int) -> str:
    """An alternative that never matches, with the same groups (so every group keeps its number and name)."""
    state = re.compile(alternative, flags)
    names = {i: name for name, i in state.groupindex.items()}
    # (starting with a plain character lets the engine pass it over at a glance wherever the text holds
    # another one: "(?!)" alone first cost 0.02 M instructions per agent turn)
    return "\\x00(?!)" + "".join(f"(?P<{names[i]}>)" if i in names else "()" for i in range(1, state.groups + 1))


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_UNREAD = object()  # CaseFree._variants before the first finditer


class _Variants:
    """A pattern made of a few alternatives ("A|B|C", or "(?<![\\w-])(?:A|B|C)" as the coach's word-level
    findings scan), scanned over a whole text, without the alternatives whose anchors do not occur in it.

    Such an alternative cannot match anywhere in the text, so leaving it out changes no match; the engine
    then tries fewer alternatives at every position (the findings scan is one pass over every agent turn
    and the coach's largest pattern: 0.92 -> 0.84 M instructions per agent turn on the bench). Read on a
    pattern's first finditer; each combination is compiled when first needed (at most 2 ** 8)."""

    __slots__ = ("_alternatives", "_bits", "_compiled", "_flags", "_prefix")
    LIMIT = 8

    @classmethod
    def of(cls, source: str, flags: int) -> "_Variants | None":
        if _GLOBAL_FLAGS.search(source):  # "(?m)a|b": the flags belong to every alternative
            return None
        prefix = next((g for g in _GUARDS if g and source.startswith(g + "(?:")), "")
        body = source[len(prefix) :]
        if prefix:
            if _group_end(body, 0) != len(body) - 1:
                return None
            body = body[3:-1]
        alternatives = top_level(body)
        if not 2 <= len(alternatives) <= cls.LIMIT:
            return None
        found = [prefilter.anchors(alternative, flags) for alternative in alternatives]
        if all(prefilter.bit(f) == prefilter.ALWAYS for f in found):
            return None
        bits = [prefilter.register(alternative, flags, f) for alternative, f in zip(alternatives, found, strict=True)]
        return cls(prefix, alternatives, [_index(bit) for bit in bits], flags)

    def __init__(self, prefix, alternatives, bits, flags):
        self._prefix, self._alternatives, self._bits, self._flags = prefix, alternatives, bits, flags
        self._compiled = {}

    def pick(self, flags, whole: re.Pattern) -> re.Pattern:
        key = 0
        for i, index in enumerate(self._bits):
            if index in flags:
                key |= 1 << i
        if key == (1 << len(self._bits)) - 1:
            return whole
        pattern = self._compiled.get(key)
        if pattern is None:
            kept = [a if key >> i & 1 else _placeholder(a, self._flags) for i, a in enumerate(self._alternatives)]
            pattern = self._compiled[key] = re.compile(self._prefix + "(?:" + "|".join(kept) + ")", self._flags)
        return pattern


HEADED: list = []  # every CaseFree whose match() is read by its heads first: tests check each on real text


class CaseFree:
    """A compiled pattern used like re.Pattern (search, match, finditer, sub) but on lowercased text."""

    __slots__ = ("_bit", "_flags", "_head_length", "_heads", "_pattern", "_variants", "pattern")

    def __init__(self, source: str, flags: int = 0):
        self.pattern = source
        self._flags = flags | re.UNICODE
        lowered = _lower_source(source)
        self._pattern = re.compile(lowered, self._flags)
        self._bit = _index(prefilter.register(lowered, self._flags))
        # How every match starts (prefilter.heads): a match() at a position that starts otherwise is not run.
        # Most match() calls are patterns that open with a word list ("^(?:og|så|men)", the imperatives, the
        # greetings) on sentences that open with none of them (bench/coach.py: 12 of the 30 pattern calls
        # per agent turn that the anchors let run).
        heads = prefilter.heads(lowered, self._flags)
        # (a dict of strings: the garbage collector leaves it alone, where it read every frozenset at each full
        # collection, 0.1 % of the coach's instructions)
        self._heads = None if heads is None else dict.fromkeys(heads)
        self._head_length = len(next(iter(heads))) if heads else 0
        if self._heads is not None:
            HEADED.append(self)
        self._variants = _UNREAD

    def _compiled(self) -> tuple:
        return self._pattern, self._bit

    # The cache check of lower() is repeated inline, and the turn's texts lowered so far are looked up without
    # calling _lowered(): these methods run some 60 times per agent turn (0.5 % of the coach's instructions).
    def search(self, text: str, pos: int = 0):
        last = _last
        if text is not last[0]:
            last = _scope[2].get(text) or _lowered(text)
        return self._pattern.search(last[1], pos) if self._bit in last[2] else None

    def match(self, text: str, pos: int = 0):
        last = _last
        if text is not last[0]:
            last = _scope[2].get(text) or _lowered(text)
        if self._bit not in last[2]:
            return None
        if self._heads is not None and last[3] and last[1][pos : pos + self._head_length] not in self._heads:
            return None
        return self._pattern.match(last[1], pos)

    def finditer(self, text: str):
        last = _last
        if text is not last[0]:
            last = _scope[2].get(text) or _lowered(text)
        if self._bit not in last[2]:
            return iter(())
        variants = self._variants
        if variants is _UNREAD:
            variants = self._variants = _Variants.of(self._pattern.pattern, self._flags)
            last = _lowered(text)  # masks made before lack the bits just added (every bit until the next turn)
        pattern = self._pattern if variants is None else variants.pick(last[2], self._pattern)
        return pattern.finditer(last[1])

    def sub(self, replacement: str, text: str, count: int = 0) -> str:
        """Replace matches in the original text (its case kept); `replacement` is plain text."""
        last = _last
        if text is not last[0]:
            last = _scope[2].get(text) or _lowered(text)
        if self._bit not in last[2]:
            return text
        parts, position = [], 0
        for n, m in enumerate(self._pattern.finditer(last[1]), 1):
            parts += (text[position : m.start()], replacement)
            position = m.end()
            if n == count:
                break
        return "".join(parts) + text[position:]


def compile(source: str, flags: int = 0) -> "CaseFree | re.Pattern":  # noqa: A001 - mirrors re.compile
    if _CASE_ON_PURPOSE in source:
        return re.compile(source, flags | re.IGNORECASE | re.UNICODE)
    return CaseFree(source, flags)


def top_level(pattern: str) -> list[str]:
    """A pattern's top-level alternatives: "^a|b(?:c|d)" -> ["^a", "b(?:c|d)"]."""
    out, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern.startswith("[^", i):
                i += 1
            if pattern[i + 1 : i + 2] == "]":  # "[]...]" and "[^]...]": the first "]" is a member
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


_SPECIAL = set("\\()[]{}.*+?|^$")
_QUANTIFIERS = ("?", "*", "+", "{")
# The checks a pattern may open with that the character before is no word character, as character classes.
_GUARDS = {"": None, r"(?<![\w-])": r"[\w-]", r"(?<![\w])": r"[\w]", r"(?<!\w)": r"\w"}


def _group_end(pattern: str, start: int) -> int:
    """The index of the ")" closing the group opened at `start`."""
    depth, in_class, i = 0, False, start
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def _literal_first(alternative: str, guard: str | None, outer: str | None, budget: int = 64) -> list[str] | None:
    """The alternative as alternatives that each start with a plain character (or "^"), the check that the
    character before it is no word character (`guard`, a character class) moved behind that character:
    "(?:god|hej) x" with guard [\\w-] -> "g(?<![\\w-].)od x", "h(?<![\\w-].)ej x". None when it cannot
    be written so. Alternatives that all start with a plain character let the engine jump from one possible
    first character to the next instead of trying every position."""
    if not alternative or alternative.startswith("^"):
        # at position 0 there is no character before: only the caller's own guard (`outer`, kept there)
        return [alternative] if guard == outer else None
    if alternative.startswith("\\b") and (alternative[2:3].isalpha() or alternative.startswith("(?:", 2)):
        # a word boundary before a word character: the character before is no word character
        found = _literal_first(alternative[2:], guard or "\\w", outer, budget)
        # ... which holds only before a word character
        return found if found is not None and all(alt[:1].isalnum() for alt in found) else None
    if alternative.startswith("(?:"):
        end = _group_end(alternative, 0)
        inner, rest = alternative[3:end], alternative[end + 1 :]
        if rest.startswith(("*", "+", "{", "??")):
            return None
        options = [alt + rest.removeprefix("?") for alt in top_level(inner)]
        if rest.startswith("?"):
            options.append(rest[1:])
        out: list[str] = []
        for option in options:
            found = _literal_first(option, guard, outer, budget)
            if found is None or len(out) + len(found) > budget:
                return None
            out += found
        return out
    if alternative[0] == "\\" and alternative[1:2] and alternative[1] in _SPECIAL | {"-", "/", "'"}:
        first, rest = alternative[:2], alternative[2:]
    elif alternative[0] not in _SPECIAL:
        first, rest = alternative[0], alternative[1:]
    else:
        return None
    if rest.startswith(("*", "+", "{", "??")):
        return None
    if rest.startswith("?"):  # "x?y": with x, or without
        with_first = _literal_first(first + rest[1:], guard, outer, budget)
        without = _literal_first(rest[1:], guard, outer, budget)
        return None if with_first is None or without is None else with_first + without
    return [f"{first}(?<!{guard}.){rest}" if guard else first + rest]


def first_character_groups(pattern: str) -> str:
    """An alternation ("a|b|c"), lowercased, its alternatives written to start with a plain character where
    they can (_literal_first) and grouped by it in their order: "det x|du y|det z" -> "d(?:et x|u y|et z)".
    The engine skips an alternative that starts with another character than the text's at a glance, where
    it entered one that starts with a group ("(?:jeg|vi) ...") to find out. An alternative that cannot be
    written so stays in its place, and no group reaches across it (it may match where they do), so the
    first alternative that matches at a position is the same."""
    out: list[str] = []
    groups: dict[str, list[str]] = {}

    def flush() -> None:
        for first, rests in groups.items():
            out.append(f"{first}(?:{'|'.join(rests)})" if len(rests) > 1 else first + rests[0])
        groups.clear()

    for alternative in top_level(_lower_source(pattern)):
        found = _literal_first(alternative, None, None, 256)
        if found is None:
            flush()
            out.append(alternative)
            continue
        for alt in found:
            first = alt[:2] if alt.startswith("\\") else alt[:1]
            groups.setdefault(first, []).append(alt[len(first) :])
    flush()
    return "|".join(out)


class AnyOf:
    """Does the text hold any of the alternatives? (A yes/no search: the match is the first one found.)

    A search tries every alternative at every position. Here an alternative anchored at the start ("^et
    øjeblik") is tried at position 0 only, and the others, when each can be written to start with a plain
    character, are searched with the engine jumping between their possible first characters: the
    farewell patterns take 0.3 instead of 2.3 µs per sentence, the phrase lists about half."""

    __slots__ = ("_anywhere", "_anywhere_bit", "_start", "_start_bit", "_start_head_length", "_start_heads", "pattern")

    def __init__(self, patterns, prefix: str = "", suffix: str = ""):
        alternatives = [alt for p in patterns for alt in top_level(p)]
        if any(_CASE_ON_PURPOSE in alt for alt in alternatives):
            raise ValueError("AnyOf lowercases its patterns; a case-sensitive part needs casefree.compile")
        self.pattern = prefix + "(?:" + "|".join(alternatives) + ")" + suffix
        guard = _GUARDS.get(prefix, False)
        start = [alt[1:] for alt in alternatives if alt.startswith("^")]
        anywhere = [alt for alt in alternatives if not alt.startswith("^")]
        written = [] if guard is not False else None
        for alt in anywhere:
            found = _literal_first(_lower_source(alt), guard, guard) if written is not None else None
            if found is None:
                written = None
                break
            written += found
        if written is not None:
            start += [alt[1:] for alt in written if alt.startswith("^")]
            anywhere_source = "(?:" + "|".join(alt for alt in written if not alt.startswith("^")) + ")" + suffix
            has_anywhere = any(not alt.startswith("^") for alt in written)
        else:
            anywhere_source = prefix + "(?:" + "|".join(anywhere) + ")" + suffix
            has_anywhere = bool(anywhere)
        start_source = prefix + "(?:" + "|".join(start) + ")" + suffix
        start_pattern = CaseFree(start_source) if start else None
        self._start, self._start_bit = start_pattern._compiled() if start else (None, NEVER)
        self._start_heads = start_pattern._heads if start else None
        self._start_head_length = start_pattern._head_length if start else 0
        self._anywhere, self._anywhere_bit = CaseFree(anywhere_source)._compiled() if has_anywhere else (None, NEVER)

    def search(self, text: str):
        last = _last
        if text is not last[0]:
            last = _scope[2].get(text) or _lowered(text)
        flags = last[2]
        return (
            self._start_bit in flags
            and (self._start_heads is None or not last[3] or last[1][: self._start_head_length] in self._start_heads)
            and self._start.match(last[1])
        ) or (self._anywhere.search(last[1]) if self._anywhere_bit in flags else None)
