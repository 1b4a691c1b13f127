"""The phone opening pattern runs only on a sentence with a comma or one of its cues (analyzer._PhoneGreeting):
every form it is written for still has one."""

import pytest

from wowdesk.coaching.analyzer import RULES

OPENINGS = {
    "da": ["Borgerservice, Henrik.", "Det er Henrik", "Du taler med Mette fra kundeservice", "Tak, goddag"],
    "nb": ["Kundeservice, Kari her.", "Det er Kari", "Du snakker med Ola", "Takk, hei"],
    "en": [
        "Westfield Energy, Sam.",
        "You're through to Sam",
        "You are through to Sam in billing",
        "Sam speaking",
        "This is Sam from Westfield",
        "It's Sam",
        "Thanks, hello",
    ],
}


@pytest.mark.parametrize("lang", sorted(OPENINGS))
def test_every_phone_opening_passes_the_gate(lang):
    phone = RULES[lang].phone_greeting
    for text in OPENINGS[lang]:
        assert phone.search(text), text
