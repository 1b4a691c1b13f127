"""Customer sentiment per turn, from -1 (angry) to 1 (delighted), by a small lexicon written for wowdesk.

Negation flips a word ("ikke godt", "virker ikke", "not working"), intensifiers strengthen the next word,
and the sum is squashed into -1..1 the way VADER does (x / sqrt(x² + 15)).
"""

import math
import re

from . import lexicon

_TOKEN = re.compile(r"[\w']+|[.,;:!?]", re.UNICODE)
_PUNCTUATION, _NEGATION, _INTENSIFIER = "punctuation", "negation", "intensifier"


def _table(lang: str) -> dict:
    """One lookup per token: punctuation, a negation, an intensifier or the word's strength (in that order)."""
    table: dict = {w: v for w, v in lexicon.SENTIMENT[lang].items() if v}
    table.update(dict.fromkeys(lexicon.INTENSIFIERS[lang], _INTENSIFIER))
    table.update(dict.fromkeys(lexicon.NEGATIONS[lang], _NEGATION))
    table.update(dict.fromkeys(".,;:!?", _PUNCTUATION))
    return table


_TABLES = {lang: _table(lang) for lang in lexicon.LANGUAGES}
# The words that carry a sentiment: without one the sum is 0 whatever the negations and intensifiers (half the
# customer turns of bench/coach.py, which then skip the token loop).
_SCORED = {lang: frozenset(w for w, v in table.items() if not isinstance(v, str)) for lang, table in _TABLES.items()}


def _latin1(table):
    """The entries of a table that Latin-1 can spell, keyed by their Latin-1 bytes."""
    out = {}
    for word, value in table.items():
        try:
            out[word.encode("latin-1")] = value
        except UnicodeEncodeError:
            continue  # (no Latin-1 text holds it)
    return out


# A text that Latin-1 can spell (nearly every turn) is split into _TOKEN's tokens in C, as bytes: one table
# lowercases each character, reads every punctuation mark as "." (they all end a clause alike, see _table) and
# turns every other character that is no word character (as _TOKEN reads it, after lowering) into a space;
# each "." gets a space on either side, and bytes.split() cuts the rest at the spaces. _TOKEN.findall() on the
# lowered text took 1.6 of a customer turn's 2.5 µs, this split 0.7 (917,000 -> 892,000 instructions per agent
# turn on bench/coach_instructions.py's batch, 866,000 -> 853,000 on the train corpus; tests/coaching/
# test_sentiment_tokens.py checks the split against the pattern on every Latin-1 character and corpus text).
_WORD = re.compile(r"[\w']")
_LOWER_OR_SPACE = bytes(
    0x2E if c in ".,;:!?" else ord(c.lower()) if _WORD.match(c.lower()) else 0x20 for c in map(chr, range(256))
)
_TABLES_LATIN1 = {lang: _latin1(table) for lang, table in _TABLES.items()}
_SCORED_LATIN1 = {lang: frozenset(_latin1(dict.fromkeys(words))) for lang, words in _SCORED.items()}


def _tokens(text: str, lang: str) -> tuple[list, dict, frozenset]:
    """_TOKEN's tokens of the lowercased text, with the table and the scored words to read them by."""
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return _TOKEN.findall(text.lower()), _TABLES[lang], _SCORED[lang]
    raw = raw.translate(_LOWER_OR_SPACE)
    if b"." in raw:
        raw = raw.replace(b".", b" . ")
    return raw.split(), _TABLES_LATIN1[lang], _SCORED_LATIN1[lang]


def sentiment(text: str, lang: str) -> float:
    total = 0.0
    negate = 0
    boost = 1.0
    last = 0.0  # contribution of the previous word, so a negation right after it can flip it
    tokens, table, scored = _tokens(text, lang)
    if scored.isdisjoint(tokens):
        return 0.0
    for token in tokens:
        entry = table.get(token)
        if entry is None:  # most words carry no sentiment
            last, boost = 0.0, 1.0
            if negate:
                negate -= 1
            continue
        if entry is _PUNCTUATION:
            negate, boost, last = 0, 1.0, 0.0  # a negation does not reach past its clause
            continue
        if entry is _NEGATION:
            if last:
                total -= last * 1.7  # "virker ikke": the word before is negated
                last = 0.0
            else:
                negate = 2  # "ikke godt": the next words are negated
            continue
        if entry is _INTENSIFIER:
            boost = 1.5
            continue
        contribution = entry * boost * (-0.7 if negate else 1.0)
        total += contribution
        last = contribution
        boost = 1.0
        if negate:
            negate -= 1
    if "!" in text and total:
        total *= 1.1
    return round(total / math.sqrt(total * total + 15), 3)
