"""The fast case-insensitive patterns (wowdesk/coaching/casefree.py) find exactly what the plain patterns find.

The coach's phrase lists are rewritten for speed (lowercased; alternatives anchored at the start tried once;
the others rewritten to start with a plain character); these tests hold every rewritten pattern of every
language to the plain pattern on every sentence of the labelled conversations.
"""

import re

import pytest

from tests.coaching.measure import load
from wowdesk.coaching import casefree
from wowdesk.coaching.analyzer import RULES, _split
from wowdesk.coaching.promises import ANY_TIME, PATTERNS


@pytest.fixture(scope="module")
def sentences():
    out = []
    for part in ("seed", "train"):
        for conversation in load(part):
            for turn in conversation["turns"]:
                out += [turn["text"][start:end] for start, end in _split(turn["text"])]
    return out


def _rewritten():
    for lang, rules in RULES.items():
        for name in rules.__slots__:
            if isinstance(getattr(rules, name), casefree.AnyOf):
                yield f"{lang}.{name}", getattr(rules, name)
    for lang, patterns in PATTERNS.items():
        for name, pattern in patterns.items():
            if isinstance(pattern, casefree.AnyOf):
                yield f"{lang}.promise.{name}", pattern
        yield f"{lang}.any_time", ANY_TIME[lang]


def test_every_rewritten_pattern_finds_what_the_plain_pattern_finds(sentences):
    differences = []
    for name, fast in _rewritten():
        plain = re.compile(fast.pattern, re.IGNORECASE | re.UNICODE)
        differences += [(name, text) for text in sentences if bool(plain.search(text)) != bool(fast.search(text))]
    assert not differences, differences[:5]


def test_phrase_alternatives_are_rewritten_to_start_with_a_plain_character():
    farewell = RULES["da"].farewell
    assert farewell.search("Tak for i dag, og god weekend!")
    assert farewell.search("Ønsker dig en god dag")
    assert not farewell.search("Det er ikke godt nok")
    # rewritten: no alternative left that the engine must try at every position
    assert not farewell._anywhere.pattern.startswith(("(?<", "\\b"))


def test_lowercasing_keeps_every_offset():
    text = "İstanbul-kontoret ringer dig i morgen"
    assert len(casefree.lower(text)) == len(text)
    m = casefree.compile(r"ringer dig").search(text)
    assert text[m.start() : m.end()] == "ringer dig"
    assert casefree.compile(r"^\s*hej").sub("", "Hej Anna") == " Anna"
