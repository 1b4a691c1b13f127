"""The coach reads Danish, Norwegian and English by their grammar, not by the words it was shown (issue 16)."""

from wowdesk.coaching import analyze

SENT = "2026-03-10T13:55:00+01:00"  # a Tuesday


def _turns(lang: str, *texts: str, channel: str | None = None) -> dict:
    """Analyse customer/agent turns in turn (the first text is the customer's)."""
    turns = [{"speaker": ("customer", "agent")[i % 2], "text": t} for i, t in enumerate(texts)]
    return analyze({"language": lang, "channel": channel, "sent_at": SENT, "turns": turns})


def _agent(result: dict, n: int = -1) -> dict:
    return [t for t in result["turns"] if t["speaker"] == "agent"][n]


def test_verb_before_its_subject_asks_yes_or_no_whatever_the_verb():
    for lang, question in (
        ("da", "Bestilte du den i butikken eller på nettet?"),
        ("nb", "Sa du det opp på telefon eller i appen?"),
        ("da", "Hopper gearet, når du træder hårdt, eller sker det hele tiden?"),
    ):
        turn = _agent(_turns(lang, "Det virker ikke.", question))
        assert [q["kind"] for q in turn["questions"]] == ["closed"], question
        # alternatives offered in a yes/no question presume the answer
        assert "presumptive_question" in {f["code"] for f in turn["findings"]}, question


def test_a_question_word_after_a_long_lead_in_asks_an_open_question():
    turn = _agent(_turns("da", "Hej", "Tak fordi du venter så tålmodigt på mig, hvad er dit kundenummer?"))
    assert [q["kind"] for q in turn["questions"]] == ["open"]


def test_a_chat_question_without_a_question_mark_may_end_with_a_quoted_label():
    turn = _agent(_turns("en", "It says delivered", "what does the tracking page show under 'Delivered to'"))
    assert [q["kind"] for q in turn["questions"]] == ["open"]
    instruction = _agent(_turns("en", "Where is it?", "Click on 'Settings'"))
    assert instruction["questions"] == []


def test_saying_the_problem_back_after_a_solution_confirms_the_need_not_the_solution():
    result = _turns(
        "da",
        "Jeg kan ikke logge ind i appen.",
        "Jeg har nulstillet din adgangskode.",
        "Nej, den siger stadig forkert kode.",
        "Så fejlen kommer stadig, efter du har nulstillet koden?",
    )
    assert _agent(result)["phase"] == "need_accept"


def test_a_new_fact_asked_after_a_solution_is_the_need():
    result = _turns(
        "nb",
        "TV-et henger hele tiden.",
        "Jeg har sendt en oppdatering til boksen din.",
        "Ok, den startet på nytt.",
        "Bruker du også strømmetjenesten NRK TV på boksen?",
    )
    assert _agent(result)["phase"] == "need"


def test_asking_for_information_gathers_facts_and_promises_nothing():
    result = _turns("da", "Min pakke er ikke kommet.", "Jeg skal bruge dit ordrenummer for at finde pakken.")
    assert _agent(result)["phase"] == "need"
    assert result["promises"] == []


def test_conditions_hedges_farewells_and_what_we_can_do_are_no_promises():
    for lang, text in (
        ("da", "Giv mig et praj, hvis pengene ikke er der mandag."),
        ("nb", "Finner vi feil, ringer vi deg før vi gjør noe med den."),
        ("nb", "Jeg tror du må bruke et annet kort i dag."),
        ("da", "Tak for i dag, og god aften."),
        ("en", "Then I can check it against the reading from 2 March."),
    ):
        assert _turns(lang, "Hej", text)["promises"] == [], text


def test_promises_in_more_shapes_with_their_due_times():
    result = _turns(
        "en",
        "Where is my pizza?",
        "Your pizza left 5 minutes ago, it'll be with you within 15 minutes.",
    )
    assert [(p["text"], p["due"]) for p in result["promises"]] == [
        ("it'll be with you within 15 minutes", "2026-03-10T14:10:00+01:00")
    ]
    result = _turns(
        "da", "Hvornår kommer montøren?", "Jeg har bestilt en kontrol, og en montør kontakter dig inden for 10 dage."
    )
    assert [(p["text"], p["due"]) for p in result["promises"]] == [
        ("en montør kontakter dig inden for 10 dage", "2026-03-20T17:00:00+01:00")
    ]


def test_a_hedged_suggestion_is_a_weak_word_and_a_retry_instruction_is_not():
    hedged = _agent(_turns("da", "Det virker ikke", "Du kan prøve at forny forbindelsen under Apps."))
    assert "weak_word" in {f["code"] for f in hedged["findings"]}
    instruction = _agent(_turns("da", "Det virker ikke", "Prøv igen om fem minutter."))
    assert "weak_word" not in {f["code"] for f in instruction["findings"]}


def test_a_receipt_that_promises_an_answer_greets():
    result = _turns(
        "nb",
        "Jeg har ikke fått billettene mine.",
        "Hei!\n\nTakk for henvendelsen. Vi har mye å gjøre for tiden og svarer deg innen 24 timer."
        "\n\nHilsen\nBillettluka",
        channel="email",
    )
    assert _agent(result)["phase"] == "greeting"
    assert [p["due"] for p in result["promises"]] == ["2026-03-11T13:55:00+01:00"]
