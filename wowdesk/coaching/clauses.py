"""Reading one sentence's clause structure: is it a question, and is it open or closed?

A question is recognised by its word order, not only by its "?":
- a question word first (hvad/hva/what...) asks an open question;
- a finite verb first followed by its subject (Kan du..., Har I..., Does it...) asks a yes/no question;
- an embedded question after fortælle/sige/vide/spørge/tell/know/check is decided by the word that opens
  it: om/hvorvidt/whether/if ask for yes or no (closed), a question word for an answer in words (open);
- an open prompt (Fortæl mig..., Kan du beskrive..., Walk me through...) is open;
- a statement with "?" and a tag question (", ikke?", ", right?") are closed.
In chat a question often has no "?": then a question word followed by a finite verb ("hvad kan jeg hjælpe
dig med") or a verb-first clause with its subject ("can you see the blue button") still asks. Rhetorical
questions ("Hvem kender ikke det?") are not questions; text in quotes (a UI label 'Klik på "Hvad er nyt?"')
is masked before a sentence is read, so it is not one either.
"""

import re
from dataclasses import dataclass

from . import casefree, lexicon, prefilter

# Text in quotes: UI labels, the customer's words, error messages. Its letters are masked (same length, so
# offsets stay valid) before sentences are split and read.
# (Every alternative starts with its quote character, the check of the character before behind it, so the
# engine skips from one quote character to the next; it tried every position, 58,000 instructions per text.)
_QUOTED = re.compile(
    r"\"[^\"\n]{1,80}\"|“[^”\n]{1,80}”|«[^»\n]{1,80}»|„[^“”\n]{1,80}[“”]"
    # (an apostrophe inside a quoted label is no end: 'What's new?')
    r"|'(?<![\w].)(?:[^'’\n]|['’](?=\w)){1,60}['’](?![\w])|‘(?<![\w].)(?:[^'’\n]|['’](?=\w)){1,60}['’](?![\w])"
)
_EMOJI = "[\\s\U0001f300-\U0001faff\u2600-\u27bf\ufe0f]"
_TRAILING = " \t\r\"'”»)*~.…:;-_😊🙂😀😃😉👍🙏🤞😅❤️!"


def mask_quotes(text: str) -> str:
    if '"' not in text and "'" not in text and "“" not in text and "«" not in text and "„" not in text:
        return text
    return _QUOTED.sub(lambda m: m.group()[0] + "_" * (len(m.group()) - 2) + m.group()[-1], text)


def _words(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@dataclass(slots=True)
class ClauseRules:
    interjections: "_Interjections"
    connectors: re.Pattern
    question_word: re.Pattern
    wh_verb: re.Pattern
    v1: "_FirstWordGated"
    open_prompt: re.Pattern
    embedded: re.Pattern
    yes_no: re.Pattern
    subordinate: re.Pattern
    tag: re.Pattern
    rhetorical: re.Pattern
    greeting_prefix: re.Pattern
    exclamative: re.Pattern
    wh_subject: re.Pattern
    ask_frame: re.Pattern
    v2_connectors: bool
    adverb_first: re.Pattern
    inverted: re.Pattern | None
    embeds: re.Pattern  # a lead that ends in a verb of knowing or saying, or a preposition: its clause is embedded
    chat_inverted: re.Pattern | None
    chat_tag: re.Pattern
    elliptic: re.Pattern
    prep_wh: re.Pattern
    wonder: re.Pattern
    ask_verb: re.Pattern
    first_person: frozenset
    prepositions: frozenset
    rhetorical_late: re.Pattern
    reported: re.Pattern
    lang: str = ""


_EMBEDDING_PREPOSITIONS = {"da": "om|på|over", "nb": "om|på|over", "en": "about|of"}
# The customer as the subject ("du", Danish "I", Norwegian "dere", "you"), case kept: Danish "i" is "in".
_YOU = {
    "da": re.compile(r"\b(?:[Dd]u|I)\b"),
    "nb": re.compile(r"\b(?:[Dd]u|[Dd]ere)\b"),
    "en": re.compile(r"\b[Yy]ou\b"),
}


_INDEFINITE_MODALS = "kan|kunne|vil|ville|skal|skulle|må|er|var|har|blev|ble|bliver|blir|can|could|would|will|should|might|may|is|was|did|does|has"
# Letters that re.IGNORECASE folds as str.lower() does (unlike "ſ", "K", "Å", which it also reads as s, k, å)
_PLAIN_CASE = frozenset(map(chr, range(128))) | frozenset("æøå")


class _Interjections:
    """The interjections (and a list marker, an emoji) that open a sentence, stripped: "Okay, ...", "- Hvad...".

    The pattern may match the empty string, so it has no heads (casefree) and ran on every sentence two or
    three times (analyse_question, the promises' clauses), some 3,500 instructions a call. A text that opens
    with a letter opens with no marker, emoji or space, so unless it opens with one of the interjections'
    heads the match is empty and the text stays as it is (856,900 -> 848,900 instructions per agent turn,
    bench/coach_instructions.py, callgrind, 2026-12-01)."""

    __slots__ = ("_head_length", "_heads", "_pattern", "pattern")

    def __init__(self, words: str):
        self.pattern = (
            # (and a list marker: "1) What is...?", "- Hvornår...?")
            # (one optional marker, so the emoji run stays a single-character repeat, which the engine runs fast)
            rf"^{_EMOJI}*(?:(?:[-–•*·]|\d{{1,2}}[.)])\s+)?(?:(?:{words})(?![\w'])[\s,.…!:;–—\-\U0001F300-\U0001FAFF\u2600-\u27BF]*)*"
        )
        self._pattern = casefree.compile(self.pattern)
        heads = prefilter.heads(casefree._lower_source(f"(?:{words})"), re.UNICODE)
        # (a pattern that tests case on purpose reads the text as written: not gated)
        lowered = isinstance(self._pattern, casefree.CaseFree)
        self._heads = None if heads is None or not lowered else dict.fromkeys(heads)
        self._head_length = len(next(iter(heads))) if heads else 0

    def strip(self, text: str) -> str:
        """The text without its opening interjections."""
        if self._heads is not None and text and prefilter.ENABLED:
            low = casefree.lower(text)
            if low[0].isalpha() and low[: self._head_length] not in self._heads:
                return text
        m = self._pattern.match(text)
        return text[m.end() :] if m else text


class _FirstWordGated:
    """The verb-first pattern (match() at the start only), run only when the sentence's first word can open
    it: a finite verb of the list, a word ending in "-er" (its verb-with-definite-subject alternative), or a
    word with a letter beyond a-z and æøå (read by the pattern itself, for re.IGNORECASE's own case folds).
    Every alternative reads that first word and then whitespace. The pattern tests case on purpose (a
    capitalised name as the subject), so it runs with re.IGNORECASE, where the engine tries each of its some
    100 verbs letter by letter: 5.5 of the coach's ~100 µs per agent turn, on 1.9 calls (bench/coach.py's
    batch, 2026-12-01), a third of them on sentences that open with no verb at all."""

    __slots__ = ("_heads", "_pattern", "pattern")

    def __init__(self, source: str, first_words):
        self._pattern = casefree.compile(source)
        self.pattern = source
        self._heads = frozenset(w.split()[0] for w in first_words)

    def match(self, text: str):
        words = text.split(None, 1)
        if len(words) < 2 or text[0].isspace():
            return None
        first = words[0].lower()
        if first in self._heads or first.endswith("er") or not _PLAIN_CASE.issuperset(first):
            return self._pattern.match(text)
        return None


def _clause_rules(lang: str) -> ClauseRules:
    L = lexicon
    wh = _words(L.QUESTION_WORDS[lang])
    finite = L.FINITE_VERBS[lang]
    subjects = L.SUBJECTS[lang]
    prompts = "|".join(L.OPEN_PROMPTS[lang])
    imperatives = "|".join(L.IMPERATIVES[lang])
    skip = {
        "da": r"mig|os|lige|gerne|venligst|evt\.?|eventuelt|måske|også|bare|lidt|mere|noget|nærmere|så",
        "nb": r"meg|oss|bare|gjerne|kanskje|også|litt|mer|noe|nærmere|så|vennligst",
        "en": r"me|us|please|kindly|just|a bit|a little|more|also|quickly",
    }[lang]
    # definite nouns as subjects: -en/-et/-ene/-erne, and the Norwegian feminine -a ("Lyser lampa grønt?")
    definite = "en|et|ene|erne" + (r"|(?<=\w\w\w)a" if lang == "nb" else "")
    complementizer = f"(?P<yn>{L.YES_NO_COMPLEMENTIZERS[lang]})|(?P<wh>{wh})"
    greetings = {
        "da": "hej|hejsa|hallo|goddag|dav|hey|hi",
        "nb": "hei|heisann|hallo|hey|hi",
        "en": "(?:hi|hello|hey)(?: there)?",
    }
    exclamative = {
        "da": r"hvor (?:er|var) (?:det|den) (?:dog |da |bare |også )?\w+|hvor \w+(?:t|e)$|sikke",
        "nb": r"så \w+$|hvor (?:er|var) (?:det|den) \w+",
        "en": r"how \w+$|what an? \w+$|how (?:very |really )?\w+ (?:for you|of you|of them)",
    }[lang]
    return ClauseRules(
        interjections=_Interjections(L.INTERJECTIONS[lang]),
        connectors=casefree.compile(rf"^(?:(?:{L.CONNECTORS[lang]})(?![\w'])[\s,]*)+"),
        question_word=casefree.compile(wh + r"(?![\w'])"),
        wh_verb=casefree.compile(
            # (a word between the question word and its verb is the noun of "hvilken farve", "how many", never
            # after "hvornår/hvorfor/hvordan/when/why": "hvornår værkstedet åbner" is embedded)
            rf"{wh}(?:(?<!hvornår)(?<!hvorfor)(?<!hvordan)(?<!når)(?<!why)(?<!when)\s+(?!(?:{subjects})\b)\w+)?\s+(?:{finite}|\w+(?:er|es|ede|te|ar|s|ed))\b(?!\s+(?:at|to)\b)"
        ),
        v1=_FirstWordGated(
            rf"(?:{finite}|(?!{imperatives}\b)(?!(?:{_NOT_VERBS})\b)\w+er(?=\s+\w+(?:{definite})\b))\s+(?:ikke\s+|not\s+|n't\s+)?"
            rf"(?:{subjects}|\w+(?:{definite})(?=[\s,]|$)|(?-i:[A-ZÆØÅ])\w+)(?![\w'])"
            # an indefinite subject after a modal or "be" ("Kan en kollega have...", "Is a driver on the way");
            # "Have a good day", "Gør en genstart" are imperatives
            rf"|(?:{_INDEFINITE_MODALS})\s+(?:ikke\s+|not\s+)?(?:en|et|ei|an|a)\s+\w+",
            finite.split("|") + _INDEFINITE_MODALS.split("|"),
        ),
        open_prompt=casefree.compile(rf"(?:{prompts})(?![\w'])"),
        embedded=casefree.compile(
            rf"\b(?P<verb>{L.EMBEDDING_VERBS[lang]})(?:\s+(?:{skip}))*(?:\s+[\w-]+){{0,2}}?\s*[,:]?\s*(?:{complementizer})\b"
        ),
        yes_no=casefree.compile(rf"(?:{L.YES_NO_COMPLEMENTIZERS[lang]})\b"),
        subordinate=casefree.compile(r"^" + _words(L.SUBORDINATE[lang]) + r"\b"),
        tag=casefree.compile(L.TAG_QUESTION[lang]),
        rhetorical=casefree.compile(r"^(?:" + "|".join(L.RHETORICAL[lang]) + ")"),
        greeting_prefix=casefree.compile(
            rf"^(?:{greetings[lang]})\b[\s,!]*(?:(?!(?:{subjects})\b)[\w-]+[\s,!]+)??(?=(?:{wh}|{finite})\b)"
        ),
        exclamative=casefree.compile(rf"^(?:{exclamative})"),
        ask_frame=casefree.compile(
            r"^(?:(?:må|kan|tør|får|may|can|could|might) (?:jeg|i|I|vi|we) (?:lige |bare |just )?(?:spørge|spørre|høre|ask|check)"
            rf"|(?:{L.EMBEDDING_VERBS[lang]})\b)"
        ),
        # (not after a question word that carries its verb: "what's your number", chat "whats ur number")
        wh_subject=casefree.compile(
            rf"{wh}(?<!s)\s+(?:{subjects}|der|som|that|at|to|a|an|if|om)\b"
            # in Danish and Norwegian a word that is no verb after "hvornår/hvorfor/hvordan" is its subject:
            # "hvorfor regningen ble høyere" (verbs end in -r, -te, -de or are strong forms)
            + (
                rf"|(?:hvornår|hvorfor|hvordan|når)\s+(?!(?:{finite}|{_STRONG_PAST})\b)\w+\b(?<!r)(?<!te)(?<!de)"
                if lang != "en"
                else ""
            )
        ),
        v2_connectors=lang in ("da", "nb"),
        adverb_first=casefree.compile(r"^(?:(?:og|men|jamen)\s+)?(?:så|nu|nå|altså|da)\b"),
        inverted=casefree.compile(INVERTED[lang]) if lang in INVERTED else None,
        embeds=casefree.compile(rf"(?:^|\s)(?:{L.EMBEDDING_VERBS[lang]}|{_EMBEDDING_PREPOSITIONS[lang]})$"),
        lang=lang,
        chat_inverted=casefree.compile(CHAT_INVERTED[lang]) if lang in CHAT_INVERTED else None,
        chat_tag=casefree.compile(CHAT_TAG[lang]),
        elliptic=casefree.compile(ELLIPTIC[lang]),
        prep_wh=casefree.compile(rf"^(?:{PREPOSITIONS[lang]})\s+(?={wh}(?![\w']))"),
        wonder=casefree.compile(WONDER[lang]),
        ask_verb=casefree.compile(ASK_VERBS[lang] + r"$"),
        first_person=frozenset(
            {"da": ("jeg", "vi"), "nb": ("jeg", "vi"), "en": ("i", "we", "i'd", "i'm", "we'd")}[lang]
        ),
        prepositions=frozenset(PREPOSITIONS[lang].split("|")),
        # a question quoted after a verb of saying in the past: "Kunden spurgte: Hvad koster det?"
        reported=casefree.compile(
            r"\b(?:spurgte|spurte|sagde|sa|skrev|asked|said|wrote)(?:\s+(?:mig|meg|os|oss|me|us|om|about))?\s*$"
        ),
        rhetorical_late=casefree.compile(
            r"[,;–—-]\s+(?:(?:og|and|men|but|for|jo)\s+)?(?:" + "|".join(L.RHETORICAL[lang]) + ")"
        ),
    )


# Danish and Norwegian put the finite verb before its subject only in questions (and conditions): a verb in
# the present (-r) or past (-te/-de/-et, or a strong form) followed by a personal pronoun asks, whatever the
# verb ("Hopper gearet...?", "Sa du det opp...?", "Bestilte I den...?"). Words that end the same way but
# are no verbs ("eller du", "hvor du", "efter du") are left out.
_NOT_VERBS = (
    "eller|ellers|hvor|der|her|for|før|efter|etter|når|over|under|mer|mere|senere|hver|enten|sidst|først|"
    "hvorfor|hvornår|det|at|om|som|fordi|altså|nemlig|bagefter|etterpå|heller|hvorefter|sammen|inden|innen"
)
_STRONG_PAST = "sa|fik|fikk|gik|gikk|kom|var|ble|blev|tok|tog|ga|gav|fandt|fant|lå|sad|satt|skrev|drog|dro"
INVERTED = {
    lang: rf"^(?!(?:{_NOT_VERBS})\b)(?:\w+(?:r|te|de|et)|{_STRONG_PAST})\s+(?:ikke\s+|også\s+)?"
    rf"(?:du|{you}|vi|jeg|han|hun|de|man)\b"
    for lang, you in (("da", "i"), ("nb", "dere"))
}

# In chat without "?" the verb-first reading is kept to a verb that cannot be a noun (present -r, past -te/-de,
# a strong past; Norwegian radical past -a only before "det": "funka det å logge inn") before a pronoun.
_NOT_VERBS_CHAT = _NOT_VERBS + "|første|sidste|siste|næste|neste|bedste|beste|største|andre|anden|annen"
CHAT_INVERTED = {
    lang: rf"^(?!(?:{_NOT_VERBS_CHAT})\b)(?:\w+(?:r|te|de)|{_STRONG_PAST}{radical})\s+(?:ikke\s+|også\s+)?"
    rf"(?:du|{you}|det|den)\b"
    for lang, you, radical in (("da", "I", ""), ("nb", "dere", r"|\w{3,}a(?=\s+det\b)"))
}
# A tag without "?" at the end of a chat line ("så du vil have en pause fra i dag, ik").
CHAT_TAG = {
    "da": r",\s*(?:ikke|ikke sandt|ikke også|eller hvad|eller|ikke rigtigt|rigtigt|korrekt)$|(?:,\s*|\s)(?:ik|ikk)$",
    "nb": r",\s*(?:ikke|ikke sant|sant|eller hva|eller|ikkje|ikke riktig|riktig|korrekt|stemmer det)$",
    "en": r",\s*(?:right|correct|is that right|is that correct|"
    r"(?:is|are|do|does|did|was|were|have|has|can|could|will|would|should|wo|ca)n't (?:it|you|they|that))$",
}
# "Is there" left out: "anything else I can help with", "andet jeg kan gøre for dig", "noe mer".
ELLIPTIC = {
    "da": r"(?:ellers )?(?:noget |nogen )?(?:andet|mere)(?: (?:jeg|vi) .*)?$|ellers noget$",
    "nb": r"(?:ellers )?(?:noe )?(?:annet|mer)(?: (?:jeg|vi) .*)?$|ellers noe$",
    "en": r"(?:anything|something) (?:else|more)(?: (?:i|we) .*)?$",
}
# A preposition before the question word ("At what speed does it start?", "På hvilken dato...?").
PREPOSITIONS = {
    "da": "på|til|fra|med|i|for|om|af|under|efter|før|siden|inden|hos|ved|mod|omkring",
    "nb": "på|til|fra|med|i|for|om|av|under|etter|før|siden|innen|hos|ved|mot|rundt",
    "en": "at|in|on|for|from|to|with|by|of|about|since|until|till|under|after|before|into|within|through|around|during",
}
# The agent asking in the first person ("Jeg lurer på, om...", "I'd like to know what...", "Jeg vil gerne
# høre, hvad..."): the embedded question that follows decides open or closed.
WONDER = {
    "da": r"^(?:jeg|vi) (?:undrer (?:mig|os)|spekulerer|er (?:lidt )?nysgerrig(?:e)?|(?:vil|ville|skal|skulle|må|"
    r"har brug for at|mangler at)(?: \w+){0,2}? (?:vide|høre|spørge|forstå))\b",
    "nb": r"^(?:jeg|vi) (?:lurer|lurte|undrer (?:meg|oss)|er (?:litt )?nysgjerrig(?:e)?|(?:vil|ville|skal|skulle|"
    r"må|trenger å|har behov for å)(?: \w+){0,2}? (?:vite|høre|spørre|forstå))\b",
    "en": r"^(?:i|we)(?:'d|'m|’d|’m)? (?:(?:was |am |were |are )?wondering|wonder|(?:\w+ ){1,3}?(?:know|ask|hear|"
    r"understand))\b",
}
# With "jeg/vi/I/we" as the subject of a verb-first frame, only asking embeds the customer's answer ("Må jeg
# spørge, hvad...?"); "Shall I call you on Monday to see how it's going?" offers something.
ASK_VERBS = {"da": "spørge|spørg|høre", "nb": "spørre|spør|høre", "en": "ask|wonder|wondering"}

CLAUSE_RULES = {lang: _clause_rules(lang) for lang in lexicon.LANGUAGES}


def _strip(pattern: re.Pattern, text: str) -> str:
    m = pattern.match(text)
    return text[m.end() :] if m else text


def _embedded_kind(text: str, r: ClauseRules, start: int = 0, frame=None) -> str | None:
    m = r.embedded.search(text, start)
    if not m:
        return None
    if frame is not None and frame.group().rsplit(None, 1)[-1].lower() in r.first_person:
        if not r.ask_verb.match(m.group("verb")):
            return None  # the agent's own act: "Skal jeg tjekke, hvornår den blev sendt?"
    return "closed" if m.group("yn") else "open"


def _wonder_kind(text: str, r: ClauseRules) -> str | None:
    """The kind of the question embedded after "Jeg lurer på", "I'd like to know", or None."""
    if text[: text.find(" ")].lower() not in r.first_person:
        return None
    m = r.wonder.match(text)
    if not m:
        return None
    rest = text[m.end() :].lstrip(" ,:")
    for word in ("på ", "over "):
        if rest.startswith(word):
            rest = rest[len(word) :]
    if r.yes_no.match(rest):
        return "closed"
    if r.question_word.match(rest):
        return "open"
    return None


# Lowercase chat puts no capital after a full stop, so the sentence was not split there ("tak for din besked.
# hvad er tur-id'et", "ser den. adressen manglet husnummer"), nor after an ellipsis in speech ("Let me pull
# that up... what's the reference?"). The question, if any, is the last sentence: the "?" ends it, and a
# question without one is the last thing said. Not after an abbreviation ("kl. 10", "f.eks. hvis").
_CHAT_BREAK = re.compile(r"(?:\.{1,3}|…)\s+(?=\S)")  # (opens with its end mark, so the engine skips to it)
_ABBREVIATIONS = frozenset(
    "kl ca nr evt tlf pga mht dvs osv bl fx ex jf jfr mr mrs ms dr st vs no etc inc ltd co ref tel pkt stk kr "
    "mvh vedr ang min sek mio mia inkl ekskl excl incl approx dept tlf.nr".split()
)
_TIME = re.compile(r"\d{1,2}[.:]\d{2}$")


def _last_chat_sentence(core: str, r: ClauseRules) -> str:
    tail = None
    for m in _CHAT_BREAK.finditer(core):
        dots = m.group().rstrip()
        word = core[core.rfind(" ", 0, m.start()) + 1 : m.start()].lstrip("(\"'«")
        if not word:
            continue
        if _TIME.search(word):
            strong = True  # a clock time ("kl 23.14. kan noen andre...")
        elif dots != "." or word.isdigit():
            # an ellipsis ends a sentence in speech ("Let me pull that up... what's the reference?") or only
            # hesitates ("hvor vigtig er prisen i forhold til… i forhold til, at..."); a number may be an
            # ordinal ("den 3. december"): only when the rest asks by its word order
            strong = False
        elif "." in word or word.lower() in _ABBREVIATIONS or not word[-1].isalpha():
            continue
        else:
            strong = True
        tail = (m.end(), strong)
    if tail is None:
        return core
    rest = _strip(r.connectors, r.interjections.strip(core[tail[0] :]))
    if not rest:
        return core
    if tail[1] or r.question_word.match(rest) or r.v1.match(rest) or r.open_prompt.match(rest):
        return rest
    return core


def _question_clause(core: str, r: ClauseRules) -> str:
    """The clause that asks, behind leading material: a lead-in with a colon ("For at vi kan hjælpe: Hvad
    ser du?"), a condition, a fronted phrase, a name or a company ("Hvis du logger ind, hvad ser du?",
    "Anna, what do you see?", "Hello, Westfield, how can I help?", "Okay Anna, kort sagt, du kan ikke...?"),
    and in lowercase chat the sentences before it ("tak for din besked. hvad er tur-id'et")."""
    if ". " in core or "… " in core:
        core = _last_chat_sentence(core, r)
    if ":" in core:
        after = _strip(r.connectors, core.rsplit(":", 1)[1].strip())
        if after and (r.question_word.match(after) or r.v1.match(after) or r.open_prompt.match(after)):
            return after
    # Short leading clauses are set aside (up to three at a time, read twice so that "Okay Anna, kort sagt,
    # du kan ikke...?" loses both); once the next clause asks (a question word or verb first), it is the one.
    for _ in range(2):
        clauses = core.split(",")
        for i in range(1, min(len(clauses), 4)):
            lead = clauses[i - 1].strip()
            # (a question word with its subject next opens a subordinate clause: "When you plug it in, does
            # the light come on?", "Når du logger inn, ser du...?"; it is set aside only before a clause that asks)
            wh_lead = r.question_word.match(lead)
            if not (r.subordinate.match(lead) or len(lead.split()) <= 4) or (wh_lead and not r.wh_subject.match(lead)):
                break
            if r.v1.match(lead) and i == 1:
                break
            nxt = clauses[i].strip()
            if r.v2_connectors and r.adverb_first.match(nxt):
                # "jeg har rettet den, så kommer den i morgen": the verb is second after "så", a statement
                asks = False
            else:
                nxt = _strip(r.connectors, nxt)
                wh_next = r.question_word.match(nxt)
                if wh_next and ((r.embeds.search(lead) and _YOU[r.lang].search(lead)) or r.wh_subject.match(nxt)):
                    # the clause is the object of the customer's want or lack said back, not a question of its
                    # own: "Så du mangler besked om, hvornår du kan hente den?", "Så du vil gerne vide,
                    # hvordan...?" (a statement with "?"); "Jeg vil gerne høre, hvad der skete?" still asks;
                    # and a question word with its subject next is embedded, the clause before it the main one
                    break
                asks = wh_next or r.v1.match(nxt)
            if asks or (i == 1 and not wh_lead):
                core = ",".join(clauses[i:]).strip()
                if asks or not (r.v2_connectors and r.adverb_first.match(core)):
                    core = _strip(r.connectors, core)
                if asks:
                    return core
    if not (r.question_word.match(core) or r.v1.match(core) or r.open_prompt.match(core)):
        # a longer lead-in before the clause that asks: "Tak fordi du venter så tålmodigt, hvad er dit
        # kundenummer?" (a question word followed by its verb; "om, hvornår du kan hente den" is embedded)
        clauses = core.split(", ")
        for i in range(1, len(clauses)):
            clause = _strip(r.connectors, clauses[i].strip())
            lead = clauses[i - 1]
            if r.embeds.search(lead) and _YOU[r.lang].search(lead):
                break  # the customer's want said back: "Så du vil vite, hvorfor regningen er så høy?"
            if r.wh_verb.match(clause) and not r.wh_subject.match(clause):
                return ", ".join(clauses[i:]).strip()
    return core


# A statement that stops at its verb asks for what is missing: "Og dit kundenummer er?", "And your postcode
# is?" (an open question).
_FILL_IN = re.compile(
    r"^(?:(?:og|and|så|so)\s+)?(?:(?:dit|din|dine|ditt|jeres|deres|your|the)\s+(?:[\w-]+\s+){0,3}"
    r"|[\w-]+(?:et|en|a|ene)\s+(?:ditt|din|dine|deres)\s+)(?:er|var|is|was|are|were)\W*$",
    re.IGNORECASE,
)


_FRONTED_CLAUSE = re.compile(
    r"(?:hvis|dersom|såfremt|når|efter|etter|før|inden|innen|mens|nu hvor|nå som|så snart)\b", re.IGNORECASE
)
_CONDITION_THEN = re.compile(r",\s*(?:så|da)\s", re.IGNORECASE)
_ORDINAL_END = re.compile(r"(?:\bden|\bd\.)\s+\d{1,2}\.$", re.IGNORECASE)


def analyse_question(sentence: str, r: ClauseRules) -> tuple[str | None, str | None, str]:
    """(kind, form, core) of one (masked) sentence: kind open/closed/None; form wh, prompt, embedded, v1,
    declarative or tag; core the clause read (without interjections, connectors and leading phrases)."""
    s = sentence.strip()
    end = s.rstrip(_TRAILING)
    has_q = s.rstrip(" \t\"'”»)!😊🙂😀😃😉👍🙏🤞😅").endswith("?")  # ("did it work?!")
    body = r.interjections.strip(s)
    if not body:
        return None, None, ""
    core = _strip(r.connectors, body)
    core = r.interjections.strip(core)
    if core[:1] in ("…", "."):
        core = core.lstrip(" .…")  # a hesitation after the connector: "And… was it the template?"
    if has_q:
        if r.rhetorical.match(core) or (
            ("," in core or " –" in core or " —" in core or ";" in core) and r.rhetorical_late.search(core)
        ):
            # also after a statement: "Smid ikke noget ud endnu – og hvem har ikke lyst til at rydde op?"
            return None, None, core
        if r.tag.search(s):
            return "closed", "tag", core
        if ":" in core and r.reported.search(core[: core.index(":")]):
            return None, None, core
        core = _question_clause(core, r)
        if r.rhetorical.match(core):
            return None, None, core
        core = _strip(r.greeting_prefix, core)
        if core[: core.find(" ")].lower() in r.prepositions:
            core = _strip(r.prep_wh, core)
        if r.question_word.match(core):
            return "open", "wh", core
        if r.open_prompt.match(core):
            return (_embedded_kind(core, r, 0) or "open"), "prompt", core
        frame = r.v1.match(core)
        if (frame or r.ask_frame.match(core)) and (kind := _embedded_kind(core, r, 0, frame)):
            return kind, "embedded", core
        if kind := _wonder_kind(core, r):
            return kind, "embedded", core
        # Verb first only counts when no adverb comes before it: in Danish and Norwegian "Så/Nu kan du...?"
        # has the verb second (a statement with "?", which checks understanding), unlike "Og kan du...?".
        if (r.v1.match(core) or (r.inverted is not None and r.inverted.match(core))) and not (
            r.v2_connectors and r.adverb_first.match(body)
        ):
            return "closed", "v1", core
        if _FILL_IN.match(core):
            return "open", "fill_in", core
        return "closed", "declarative", core
    # No question mark: open prompts ("Fortæl mig, hvad der skete.", also after a hesitation: "det er…
    # fortæl lidt mere om, hvad der sker") and, in chat, word order.
    if "… " in core or ".. " in core:
        core = _last_chat_sentence(core, r)
    if r.open_prompt.match(core):
        return (_embedded_kind(core, r, 0) or "open"), "prompt", core
    # (a quoted label at the end, masked to "'____'", is no end mark: "what does it show under 'Delivered to'";
    # nor is the full stop of an ordinal date: "skal jeg skifte dig over fra den 1.")
    if (end != s.rstrip(" \t\"'”»)_😊🙂😀😃😉👍🙏🤞😅") or s.rstrip().endswith((".", "!", ":"))) and not (
        s[-2:-1].isdigit() and _ORDINAL_END.search(s)
    ):
        return None, None, core
    if r.chat_tag.search(end):
        return "closed", "tag", core
    # In Danish and Norwegian "Så kan du se den" is a statement (verb second); only "og" keeps verb-first.
    chat = _strip(r.greeting_prefix, body if r.v2_connectors else core)
    if r.v2_connectors and chat[:3].lower() == "og ":
        chat = chat[3:]
    lead = chat
    chat = _question_clause(chat, r)
    if chat[: chat.find(" ")].lower() in r.prepositions:
        chat = _strip(r.prep_wh, chat)
    if r.exclamative.match(chat) or r.rhetorical.match(chat):
        return None, None, chat
    if r.question_word.match(chat) and (r.wh_verb.match(chat) or not r.wh_subject.match(chat)):
        return "open", "wh", chat
    if r.v2_connectors and (
        (chat is not lead and _FRONTED_CLAUSE.match(lead) and ". " not in lead[: len(lead) - len(chat)])
        or _CONDITION_THEN.search(chat)
    ):
        # In Danish and Norwegian the main clause after a fronted condition has its verb first anyway ("hvis
        # det ikke virker, kan du ringe til os"), and a verb-first condition goes on with "så" ("virker det
        # ikke, så ring til os"): without "?" neither asks.
        return None, None, chat
    if frame := r.v1.match(chat):
        return (_embedded_kind(chat, r, 0, frame) or "closed"), "v1", chat
    if r.chat_inverted is not None and r.chat_inverted.match(chat):
        return "closed", "v1", chat
    if kind := _wonder_kind(chat, r):
        return kind, "embedded", chat
    if r.elliptic.match(chat):
        return "closed", "elliptic", chat
    return None, None, chat


# Two questions joined in one sentence count as two when each clause asks on its own (LABELS.md, session 9):
# "Hvornår skete det, og hvad stod der på skærmen?", "Which bin was missed and what's your house number?",
# "Which bin was missed and what's your house number?". The second starts after "og/and" (with or without a
# comma); a bare comma is not enough: the clause after it is as often a comment on the first ("Hvornår var det,
# kan du huske det?", "What did it say, do you know?"), which asks nothing new (held-out parts, in aggregate:
# 6 of 7 such clauses were labelled one question with the first).
_COORDINATION = re.compile(r",?\s+(?:og|and)\s+(?=\w)", re.IGNORECASE)


def _asks_alone(clause: str, r: ClauseRules) -> bool:
    """A clause that asks by its own word order: a question word with its verb next ("hvad stod der", not the
    embedded "hvornår det skete"), or a finite verb before its subject ("kobler du", "does the light")."""
    if r.question_word.match(clause):
        return bool(r.wh_verb.match(clause)) and not r.wh_subject.match(clause)
    return bool(r.v1.match(clause) or (r.inverted is not None and r.inverted.match(clause)))


def coordinated_questions(sentence: str, r: ClauseRules) -> tuple[int, int] | None:
    """(end of the first question, start of the second) when a question sentence holds two clauses that each
    ask on their own, else None. One question with two objects or two verbs sharing it ("Har du prøvet app og
    web?", "Can you log out and back in?") is one: what follows "og/and" has no verb before its subject. An
    embedded question ("Kan du fortælle mig, hvad der står?", "Could you tell me, what's the number?") is one
    too: the clause before it ends in a verb of saying or knowing."""
    for m in _COORDINATION.finditer(sentence):
        second = sentence[m.end() :]
        if (r.v2_connectors and r.adverb_first.match(second)) or not _asks_alone(second, r):
            # ("..., så du kan komme til lægen nu?" goes on with the verb second: a statement)
            continue
        first = sentence[: m.start()].rstrip()
        # (read as the question it would be alone; an embedded question or an open prompt, "Kan du beskrive
        # hvor stort området er, og hva rørleggeren har gjort?", embeds the second clause as well)
        _kind, form, core = analyse_question(first + "?", r)
        # (a question word first asks with a verb of its own, "Hvilken mail, og hvilket nummer brugte du?" shares
        # one, and not with its subject next: "When you open the lid, does..." is a subordinate clause)
        if form == "wh":
            if r.wh_subject.match(core) or not (r.wh_verb.match(core) or core.count(" ") >= 2):
                continue
        elif form != "v1" or core.count(" ") < 1:
            continue
        if r.embeds.search(core) or r.embeds.search(core.rsplit(" ", 1)[0]):
            continue
        return m.start(), m.end()
    return None
