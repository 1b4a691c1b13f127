"""Promises, session 11 (issue 16): LABELS.md's session-10 decisions on changes that take effect (a month with no
day, effects already begun) and the failing classes of session 10, each by its structure. Every sentence here was
written for this file in Danish, Norwegian and English; none comes from the labelled corpus."""

import pytest

from wowdesk.coaching import analyze

SENT = "2026-11-18T10:00:00+01:00"  # a Wednesday morning in November


def _promises(lang: str, text: str, sent: str = SENT) -> list[tuple[str, str | None]]:
    turns = [{"speaker": "customer", "text": "Ok"}, {"speaker": "agent", "text": text}]
    result = analyze({"language": lang, "channel": "chat", "sent_at": sent, "turns": turns})
    return [(p["text"], p["due"]) for p in result["promises"]]


# --- a change effective from a month with no day is due 17:00 on its first day (LABELS.md, session 10)


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        ("da", "Jeg har sat dit abonnement ned til Basis fra december.", "2026-12-01T17:00:00+01:00"),
        ("da", "Jeg har skiftet dig over til erhvervsaftalen fra januar.", "2027-01-01T17:00:00+01:00"),
        ("nb", "Jeg har endret avtalen din til Familie fra februar.", "2027-02-01T17:00:00+01:00"),
        ("en", "I've switched you to the cheaper plan from January.", "2027-01-01T17:00:00+00:00"),
    ],
)
def test_a_change_from_a_month_is_due_on_its_first_day(lang, text, due):
    sent = SENT.replace("+01:00", "+00:00") if lang == "en" else SENT
    assert [d for _text, d in _promises(lang, text, sent)] == [due]


# --- what the customer is on from a date we set is a change that takes effect then


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        ("da", "Så er det ordnet, du kører på Familie-pakken fra den 1. december.", "2026-12-01T17:00:00+01:00"),
        ("nb", "Ferdig, du står på Start fra 15. januar.", "2027-01-15T17:00:00+01:00"),
        ("en", "All done, you're on the student rate from 1 February.", "2027-02-01T17:00:00+01:00"),
    ],
)
def test_the_plan_the_customer_is_on_from_a_date_is_a_promise(lang, text, due):
    assert [d for _text, d in _promises(lang, text)] == [due]


# --- a change whose effect has begun or is backdated is a state report (LABELS.md, session 10)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Jeg har givet dig studierabatten fra 1. oktober."),
        ("da", "Du kører på Familie-pakken fra november."),
        ("da", "Jeg har krediteret gebyret med tilbagevirkende kraft fra 1. december."),
        ("nb", "Jeg har satt ned månedsprisen fra 1. september."),
        ("nb", "Vi har endret avtalen din tilbake til 1. oktober."),
        ("en", "I've lowered your monthly price from 1 October."),
        ("en", "I've credited the service charge back to 3 September."),
    ],
)
def test_a_change_already_in_effect_or_backdated_is_no_promise(lang, text):
    assert _promises(lang, text) == []


# --- a charge not made: our promise after an act of ours, a state report after a state


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Opkrævningen er stoppet, så du skal ikke betale den."),
        ("da", "Rykkeren er annulleret, så du får ingen rykker."),
        ("nb", "Regningen er satt på vent, så du får ingen purring."),
        ("en", "The invoice is on hold, so you won't be charged."),
    ],
)
def test_a_charge_not_made_after_a_state_is_no_promise(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Vi har stoppet opkrævningen, så du skal ikke betale den."),
        ("nb", "Jeg har satt regningen på vent, så du får ingen purring."),
        ("en", "I've put the invoice on hold, so you won't be charged."),
        ("da", "Du får ingen rykker for den regning."),
    ],
)
def test_a_charge_not_made_after_our_act_is_a_promise(lang, text):
    assert len(_promises(lang, text)) == 1


# --- an instruction first, then what we do without a time: the instruction is its condition


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Kom ind med kvitteringen, så refunderer vi beløbet."),
        ("da", "Send os billedet af skaden, så bestiller vi en ny rude."),
        ("nb", "Send oss kvitteringen, så refunderer vi beløpet."),
        ("en", "Send us the receipt and we'll refund you."),
        ("en", "Then ring the depot and we'll book a new slot."),
    ],
)
def test_what_we_do_after_an_instruction_without_a_time_is_no_promise(lang, text):
    assert _promises(lang, text) == []


def test_what_we_do_after_an_instruction_with_a_time_is_a_promise():
    found = _promises("en", "Drop the bike off at 8 and we'll call you by 3 pm on Friday.")
    assert [due for _text, due in found] == ["2026-11-20T15:00:00+01:00"]


# --- what can be done after ", så" does not take back the timed act before it


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        ("da", "Sygeplejersken ringer dig i eftermiddag, så kan I aftale resten.", "2026-11-18T17:00:00+01:00"),
        ("nb", "Rørleggeren ringer deg i ettermiddag, så kan dere avtale resten.", "2026-11-18T17:00:00+01:00"),
    ],
)
def test_a_timed_act_followed_by_what_can_be_done_is_a_promise(lang, text, due):
    assert [d for _text, d in _promises(lang, text)] == [due]


def test_an_infinitive_after_aa_is_no_past_verb():
    found = _promises("nb", "Montøren kjører varmepumpen ut til deg fredag kl. 9 og hjelper deg med å koble den til.")
    assert [due for _text, due in found] == ["2026-11-20T09:00:00+01:00"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [("da", "Stil posen ud foran døren i morgen tidlig."), ("da", "Stil cyklen ved porten fredag, så kommer den med.")],
)
def test_an_instruction_to_put_something_somewhere_is_no_promise(lang, text):
    assert _promises(lang, text) == []


# --- an appointment entered ahead is a booking; a change entered from a date takes effect then


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        ("da", "Jeg har lagt ind en tid til dig hos tandlægen fredag kl. 13.", "2026-11-20T13:00:00+01:00"),
        ("nb", "Jeg har lagt inn en time til deg hos legen fredag kl. 13.", "2026-11-20T13:00:00+01:00"),
        ("nb", "Da har jeg lagt inn flyttingen av måleren fra 1. desember.", "2026-12-01T17:00:00+01:00"),
    ],
)
def test_an_entry_made_now_for_a_time_ahead_is_a_promise(lang, text, due):
    assert [d for _text, d in _promises(lang, text)] == [due]
