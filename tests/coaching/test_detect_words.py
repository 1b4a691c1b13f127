"""Language detection splits words with a character class spelt out instead of re.IGNORECASE (wowdesk/coaching/
detect.py, for speed): it must take exactly the characters the case-insensitive class took."""

import re

from wowdesk.coaching import detect


def test_the_word_pattern_takes_the_characters_the_case_insensitive_one_took():
    insensitive = re.compile(detect.WORD_IGNORECASE + "+", re.IGNORECASE)
    differ = [
        hex(cp)
        for cp in range(0x110000)
        if bool(insensitive.fullmatch(chr(cp))) != bool(detect._WORD.fullmatch(chr(cp)))
    ]
    assert not differ


def test_words_are_split_as_before():
    text = "Hej Åse, TAK for din besked! It's Kelvin \u212a and İstanbul."
    assert detect._WORD.findall(text) == re.findall(detect.WORD_IGNORECASE + "+", text, re.IGNORECASE)
