"""The conversation coach: BALA phases, open and closed questions, word engineering, promises, sentiment.

Each agent turn is read sentence by sentence (clause structure: questions.py), and the phases are decoded
over the whole conversation by a small state model (phases.py) that uses the customer's replies as
evidence. Pure Python with precompiled patterns, so one core analyses well over 10,000 agent turns a
second (bench/coach.py). See docs/coaching.md for every rule with examples.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from . import casefree, lexicon, messages, prefilter
from .clauses import CLAUSE_RULES, analyse_question, coordinated_questions, mask_quotes
from .detect import detect_language
from .mail import check_mail, looks_like_mail
from .phases import PHASE_RANK, PHASES, decode
from .promises import (
    begun,
    charge_not_made,
    has_time,
    is_promise,
    opens_with_condition,
    opens_with_evaluation,
    opens_with_instruction,
    ours_opens,
    resolve_due,
    restates,
)
from .sentiment import sentiment

# Where a sentence ends. Every alternative starts with one of a few characters, so the pattern opens with
# that character set: the engine then skips from one such character to the next in C (its charset prefix),
# and one finditer call replaces a search for the next end character plus a match there for each candidate
# (bench/coach.py's batch, cachegrind: 894,000 -> 881,000 instructions per agent turn,
# 2026-12-01). The character found is then read by the alternative for it, checked with a look behind.
_ENDS = "\U0001f300-\U0001faff\u2600-\u27bf\ufe0f"  # with the emoji presentation selector ("☀️")
_BOUNDARY = re.compile(
    rf"[.!?\n{_ENDS}]"
    r"(?:(?<=[!?])[!?]*(?=[\s\"')]|$)"
    r"|(?<=\.)\.{0,2}(?=\s+[\"'(]?[A-ZÆØÅ]|[\s\"')]*$)"
    r"|(?<=\n)"
    rf"|(?<=[{_ENDS}])[{_ENDS}]*(?=\s+\S))"
)


def _split(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence: from its first non-space character to its end mark (inclusive)."""
    spans, position = [], 0
    for m in _BOUNDARY.finditer(text):
        end = m.start() if m.group() == "\n" else m.end()
        part = text[position:end]
        if stripped := part.lstrip():
            spans.append((end - len(stripped), end))
        position = m.end()
    if rest := text[position:].lstrip():
        spans.append((len(text) - len(rest), len(text.rstrip())))
    return spans


# A promise may be one clause of a longer sentence ("Jeg har krediteret beløbet, og du får en kreditnota").
# Each split as (how it starts, the rest): it starts at a comma, a semicolon, a full stop or a space, and a
# new one must too, with one of the starts in _SPLIT_STARTS.
CLAUSE_SPLITS = (
    (
        r",?\s+",
        r"(?:og|and|men|but|samt)\s+(?=(?:du|vi|jeg|de|den|det|der|I|dere|you|we|i|they|it|he|she|han|hun|the|your|"
        r"så|da|then|pengene|beløbet|pakken|teknikeren|en|et|ei|a|an|our|my|vores|vår|min|mit|mitt|din|dit|dine|"
        r"ditt|your|[a-zæøå]+(?:en|et|ene|erne)"
        # a condition joined to what came before ("Jeg ringer i morgen, og hvis du ikke svarer, ..."): the
        # condition is a clause of its own and scopes the rest of the sentence (see the promises loop)
        r"|hvis|if|dersom|unless|medmindre)\b)",
    ),
    # a verb phrase with its subject left out: "... er afsendt i dag og vil være fremme på fredag"
    (
        r",?\s+",
        r"(?:og|and)\s+(?=(?:vil|skal|bliver|blir|kommer|er|får|modtager|mottar|will|should|is going to|svarer|"
        r"ringer|sender|calls|sends|replies|arrives|sendes|leveres|afsendes|utbetales|udbetales|refunderes|overføres)\b)",
    ),
    # two main clauses side by side: "Your pizza left 5 min ago, it'll be with you within 15 minutes"
    (r",\s+", r"(?=(?:it|he|she|they|we|you|I)(?:'ll|’ll| will)\b)"),
    (r";\s*", ""),
    (r"\s+", r"[–—-]\s+"),
    (r",\s+", r"(?=så (?:vil |skal )?(?:jeg|vi)\b)"),
    # two main clauses side by side: "Jeg har skrevet til lageret, de sender en ny i dag", "..., spærringen
    # forsvinder af sig selv inden for 15 minutter"
    (r",\s+", r"(?=(?:de|han|hun|vi|jeg|dere|[a-zæøå]{2,}(?:en|et|ene|erne|a))\s+(?:[a-zæøå]+r|vil|skal)\b)"),
    # after a colon, a clause with its own subject: "You can pay with your phone: your new card details will ..."
    (
        r"(?<=:)\s+",
        r"(?=(?i:jeg|vi|du|de|den|det|han|hun|dere|I|we|you|they|it|your|the|our|din|dit|ditt|vores|vår|"
        r"[a-zæøå]+(?:en|et|ene|erne))\b)",
    ),
    (r",\s+", r"so\s+(?=(?:the|your|it|we|I|you|our|this|that)\b)"),
    # chat without capitals: "derfor gikk den i retur. sjåføren henter den i morgen" (after a word of four
    # letters or more, so "kl. 10", "f.eks. via", "ca. to uger" stay whole)
    (r"(?<=[a-zæøå]{4})\.", r"\s+(?=[a-zæøå])"),
    # ... and after any word when a pronoun subject follows ("... fra i dag. du får en bekræftelse")
    # (a noun after a day's number is no new clause: "kommer den 14. inden kl. 12")
    (
        r"(?<=\w)\.",
        r"\s+(?=(?:du|jeg|vi|dere|han|hun|de|you|we|i'll|we'll)\s|(?<!\d\.\s)[a-zæøå]{2,}(?:en|et|ene|erne)\s)",
    ),
)
# How each start reads once its first character is taken, per first character.
_SPLIT_STARTS = {
    r",?\s+": {",": r"\s+", r"\s": r"\s*"},
    r",\s+": {",": r"\s+"},
    r";\s*": {";": r"\s*"},
    r"\s+": {r"\s": r"\s*"},
    r"(?<=:)\s+": {r"\s": r"(?<=:\s)\s*"},
    r"(?<=[a-zæøå]{4})\.": {r"\.": r"(?<=[a-zæøå]{4}\.)"},
    r"(?<=\w)\.": {r"\.": r"(?<=\w\.)"},
}


# The characters \s reads (str.isspace()), as ranges: in the opening character set the engine then tests a
# bitmap rather than the category (tests/coaching/test_speed_equivalence.py checks the list).
SPACES = r"\t-\r\x1c- \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"


def _guarded(alternatives: list[str]) -> str:
    """The alternatives after a space, those that go on with more space or a word ("\\s*(?:og|and)...") behind
    a look ahead at the character that follows: most spaces are followed by a word none of them starts with,
    and the look ahead fails there at once where each alternative was tried in turn."""
    groups: list[tuple[set | None, list[str]]] = []
    for alternative in alternatives:
        found = None
        if alternative.startswith(r"\s*"):
            found = prefilter.heads(alternative.removeprefix(r"\s*"), re.UNICODE)
        firsts = None if found is None else {h[0] for h in found}
        if firsts is not None and groups and groups[-1][0] is not None:
            groups[-1][0].update(firsts)
            groups[-1][1].append(alternative)
        else:
            groups.append((firsts, [alternative]))
    out = []
    for firsts, alts in groups:
        if firsts is None:
            out += alts
        else:
            out.append(rf"(?=[\s{''.join(sorted(map(re.escape, firsts)))}])(?:{'|'.join(alts)})")
    return "|".join(out)


def _first_character_first(splits) -> str:
    """The splits as one pattern that opens with the set of their first characters, so the engine skips in C
    to the next comma, semicolon, full stop or space (its charset prefix); the character found picks (by a
    look behind) the splits that start with it, in their order, so each position splits as before (this
    pattern was the coach's costliest after the findings scan, 44,000 instructions per agent turn; with
    the quote masking, _holding and _V2_ACT reworked alike 900,000 -> 873,000 instructions per agent turn in
    all, bench/coach.py's batch, cachegrind, 2026-12-01). The spaces are listed rather than read as \\s, and
    the splits after a space are guarded by the character after it (_guarded): some 30,000 -> 24,500
    instructions a call (bench/coach_instructions.py's sentences, callgrind, 2026-12-01)."""
    by_first: dict[str, list[str]] = {}
    for start, rest in splits:
        for first, after in _SPLIT_STARTS[start].items():
            by_first.setdefault(first, []).append(after + rest)
    space = r"\s"
    branches = "|".join(
        f"(?<={first})(?:{_guarded(alts) if first == space else '|'.join(alts)})" for first, alts in by_first.items()
    )
    firsts = "".join(SPACES if first == space else first for first in by_first)
    return rf"[{firsts}](?:{branches})"


_CLAUSE_SPLIT = re.compile(_first_character_first(CLAUSE_SPLITS), re.UNICODE)

# The character each start needs in the sentence (a full stop before its last character: a space follows
# it), or None for a start that may be spaces only, whose split then needs one of its rest's anchors.
_START_NEEDS = {
    r",?\s+": None,
    r",\s+": ",",
    r";\s*": ";",
    r"\s+": None,
    r"(?<=:)\s+": ":",
    r"(?<=[a-zæøå]{4})\.": ".",
    r"(?<=\w)\.": ".",
}


def _split_needs(splits) -> tuple[str, ...] | None:
    """Strings one of which a sentence holds (a full stop: before its last character) wherever any split
    can start in it, or None when that cannot be said."""
    needs: set[str] = set()
    for start, rest in splits:
        need = _START_NEEDS[start]
        if need is not None:
            needs.add(need)
            continue
        found = prefilter.anchors(rest, re.UNICODE)
        if found is None:
            return None
        needs.update(found)
    return tuple(sorted(needs))


# Three sentences in ten hold none (bench/coach_instructions.py), and _CLAUSE_SPLIT costs some 20,000
# instructions even where it finds nothing: 3,000 to start, the rest at each space and comma. With the
# guard and the listed spaces (_first_character_first): 848,900 -> 839,600 instructions per agent turn
# (bench/coach_instructions.py 3, callgrind, 2026-12-01).
_SPLIT_NEEDS = _split_needs(CLAUSE_SPLITS)


def _may_split(sentence: str) -> bool:
    if _SPLIT_NEEDS is None:
        return True
    for need in _SPLIT_NEEDS:
        if need == ".":
            if sentence.find(".", 0, len(sentence) - 1) >= 0:
                return True
        elif need in sentence:
            return True
    return False


def _alt(patterns) -> str:
    return "(?:" + "|".join(patterns) + ")"


def _phrases(patterns) -> str:
    """Alternatives that start at the start of a word and end on a word boundary ("se" must not match inside
    "sende"). Checking the start first lets the engine skip every other position cheaply."""
    return r"(?<![\w-])" + _alt(patterns) + r"(?!\w)"


def _any_phrase(patterns) -> casefree.AnyOf:
    """A yes/no search for any of the phrases (see _phrases), the ones anchored at the start tried once."""
    return casefree.AnyOf(patterns, r"(?<![\w-])", r"(?!\w)")


def _grouped(patterns) -> str:
    """The patterns as one alternation grouped by first character, unless a part tests case on purpose."""
    source = "|".join(patterns)
    return source if casefree._CASE_ON_PURPOSE in source else casefree.first_character_groups(source)


def _words(words) -> str:
    return _alt(re.escape(w) for w in sorted(words, key=len, reverse=True))


class InputError(ValueError):
    """Invalid input; `field` names the offending part (e.g. "turns[2].speaker")."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field

    def as_dict(self) -> dict:
        return {"error": str(self), "field": self.field}


# What each alternative of the phone opening (lexicon.PHONE_GREETING) needs, besides "Borgerservice, Henrik."
# (a first comma within four words, at most three words after it): one of the phrases, anywhere ("Det er
# Henrik", "Anna speaking"), or, from the first comma on, one of the greetings (", god morgen"). Read in the
# lowercased text; "ſ", "ı" and "İ", which re.IGNORECASE reads as "s" and "i" unlike str.lower(), send the
# sentence to the pattern itself.
_PHONE_GREETING_CUES = {
    "da": (("det er", " med "), ("goddag", "god dag", "hej", "god morgen")),
    "nb": (("det er", " med "), ("god dag", "goddag", "hei", "god morgen")),
    "en": (("through to", " speaking", "this is", "it's"), ("good morning", "good afternoon", "hello", "hi")),
}
_OTHER_FOLDS = ("ſ", "ı", "İ")


class _PhoneGreeting:
    """The phone opening pattern, searched only in a sentence that has what one of its alternatives needs: it
    tests case on purpose (a capitalised name), so it runs with re.IGNORECASE at every position, and the
    prefilter finds no word to key it on (2.4 µs a call, 1.2 % of the coach's time, bench/coach.py's batch,
    2026-12-01; mostly on an agent's first sentence that greets and goes on, "Hej Anna, tak fordi du skriver
    til os.")."""

    __slots__ = ("_after_comma", "_anywhere", "_pattern", "pattern")

    def __init__(self, source: str, anywhere: tuple, after_comma: tuple):
        self._pattern = casefree.compile(source)
        self.pattern = source
        self._anywhere, self._after_comma = anywhere, after_comma

    def search(self, text: str):
        comma = text.find(",")
        low = casefree.lower(text)
        if (
            (comma >= 0 and (len(text[comma + 1 :].split()) <= 3 or any(w in low[comma:] for w in self._after_comma)))
            or any(w in low for w in self._anywhere)
            or (not text.isascii() and any(c in text for c in _OTHER_FOLDS))
        ):
            return self._pattern.search(text)
        return None


@dataclass(slots=True)
class Rules:
    """Every pattern for one language, compiled once."""

    lang: str
    greets: casefree.AnyOf  # the greeting phrases as a yes/no search
    closing: re.Pattern
    result_check: re.Pattern
    understanding: re.Pattern
    solution: re.Pattern
    not_solution: re.Pattern
    imperative: re.Pattern
    suggestion: re.Pattern
    offer_question: re.Pattern
    weak: re.Pattern
    weak_alternatives: list
    weak_exempt: frozenset
    strong: re.Pattern
    but_opener: re.Pattern
    presumptive: re.Pattern
    presumed: re.Pattern  # "Du har vel...?", "I take it you've...?": says what it presumes, in any form
    signature: re.Pattern
    customer_works: re.Pattern
    phone_greeting: "_PhoneGreeting"
    farewell: re.Pattern
    understanding_explicit: re.Pattern
    want: re.Pattern
    need_statement: re.Pattern
    customer_yes: re.Pattern
    customer_accepts: re.Pattern
    customer_problem: re.Pattern
    negation_before: re.Pattern
    info_request: casefree.AnyOf  # asking the customer for information
    reply_promise: casefree.AnyOf  # a promise to answer ("vi svarer dig", "we'll get back to you")
    restating: re.Pattern  # "Så du...?", "So the courier...?": the customer's words said back
    problem: casefree.AnyOf  # words that state a problem: a negation, "still", an error
    something_new: casefree.AnyOf  # "også", "also", "other": a question about something new
    agreement: casefree.AnyOf  # "er vi enige om det?", "are we agreed?": the plan put to the customer
    closing_question: re.Pattern  # "What else can I help you with?", "Trenger du hjelp med noe annet?"
    holding: casefree.AnyOf  # "Jeg kigger lige på det", "I'm going to check": looking into it, no answer yet
    scan: re.Pattern = None  # every word-level finding in one pass; see _scan_words()
    structure: tuple = ()  # (code, pattern): findings read from their structure, searched apart (lexicon)


# Word-level findings, longest phrases first: a finditer never overlaps, so "du skal snakke med en anden
# afdeling" is one rule phrase, not also the strong word "skal".
SCAN_ORDER = (
    ("rule_phrase", "RULE_PHRASES", "improve"),
    ("acknowledgement", "ACKNOWLEDGEMENT", "good"),
    ("risky_agreement", "RISKY_AGREEMENT", "improve"),
    ("presumptive_question", "PRESUMPTIVE_STATEMENT", "improve"),
    ("weak_word", None, "improve"),
    ("strong_word", None, "good"),
)
SCAN_POLARITY = {code: polarity for code, _, polarity in SCAN_ORDER}


def _rules(lang: str) -> Rules:
    L = lexicon
    weak = r"(?<![\w-])" + _alt(L.WEAK_WORDS[lang]) + r"(?![\w-])"
    strong = r"(?<![\w-])" + _alt(L.STRONG_WORDS[lang]) + r"(?![\w-])"
    rules = Rules(
        lang=lang,
        greets=_any_phrase(L.GREETING[lang]),
        closing=_any_phrase(L.CLOSING[lang]),
        result_check=_any_phrase(L.SOLUTION_ACCEPT[lang]),
        understanding=casefree.compile(_phrases(L.NEED_ACCEPT[lang])),
        solution=_any_phrase(L.SOLUTION[lang]),
        not_solution=_any_phrase(L.NOT_SOLUTION[lang]),
        imperative=casefree.compile(r"^" + _words(L.IMPERATIVES[lang]) + r"\b(?!\s+(?:du|I|you|dere)\b)"),
        suggestion=_any_phrase(L.SUGGESTION[lang]),
        offer_question=_any_phrase(L.OFFER_QUESTION[lang]),
        weak=casefree.compile(weak),
        weak_alternatives=[(casefree.compile(p + r"$"), alt) for p, alt in L.WEAK_WORDS[lang].items()],
        weak_exempt=frozenset(L.WEAK_EXEMPT[lang]),
        strong=casefree.compile(strong),
        but_opener=casefree.compile(r"^(?:" + L.BUT_OPENER[lang] + r")\b"),
        presumptive=_any_phrase(L.PRESUMPTIVE[lang]),
        presumed=casefree.compile(L.PRESUMED[lang]),
        signature=casefree.compile(r"^[ \t]*(?:" + L.SIGNATURE[lang] + r")\b[^\n]{0,40}$", re.MULTILINE),
        customer_works=casefree.AnyOf(L.CUSTOMER_WORKS[lang]),
        phone_greeting=_PhoneGreeting(L.PHONE_GREETING[lang], *_PHONE_GREETING_CUES[lang]),
        farewell=casefree.AnyOf([L.FAREWELL[lang]]),
        understanding_explicit=_any_phrase(L.UNDERSTANDING[lang]),
        want=casefree.AnyOf(L.WANT_QUESTION[lang]),
        need_statement=casefree.AnyOf([L.NEED_STATEMENT[lang]]),
        customer_yes=casefree.compile(r"^\W*" + _alt(L.CUSTOMER_YES[lang]) + r"(?!\w)"),
        customer_accepts=casefree.compile(L.CUSTOMER_ACCEPTS[lang]),
        customer_problem=casefree.AnyOf(L.CUSTOMER_PROBLEM[lang]),
        info_request=casefree.AnyOf([L.INFO_REQUEST[lang]]),
        reply_promise=casefree.AnyOf([L.REPLY_PROMISE[lang]], r"(?<![\w-])", r"(?!\w)"),
        restating=casefree.compile(r"^(?:så|altså|so)\s+(?!(?:kan|skal|må|vil|can|will|should)\b)\w+"),
        problem=casefree.AnyOf([L.PROBLEM_WORDS[lang]], r"(?<![\w-])", r"(?!\w)"),
        something_new=casefree.AnyOf([L.SOMETHING_NEW[lang]], r"(?<![\w-])", r"(?!\w)"),
        agreement=casefree.AnyOf([L.AGREEMENT[lang]]),
        holding=casefree.AnyOf(L.HOLDING[lang]),
        closing_question=casefree.compile(L.CLOSING_QUESTION[lang]),
        negation_before=casefree.compile(r"(?:" + L.NEGATION_SCOPE[lang] + r")\s+(?:\w+\s+){0,2}$"),
    )
    alternatives = []
    for code, attr, _ in SCAN_ORDER:
        words = L.WEAK_WORDS[lang] if code == "weak_word" else L.STRONG_WORDS[lang] if code == "strong_word" else None
        # the word-start check is made once, before all the alternatives (see below): repeated inside each
        # kind of finding it cost a third of the scan. The alternatives are grouped by their first
        # character (casefree.first_character_groups): 839,600 -> 821,300 instructions per agent turn
        # (bench/coach_instructions.py 3, callgrind, 2026-12-01).
        pattern = _grouped(words if words is not None else getattr(L, attr)[lang])
        pattern = f"(?:{pattern})" + (r"(?![\w-])" if words is not None else r"(?!\w)")
        alternatives.append(f"(?P<{code}>{pattern})")
    # Every finding starts at the beginning of a word; checking that first lets the engine skip the
    # alternatives at all other positions (three times faster than trying them everywhere).
    rules.scan = casefree.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})")
    # (code, gate, pattern): the gate, when given, must occur in the turn for the pattern to be searched
    structure = (
        ("rule_phrase", None, L.RULE_STRUCTURE[lang]),
        ("rule_phrase", L.RULE_SOURCE[lang], L.RULE_SOURCE_STRUCTURE[lang]),
        ("acknowledgement", None, L.ACK_SORRY[lang]),
        ("acknowledgement", L.FEELING[lang], L.ACK_STRUCTURE[lang]),
    )
    rules.structure = tuple(
        (code, gate and casefree.compile(_phrases([gate])), casefree.compile(_phrases(patterns)))
        for code, gate, patterns in structure
        if patterns
    )
    return rules


RULES = {lang: _rules(lang) for lang in lexicon.LANGUAGES}


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    text: str
    masked: str
    kind: str | None = None  # "open" | "closed" | None
    form: str | None = None
    core: str = ""
    fixed: str | None = None  # a phase the sentence has whatever the context
    options: dict = field(default_factory=dict)  # phase -> score, for a closed question the context decides
    phase: str | None = None  # after decoding
    greeting: bool = False  # only a greeting ("Hei Kari,")
    greets: bool = False  # opens the agent's first turn with a greeting, also before a question ("Hej, hvad...?")
    holding: bool = False  # "Et øjeblik, jeg kigger på det": no solution
    plain_yes_no: bool = False  # a verb-first question that may gather a fact or check the result alike
    plain_statement: bool = False  # a statement with "?" that neither restates the problem nor asks for a fact
    offers: bool = False  # puts the solution to the customer as a question ("Skal jeg sende en ny kode?")


def question_kind(text: str, rules: Rules | str, body: str | None = None) -> str | None:
    """'open', 'closed' or None (not a question) for one sentence."""
    lang = rules if isinstance(rules, str) else rules.lang
    return analyse_question(mask_quotes(text), CLAUSE_RULES[lang])[0]


def _finding(code: str, m_start: int, m_end: int, text: str, polarity: str, lang: str, **fmt) -> dict:
    advice = messages.ADVICE[code][lang].format(text=text, **fmt)
    return {"code": code, "start": m_start, "end": m_end, "text": text, "polarity": polarity, "advice": advice}


def _weak_alternative(word: str, rules: Rules) -> str:
    for pattern, alternative in rules.weak_alternatives:
        if pattern.match(word):
            return alternative
    return ""


@dataclass(slots=True)
class AgentTurn:
    index: int
    text: str
    body_end: int
    sentences: list
    findings: list
    questions: list
    promises: list  # [(start, end, text)]
    solution: bool  # a sentence that gives a solution whatever the context
    first_agent: bool = False
    phase: str = "other"
    phases: list = field(default_factory=list)
    signed: bool = False  # ends with a signature ("Venlig hilsen ..."): an e-mail


def _sentence_phases(s: Sentence, rules: Rules, index: int, first_turn: bool) -> None:
    """The phase a sentence has in any context (`fixed`), or the options a closed question leaves open.

    A greeting only counts in the agent's first turn (a later "Hei Kari," heads an e-mail reply)."""
    text, core = s.masked.strip(), s.core
    greets = index < 2 and rules.greets.search(text)
    greeting = greets or (index == 0 and first_turn and rules.phone_greeting.search(text))
    if greeting and first_turn:
        s.fixed = "greeting"
        s.greets = True
    if greeting and not first_turn and (rules.closing.search(text) or (index > 0 and rules.farewell.search(text))):
        greeting = False  # "Hej hej." at the end, "Fint, så er vi i mål. God dag til dig." say goodbye
    if greeting:
        # the sentence without its (first) greeting phrase (as found above)
        m = greets
        rest = (text[: m.start()] + text[m.end() :] if m else text).strip(" ,.!")
        if not s.kind and (len(rest) < 3 or len(rest.split()) <= 3 or rules.phone_greeting.search(text)):
            s.greeting = True
            return
    farewell = text.count(" ") < 16 and not (first_turn and index == 0)
    # (the opening sentence's thanks, "Hi, thanks for calling, can I take...", is no farewell)
    if (rules.closing.search(text) and not (greeting and first_turn and index == 0)) or (
        farewell and (rules.farewell.search(core or text) or (core and core != text and rules.farewell.search(text)))
    ):
        s.fixed = "closing"
        return
    if s.kind and rules.closing_question.search(core):
        s.fixed = "closing"
        return
    if s.kind == "open":
        s.fixed = "need"
        return
    if s.kind == "closed":
        if rules.suggestion.search(text):
            s.fixed = "solution"  # "Kan du prøve at genstarte?": an instruction put politely
            return
        if rules.offer_question.search(core):
            # "Skal jeg sende en ny kode?", "Shall I switch you over?": the solution put to the customer for
            # acceptance, also as the turn's first offer (LABELS.md, session 9); it gives the solution too, so a
            # later "Virker det nu?" can check it
            s.fixed = "solution_accept"
            s.offers = True
            return
        if rules.understanding_explicit.search(text):
            s.options = {"need_accept": 3.0, "solution_accept": 0.5}
        elif rules.want.search(core) or (s.form in ("declarative", "tag") and rules.need_statement.search(core)):
            s.options = {"need": 1.0, "need_accept": 2.6, "solution_accept": 1.0}
        elif rules.result_check.search(core) or rules.result_check.search(text):
            # (before any solution, "Har du fået en mail med sporingsnummer?" gathers a fact)
            s.options = {"need": 1.5, "need_accept": 0.5, "solution_accept": 3.0}
            if s.form == "tag" or (s.form == "declarative" and rules.restating.match(text)):
                # said back ("Så du har fået regningen, men ikke pengene?", "..., stemmer det?"): before a
                # solution it confirms the need, after one it checks the result
                s.options = {"need": 0.5, "need_accept": 2.0, "solution_accept": 2.2}
        elif s.form in ("declarative", "tag"):
            if rules.agreement.search(core):
                # the plan or the result said back for the customer's agreement: before a solution it confirms
                # the need, after one it checks the solution ("Så kommer du kl. 10.30, er vi enige om det?")
                s.options = {"need": 0.5, "need_accept": 2.0, "solution_accept": 2.7}
            elif rules.problem.search(core) or rules.restating.match(text):
                # restating the problem ("Så fejlen kommer stadig...?", "So you haven't got the parcel?")
                # checks the need, also after a solution; a solution is checked by its result
                s.options = {"need": 0.5, "need_accept": 2.6, "solution_accept": 1.0}
            else:
                s.options = {"need": 0.5, "need_accept": 2.0, "solution_accept": 1.5}
                s.plain_statement = True
        elif rules.something_new.search(core) or rules.info_request.search(_strip_ask(core)):
            # "Bruger du også tv-boksen...?", "Do you also use WhatsApp?": a new fact, not the result
            s.options = {"need": 2.6, "need_accept": 0.5, "solution_accept": 1.0}
        else:
            s.options = {"need": 2.0, "need_accept": 0.5, "solution_accept": 2.2}
            s.plain_yes_no = True
            if _ALTERNATIVES.search(core):
                # A yes/no question that offers alternatives ("Er det fiber eller mobilt bredbånd?", "Is it on
                # wifi or on a cable?") asks which fact holds, not whether the solution worked (none of 64 in
                # the train corpus did); a result check with alternatives keeps its reading above
                s.options["solution_accept"] = 0.3
        return
    if rules.info_request.search(_strip_ask(_strip_greeting(core, rules))):
        # (also a request that ends with a full stop, "Vil du sende mig nummeret.", or follows a greeting)
        s.fixed = "need"
        return
    if rules.not_solution.search(core) or (len(core) < len(text) and rules.not_solution.search(text)):
        # (on the whole sentence too when words were set aside for core: "Tak for det", "Så du har...")
        s.holding = True
        return
    if _holding(core, rules):
        s.holding = True
        return
    if rules.imperative.match(core) or rules.solution.search(text):
        s.fixed = "solution"


# Alternatives appended to an open question after a comma or a colon: two or more, the last after "eller"/"or"
# (not "Hvad er dit navn eller bookingnummer?", one identifier or another in the question itself, nor "Hvad er dit
# kortnummer, eller hvilken mail bruger du?", a second question).
_APPENDED_ALTERNATIVES = re.compile(
    r"[,:]\s+(?!(?:eller|or)\b)[^,:?]+(?:,\s*(?!(?:eller|or)\b)[^,:?]+)*,?\s+(?:eller|or)\s+(?!(?:hva|hvad|hvilk\w*|hvor\w*|"
    r"what|which|how|where|when|who)\b)[^,?]+\??$",
    re.IGNORECASE,
)
_NEITHER = re.compile(r"\b(?:hverken|verken|neither)\b", re.IGNORECASE)
_ALTERNATIVES = re.compile(r"\w[\s,]+(?:eller|or)\s+(?!(?:hvad|hva|ej|ikke|not|no|what)\b)\w", re.IGNORECASE)


# A holding sentence is short: a longer one goes on to say what was found or what happens next.
_HOLDING_WORDS = 12


_THEN_ACT = re.compile(
    r"\b(?:og|and|så|then)\s+(?:\w+\s+)?(?:ring|ringe|ringer|call|send|sende|sender|skriv|skrive|skriver|write|"
    r"e-?mail|text|sms|giv|give|giver|gir)\b",
    re.IGNORECASE,
)


def _holding(core: str, rules: Rules) -> bool:
    """Looking into the matter, not answering it yet: "Jeg kigger lige på din ordre", "I'm going to check with
    my colleague", "Two ticks", "Sorry about that", "That's annoying, I'm sorry" (every clause holds;
    lexicon.HOLDING); not when it goes on to come back or act ("Jeg undersøger det og vender tilbage i
    morgen", "I'll check it and call you back")."""
    if core.count(" ") >= _HOLDING_WORDS:
        return False
    if not rules.holding.search(core):
        parts = core.split(", ")
        if not (1 < len(parts) <= 3 and all(rules.holding.search(p) for p in parts)):
            return False
    # (what takes it back is read last: most sentences hold nothing, and _THEN_ACT, searched at every
    # position, cost 1.5 % of the coach's time when it was read first)
    return not (rules.reply_promise.search(core) or _THEN_ACT.search(core))


_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")


_OPENING_HOURS = re.compile(
    r"\b(?:åbent|åben|åpent|åpen|open|opening hours|åbningstid\w*|åpningstid\w*)\b"
    r".*\b(?:kl\.?|\d|mandag|monday|hverdage|hverdager|weekdays)",
    re.IGNORECASE,
)


def analyze_agent_turn(text: str, rules: Rules, lang: str, index: int, first_turn: bool, sent_at) -> AgentTurn:
    # The turn is the scope (see prefilter.py) before its signature is looked for: searched in the previous
    # turn's scope, the signature pattern ran on every turn, also on the chat turns that hold none of its
    # words (13,000 instructions where it runs; every agent turn of bench/coach.py is signed, so the bench
    # does not show it). Text in quotes, masked, is added to the scope.
    casefree.scope(text)
    signature = rules.signature.search(text)
    body = text[: signature.start()] if signature and signature.start() > 0 else text
    masked = mask_quotes(body)
    if "’" in masked:
        # a phone's typographic apostrophe ("I’m not allowed", "You’re right") read as the plain one the
        # patterns are written with (same length, so every offset stays valid)
        masked = _APOSTROPHE.sub("'", masked)
    if masked is not body:
        casefree.scope(text, masked)
        base = len(text) + 1  # (where masked starts in the scope's text)
    else:
        base = 0  # (the turn's text, up to its signature)
    casefree.scope_part(masked, base)
    clause_rules = CLAUSE_RULES[lang]
    sentences = []
    for start, end in _split(masked):
        s = Sentence(start, end, body[start:end], masked[start:end])
        casefree.scope_part(s.masked, base + start)
        s.kind, s.form, s.core = analyse_question(s.masked, clause_rules)
        if s.kind and s.form != "tag" and (" og " in s.masked or " and " in s.masked):
            # (gated: most questions hold no "og/and"; the gate on a comma too cost 3 % of the coach's
            # instructions, bench/coach_instructions.py, 2026-12-01)
            if split := coordinated_questions(s.masked, clause_rules):
                first = Sentence(
                    start, start + split[0], body[start : start + split[0]], masked[start : start + split[0]]
                )
                first.kind, first.form, first.core = analyse_question(first.masked + "?", clause_rules)
                second = Sentence(start + split[1], end, body[start + split[1] : end], masked[start + split[1] : end])
                second.kind, second.form, second.core = analyse_question(second.masked, clause_rules)
                if first.kind and second.kind:
                    sentences += (first, second)
                    continue
        sentences.append(s)
    findings: list[dict] = []
    questions: list[dict] = []
    question_spans: list[tuple[int, int]] = []
    promises = []
    imperative_spans = []
    solution = receipt = False
    for i, s in enumerate(sentences):
        _sentence_phases(s, rules, i, first_turn)
        sentence = s.text.strip()
        if s.kind:
            questions.append({"text": sentence, "kind": s.kind})
            question_spans.append((s.start, s.end))
            if s.kind == "open":
                findings.append(_finding("open_question", s.start, s.end, sentence, "good", lang))
                if "eller" in s.core or " or " in s.core:
                    if _APPENDED_ALTERNATIVES.search(s.core):
                        # an open question with alternatives put after it ("Hvordan er fakturaene sendt, som
                        # e-post, EHF eller eFaktura?", "What matters most: the price, or the speed?") offers them
                        findings.append(_finding("presumptive_question", s.start, s.end, sentence, "improve", lang))
            elif (
                rules.presumptive.search(s.core) and s.form != "declarative" and not _NEITHER.search(s.core)
            ) or rules.presumed.match(s.core):
                # ("verken ... eller", "neither ... nor" offer no alternatives)
                findings.append(_finding("presumptive_question", s.start, s.end, sentence, "improve", lang))
        if s.fixed == "solution" or s.offers:
            solution = True
        if not s.kind and sentence.endswith("?"):
            s.holding = True  # a rhetorical question ("Who wants that on a Monday?") neither asks nor promises
        elif (
            not s.kind
            and not opens_with_condition(s.masked.lstrip(), lang)
            and not (s.holding and rules.restating.match(sentence))
        ):
            # (the customer's words said back, "Så du vil aflevere bilen den 30.", promise nothing of ours)
            offset = s.start + (len(s.text) - len(s.text.lstrip()))
            conditional, first, joined = False, True, False
            evaluation = None  # read only once a clause promises (see below)
            opening, ordered = None, None  # the first clause and whether it is an instruction (read when needed)
            for part in _clauses(s.masked.strip(), offset):
                # An instruction to the customer ("Ring til os i morgen") is not our promise.
                lead_stripped = _strip_lead(part[2], lang)
                imperative = rules.imperative.match(lead_stripped)  # (is_promise reads the other imperatives)
                # A condition scopes the rest of its sentence ("Jeg ringer i morgen, og hvis du ikke svarer,
                # sender jeg en sms")
                # (the first clause was read with its sentence)
                conditional = conditional or (not first and opens_with_condition(part[2], lang))
                if first:
                    opening = (part[2], imperative is not None)
                first = False
                after_promise, joined = joined, False
                if conditional or imperative or not is_promise(part[2], lang):
                    continue
                if part[0] > offset:
                    if ordered is None:
                        # an instruction first makes what we do after it, with no time, its condition ("Call us on
                        # this number and we'll send bottled water"; see promises.is_promise); not a farewell
                        # ("Take care, and the plumber will ring you"). Read only for a clause that promises.
                        ordered = (opening[1] or opens_with_instruction(opening[0], lang)) and not (
                            rules.farewell.search(opening[0])
                        )
                    if ordered and not has_time(part[2], lang):
                        continue
                if evaluation is None:
                    evaluation = opens_with_evaluation(s.masked.lstrip())
                if evaluation and not ours_opens(part[2]):
                    continue  # the customer's situation weighed (see promises._EVALUATION)
                if part[0] > offset and charge_not_made(part[2], body[offset : part[0]]):
                    continue  # what follows from a state, not from our act (see promises._NOT_CHARGED)
                # a farewell holds no promise ("Tak for i dag, og god aften.", "Ha en fin lørdag!"), nor does
                # what we need from the customer ("Jeg skal bruge dit kundenummer"); checked last, as most
                # clauses are no promise anyway
                if rules.farewell.search(part[2]) or rules.closing.search(part[2]):
                    continue
                if rules.info_request.search(lead_stripped):
                    continue
                joined = True
                if (
                    after_promise
                    and _SAME_PROMISE.match(body, promises[-1][1], part[1])
                    and not has_time(promises[-1][2], lang)
                ):
                    # the promise before it goes on: "Nyt kort bliver sendt og er hos dig på fredag" is one
                    start = promises[-1][0]
                    promises[-1] = (start, part[1], body[start : part[1]])
                    continue
                promises.append((part[0], part[1], body[part[0] : part[1]]))
                if first_turn and rules.reply_promise.search(part[2]):
                    # "Vi har modtaget din mail og svarer dig inden for 48 timer": a receipt, before anyone
                    # has read the matter, promises an answer but gives none
                    receipt = True
                elif s.fixed is None and not _holding(lead_stripped, rules):
                    # (looking into it, "Jeg kigger lige på din ordre", "og jeg vil gerne finde ud af, om...",
                    # promises no answer)
                    s.fixed = "solution"
                    solution = True
        if m := rules.but_opener.match(sentence):
            offset = s.start + (len(s.text) - len(s.text.lstrip()))
            start, end = offset + m.start(), offset + m.end()
            findings.append(_finding("but_opener", start, end, body[start:end], "improve", lang))
        if not s.kind and s.fixed == "solution" and (m := rules.imperative.match(s.core)):
            offset = s.start + s.masked.find(s.core)
            imperative_spans.append((offset, offset + m.end()))
            findings.append(
                _finding("strong_word", offset, offset + m.end(), body[offset : offset + m.end()], "good", lang)
            )
    _scan_words(masked, body, rules, lang, findings, question_spans, imperative_spans, sentences)
    findings.sort(key=lambda f: (f["start"], f["end"]))
    _merge_adjacent(findings, body, lang)
    if first_turn and not questions and not solution and not receipt:
        # The agent's first reply that only says when we answer or when we are open, promised or not ("Vi
        # svarer vanligvis innen to virkedager", "We aim to respond within 10 days"), is a receipt.
        receipt = any(
            rules.reply_promise.search(s.core) or _OPENING_HOURS.search(s.core)
            for s in sentences
            if not (s.fixed or s.greeting or s.holding)
        )
    if not questions and not solution and not receipt:
        # A turn without questions that says something of substance answers the customer: an explanation,
        # a status, a rule, an offer. Holding ("Et øjeblik"), thanks, a greeting or only an acknowledgement
        # does not.
        feelings = [(f["start"], f["end"]) for f in findings if f["code"] in ("acknowledgement", "risky_agreement")]
        for s in sentences:
            if s.fixed or s.greeting or s.holding:
                continue
            words = len(s.core.split())
            lead = s.start + len(s.text) - len(s.text.lstrip())
            # A sentence that opens with the customer's feeling ("Hvor er det frustrerende at...") acknowledges.
            if any(a <= lead + 12 and b > lead for a, b in feelings):
                continue
            if words >= 3:
                s.fixed = "solution"
                solution = True
    turn = AgentTurn(index, text, len(body), sentences, findings, questions, promises, solution, first_turn)
    turn.signed = signature is not None
    return turn


def _merge_adjacent(findings: list, body: str, lang: str) -> None:
    """Two rule phrases side by side are one ("According to our terms, we can't refund opened items")."""
    i = 0
    while i + 1 < len(findings):
        a, b = findings[i], findings[i + 1]
        if (
            a["code"] == b["code"] == "rule_phrase"
            and b["start"] - a["end"] <= 3
            and not body[a["end"] : b["start"]].strip(" ,")
        ):
            findings[i] = _finding("rule_phrase", a["start"], b["end"], body[a["start"] : b["end"]], "improve", lang)
            del findings[i + 1]
        else:
            i += 1


def _strip_greeting(core: str, rules: Rules) -> str:
    """The sentence without a greeting in front ("Hello, please send us a photo" -> "please send us a photo")."""
    m = rules.greets.search(core)
    if m is None or m.start() > 0:
        return core
    rest = core[m.end() :].lstrip(" ,!")
    first, _, after = rest.partition(", ")  # a name after the greeting: "Hi Sara, can you..."
    return after if after and len(first.split()) <= 3 else rest


_ASK = re.compile(
    r"^(?:kan|vil|gider|could|can|would|will) (?:du|i|dere|you) (?:(?:lige|gerne|bare|please|also|også) )*", re.I
)


# The characters _ASK can open with (re.IGNORECASE also reads the Kelvin sign as "k"): a sentence that opens
# otherwise is not matched (1.2 calls per agent turn, nearly all on such sentences, bench/coach.py's batch).
_ASK_FIRST = "kvgcwKVGCW\u212a"


def _strip_ask(core: str) -> str:
    """The request inside a polite question: "Kan du sende mig dit ordrenummer?" -> "sende mig dit..."."""
    if core[:1] not in _ASK_FIRST:
        return core
    m = _ASK.match(core)
    return core[m.end() :] if m else core


# A clause that goes on with an untimed promise before it, not a promise of its own (the writers label the
# whole as one; after a timed promise, "bliver sendt i morgen og er hos dig på fredag", they label two):
# its subject left out ("Nyt kort bliver sendt med posten og er hos dig på fredag", "A technician comes on the
# 14th and sets up the box") or the customer having what was just promised ("Kortet sendes i dag, og du har det
# på fredag"). Matched from the end of the promise before it.
_SAME_PROMISE = re.compile(
    r"[\s,.]*(?:og|and)\s+(?:"
    r"(?:vil|skal|bliver|blir|kommer|er|is|are|will|should|arrives|arrive|lander|ankommer|når|ligger|står)\b"
    r"|(?:du|dere|i|you)\s+(?:har|får|have|get|will have|'ll have|’ll have)\s+(?:det|den|dem|it|them)\b"
    r")",
    re.IGNORECASE,
)


def _strip_lead(text: str, lang: str) -> str:
    r = CLAUSE_RULES[lang]
    text = r.interjections.strip(text)
    if m := r.connectors.match(text):
        text = text[m.end() :]
    return text


def _clauses(sentence: str, offset: int):
    """(start, end, text) of the clauses of a sentence that may each hold a promise."""
    position = 0
    for m in _CLAUSE_SPLIT.finditer(sentence) if _may_split(sentence) else ():
        if m.start() > position:
            yield offset + position, offset + m.start(), sentence[position : m.start()]
        position = m.end()
    end = len(sentence.rstrip()) if position == 0 else len(sentence.rstrip(" .!"))
    if end > position:
        yield offset + position, offset + end, sentence[position:end]


def _scan_words(masked, body, rules, lang, findings, question_spans, imperative_spans, sentences):
    first = len(findings)
    for m in rules.scan.finditer(masked):
        code = m.lastgroup
        start, end = m.start(), m.end()
        word = body[start:end]
        if code == "strong_word":
            # Strong words count in statements only, not negated, and an imperative is reported once.
            if any(a <= start < b for a, b in imperative_spans) or any(a <= start < b for a, b in question_spans):
                continue
            if masked[end : end + 6].lower().startswith((" ikke", " not", "n't", " aldrig", " aldri", " never")):
                continue
            findings.append(_finding(code, start, end, word, "good", lang))
        elif code == "weak_word":
            if _weak_is_fine(masked, start, end, rules, sentences):
                continue
            alternative = _weak_alternative(word, rules)
            findings.append(_finding(code, start, end, word, "improve", lang, alt=alternative))
        else:
            findings.append(_finding(code, start, end, word, SCAN_POLARITY[code], lang))
    # Rule phrases and acknowledgements read from their structure, as if they were more alternatives of the
    # scan: one that overlaps a finding starting before it is not read, and findings starting inside it are
    # not either.
    for code, gate, pattern in rules.structure:
        if gate is not None and not gate.search(masked):
            continue
        for m in pattern.finditer(masked):
            start, end = m.start(), m.end()
            if any(f["start"] < start < f["end"] or f["start"] == start for f in findings[first:]):
                continue
            findings[first:] = [f for f in findings[first:] if not start < f["start"] < end]
            findings.append(_finding(code, start, end, body[start:end], SCAN_POLARITY[code], lang))


_CUSTOMER_DID = re.compile(
    r"(?:\b(?:du|dere|you)\s+(?:har\s+|have\s+|'ve\s+|had\s+)?(?:\w+\s+)?|\b(?:har|have|did|do|hadde|havde)\s+(?:du|dere|you|i)\s+(?:\w+\s+)?"
    r"|\b(?:prøvede|prøvde|tried)\s+(?:du|you)\s+)$",
    re.IGNORECASE,
)


_HEDGED_SUGGESTION = re.compile(
    r"\b(?:du|i|dere|you)\s+(?:kan|kunne|could|can|might|may)\s+(?:(?:måske|kanskje|maybe|perhaps|also|også|evt\.?)\s+)?$",
    re.IGNORECASE,
)
_TOLD_TO = re.compile(
    r"(?:\b(?:du|i|dere|you)\s+(?:skal|må|bør|should|must|need to|have to)\s+(?:bare\s+|just\s+|simply\s+)?(?:\w+\s+)?"
    r"|\b(?:velkommen til (?:at|å)|welcome to)\s+|\b(?:a|another|one more)\s+)$",
    re.IGNORECASE,
)
_DETERMINER = re.compile(
    r"\b(?:en|et|ei|din|dit|dine|ditt|min|mit|mitt|mine|vores|vår|våre|jeres|deres|sin|sit|sitt|sine|den|de|flere|"
    r"nogle|noen|alle|to|tre|ny|nye)\s+$",
    re.IGNORECASE,
)
_ASKED = re.compile(r"\s+(?:du|dere|you|i)\b", re.IGNORECASE)
_ASK_OPENS = re.compile(
    r"^\W*(?:(?:og|and|så|so)\s+)?(?:(?:hvad|hva|hvorfor|hvordan|hvornår|når|hvor|what|why|how|when|where)\s+)?$",
    re.IGNORECASE,
)
_HEDGES = frozenset(("måske", "kanskje", "maybe", "perhaps", "muligvis", "muligens", "possibly"))


def _weak_is_fine(masked: str, start: int, end: int, rules: Rules, sentences) -> bool:
    """A negated weak word ("du behøver ikke prøve") and an instruction to the customer to retry ("Prøv igen
    senere", "Log out and try again") are not the agent hedging."""
    sentence_start = 0
    for s in sentences:
        if s.start <= start < s.end:
            sentence_start = s.start
            break
    before = masked[sentence_start:start]
    if rules.negation_before.search(before):
        return True
    if _HEDGED_SUGGESTION.search(before[-30:]):
        return False  # "Du kan prøve at forny det", "you could try": the agent hedges a suggestion
    word = masked[start:end].lower()
    if word in ("prøv", "prøv'"):  # da/nb imperative: the customer's action
        return True
    if word[:3] == "prø" and _DETERMINER.search(before[-12:]):
        return True  # a noun: "din prøve", "en prøve", "dine prøver" (a sample, a test)
    if _TOLD_TO.search(before[-40:]) and word not in _HEDGES:
        # "Du skal bare prøve igen", "Du er velkommen til at prøve igen", "Give it another try": an instruction
        return True
    if word not in _HEDGES and word[:4] != "hvis" and _ASKED.match(masked, end) and _ASK_OPENS.search(before):
        # "Tror du, det er sket før?", "Hva tror du har skjedd?": the customer's belief asked (verb first, or
        # after the question word; "Jeg tror du må..." stays the agent's hedge)
        return True
    if _CUSTOMER_DID.search(before[-25:]) and word not in _HEDGES:
        # "Har du prøvet...?", "Have you tried...?", "selv om du trodde": the customer's action or belief
        return True
    if word == "try":
        previous = before.rstrip().rsplit(None, 1)
        last = previous[-1].lower().strip(",;:") if previous else ""
        return not previous or last in rules.weak_exempt or before.rstrip().endswith((",", ":", ";", "-"))
    return False


def _parse_time(value, where: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError("must be an ISO-8601 date-time string or null", where)
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(f"not an ISO-8601 date-time: {value!r}", where) from None


CHANNELS = ("chat", "phone", "email")


def validate(data) -> tuple[str | None, datetime | None, list[dict]]:
    if not isinstance(data, dict):
        raise InputError("the input must be a JSON object", None)
    language = data.get("language")
    if language is not None and language not in lexicon.LANGUAGES:
        raise InputError(f"must be one of {', '.join(lexicon.LANGUAGES)} or null", "language")
    channel = data.get("channel")
    if channel is not None and channel not in CHANNELS:
        raise InputError(f"must be one of {', '.join(CHANNELS)} or null", "channel")
    sent_at = _parse_time(data.get("sent_at"), "sent_at")
    turns = data.get("turns")
    if not isinstance(turns, list):
        raise InputError("must be a list of turns", "turns")
    clean = []
    for i, turn in enumerate(turns):
        if not isinstance(turn, dict):
            raise InputError("each turn must be an object", f"turns[{i}]")
        speaker = turn.get("speaker")
        if speaker not in ("agent", "customer"):
            raise InputError("must be 'agent' or 'customer'", f"turns[{i}].speaker")
        text = turn.get("text")
        if not isinstance(text, str):
            raise InputError("must be a string", f"turns[{i}].text")
        # (the error's place is formatted only for a turn that has a time, not for every turn)
        turn_sent_at = turn.get("sent_at")
        if turn_sent_at is not None:
            turn_sent_at = _parse_time(turn_sent_at, f"turns[{i}].sent_at")
        clean.append({"speaker": speaker, "text": text, "sent_at": turn_sent_at or sent_at})
    return language, sent_at, clean


def analyze(data: dict) -> dict:
    """Analyse a conversation given in the documented JSON shape (see wowdesk.coaching)."""
    language, _sent_at, turns = validate(data)
    lang = language or detect_language(" ".join(t["text"] for t in turns))
    rules = RULES[lang]
    agent_turns: list[AgentTurn] = []
    customer_before: dict[int, str] = {}
    customer_after: dict[int, str] = {}
    last_customer = None
    out_turns = []
    for index, turn in enumerate(turns):
        if turn["speaker"] == "customer":
            if agent_turns and agent_turns[-1].index not in customer_after:
                customer_after[agent_turns[-1].index] = turn["text"]
            last_customer = turn["text"]
            out_turns.append(
                {
                    "speaker": "customer",
                    "phase": None,
                    "questions": [],
                    "findings": [],
                    "sentiment": sentiment(turn["text"], lang),
                }
            )
            continue
        if last_customer is not None:
            customer_before[index] = last_customer
            last_customer = None
        agent = analyze_agent_turn(turn["text"], rules, lang, index, not agent_turns, turn["sent_at"])
        agent_turns.append(agent)
        out_turns.append(None)
    decode(agent_turns, rules, customer_before, customer_after)
    channel = data.get("channel") or ("email" if looks_like_mail(agent_turns) else None)
    promises = []
    made: dict = {}  # due -> the texts of the promises of earlier turns due then
    all_findings: list[dict] = []
    questions = {"open": 0, "closed": 0}
    for agent in agent_turns:
        all_findings.extend(agent.findings)
        for q in agent.questions:
            questions[q["kind"]] += 1
        sent = turns[agent.index]["sent_at"]
        this_turn = []
        for _start, _end, text in agent.promises:
            due = resolve_due(text, lang, sent)
            if begun(text, lang, sent):
                continue  # a change already in effect or backdated is a state report (LABELS.md, session 10)
            # a promise said again at the same time is labelled once, where first made; with a new time it is a
            # new commitment (LABELS.md, session 10)
            if due is not None and made and restates(text, due, made, lang):
                continue
            this_turn.append((due, text))
            promises.append({"turn": agent.index, "text": text, "due": due.isoformat() if due else None})
        for due, text in this_turn:
            if due is not None:
                made.setdefault(due, []).append(text)
        out_turns[agent.index] = {
            "speaker": "agent",
            "phase": agent.phase,
            "questions": agent.questions,
            "findings": agent.findings,
            "sentiment": None,
        }
    bala, conversation_findings = _conversation(agent_turns, questions)
    mail = check_mail(agent_turns[-1], rules, lang) if channel == "email" and agent_turns else None
    score, strengths, improvements = _assess(lang, bala, conversation_findings, all_findings, agent_turns, questions)
    return {
        "language": lang,
        "turns": out_turns,
        "bala": bala,
        "conversation_findings": conversation_findings,
        "promises": promises,
        "score": score,
        "strengths": strengths,
        "improvements": improvements,
        "mail": mail,
    }


def _conversation(agent_turns: list[AgentTurn], questions: dict) -> tuple[dict, list]:
    """The BALA path (which steps occurred, and whether in order) and the conversation findings."""
    timeline = [p for agent in agent_turns for p in agent.phases]
    first: dict[str, int] = {}  # each phase's first place on the timeline, found in one pass
    for i, p in enumerate(timeline):
        if p not in first:
            first[p] = i
    bala = {p: p in first for p in ("need", "need_accept", "solution", "solution_accept")}
    bala["in_order"] = all(bala.values()) and (
        first["need"] < first["need_accept"] < first["solution"] < first["solution_accept"]
    )
    findings = []
    if not agent_turns:
        return bala, findings
    turn_phases = [agent.phase for agent in agent_turns]
    # A solution given in the closing turn ("Jeg har lagt lisenserne til. ... Er der andet?") is given all the
    # same: it comes before the need was confirmed if none was, and it needs its check like any other.
    first_solution = next(
        (
            i
            for i, agent in enumerate(agent_turns)
            if agent.phase in ("solution", "solution_accept")
            or (agent.phase == "closing" and "solution" in agent.phases)
        ),
        None,
    )
    first_need_accept = next((i for i, p in enumerate(turn_phases) if p == "need_accept"), None)
    if first_solution is not None and (first_need_accept is None or first_need_accept > first_solution):
        findings.append("solution_before_need_accept")
    if not _solution_checked(agent_turns, turn_phases, timeline):
        findings.append("no_solution_accept")
    if "greeting" not in agent_turns[0].phases and not any(s.greets for s in agent_turns[0].sentences):
        findings.append("no_greeting")
    if "closing" not in first:
        findings.append("no_closing_question")
    if questions["closed"] and not questions["open"]:
        findings.append("only_closed_questions")
    return bala, findings


def _solution_checked(agent_turns: list[AgentTurn], turn_phases: list[str], timeline: list[str]) -> bool:
    """Whether the solution was checked. The last turn that gives a solution must be followed by a check, in a
    later turn, also one that goes on to the closing ("Kan du se reklamationen nu? Ha en fin dag!"): a new
    solution after a check needs its own check. A solution given only inside another turn (the closing turn,
    a check) is checked by a check after it, in the same turn or later ("Jeg har lagt lisenserne til. ... Ser
    du dem nu? God weekend!")."""
    last_solution = max((i for i, p in enumerate(turn_phases) if p == "solution"), default=None)
    if last_solution is not None:
        return any("solution_accept" in agent.phases for agent in agent_turns[last_solution + 1 :])
    if "solution" not in timeline:
        return True
    first = timeline.index("solution")
    return "solution_accept" in timeline[first + 1 :] or any(
        agent.phase == "solution_accept" and "solution" in agent.phases for agent in agent_turns
    )


# Points per achievement and per problem; the score is clamped to 0..100. Documented in docs/coaching.md.
POINTS = {
    "greeting": 10,
    "need": 15,
    "need_accept": 15,
    "solution": 10,
    "solution_accept": 15,
    "closing": 10,
    "in_order": 5,
    "acknowledgement": 5,
    "strong_words": 5,
    "base": 10,
}
PENALTY = {
    "weak_word": (3, 15),
    "but_opener": (5, 10),
    "risky_agreement": (4, 8),
    "presumptive_question": (4, 12),
    "rule_phrase": (8, 16),
    "only_closed_questions": (5, 5),
}


_STRENGTH_KEYS = {
    "greeting": "greeting",
    "need": "open_questions",
    "need_accept": "need_accept",
    "solution": "solution",
    "solution_accept": "solution_accept",
    "closing": "closing",
    "in_order": "in_order",
    "acknowledgement": "acknowledgement",
    "strong_words": "strong_words",
}
# Most important first: what breaks first contact resolution, then the way words land.
_IMPROVEMENT_ORDER = (
    "solution_before_need_accept",
    "no_solution_accept",
    "only_closed_questions",
    "rule_phrase",
    "presumptive_question",
    "weak_word",
    "but_opener",
    "risky_agreement",
    "no_closing_question",
    "no_greeting",
)


def _assess(lang, bala, conversation_findings, findings, agent_turns, questions):
    if not agent_turns:
        return 0, [], []
    codes: dict[str, int] = {}
    for f in findings:
        codes[f["code"]] = codes.get(f["code"], 0) + 1
    achieved = []
    if "no_greeting" not in conversation_findings:
        achieved.append("greeting")
    if questions["open"]:
        achieved.append("need")
    achieved += [p for p in ("need_accept", "solution", "solution_accept") if bala[p]]
    if "no_closing_question" not in conversation_findings:
        achieved.append("closing")
    if bala["in_order"]:
        achieved.append("in_order")
    if codes.get("acknowledgement"):
        achieved.append("acknowledgement")
    if codes.get("strong_word") and not codes.get("weak_word"):
        # Praise for strong words only when no weak word takes it back.
        achieved.append("strong_words")
    score = POINTS["base"] + sum(POINTS[a] for a in achieved)
    problems = {c: n for c, n in codes.items() if c in PENALTY}
    if "only_closed_questions" in conversation_findings:
        problems["only_closed_questions"] = 1
    for code, n in problems.items():
        each, cap = PENALTY[code]
        score -= min(each * n, cap)
    score = max(0, min(100, score))
    strengths = [messages.STRENGTHS[_STRENGTH_KEYS[a]][lang] for a in achieved]
    if not codes.get("weak_word") and questions["open"] + questions["closed"] + len(findings):
        strengths.append(messages.STRENGTHS["clean_language"][lang])
    present = set(conversation_findings) | set(problems)
    improvements = [messages.IMPROVEMENTS[c][lang] for c in _IMPROVEMENT_ORDER if c in present]
    return score, strengths, improvements


__all__ = ["PHASES", "PHASE_RANK", "InputError", "analyze", "question_kind"]
