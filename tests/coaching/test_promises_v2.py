"""Promises read by their structure (issue 16): who commits, to what, and by when; and the clauses that look
like promises but are none (habits, conditions, offers, questions, the past, inability, the customer's own
acts). Every sentence here was written for this file in Danish, Norwegian and English; none comes from the
labelled corpus."""

import pytest

from wowdesk.coaching import analyze

SENT = "2026-11-18T10:00:00+01:00"  # a Wednesday morning


def _promises(lang: str, text: str, sent: str = SENT) -> list[tuple[str, str | None]]:
    result = analyze(
        {
            "language": lang,
            "channel": "chat",
            "sent_at": sent,
            "turns": [{"speaker": "customer", "text": "Hej"}, {"speaker": "agent", "text": text}],
        }
    )
    return [(p["text"], p["due"]) for p in result["promises"]]


def _due(lang: str, text: str, sent: str = SENT) -> str | None:
    found = _promises(lang, text, sent)
    assert len(found) == 1, (text, found)
    return found[0][1]


# --- who commits: us, a third party acting for us, a thing, the customer receiving, the passive


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # a third party acting for us
        ("da", "Teknikeren kommer forbi i morgen formiddag.", "2026-11-19T12:00:00+01:00"),
        ("da", "Min kollega i økonomi ringer dig op den 30.", "2026-11-30T17:00:00+01:00"),
        ("nb", "En kollega fra fakturaavdelingen tar kontakt med deg den 30.", "2026-11-30T17:00:00+01:00"),
        ("nb", "Teknikeren ringer deg før kl. 12 i morgen.", "2026-11-19T12:00:00+01:00"),
        ("en", "A colleague from billing will contact you on the 30th.", "2026-11-30T17:00:00+01:00"),
        ("en", "Someone from our team will reach out within 48 hours.", "2026-11-20T10:00:00+01:00"),
        # the passive, in the future or with a time ahead
        ("da", "Beløbet bliver refunderet til dit kort i løbet af to timer.", "2026-11-18T12:00:00+01:00"),
        ("da", "Kreditnotaen sendes til dig i løbet af dagen.", "2026-11-18T17:00:00+01:00"),
        ("nb", "Pengene blir tilbakeført til kontoen din innen fredag.", "2026-11-20T17:00:00+01:00"),
        ("nb", "Beløpet vil bli kreditert i løpet av to timer.", "2026-11-18T12:00:00+01:00"),
        ("en", "Your refund will be processed by Friday.", "2026-11-20T17:00:00+01:00"),
        ("en", "The charge will be reversed within 5 working days.", "2026-11-25T17:00:00+01:00"),
        # the customer receives: "du får", "you will receive", "du hører fra mig"
        ("da", "Du får en sms inden for 24 timer.", "2026-11-19T10:00:00+01:00"),
        ("da", "Du hører fra mig inden udgangen af ugen.", "2026-11-20T17:00:00+01:00"),
        ("da", "Du modtager en bekræftelse på mail senest i morgen.", "2026-11-19T17:00:00+01:00"),
        ("da", "Du bliver ringet op i morgen formiddag.", "2026-11-19T12:00:00+01:00"),
        ("nb", "Du hører fra meg innen utgangen av uka.", "2026-11-20T17:00:00+01:00"),
        ("nb", "Du blir ringt opp i morgen formiddag.", "2026-11-19T12:00:00+01:00"),
        ("en", "You will receive an email within 24 hours.", "2026-11-19T10:00:00+01:00"),
        ("en", "You'll hear from me by the end of the day.", "2026-11-18T17:00:00+01:00"),
        # us, booked ahead
        ("da", "Jeg har bestilt en tekniker til torsdag.", "2026-11-19T17:00:00+01:00"),
        ("nb", "Jeg har bestilt en tekniker til torsdag.", "2026-11-19T17:00:00+01:00"),
        ("en", "We'll call you back on Monday 2 February.", "2027-02-02T17:00:00+01:00"),
        ("da", "Vi lader en kollega tage fat i dig i løbet af eftermiddagen.", "2026-11-18T17:00:00+01:00"),
    ],
)
def test_a_commitment_whoever_makes_it_is_a_promise_with_its_due_time(lang, text, due):
    assert _due(lang, text) == due


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Du får en sms, når pakken er klar."),
        ("nb", "Du får en SMS når pakken er klar til henting."),
        ("en", "You'll get a text when the parcel is ready."),
        ("en", "You're getting a full refund."),
    ],
)
def test_a_promise_without_a_time_is_due_at_no_time(lang, text):
    assert _due(lang, text) is None


def test_what_the_customer_will_not_be_charged_is_a_promise():
    assert _promises("en", "You won't be charged for the missed appointment.")
    assert _promises("da", "Vi opkræver dig ikke for fejlen.")
    assert _promises("nb", "Vi fakturerer deg ikke for feilen.")


def test_the_customer_receiving_after_a_fronted_phrase_is_a_promise():
    assert _due("nb", "I tillegg får du et nytt modem sendt hjem i morgen.") == "2026-11-19T17:00:00+01:00"


# --- due times (relative to a Wednesday 10:00 in Copenhagen)


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        ("da", "Jeg ringer dig i morgen formiddag.", "2026-11-19T12:00:00+01:00"),
        ("da", "Vi sender det nye kort inden fredag.", "2026-11-20T17:00:00+01:00"),
        ("da", "Jeg vender tilbage inden udgangen af ugen.", "2026-11-20T17:00:00+01:00"),
        ("da", "Jeg ringer dig op i løbet af to timer.", "2026-11-18T12:00:00+01:00"),
        ("da", "Jeg sender dig en ny faktura den 30.", "2026-11-30T17:00:00+01:00"),
        ("da", "Du får det nye kort den 2. februar.", "2027-02-02T17:00:00+01:00"),
        ("nb", "Montøren kommer innom torsdag mellom kl. 8 og 12.", "2026-11-19T12:00:00+01:00"),
        ("da", "Teknikeren kommer torsdag mellem kl. 8 og 12.", "2026-11-19T12:00:00+01:00"),
        ("en", "The new router will be delivered next Monday.", "2026-11-23T17:00:00+01:00"),
        ("en", "I'll send you the contract by the end of the day.", "2026-11-18T17:00:00+01:00"),
        ("en", "You'll get the code within 24 hours.", "2026-11-19T10:00:00+01:00"),
    ],
)
def test_due_times_from_relative_and_absolute_expressions(lang, text, due):
    assert _due(lang, text) == due


def test_inden_udgangen_af_ugen_on_a_friday_evening_is_next_friday():
    friday_evening = "2026-11-20T18:30:00+01:00"
    assert _due("da", "Du hører fra mig inden udgangen af ugen.", friday_evening) == "2026-11-27T17:00:00+01:00"


# --- not promises


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # habits and policies
        ("da", "Vi svarer normalt inden for en dag."),
        ("da", "Hver morgen kl. 8 lægger vi nye tider ud."),
        ("da", "Man får en sms, når pakken er klar."),
        ("da", "De fleste kunder får pengene inden for tre dage."),
        ("da", "Ifølge vores regler refunderer vi inden for 14 dage."),
        ("nb", "Vi svarer vanligvis innen en dag."),
        ("nb", "Det kan ta opptil fem virkedager før pengene er på konto."),
        ("en", "We usually reply within one working day."),
        ("en", "Every morning at 8 we release new slots."),
        ("en", "Most customers get their money back within three days."),
        ("en", "Our policy is to refund within 14 days."),
        # what holds until a date, opening hours, availability
        ("da", "Tilbuddet gælder til og med fredag."),
        ("da", "Butikken lukker kl. 18 i dag."),
        ("nb", "Tilbudet gjelder til og med fredag."),
        ("en", "The offer is valid until Friday."),
        ("en", "Our phone lines are open until 4 pm today."),
        ("da", "Næste ledige tid er torsdag kl. 10."),
        # advice
        ("da", "Jeg vil anbefale, at du genstarter routeren i aften."),
        ("nb", "Jeg vil anbefale at du starter ruteren på nytt i kveld."),
        ("en", "I'd recommend restarting the router tonight."),
    ],
)
def test_habits_policies_facts_and_advice_are_no_promises(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Hvis du vil, kan jeg sende dig en ny kode."),
        ("da", "Hvis det ikke virker, så vil jeg sende en tekniker i morgen."),
        ("da", "I så fald sender vi en ny i morgen."),
        ("da", "Medmindre du giver besked, fornyes abonnementet den 1. december."),
        ("nb", "Hvis du vil, kan jeg sende deg en ny kode."),
        ("nb", "Vi sender en tekniker om nødvendig."),
        ("nb", "Om du ønsker det, kan vi sende en tekniker på fredag."),
        ("en", "If you want, I can send you a new code."),
        ("en", "If the part arrives on Monday, we'll fit it on Tuesday."),
        ("en", "We'll send an engineer if needed."),
        ("en", "In that case we'll send a new one tomorrow."),
        # what someone can do offers, it commits to nothing
        ("da", "Teknikeren kan komme torsdag kl. 10."),
        ("en", "The engineer could come on Thursday at 10."),
    ],
)
def test_conditions_and_offers_are_no_promises(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Skal jeg sende en ny kode til dig?"),
        ("da", "Vil du have, at jeg ringer dig op i morgen?"),
        ("da", "skal jeg ringe dig i morgen"),
        ("nb", "Skal jeg sende deg en ny kode?"),
        ("nb", "Vil du at jeg ringer deg i morgen?"),
        ("en", "Shall I send you a new code?"),
        ("en", "Would you like me to call you tomorrow?"),
    ],
)
def test_offers_phrased_as_questions_are_no_promises(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # the past
        ("da", "Jeg sendte koden i går."),
        ("da", "Vi sendte dig en ny kode i morges."),
        ("nb", "Jeg sendte deg koden i går."),
        ("nb", "Teknikeren var hos deg i går."),
        ("en", "I sent the code yesterday."),
        ("en", "The engineer was with you yesterday."),
        # negated, or what we cannot do
        ("da", "Jeg ringer ikke til dig i morgen."),
        ("da", "Vi har desværre ikke mulighed for at levere i morgen."),
        ("nb", "Vi har dessverre ikke mulighet til å levere i morgen."),
        ("en", "I won't be able to call you tomorrow."),
        ("en", "Unfortunately we're not able to deliver tomorrow."),
        # a wish, not a commitment
        ("da", "Jeg vil gerne sende dig en ny router."),
    ],
)
def test_the_past_the_negated_and_what_we_cannot_do_are_no_promises(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Du skal selv sende formularen inden fredag."),
        ("da", "Du bliver nødt til at sende kvitteringen inden fredag."),
        ("da", "Inden fredag skal du sende os kvitteringen."),
        ("da", "Du kan hente pakken i butikken fra i morgen."),
        ("da", "Du er velkommen til at komme forbi i morgen kl. 10."),
        ("da", "Jeg har noteret, at du ringer igen på mandag."),
        ("nb", "Du må selv sende inn skjemaet innen fredag."),
        ("nb", "Du trenger bare å logge inn igjen i morgen."),
        ("en", "You'll need to send us the form by Friday."),
        ("en", "You will have to send the receipt by Friday."),
        ("en", "You can collect the parcel from the shop from tomorrow."),
        ("en", "You just need to log in again tomorrow."),
    ],
)
def test_what_the_customer_will_do_is_not_our_promise(lang, text):
    assert _promises(lang, text) == []


def test_the_customer_acting_and_then_us_is_a_promise():
    assert _due("da", "Du kan komme forbi i morgen kl. 10, så kigger vi på det.") == "2026-11-19T10:00:00+01:00"


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # verb second after a fronted object or time: the commitment is ours all the same
        ("da", "Det skal jeg nok sørge for i morgen.", "2026-11-19T17:00:00+01:00"),
        ("nb", "Det skal vi fikse innen fredag.", "2026-11-20T17:00:00+01:00"),
        # a promise made by someone acting for us
        ("da", "Regionen har lovet at registrere dig hos en ny læge inden for 2 dage.", "2026-11-20T17:00:00+01:00"),
        ("en", "The supplier has promised to ship it by Friday.", "2026-11-20T17:00:00+01:00"),
        # "gi lyd" / "give lyd" is a call-back
        ("nb", "Jeg gir deg en lyd i løpet av dagen.", "2026-11-18T17:00:00+01:00"),
        ("da", "Jeg giver dig lyd i morgen.", "2026-11-19T17:00:00+01:00"),
        # any participle in the passive future, with a time ahead
        ("nb", "Ruteren blir byttet på torsdag.", "2026-11-19T17:00:00+01:00"),
        ("da", "Fejlen bliver fikset i løbet af dagen.", "2026-11-18T17:00:00+01:00"),
        # a half hour written as one word, and "the next hour"
        ("nb", "Jeg ringer deg opp igjen innen en halvtime.", "2026-11-18T10:30:00+01:00"),
        ("en", "You'll get an email within the next hour.", "2026-11-18T11:00:00+01:00"),
        # an hour in the afternoon: said so, or out of business hours in the morning (English, no am/pm)
        ("en", "I've booked you in at 3.40 this afternoon.", "2026-11-18T15:40:00+01:00"),
        ("en", "I'll ring your mobile at 5 to check.", "2026-11-18T17:00:00+01:00"),
        ("nb", "Du får en veiledning på e-post før dagen er omme.", "2026-11-18T17:00:00+01:00"),
    ],
)
def test_more_commitments_and_their_due_times(lang, text, due):
    assert _due(lang, text) == due


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a condition put first with its verb first, whoever its subject
        ("da", "Bliver hun dårligere i aften, skal I ringe til lægevagten."),
        # the customer's own plan said back
        ("da", "Så du vil aflevere bilen den 30. oktober."),
        # how something works, whoever it concerns
        ("nb", "Eiendomsskatten følger den som eier eiendommen 1. januar."),
        ("nb", "Det blir sperret etter tre feil passord."),
        ("nb", "Gavekortene må registreres på en egen side innen fredag."),
        ("nb", "Det skal være ro etter kl. 21 på hverdager."),
        # an evaluation, with a "when" in it
        ("da", "Det lyder frustrerende, når du har brug for medicin og ikke kan komme til lægen."),
        # a hedge after a fronted object, with no time
        ("nb", "Det skal vi prøve å finne ut av."),
        # mentioning an earlier promise is no new one
        ("en", "As promised, a quick update: the fix went live on Friday."),
    ],
)
def test_more_clauses_that_look_like_promises_and_are_none(lang, text):
    assert _promises(lang, text) == []


def test_a_promise_after_a_habit_in_the_same_sentence_is_still_a_promise():
    text = "Banks usually take 3-5 working days, so the refund will show on your statement by Monday."
    assert _promises("en", text) == [("the refund will show on your statement by Monday", "2026-11-23T17:00:00+01:00")]


def test_a_passive_after_and_is_a_clause_of_its_own():
    text = "Bagen din er funnet i Oslo og sendes til Tromsø i dag."
    assert _promises("nb", text) == [("sendes til Tromsø i dag", "2026-11-18T17:00:00+01:00")]


def test_what_the_customer_need_not_do_is_no_promise():
    assert _promises("da", "Du behøver ikke prøve noget mere i aften.") == []
    assert _promises("en", "You don't need to call us again tomorrow.") == []


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        ("nb", "Jeg sjekker med lageret og gir deg beskjed i løpet av dagen.", "2026-11-18T17:00:00+01:00"),
        ("nb", "Vi har satt opp en time til deg på torsdag kl. 10.", "2026-11-19T10:00:00+01:00"),
        ("da", "Vi har sat en tekniker på til torsdag kl. 10.", "2026-11-19T10:00:00+01:00"),
        ("en", "We're refunding the full amount.", None),
    ],
)
def test_a_message_a_booking_and_a_plan_in_progress_are_promises(lang, text, due):
    assert _due(lang, text) == due


def test_chat_without_capitals_is_read_clause_by_clause():
    text = "jeg ser den. adressen manglet husnummer, derfor gikk den i retur. sjåføren henter den hos dere i morgen"
    assert _promises("nb", text) == [("sjåføren henter den hos dere i morgen", "2026-11-19T17:00:00+01:00")]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Det skyldes, at jeres medlemskab fornyes i dag."),
        ("en", "That's because your bank asks for fresh consent every 90 days, and yours ran out on Friday."),
        ("nb", "Så bra at alle kontaktene er på plass før torsdag."),
        ("en", "Oh, that's a worry, especially after a busy Friday."),
        ("nb", "Ok, da gjør vi det annerledes."),
        ("en", "OK, here's what I'll do instead."),
    ],
)
def test_a_cause_an_evaluation_or_announcing_the_plan_is_no_promise(lang, text):
    assert _promises(lang, text) == []


# --- round 4 (issue 16): the structures behind the held-out misses, in sentences written for this file


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a condition put first by its conjunction: "forudsat", "så længe", "provided", "as long as"
        ("da", "Forudsat at delen er på lager, sender vi den i morgen."),
        ("nb", "Forutsatt at delen er på lager, sender vi den i morgen."),
        ("en", "Provided the part is in stock, it will ship tomorrow."),
        ("en", "As long as the payment clears, your order goes out on Friday."),
        # verb first with a noun for its subject, negated or not
        ("da", "Er kortet ikke kommet på fredag, sender vi et nyt."),
        ("nb", "Kommer ikke pakken innen fredag, sender vi en ny."),
        ("nb", "Virker ruteren fortsatt ikke i kveld, kommer en tekniker i morgen."),
    ],
)
def test_a_condition_before_the_commitment_scopes_it(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # what a date is, what lasts, ends or costs, what recurs each month
        ("da", "Fristen for indsigelse er den 15. december."),
        ("nb", "Fristen for å klage er 15. desember."),
        ("en", "The deadline for objections is 15 December."),
        ("da", "Kampagnen slutter på søndag."),
        ("nb", "Bindingstiden din slutter 1. mars."),
        ("en", "Your contract ends on 31 December."),
        ("da", "Det koster 50 kr. ekstra i morgen."),
        ("en", "It costs £5 extra tomorrow."),
        ("da", "Betalingen trækkes den 1. i måneden."),
        ("en", "The payment is taken on the 1st of each month."),
        # until when a state holds
        ("da", "Systemet er nede indtil kl. 14 i dag."),
        ("nb", "Systemet er nede til kl. 14 i dag på grunn av vedlikehold."),
        ("en", "The system is down until 2 pm today for maintenance."),
        ("da", "Jeg er her til kl. 16 i dag."),
        ("en", "I'm here until 4 pm today."),
        # how we are
        ("da", "Jeg har fri i morgen, men min kollega sidder klar."),
        ("nb", "Vi har mye å gjøre i dag."),
        ("en", "We're very busy today."),
    ],
)
def test_a_time_with_no_event_at_it_is_no_promise(lang, text):
    assert _promises(lang, text) == []


def test_kept_for_the_customer_until_a_date_is_a_promise():
    assert _due("en", "The room is held for you until Friday.") == "2026-11-20T17:00:00+01:00"
    assert _due("da", "Pladsen er reserveret til dig indtil fredag.") == "2026-11-20T17:00:00+01:00"


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # we see to it that the customer receives: ours, not the customer's act
        ("nb", "Vi sørger for at du får en ny ruter innen torsdag.", "2026-11-19T17:00:00+01:00"),
        ("da", "Jeg sørger for, at du får pengene inden fredag.", "2026-11-20T17:00:00+01:00"),
    ],
)
def test_seeing_to_it_that_the_customer_receives_is_a_promise(lang, text, due):
    assert _due(lang, text) == due


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # an imperative first tells the customer what to do, whatever time it names
        ("da", "Kig i din indbakke i morgen."),
        ("da", "Sørg for at være hjemme torsdag mellem 8 og 12."),
        ("da", "Betal regningen senest på fredag."),
        ("nb", "Sørg for å være hjemme torsdag mellom 8 og 12."),
        ("nb", "Legg ved kvitteringen innen fredag."),
        ("en", "Remember to return the key by tomorrow."),
        ("en", "Make sure you're home on Thursday between 8 and 12."),
        ("en", "Give us a call on Monday."),
    ],
)
def test_an_instruction_to_the_customer_is_no_promise_whatever_its_time(lang, text):
    assert _promises(lang, text) == []


def test_an_imperative_before_that_or_let_me_still_promises():
    assert _due("en", "Note that the engineer comes to your house on Monday.") == "2026-11-23T17:00:00+01:00"
    assert _due("da", "Lad mig vende tilbage til dig i morgen.") == "2026-11-19T17:00:00+01:00"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a customary qualifier
        ("da", "Som udgangspunkt sender vi svar inden for en uge."),
        ("nb", "Som hovedregel sender vi svar innen en uke."),
        ("en", "By default we send a reply within a week."),
        # a generic subject: a bare plural with what defines it
        ("da", "Ordrer afgivet før kl. 14 sendes samme dag."),
        ("nb", "Bestillinger som kommer inn før kl. 14, sendes samme dag."),
        ("en", "Orders placed before 2 pm are sent the same day."),
        # us doing something to a bare plural within a span (in English, any present tense of ours)
        ("da", "Vi behandler klager inden for 14 dage."),
        ("nb", "Vi utbetaler erstatninger innen 30 dager."),
        ("en", "We process claims within 14 days."),
        ("en", "We reply within 24 hours."),
    ],
)
def test_a_policy_stated_in_general_is_no_promise(lang, text):
    assert _promises(lang, text) == []


def test_the_same_span_said_of_this_customer_is_a_promise():
    assert _due("da", "Vi behandler din klage inden for 14 dage.") == "2026-12-02T17:00:00+01:00"
    assert _due("nb", "Vi utbetaler erstatningen din innen 30 dager.") == "2026-12-18T17:00:00+01:00"
    assert _due("en", "We'll process your claim within 14 days.") == "2026-12-02T17:00:00+01:00"


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # chat spellings
        ("nb", "Montøren kommer hjem til deg imorgen.", "2026-11-19T17:00:00+01:00"),
        ("nb", "Montøren kommer hjem til deg i morra.", "2026-11-19T17:00:00+01:00"),
        ("da", "Montøren kommer hjem til dig imorgen.", "2026-11-19T17:00:00+01:00"),
        ("nb", "Du får en ny kode ila dagen.", "2026-11-18T17:00:00+01:00"),
        ("nb", "Pakken er hos deg iløpet av uka.", "2026-11-20T17:00:00+01:00"),
        # the day after tomorrow, on its own
        ("da", "Montøren kommer hjem til dig i overmorgen.", "2026-11-20T17:00:00+01:00"),
        # a bare weekday, an abbreviated month, a numeric date after a weekday, a clock time written 15:00
        ("nb", "Montøren kommer hjem til deg torsdag.", "2026-11-19T17:00:00+01:00"),
        ("da", "Kortet er hos dig den 3. dec.", "2026-12-03T17:00:00+01:00"),
        ("nb", "Montøren kommer hjem til deg torsdag 3.12.", "2026-12-03T17:00:00+01:00"),
        ("nb", "Montøren kommer hjem til deg 15:00.", "2026-11-18T15:00:00+01:00"),
        # the weekend, the month's end, meals
        ("nb", "Montøren kommer hjem til deg etter helga.", "2026-11-23T17:00:00+01:00"),
        ("da", "Vi lukker sagen over weekenden.", "2026-11-22T17:00:00+01:00"),
        ("nb", "Du får kreditnotaen innen utgangen av måneden.", "2026-11-30T17:00:00+01:00"),
        ("da", "Beløbet står på din konto i slutningen af måneden.", "2026-11-30T17:00:00+01:00"),
        ("en", "The refund will be processed by the end of the month.", "2026-11-30T17:00:00+01:00"),
        ("nb", "Teknikeren ringer deg før lunsj.", "2026-11-18T12:00:00+01:00"),
        ("da", "Teknikeren ringer dig efter frokost.", "2026-11-18T17:00:00+01:00"),
        ("en", "The engineer will call you before noon.", "2026-11-18T12:00:00+01:00"),
        ("en", "You'll get the code within the hour.", "2026-11-18T11:00:00+01:00"),
        # a span without a number: a time, due at none
        ("nb", "Du hører fra montøren i løpet av de neste dagene.", None),
        ("en", "The courier will contact you in the next few days.", None),
    ],
)
def test_more_time_expressions_and_their_due_times(lang, text, due):
    assert _due(lang, text) == due


def test_thanks_or_apologies_for_what_happened_name_no_time_ahead():
    assert _promises("en", "Thank you for confirming, and apologies for the delay over the weekend.") == []
    assert _promises("nb", "Beklager for ventetiden i helga.") == []


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # "du har den senest ...": "senest" is no participle
        ("da", "Du har den senest på fredag.", "2026-11-20T17:00:00+01:00"),
        ("nb", "Du har den senest i kveld kl. 21.", "2026-11-18T21:00:00+01:00"),
        # a booking held or rebooked for a time ahead
        ("nb", "Jeg har holdt av en time til deg fredag kl. 14.30.", "2026-11-20T14:30:00+01:00"),
        ("en", "I've put you on the 14:40 flight to Rome on Friday.", "2026-11-20T14:40:00+01:00"),
        # the English present passive with a time ahead
        ("en", "The second payment is refunded automatically by Monday.", "2026-11-23T17:00:00+01:00"),
    ],
)
def test_received_by_a_time_booked_ahead_or_done_by_a_time_is_a_promise(lang, text, due):
    assert _due(lang, text) == due


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a condition after an answer still scopes what follows
        ("en", "Yes, if you approve the payments before 5 pm, they'll land in their accounts today."),
        ("da", "Ja, hvis du godkender betalingen inden kl. 17, er pengene der i dag."),
        ("nb", "Ok, om du sender bildet i dag, ringer vi deg i morgen."),
        # a hedge
        ("en", "The gateway is possibly down this afternoon."),
        # a policy over a span of more than one word
        ("da", "Vi behandler erklæringer inden for et par dage."),
    ],
)
def test_conditions_after_an_answer_and_hedged_states_are_no_promises(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "promise", "due"),
    [
        # a condition joined by "og hvis"/"and if" is a clause of its own and scopes the rest of the sentence
        ("nb", "Jeg ringer deg i morgen, og hvis du ikke svarer, sender jeg en SMS.", "Jeg ringer deg i morgen", None),
        (
            "da",
            "Jeg ringer dig i morgen, og hvis du ikke tager den, sender jeg en sms.",
            "Jeg ringer dig i morgen",
            None,
        ),
        ("en", "I'll call you tomorrow, and if you don't pick up, I'll send a text.", "I'll call you tomorrow", None),
        # two main clauses side by side, the second with a pronoun for its subject
        ("nb", "Jeg har meldt fra til lageret, de sender en ny pakke i dag.", "de sender en ny pakke i dag", None),
        # a second verb phrase "og er ..."
        (
            "da",
            "Kortet bliver sendt i morgen og er hos dig på fredag.",
            "er hos dig på fredag",
            "2026-11-20T17:00:00+01:00",
        ),
        # after a colon
        (
            "en",
            "You can pay with your phone: your new card will be in the app within 30 minutes.",
            "your new card will be in the app within 30 minutes",
            "2026-11-18T10:30:00+01:00",
        ),
    ],
)
def test_a_clause_of_a_longer_sentence_promises_on_its_own(lang, text, promise, due):
    found = dict(_promises(lang, text))
    assert promise in found, found
    if due:
        assert found[promise] == due
    if "hvis" in text or " if " in text:
        assert list(found) == [promise]  # nothing after the condition


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a clause that ends in a colon announces the plan that follows, and what we do together is the talk
        ("nb", "Da gjør vi det slik: Jeg har sendt deg en e-post."),
        ("da", "Vi klarer det sammen."),
        ("en", "We'll sort it out together."),
        # what an instruction yields
        ("da", "Tryk på Eksportér. Så får du en fil, du kan åbne i Excel."),
        ("nb", "Trykk på Eksporter. Så får du en fil du kan åpne i Excel."),
        # saying something now is no commitment
        ("nb", "Jeg vil si noe viktig om kortet ditt."),
        # opening hours, said of anyone; looking forward to a visit
        ("en", "The branch is on 0300 555 0100, they open at 9 tomorrow."),
        ("en", "We look forward to welcoming you on 2 October."),
        ("da", "Vi glæder os til at se dig den 2. oktober."),
    ],
)
def test_plans_announced_talk_and_expectations_are_no_promises(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # "det" for the thing itself, where it will be
        ("nb", "Det er hos deg i løpet av uken.", "2026-11-20T17:00:00+01:00"),
        ("da", "Det er fremme hos dig på fredag.", "2026-11-20T17:00:00+01:00"),
        # a date at the end of a sentence, its full stop taken by the sentence
        ("nb", "Nummeret ditt flyttes over den 25.", "2026-11-25T17:00:00+01:00"),
        # chat: "u" for you, and a new sentence in lower case after a short word
        ("en", "u'll get a new key fob by post within 5 days", "2026-11-23T17:00:00+01:00"),
        (
            "da",
            "jeg har sat dit medlemskab på pause fra i dag. du får en bekræftelse på mail inden for en time",
            "2026-11-18T11:00:00+01:00",
        ),
    ],
)
def test_more_phrasings_of_what_the_customer_receives(lang, text, due):
    assert _due(lang, text) == due


@pytest.mark.parametrize(
    ("lang", "text", "promise", "due"),
    [
        # a comma splice whose second clause has a noun for its subject
        (
            "da",
            "Du behøver ikke genstarte telefonen, spærringen forsvinder af sig selv inden for 15 minutter.",
            "spærringen forsvinder af sig selv inden for 15 minutter",
            "2026-11-18T10:15:00+01:00",
        ),
        # chat: a new sentence in lower case with a noun for its subject, after a short word
        (
            "da",
            "jeg har refunderet 190 kr for de 6 min. pengene er tilbage på dit kort inden for 5 dage",
            "pengene er tilbage på dit kort inden for 5 dage",
            "2026-11-23T17:00:00+01:00",
        ),
        # a result to be reached by a time
        (
            "da",
            "Der er en driftsforstyrrelse, og den er udbedret inden kl. 19 i dag.",
            "den er udbedret inden kl. 19 i dag",
            "2026-11-18T19:00:00+01:00",
        ),
        ("nb", "Feilen er rettet innen fredag.", "Feilen er rettet innen fredag.", "2026-11-20T17:00:00+01:00"),
    ],
)
def test_more_clauses_that_promise_on_their_own(lang, text, promise, due):
    assert (promise, due) in _promises(lang, text)


def test_the_passive_set_in_is_a_promise():
    assert _due("nb", "Pengene blir satt inn på kontoen din.") is None


# --- LABELS.md, session 9 decisions


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # a hedged commitment with a time: the customer holds us to the time (and the hedge is a weak word)
        ("da", "Jeg prøver at ringe dig tilbage i morgen formiddag.", "2026-11-19T12:00:00+01:00"),
        ("da", "Vi vil prøve at have reservedelen klar på fredag.", "2026-11-20T17:00:00+01:00"),
        ("nb", "Jeg skal prøve å få sendt kontrakten før kl. 15.", "2026-11-18T15:00:00+01:00"),
        ("nb", "Det skal vi prøve å finne ut av i løpet av dagen.", "2026-11-18T17:00:00+01:00"),
        ("en", "I'll try to get the invoice corrected by Friday.", "2026-11-20T17:00:00+01:00"),
    ],
)
def test_a_hedged_commitment_with_a_time_is_a_promise(lang, text, due):
    assert _due(lang, text) == due


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a hedge with no time takes the commitment back
        ("da", "Jeg prøver at finde ud af, hvad der er sket."),
        ("nb", "Vi skal prøve å ordne det."),
        ("en", "I'll try to find out what went wrong."),
        # a hedge on what someone else does or what happens is no commitment of ours, timed or not
        ("nb", "Kanskje sjåføren henter den før kl. 17."),
        ("da", "Systemet er muligvis nede i eftermiddag."),
        ("en", "The courier is maybe running late today."),
        # a possibility is no commitment, timed or not (LABELS.md, decided after session 9's relabelling)
        ("da", "Så kan vi måske nå det på torsdag."),
        ("nb", "Vi ordner det kanskje i morgen."),
        ("en", "Maybe you'll have the new card tomorrow."),
        ("en", "I think we'll have it fixed by Friday."),
        # a promise said again in a later turn is labelled where it was first made
        ("da", "Som aftalt ringer montøren i morgen kl. 8."),
        ("nb", "Som sagt kommer teknikeren på torsdag."),
        ("en", "As agreed, the engineer will call you on Monday."),
    ],
)
def test_a_hedge_without_a_time_a_possibility_or_a_promise_repeated_is_no_promise(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # after the customer's yes: the next step we take now is a promise, due at no time
        ("da", "Jeg sender dig koden på sms nu."),
        ("da", "Så bestiller jeg en ny router til dig nu."),
        ("nb", "Jeg sender saken over til verkstedet nå."),
        ("nb", "Da bytter vi kortet ditt nå."),
    ],
)
def test_an_act_of_ours_now_is_a_promise_due_at_no_time(lang, text):
    assert _due(lang, text) is None


@pytest.mark.parametrize(
    ("lang", "text", "promises"),
    [
        # the act now followed by what comes of it: both are promises
        (
            "da",
            "Jeg sender klagen videre nu, og du får et svar inden for 3 dage.",
            ["Jeg sender klagen videre nu", "du får et svar inden for 3 dage"],
        ),
        (
            "nb",
            "Jeg legger inn bestillingen nå, og pakken er hos deg på fredag.",
            ["Jeg legger inn bestillingen nå", "pakken er hos deg på fredag"],
        ),
    ],
)
def test_an_act_now_followed_by_its_outcome_is_two_promises(lang, text, promises):
    assert [p for p, _ in _promises(lang, text)] == promises


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a booking we make, with no time: a promise due at no time
        ("da", "Jeg booker en lånecykel til dig."),
        ("nb", "Jeg booker en leiebil til deg."),
        ("en", "I'll book a gas engineer for you."),
    ],
)
def test_a_booking_we_make_without_a_time_is_a_promise(lang, text):
    assert _due(lang, text) is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("da", "Jeg har ikke booket noget til dig endnu."),
        ("nb", "Vi har aldri reservert plasser for grupper."),
        ("en", "I haven't booked anything for you yet."),
    ],
)
def test_a_booking_not_made_is_no_promise(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # what holds now, or what we look at now, commits to nothing
        ("da", "Nu virker det igen."),
        ("da", "Jeg kigger på din ordre nu."),
        ("nb", "Kontoen din er åpen nå."),
        ("en", "It's working now."),
    ],
)
def test_a_state_or_a_look_now_is_no_promise(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # a booking moved or rebooked is a booking, due at the new time
        ("da", "Jeg har flyttet din tid hos frisøren til fredag kl. 13.", "2026-11-20T13:00:00+01:00"),
        ("da", "Vi har flyttet jer til færgen kl. 16.30 i morgen.", "2026-11-19T16:30:00+01:00"),
        ("nb", "Jeg har flyttet timen din til mandag kl. 8.", "2026-11-23T08:00:00+01:00"),
        ("nb", "Leveringen er flyttet til torsdag.", "2026-11-19T17:00:00+01:00"),
        ("en", "I've moved your test drive to Saturday at 11 am.", "2026-11-21T11:00:00+01:00"),
        ("en", "We've rescheduled the engineer's visit for tomorrow morning.", "2026-11-19T12:00:00+01:00"),
    ],
)
def test_a_moved_booking_is_a_promise_due_at_its_new_time(lang, text, due):
    assert _due(lang, text) == due


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # moved to a place from a date, or a move that happened: no new time is booked
        ("da", "Jeg har flyttet dit abonnement til Søndergade 4 pr. 1. december."),
        ("nb", "Vi flyttet kontoret til Drammen i fjor."),
        ("en", "We moved the branch to the high street last year."),
    ],
)
def test_a_move_that_books_no_time_is_no_promise(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "promise", "due"),
    [
        # a named person's act towards the customer, in the present: a commitment, with or without a time
        ("da", "Hun ringer dig, når hun har talt med lageret.", "Hun ringer dig, når hun har talt med lageret.", None),
        ("da", "En kollega fra regnskab kontakter dig.", "En kollega fra regnskab kontakter dig.", None),
        ("nb", "Han tar kontakt med deg.", "Han tar kontakt med deg.", None),
        ("nb", "Rådgiveren ringer deg.", "Rådgiveren ringer deg.", None),
        # the verb phrase after "og" whose subject (us) was left out, even with a finished act after it
        (
            "nb",
            "Jeg følger med på importen og sender deg en e-post innen fredag om at alt er kommet over.",
            "sender deg en e-post innen fredag om at alt er kommet over",
            "2026-11-20T17:00:00+01:00",
        ),
        (
            "da",
            "Jeg holder øje med sagen og ringer dig i morgen, når alt er blevet kørt.",
            "ringer dig i morgen, når alt er blevet kørt",
            "2026-11-19T17:00:00+01:00",
        ),
    ],
)
def test_an_act_of_ours_or_a_named_persons_without_jeg_vi_is_a_promise(lang, text, promise, due):
    assert (promise, due) in _promises(lang, text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a present verb first with its subject after it asks or sets a condition
        ("da", "Ringer han dig ikke i morgen, så skriv til os."),
        ("nb", "Sender dere meg kvitteringen, så ser jeg på det."),
        # what someone did, and what the customer does
        ("nb", "Han ringte deg i går."),
        ("da", "Du ringer os, når du er hjemme."),
    ],
)
def test_a_verb_first_the_past_or_the_customers_act_is_no_promise(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # a booking made or moved: what describes the slot (a departure, a seat free, the cost) takes nothing back
        ("da", "Jeg har flyttet dig til afgangen kl. 15.10 i morgen.", "2026-11-19T15:10:00+01:00"),
        (
            "nb",
            "Jeg har booket deg på ferga kl. 18.30 i dag, det var to ledige plasser igjen.",
            "2026-11-18T18:30:00+01:00",
        ),
        ("en", "I've moved you to the 16:45 departure on Friday at no extra cost.", "2026-11-20T16:45:00+01:00"),
    ],
)
def test_a_booking_with_its_time_is_a_promise_whatever_describes_the_slot(lang, text, due):
    assert _due(lang, text) == due


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a booking with a condition or a rule on it is still taken back
        ("en", "I've booked you in for Tuesday at 9 if needed."),
        ("nb", "Jeg har booket deg på ferga kl. 18.30 i morgen, med mindre du melder avbud."),
        # a timetable or a price is still no promise when nothing is booked
        ("da", "Afgangen kl. 15.10 i morgen er fuldt booket."),
        ("nb", "Ferga går kl. 18.30 i dag og koster 200 kr."),
        ("en", "The 16:45 departure on Friday costs £12 extra."),
    ],
)
def test_a_slot_described_without_a_booking_is_no_promise(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # a party named, then what it does next in a relative clause after a comma
        (
            "nb",
            "Jeg har sendt klagen til juristen vår, som tar kontakt med deg innen fredag.",
            "2026-11-20T17:00:00+01:00",
        ),
        ("da", "Sagen ligger hos vores tekniker, som ringer dig i morgen formiddag.", "2026-11-19T12:00:00+01:00"),
        (
            "nb",
            "Jeg har meldt feilen til utviklerne, som låser opp perioden i løpet av dagen.",
            "2026-11-18T17:00:00+01:00",
        ),
    ],
)
def test_a_partys_next_act_in_a_relative_clause_is_a_promise(lang, text, due):
    assert _due(lang, text) == due


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # what the insurer covers is a decision on the claim, not an act ahead
        ("da", "Vi dækker udgifterne til tøj op til 2.000 kr."),
        ("nb", "Vi dekker leiebil i inntil ti dager."),
        ("en", "We'll cover the cost of the taxi."),
        # "når/when" first, and nobody of ours acting and nothing received after it: what happens whenever it holds
        ("da", "Når kvoten er brugt, bliver forbindelsen langsommere."),
        ("nb", "Når fakturaen er betalt før kl. 12, er beløpet på kontoen i morgen."),
        ("en", "When the voucher expires, the balance is lost."),
    ],
)
def test_coverage_and_what_happens_whenever_something_holds_are_no_promises(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # ... but when we act after it, or the customer receives, it is our promise, due when it happens
        ("da", "Når leverandøren svarer, skriver jeg til dig."),
        ("nb", "Når vi har målt anlegget, får du en ny avtale."),
        ("en", "When the part arrives, we'll fit it for you."),
    ],
)
def test_when_first_with_our_act_or_what_the_customer_receives_is_a_promise(lang, text):
    assert _due(lang, text) is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # what something is or has, with an indefinite noun, or what a document says: a description with a time
        ("da", "Appen har en fejl i aften."),
        ("nb", "Det var en oppdatering fra banken den 3."),
        ("en", "It's a known issue since the release on Monday."),
        ("da", "Så står der fredag den 4. december på ordren."),
        ("en", "The letter says 3 December."),
    ],
)
def test_a_description_or_what_a_document_says_with_a_time_is_no_promise(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # ... where an arrival says where or how the thing will be
        ("da", "Pakken er hos dig på torsdag.", "2026-11-19T17:00:00+01:00"),
        ("nb", "Bilen er klar i morgen formiddag.", "2026-11-19T12:00:00+01:00"),
        ("en", "Your new router is with you by Friday.", "2026-11-20T17:00:00+01:00"),
    ],
)
def test_an_arrival_with_a_time_is_still_a_promise(lang, text, due):
    assert _due(lang, text) == due


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # an ordinal or a superlative ("siste", "første") is no verb in the past: the act still lies ahead
        ("nb", "Montøren monterer den siste delen på fredag.", "2026-11-20T17:00:00+01:00"),
        ("nb", "Sjåføren leverer den første pallen torsdag.", "2026-11-19T17:00:00+01:00"),
    ],
)
def test_an_ordinal_is_no_past_tense(lang, text, due):
    assert _due(lang, text) == due


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # a change we made now that takes effect at a later date: a promise due that date (LABELS.md, after session 9)
        ("da", "Jeg har skiftet dit abonnement til 50 GB fra den 1. december.", "2026-12-01T17:00:00+01:00"),
        ("nb", "Vi har satt ned prisen til 299 kr fra 1. januar.", "2027-01-01T17:00:00+01:00"),
        ("en", "I've switched your tariff over from 1 December.", "2026-12-01T17:00:00+01:00"),
    ],
)
def test_a_change_made_now_effective_later_is_a_promise_due_then(lang, text, due):
    assert _due(lang, text) == due


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # a span of data, a request passed on, a change only offered, a state already in effect
        ("da", "Jeg har lagt posteringerne fra 3.-9. februar ind på kontoen."),
        ("nb", "Jeg har sendt ønsket ditt om ny parkeringsplass fra 1. mars videre til utleier."),
        ("nb", "Vi kan avslutte avtalen din fra 1. desember."),
        ("da", "Rabatten gælder fra i dag."),
    ],
)
def test_a_span_a_request_passed_on_or_an_offered_change_is_no_promise(lang, text):
    assert _promises(lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "due"),
    [
        # due times from LABELS.md's W18-W20 clarifications: a weekday's morning at noon, bank days as working days,
        # "during the day" at 17:00 today
        ("da", "Montøren kommer torsdag morgen.", "2026-11-19T12:00:00+01:00"),
        ("nb", "Sjåføren henter pallen fredag morgen.", "2026-11-20T12:00:00+01:00"),
        ("da", "Beløbet står på din konto inden for 3 bankdage.", "2026-11-23T17:00:00+01:00"),
        ("nb", "Pengene er på kontoen din innen 3 bankdager.", "2026-11-23T17:00:00+01:00"),
        ("en", "The refund will reach you within 3 banking days.", "2026-11-23T17:00:00+01:00"),
        ("en", "I'll call you during the day.", "2026-11-18T17:00:00+01:00"),
    ],
)
def test_due_times_of_the_w18_w20_clarifications(lang, text, due):
    assert _due(lang, text) == due


def test_what_is_received_is_read_in_its_own_clause():
    # the "har" after ", så" says what follows from it, it does not make the night something merely had
    assert _promises("da", "Nej, I får en ekstra nat på hotellet, så I har stadig syv nætter.") == [
        ("Nej, I får en ekstra nat på hotellet, så I har stadig syv nætter.", None)
    ]
