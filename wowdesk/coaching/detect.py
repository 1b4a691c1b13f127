"""Language detection for da / nb / en from marker words that tell these three apart.

General-purpose detectors mix up Danish and Norwegian Bokmål on short texts; these markers (hvad/hva,
nu/nå, mig/meg, tak/takk, ...) separate them, and the lists ship with the code.
"""

import re

from .lexicon import LANGUAGES, MARKERS

# The letters of [a-zæøåäöü'] under re.IGNORECASE, spelt out (with the Unicode case folds: dotted and dotless i,
# long s, the Kelvin and Ångström signs): the same words, without the per-character case folding, which took 40 %
# of the word split (0.137 -> 0.084 CPU s for 300 passes over bench/coach.py's 45 conversations).
# tests/coaching/test_detect_words.py checks every character against the case-insensitive pattern.
WORD_IGNORECASE = r"[a-zæøåäöü']"
_WORD = re.compile("[a-zA-Z'æøåäöüÄÅÆÖØÜ\u0130\u0131\u017f\u212a\u212b]+")
_MARKERS = {lang: frozenset(MARKERS[lang]) for lang in LANGUAGES}
_IS_MARKER = {lang: markers.__contains__ for lang, markers in _MARKERS.items()}
# Letters only one of the languages uses.
_LETTERS = {"da": "æ", "nb": "", "en": ""}


def detect_language(text: str, default: str = "da") -> str:
    words = _WORD.findall(text[:4000].lower())
    if not words:
        return default
    # One C-level pass over the words per language (map with the set's membership test) instead of a Python loop
    # over words and languages: 0.334 -> 0.257 CPU s for 300 passes over bench/coach.py's 45 conversations.
    scores = {lang: float(sum(map(_IS_MARKER[lang], words))) for lang in LANGUAGES}
    # Words shared by Danish and Norwegian ("jeg", "ikke") count for both; "æ" leans Danish.
    scores["da"] += 0.5 * text.count("æ")
    best = max(LANGUAGES, key=lambda lang: (scores[lang], lang == default))
    return best if scores[best] > 0 else default
