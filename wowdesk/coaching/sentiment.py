"""Customer sentiment per turn, from -1 (angry) to 1 (delighted), by a small lexicon written for wowdesk.

Negation flips a word ("ikke godt", "virker ikke", "not working"), intensifiers strengthen the next word,
and the sum is squashed into -1..1 the way VADER does (x / sqrt(x² + 15)).
"""

import math
import re

from . import lexicon

_TOKEN = re.compile(r"[\w']+|[.,;:!?]", re.UNICODE)
_PUNCTUATION = frozenset(".,;:!?")
_TABLES = {
    lang: (lexicon.SENTIMENT[lang], lexicon.NEGATIONS[lang], lexicon.INTENSIFIERS[lang]) for lang in lexicon.LANGUAGES
}


def sentiment(text: str, lang: str) -> float:
    words, negations, intensifiers = _TABLES[lang]
    total = 0.0
    negate = 0
    boost = 1.0
    last = 0.0  # contribution of the previous word, so a negation right after it can flip it
    for token in _TOKEN.findall(text.lower()):
        if token in _PUNCTUATION:
            negate, boost, last = 0, 1.0, 0.0  # a negation does not reach past its clause
            continue
        if token in negations:
            if last:
                total -= last * 1.7  # "virker ikke": the word before is negated
                last = 0.0
            else:
                negate = 2  # "ikke godt": the next words are negated
            continue
        if token in intensifiers:
            boost = 1.5
            continue
        value = words.get(token, 0)
        last = 0.0
        if value:
            contribution = value * boost * (-0.7 if negate else 1.0)
            total += contribution
            last = contribution
        boost = 1.0
        if negate:
            negate -= 1
    if "!" in text and total:
        total *= 1.1
    return round(total / math.sqrt(total * total + 15), 3)
