"""Conversation-level results: BALA path, conversation findings, promises, sentiment, score, CLI."""

import json
import subprocess
import sys
from datetime import datetime

import pytest

from wowdesk.coaching import InputError, analyze, detect_language

GOOD_DA = [
    ("customer", "Hej, jeg kan ikke logge ind. Det er virkelig irriterende!"),
    ("agent", "Hej Anna, tak fordi du skriver. Hvor er det frustrerende. Hvad ser du, når du logger ind?"),
    ("customer", "Der står forkert adgangskode, selvom jeg har nulstillet den."),
    ("agent", "Så du har nulstillet adgangskoden, men den bliver stadig afvist?"),
    ("customer", "Ja."),
    ("agent", "Jeg har låst din konto op. Tryk på 'Glemt adgangskode', og vælg en ny. Virker det nu?"),
    ("customer", "Ja, tusind tak! Super hurtig hjælp."),
    ("agent", "Er der andet, jeg kan hjælpe dig med?"),
]
JUMP_EN = [
    ("customer", "My export fails with an error."),
    ("agent", "Try a different browser, I think that usually helps."),
    ("customer", "It still does not work. I am getting really frustrated."),
]


def run(turns, language=None, sent_at=None):
    return analyze({"language": language, "sent_at": sent_at, "turns": [{"speaker": s, "text": t} for s, t in turns]})


def test_a_conversation_that_follows_bala():
    result = run(GOOD_DA)
    assert result["language"] == "da"
    assert result["bala"] == {
        "need": True,
        "need_accept": True,
        "solution": True,
        "solution_accept": True,
        "in_order": True,
    }
    assert [t["phase"] for t in result["turns"] if t["speaker"] == "agent"] == [
        "need",
        "need_accept",
        "solution_accept",
        "closing",
    ]
    assert result["conversation_findings"] == []
    assert result["score"] >= 90
    assert result["improvements"] == []
    assert result["strengths"][0] == "Du hilste venligt på kunden."


def test_a_conversation_that_jumps_to_a_solution():
    result = run(JUMP_EN)
    assert result["language"] == "en"
    assert result["bala"]["solution"] is True
    assert result["bala"]["need_accept"] is False
    assert result["bala"]["in_order"] is False
    assert set(result["conversation_findings"]) == {
        "solution_before_need_accept",
        "no_solution_accept",
        "no_greeting",
        "no_closing_question",
    }
    assert result["score"] < 40
    assert result["improvements"][0].startswith("Confirm the need")


def test_only_closed_questions():
    result = run([("agent", "Hej. Har du en iPhone? Er den opdateret?")], "da")
    assert "only_closed_questions" in result["conversation_findings"]
    assert "only_closed_questions" not in run([("agent", "Hej. Hvad ser du?")], "da")["conversation_findings"]


def test_strengths_come_first_and_are_appreciative_even_in_a_weak_conversation():
    result = run([("agent", "Hei Ola. Hva ser du på skjermen? Men du kan kanskje prøve å logge ut.")], "nb")
    assert result["strengths"][:2] == ["Du hilste vennlig på kunden.", "Du stilte åpne spørsmål for å finne behovet."]
    assert result["improvements"]


def test_phases_out_of_order_are_not_in_order():
    result = run(
        [
            ("agent", "Tryk på Gem."),
            ("customer", "Ok"),
            ("agent", "Hvad ser du?"),
            ("customer", "Fejl"),
            ("agent", "Så der står fejl?"),
            ("customer", "Ja"),
            ("agent", "Virker det nu?"),
        ],
        "da",
    )
    assert result["bala"]["in_order"] is False
    assert "solution_before_need_accept" in result["conversation_findings"]


FRIDAY_MORNING = "2026-11-20T10:00:00+01:00"


@pytest.mark.parametrize(
    ("language", "text", "due"),
    [
        ("en", "We will call you tomorrow.", "2026-11-21T17:00:00+01:00"),
        ("en", "You'll hear from us when the supplier answers.", None),
        ("en", "We'll call you within 2 hours.", "2026-11-20T12:00:00+01:00"),
        ("en", "I will send the invoice next week.", "2026-11-27T17:00:00+01:00"),
        ("nb", "Du hører fra oss innen fredag.", "2026-11-27T17:00:00+01:00"),
        ("nb", "Vi ringer deg i morgen formiddag.", "2026-11-21T12:00:00+01:00"),
        ("nb", "Jeg sender deg en e-post i dag.", "2026-11-20T17:00:00+01:00"),
        ("da", "Vi ringer til dig inden for 2 timer.", "2026-11-20T12:00:00+01:00"),
        ("da", "Jeg sender fakturaen i dag kl. 14.", "2026-11-20T14:00:00+01:00"),
        ("da", "Du hører fra os på mandag.", "2026-11-23T17:00:00+01:00"),
        ("da", "Vi vender tilbage inden for 3 dage.", "2026-11-23T17:00:00+01:00"),
    ],
)
def test_promises_with_due_times_resolved_against_the_message_time(language, text, due):
    result = run([("customer", "Hvornår?"), ("agent", "Tak. " + text)], language, sent_at=FRIDAY_MORNING)
    assert result["promises"] == [{"turn": 1, "text": text, "due": due}]


def test_each_turn_resolves_promises_against_its_own_time():
    result = analyze(
        {
            "language": "en",
            "sent_at": FRIDAY_MORNING,
            "turns": [
                {"speaker": "agent", "text": "We will call you tomorrow."},
                {"speaker": "agent", "text": "We will call you tomorrow.", "sent_at": "2026-11-23T09:00:00+01:00"},
            ],
        }
    )
    assert [p["due"] for p in result["promises"]] == ["2026-11-21T17:00:00+01:00", "2026-11-24T17:00:00+01:00"]


def test_promise_without_any_time_has_no_due():
    result = run([("agent", "Vi ringer til dig i morgen.")], "da")
    assert result["promises"] == [{"turn": 0, "text": "Vi ringer til dig i morgen.", "due": None}]


def test_no_promise_in_questions_or_plain_statements():
    assert (
        run([("agent", "Vil du have, at vi ringer i morgen?"), ("agent", "Pakken er sendt.")], "da")["promises"] == []
    )


def test_customer_sentiment():
    result = run(
        [
            ("customer", "Det virker ikke, og jeg er virkelig frustreret!"),
            ("customer", "Tusind tak, det er perfekt."),
            ("customer", "Jeg har et spørgsmål om min ordre."),
            ("customer", "Det er ikke godt nok."),
        ],
        "da",
    )
    scores = [t["sentiment"] for t in result["turns"]]
    assert scores[0] < -0.3
    assert scores[1] > 0.5
    assert scores[2] == 0.0
    assert scores[3] < 0
    assert all(-1 <= s <= 1 for s in scores)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hej, jeg kan ikke finde min faktura. Hvad gør jeg nu? Tak for hjælpen.", "da"),
        ("Hei, jeg finner ikke fakturaen min. Hva gjør jeg nå? Takk for hjelpen.", "nb"),
        ("Hi, I cannot find my invoice. What do I do now? Thanks for the help.", "en"),
        ("Hvornår kommer min pakke? Jeg har ventet meget længe.", "da"),
        ("Når kommer pakken min? Jeg har ventet veldig lenge.", "nb"),
    ],
)
def test_language_detection(text, language):
    assert detect_language(text) == language


def test_output_has_exactly_the_documented_shape():
    result = run(GOOD_DA, sent_at="2026-11-20T10:00:00Z")
    assert set(result) == {
        "language",
        "turns",
        "bala",
        "conversation_findings",
        "promises",
        "score",
        "strengths",
        "improvements",
        "mail",
    }
    assert result["mail"] is None, "chat and phone keep BALA; the e-mail check is for e-mails"
    for turn in result["turns"]:
        assert set(turn) == {"speaker", "phase", "questions", "findings", "sentiment"}
        for f in turn["findings"]:
            assert set(f) == {"code", "start", "end", "text", "polarity", "advice"}
    assert set(result["bala"]) == {"need", "need_accept", "solution", "solution_accept", "in_order"}
    assert isinstance(result["score"], int)
    assert 0 <= result["score"] <= 100
    json.dumps(result)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ([], None),
        ({"turns": "x"}, "turns"),
        ({"language": "sv", "turns": []}, "language"),
        ({"turns": [{"speaker": "bot", "text": "x"}]}, "turns[0].speaker"),
        ({"turns": [{"speaker": "agent", "text": 5}]}, "turns[0].text"),
        ({"sent_at": "yesterday", "turns": []}, "sent_at"),
        ({"turns": [{"speaker": "agent", "text": "x", "sent_at": 12}]}, "turns[0].sent_at"),
    ],
)
def test_invalid_input_names_the_field(data, field):
    with pytest.raises(InputError) as error:
        analyze(data)
    assert error.value.field == field


def test_empty_and_huge_conversations():
    assert run([])["score"] == 0
    long_text = "Tryk på Gem. " * 20000
    assert run([("agent", long_text)], "da")["turns"][0]["phase"] == "solution"


def _cli(stdin: str, *args):
    return subprocess.run(
        [sys.executable, "-m", "wowdesk.coaching", *args], input=stdin, capture_output=True, text=True, timeout=60
    )


def test_cli_json_in_json_out(tmp_path):
    data = {"language": "da", "sent_at": None, "turns": [{"speaker": "agent", "text": "Hej! Hvad ser du?"}]}
    done = _cli(json.dumps(data))
    assert done.returncode == 0
    assert json.loads(done.stdout)["turns"][0]["questions"] == [{"text": "Hvad ser du?", "kind": "open"}]
    path = tmp_path / "conversation.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert json.loads(_cli("", str(path)).stdout)["language"] == "da"
    assert json.loads(_cli(json.dumps(data), "-").stdout)["language"] == "da"


def test_cli_invalid_input_gives_a_json_error_and_exit_2(tmp_path):
    for stdin, field in (("{not json", None), ('{"turns": [{"speaker": "x", "text": "y"}]}', "turns[0].speaker")):
        done = _cli(stdin)
        assert done.returncode == 2
        assert done.stdout == ""
        error = json.loads(done.stderr)
        assert error["error"]
        assert error["field"] == field
    missing = _cli("", str(tmp_path / "missing.json"))
    assert missing.returncode == 2
    assert "cannot read" in json.loads(missing.stderr)["error"]


def test_the_library_imports_no_django():
    code = (
        "import sys, wowdesk.coaching as c; c.analyze({'language': None, 'turns': "
        "[{'speaker': 'agent', 'text': 'Hej'}]}); print(any(m == 'django' or m.startswith('django.') "
        "for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_sent_at_is_a_real_datetime_roundtrip():
    result = run([("agent", "We will call you tomorrow at 9 am.")], "en", sent_at="2026-11-20T15:30:00+00:00")
    assert datetime.fromisoformat(result["promises"][0]["due"]) == datetime.fromisoformat("2026-11-21T09:00:00+00:00")


def test_wowdesk_coach_command_is_the_same_cli(tmp_path):
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"language": "en", "turns": [{"speaker": "agent", "text": "Hi! What do you see?"}]}))
    done = subprocess.run([sys.executable, "-m", "wowdesk", "coach", str(path)], capture_output=True, text=True)
    assert done.returncode == 0
    assert json.loads(done.stdout)["turns"][0]["phase"] == "need"
    bad = subprocess.run([sys.executable, "-m", "wowdesk", "coach", "-"], input="[]", capture_output=True, text=True)
    assert bad.returncode == 2
    assert json.loads(bad.stderr)["error"]
