"""Promises, session 10 (issue 16): promises said again, clauses that refer back to a promise, and the kinds of
clause that name a time but promise nothing. Every sentence here was written for this file in Danish, Norwegian
and English; none comes from the labelled corpus."""

import pytest

from wowdesk.coaching import analyze

SENT = "2026-11-18T10:00:00+01:00"  # a Wednesday morning


def _conversation(lang: str, *agent_turns: str, sent: str = SENT) -> list[tuple[int, str, str | None]]:
    turns = []
    for text in agent_turns:
        turns += [{"speaker": "customer", "text": "Ok"}, {"speaker": "agent", "text": text}]
    result = analyze({"language": lang, "channel": "chat", "sent_at": sent, "turns": turns})
    return [(p["turn"], p["text"], p["due"]) for p in result["promises"]]


def _promises(lang: str, text: str, sent: str = SENT) -> list[tuple[str, str | None]]:
    return [(text, due) for _turn, text, due in _conversation(lang, text, sent=sent)]


# --- a promise said again (LABELS.md, session 10): once where first made, again when the time changes


@pytest.mark.parametrize(
    ("lang", "first", "again"),
    [
        ("da", "Montøren kommer på fredag kl. 8 og skifter ruden.", "Så er montøren bestilt til fredag kl. 8."),
        ("nb", "Varene blir levert til butikken på torsdag.", "Da blir varene levert på torsdag."),
        ("en", "Your replacement router will arrive by Thursday.", "Great, so the router will arrive by Thursday."),
    ],
)
def test_a_promise_said_again_at_the_same_time_is_one_promise(lang, first, again):
    found = _conversation(lang, first, again)
    assert [turn for turn, _text, _due in found] == [1], found


@pytest.mark.parametrize(
    ("lang", "first", "again", "due"),
    [
        ("da", "Jeg ringer dig i morgen.", "Jeg ringer dig i stedet fredag kl. 10.", "2026-11-20T10:00:00+01:00"),
        ("nb", "Montøren kommer på mandag.", "Montøren kommer i stedet på tirsdag.", "2026-11-24T17:00:00+01:00"),
        ("en", "I'll call you tomorrow.", "I'll call you on Friday at 10 am instead.", "2026-11-20T10:00:00+01:00"),
    ],
)
def test_a_promise_said_again_with_a_new_time_is_a_new_promise(lang, first, again, due):
    found = _conversation(lang, first, again)
    assert [(turn, d) for turn, _text, d in found][1:] == [(3, due)], found


@pytest.mark.parametrize(
    ("lang", "first", "other"),
    [
        ("da", "Sofaen bliver leveret på fredag.", "Du får også en sms på fredag."),
        ("nb", "Jeg ringer deg senere i dag med svar.", "Da sender jeg skjemaet i dag."),
        ("en", "We'll ring you tomorrow afternoon.", "The parts will be ready tomorrow afternoon."),
    ],
)
def test_another_promise_at_the_same_time_is_a_promise_of_its_own(lang, first, other):
    assert len(_conversation(lang, first, other)) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [("da", "hvem elsker ikke en tur i svømmehallen kl. 6 😄"), ("nb", "hvem gleder seg ikke til fredag kl. 16 😄"),
     ("en", "who doesn't love a 6am run 😄")],
)  # fmt: skip
def test_a_rhetorical_question_without_a_question_mark_promises_nothing(lang, text):
    assert _promises(lang, text) == []


# --- a clause that goes on with the promise before it is part of it


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        ("da", "Et nyt armbånd bliver sendt med posten og er hos dig inden fredag.", "2026-11-20T17:00:00+01:00"),
        ("da", "Fakturaen bliver rettet, og du har den i din indbakke på mandag.", "2026-11-23T17:00:00+01:00"),
        ("nb", "Ny brikke blir sendt i posten og er hos deg innen 4 dager.", "2026-11-22T17:00:00+01:00"),
        ("nb", "Nye nøkler blir sendt til deg, og du har dem i postkassen på fredag.", "2026-11-20T17:00:00+01:00"),
        ("en", "A new badge will be printed and will be with you by Friday.", "2026-11-20T17:00:00+01:00"),
    ],
)
def test_a_clause_going_on_with_an_untimed_promise_is_one_promise(lang, text, due):
    found = _promises(lang, text)
    assert len(found) == 1 and found[0][1] == due, found
    assert found[0][0].rstrip(".") == text.rstrip("."), found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Det nye armbånd bliver sendt i morgen og er hos dig på fredag."),
        ("nb", "Den nye brikken blir sendt i dag, og du har den på fredag."),
    ],
)
def test_after_a_timed_promise_the_arrival_is_a_promise_of_its_own(lang, text):
    assert len(_promises(lang, text)) == 2


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        ("da", "En montør kommer den 24. inden kl. 11 og tjekker radiatorerne.", "2026-11-24T11:00:00+01:00"),
        ("nb", "En elektriker kommer den 24. innen kl. 11 og sjekker sikringsskapet.", "2026-11-24T11:00:00+01:00"),
    ],
)
def test_a_day_number_does_not_end_the_clause(lang, text, due):
    assert [(t.rstrip("."), d) for t, d in _promises(lang, text)] == [(text.rstrip("."), due)]


# --- the customer's situation weighed names their time, not ours


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Det lyder hårdt med flytning i morgen."),
        ("da", "Åh, det lyder træls lige op til jul på fredag."),
        ("da", "Hvor ærgerligt at stå uden varme, og det på en lørdag."),
        ("nb", "Det høres slitsomt ut med eksamen i morgen."),
        ("nb", "Så kjedelig å høre når dere skal reise på fredag."),
        ("nb", "Så hyggelig at Nora vil begynne på korps til uka!"),
        ("en", "That sounds stressful with the move on Friday."),
        ("en", "Thanks for getting in touch, and good that you're sorting it before Monday."),
    ],
)
def test_the_customers_situation_weighed_is_no_promise(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Det lyder hårdt med flytning i morgen, og jeg ringer dig i morgen kl. 9."),
        ("nb", "Det høres slitsomt ut, og jeg ringer deg i morgen kl. 9."),
        ("en", "That sounds stressful, and I'll call you tomorrow at 9 am."),
    ],
)
def test_our_promise_after_the_situation_weighed_is_a_promise(lang, text):
    assert [due for _text, due in _promises(lang, text)] == ["2026-11-19T09:00:00+01:00"]


# --- what something is at a time, against where it will be


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Yogaholdet ligger tirsdag kl. 18."),
        ("da", "Hun er på kontoret fredag."),
        ("nb", "Neste ledige avgang med plass er kl. 21.15."),
        ("nb", "Han er på kurs torsdag."),
        ("en", "The earliest free slot is Thursday 3 December."),
        ("en", "Weekend tickets are £5 cheaper on Sunday."),
    ],
)
def test_what_something_is_at_a_time_is_no_promise(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        ("da", "Cyklen er klar i morgen kl. 15.", "2026-11-19T15:00:00+01:00"),
        ("da", "Beløbet står på din konto senest fredag.", "2026-11-20T17:00:00+01:00"),
        ("nb", "Nøkkelen ligger i resepsjonen i morgen kl. 9.", "2026-11-19T09:00:00+01:00"),
        ("nb", "Nettet er oppe igjen innen kl. 14.", "2026-11-18T14:00:00+01:00"),
        ("en", "The repair is done by Friday.", "2026-11-20T17:00:00+01:00"),
        ("en", "A plumber is replacing the valve on Friday.", "2026-11-20T17:00:00+01:00"),
    ],
)
def test_where_a_thing_will_be_at_a_time_is_a_promise(lang, text, due):
    assert [d for _t, d in _promises(lang, text)] == [due]


# --- looking something up, our opening hours, what we need, what the customer holds


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Et øjeblik, så finder jeg din booking."),
        ("da", "Tak, jeg åbner lige din profil."),
        ("nb", "Et øyeblikk, jeg finner bestillingen din."),
        ("nb", "Takk, jeg åpner saken din."),
        ("da", "Vi lukker kl. 17 i dag."),
        ("nb", "Vi stenger kl. 15 på lørdager."),
        ("en", "We close at 6 pm on Fridays."),
        ("da", "Vi skal kun bruge fakturaen fra i går."),
        ("nb", "Vi skal bare bruke kvitteringen fra butikken."),
        ("da", "Du har bindingsperiode til 1. juni."),
        ("nb", "Du har 14 dagers angrerett fra i dag."),
        ("nb", "Fristen er 20. desember, så du har god tid."),
    ],
)
def test_what_we_do_now_our_hours_and_what_the_customer_holds_promise_nothing(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        ("da", "Jeg lukker sagen i morgen.", "2026-11-19T17:00:00+01:00"),
        ("nb", "Du har det i postkassen på fredag.", "2026-11-20T17:00:00+01:00"),
        ("nb", "Dere har hytta fra 4. til 6. desember.", "2026-12-04T17:00:00+01:00"),
        ("en", "You'll have it well before Friday.", "2026-11-20T17:00:00+01:00"),
    ],
)
def test_closing_a_case_and_having_it_by_a_time_are_promises(lang, text, due):
    assert [d for _t, d in _promises(lang, text)] == [due]


@pytest.mark.parametrize(
    ("lang", "first", "again"),
    [
        ("da", "Jeg ringer dig i morgen kl. 8.", "Så tales vi ved i morgen kl. 8."),
        ("nb", "Jeg ringer deg i morgen kl. 8.", "Da snakkes vi i morgen kl. 8."),
        ("en", "I'll call you back tomorrow at 8 am.", "Speak to you tomorrow at 8 am, then."),
    ],
)
def test_being_in_touch_said_again_at_the_same_time_is_one_promise(lang, first, again):
    assert [turn for turn, _t, _d in _conversation(lang, first, again)] == [1]
