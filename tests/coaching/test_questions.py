"""Questions and their kind, read by clause structure (coaching/clauses.py), on sentences that are not in the
corpus: each test names one rule and tries it in Danish, Norwegian and English."""

import pytest

from wowdesk.coaching import analyze

SENT = "2026-03-10T13:55:00+01:00"  # a Tuesday


def _questions(lang: str, agent: str, channel: str | None = "chat") -> list[tuple[str, str]]:
    """(kind, text) of the questions in one agent turn, after a customer turn."""
    result = analyze(
        {
            "language": lang,
            "channel": channel,
            "sent_at": SENT,
            "turns": [{"speaker": "customer", "text": "Hej"}, {"speaker": "agent", "text": agent}],
        }
    )
    return [(q["kind"], q["text"]) for q in result["turns"][1]["questions"]]


def _kinds(lang: str, agent: str, channel: str | None = "chat") -> list[str]:
    return [kind for kind, _ in _questions(lang, agent, channel)]


@pytest.mark.parametrize(
    ("lang", "turn", "kinds"),
    [
        # the sentence after a full stop without a capital is the one that asks, also after a short word
        ("en", "hiya, got the pic. which door did you leave it at", ["open"]),
        ("da", "tak for mail. hvilket nummer ringer du fra", ["open"]),
        ("nb", "æsj, så dumt før ferien. hvilken konto står det på nå", ["open"]),
        # ... and a question with "?" is only its last sentence, whatever came before it
        ("da", "åh nej, hvor er det surt med en kold lejlighed. så radiatoren bliver ikke varm igen?", ["closed"]),
        # after a clock time and after an ellipsis in speech
        ("nb", "den ble endret 03.02 kl 14.05. kan en kollega ha gjort det", ["closed"]),
        ("da", "ja, fredag inden kl. 9. er det for sent for dig", ["closed"]),
        ("en", "Bear with me while I open that... what's the booking reference?", ["open"]),
        # chat statements without "?" ask nothing, even when the first one opens with a verb
        ("nb", "fant den. kortet var sperret, derfor ble det avvist. du får et nytt i posten innen fredag", []),
        ("da", "ser det nu. den var sendt til en gammel adresse. jeg har rettet den, så kommer den i morgen", []),
        ("en", "got it. the parcel went back to the depot. it will be redelivered tomorrow", []),
        # not after an abbreviation
        ("da", "vi ringer ca. kl. 10 i morgen", []),
    ],
)
def test_lowercase_chat_asks_in_its_last_sentence(lang, turn, kinds):
    assert _kinds(lang, turn) == kinds


@pytest.mark.parametrize(
    ("lang", "turn"),
    [
        ("da", "Velkommen til Cykelhuset 🚲️ Hvilken model drejer det sig om?"),
        ("nb", "Takk for at du venter ☀️ Hvor mange rom gjelder det?"),
        ("en", "Thanks for waiting ☀️ Which branch did you visit?"),
    ],
)
def test_an_emoji_with_its_presentation_selector_ends_a_sentence(lang, turn):
    assert _questions(lang, turn) == [("open", turn.split("️ ", 1)[1])]
