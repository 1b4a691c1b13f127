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


def sentiment(text: str, lang: str) -> float:
    table = _TABLES[lang]
    total = 0.0
    negate = 0
    boost = 1.0
    last = 0.0  # contribution of the previous word, so a negation right after it can flip it
    tokens = _TOKEN.findall(text.lower())
    if _SCORED[lang].isdisjoint(tokens):
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
