"""has_time (wowdesk/coaching/promises.py) is written for speed: it finds a time exactly where the plain
definition does, a digit or one of the gate's words and then any time expression (ANY_TIME), on every sentence
and every clause of the labelled conversations, and on every text starting at a word of them."""

import re

import pytest

from tests.coaching.measure import load
from wowdesk.coaching import casefree
from wowdesk.coaching.analyzer import _split
from wowdesk.coaching.promises import _ANSWER_FIRST, _ANSWER_LETTERS, _DIGIT, _TIME_GATE, ANY_TIME, has_time

PARTS = ("seed", "train", "heldout", "fresh", "unseen", "unseen2", "unseen3")


def _plain(text: str, lang: str) -> bool:
    return bool(_DIGIT.search(text) or _TIME_GATE[lang].search(text)) and ANY_TIME[lang].search(text) is not None


@pytest.fixture(scope="module")
def texts():
    out = set()
    for part in PARTS:
        for conversation in load(part):
            lang = conversation["language"]
            for turn in conversation["turns"]:
                for start, end in _split(turn["text"]):
                    sentence = turn["text"][start:end]
                    out.add((sentence, lang))
                    out.update((clause, lang) for clause in re.split(r"[,;:]\s*", sentence))
                    # from each word on: a time expression opening the text, or after a sign
                    out.update((sentence[m.start() :], lang) for m in re.finditer(r"\b\w", sentence))
    return sorted(out)


def test_has_time_is_the_plain_definition(texts):
    casefree._forget()  # (texts outside any turn: every pattern runs)
    differ = [(text, lang) for text, lang in texts if has_time(text, lang) != _plain(text, lang)]
    assert not differ, differ[:5]
    assert sum(has_time(text, lang) for text, lang in texts) > 1000


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Jeg ringer i morgen kl. 10.", "da", True),
        ("(i morgen) ringer jeg", "da", True),
        ("Pakken kommer torsdag.", "da", True),
        ("Vi ses 3/12.", "nb", True),
        ("I'll call you at 3 pm.", "en", True),
        ("Det ordner vi i den nærmeste fremtid", "da", False),  # no word of the gate's: as before
        ("We'll be here before we close", "en", False),
        ("Tak for din besked.", "da", False),
    ],
)
def test_has_time_examples(text, lang, expected):
    assert has_time(text, lang) is expected
    assert _plain(text, lang) is expected


def test_the_answer_letters_are_every_letter_the_answer_words_open_with():
    """opens_with_condition runs _ANSWER_FIRST only on a sentence that opens with one of _ANSWER_LETTERS or a sign."""
    firsts = "".join(sorted({w[0] for w in re.findall(r"[a-z]+", _ANSWER_FIRST.pattern.split("(?:", 1)[1])}))
    folded = re.compile(f"[{firsts}]", re.IGNORECASE)
    assert _ANSWER_LETTERS == {chr(c) for c in range(0x110000) if folded.fullmatch(chr(c))}
