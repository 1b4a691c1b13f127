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


@pytest.mark.parametrize(
    ("lang", "turn", "kinds"),
    [
        # a short main clause before a question word with its subject: the question is embedded (closed)
        ("da", "Så du har brug for at vide, hvornår værkstedet åbner?", ["closed"]),
        ("nb", "Så du lurer på, hvorfor regningen ble høyere?", ["closed"]),
        ("en", "So you'd like to know when the engineer arrives?", ["closed"]),
        # ... but the agent's own "I'd like to know / jeg lurer på" asks what it embeds
        ("da", "Jeg vil gerne høre, hvad der stod i beskeden?", ["open"]),
        ("nb", "jeg lurer på om du har fått koden på sms", ["closed"]),
        ("en", "I was wondering what the display shows now", ["open"]),
        # a preposition before the question word
        ("en", "From which account did the payment go out?", ["open"]),
        ("da", "Til hvilken adresse skal vi sende den?", ["open"]),
        ("nb", "på hvilken side står beløpet", ["open"]),
        # with "jeg/vi/I/we" first, an embedded question is the customer's answer only after asking verbs
        ("en", "Shall we ring you on Friday to hear how the new router works?", ["closed"]),
        ("da", "Skal jeg tjekke, hvornår pakken blev sendt?", ["closed"]),
        ("nb", "Kan jeg spørre hva som skjedde med den gamle?", ["open"]),
    ],
)
def test_an_embedded_question_decides_only_in_a_frame_that_asks_the_customer(lang, turn, kinds):
    assert _kinds(lang, turn) == kinds


@pytest.mark.parametrize(
    ("lang", "turn"),
    [
        ("nb", "Hvem orker å stå i kø en lørdag? Jeg har flyttet timen din til mandag."),
        ("nb", "Hvem gidder vel å fylle ut skjemaer i ferien? Jeg fyller det ut for deg."),
        ("da", "Hvem elsker en mandag uden varmt vand? Montøren kommer kl. 8."),
        ("da", "Vent med at betale – og hvem har lyst til at betale to gange?"),
        ("en", "Who enjoys a cold shower in January? The engineer is booked for tomorrow."),
        ("en", "Who fancies a queue on a Saturday? I've moved your slot to Monday."),
    ],
)
def test_who_likes_or_wants_something_general_is_rhetorical(lang, turn):
    assert _kinds(lang, turn) == []


@pytest.mark.parametrize(
    ("lang", "turn", "kind"),
    [
        # who asks about the customer's matter is a question
        ("nb", "Hvem har tilgang til kontoen din?", "open"),
        ("da", "Hvem elsker du at ringe til mest, så vi kan lægge nummeret ind?", "open"),
        ("en", "Who uses the laptop besides you?", "open"),
    ],
)
def test_who_about_the_customers_matter_is_a_question(lang, turn, kind):
    assert _kinds(lang, turn) == [kind]


@pytest.mark.parametrize(
    ("lang", "turn", "kinds"),
    [
        # "is there" left out at the end of a chat
        ("da", "super 👍 noget andet vi kan kigge på", ["closed"]),
        ("nb", "flott. noe mer jeg kan hjelpe deg med i dag", ["closed"]),
        ("en", "sorted. anything else we can do for you", ["closed"]),
        ("da", "mere end tre dage er for lang tid", []),
        ("en", "something else came up on the invoice", []),
        # a tag without "?"
        ("da", "så routeren blinker rødt hele tiden, ik", ["closed"]),
        ("nb", "så du har to kort på samme konto, ikke sant", ["closed"]),
        ("en", "so it stopped after the update, right", ["closed"]),
        # the verb first in chat: any verb before "du/det" in Danish and Norwegian, "u" for "you"
        ("nb", "Bestilte du via appen eller nettsiden", ["closed"]),
        ("nb", "virka det etter omstarten", ["closed"]),
        ("da", "Ringede du fra det nummer, der slutter på 44", ["closed"]),
        ("en", "did u get the code by text", ["closed"]),
        ("nb", "første du må gjøre er å logge inn", []),
        # speech: hesitations, and the full stop of an ordinal date
        ("da", "Øhm, hvad stod der på kvitteringen?", ["open"]),
        ("en", "Right, um, talk me through what happened when you pressed pay.", ["open"]),
        ("da", "det passer fint. skal jeg flytte aftalen til den 3.", ["closed"]),
    ],
)
def test_chat_and_speech_ask_without_a_question_mark(lang, turn, kinds):
    assert _kinds(lang, turn) == kinds


@pytest.mark.parametrize(
    ("lang", "turn", "kind"),
    [
        # "om" before a noun that no verb follows is the preposition "about", not "whether"
        ("nb", "Fortell meg litt om hytta og hva dere ønsker.", "open"),
        ("da", "Fortæl mig lidt om ordren og hvad der manglede.", "open"),
        ("da", "Kan du fortælle mig, om ordren kom frem?", "closed"),
    ],
)
def test_om_is_whether_only_before_a_clause(lang, turn, kind):
    assert _kinds(lang, turn) == [kind]


@pytest.mark.parametrize(
    ("lang", "turn"),
    [
        ("en", "You'll find it under 'What's changed?' in the settings."),
        ("da", "Du finder den under 'Hvad er der sket?' i menuen."),
    ],
)
def test_a_quoted_label_with_an_apostrophe_is_no_question(lang, turn):
    assert _kinds(lang, turn) == []


@pytest.mark.parametrize(
    ("lang", "turn", "kinds"),
    [
        # a question quoted after a verb of saying in the past is reported, not asked
        ("da", "Din kollega spurgte: Hvornår kommer teknikeren?", []),
        ("nb", "Sjåføren sa: Er det noen hjemme?", []),
        ("en", "The courier asked me: is anyone home on Friday?", []),
        # a question word with its subject opens a subordinate clause before the clause that asks
        ("en", "When you open the lid, does the fan start?", ["closed"]),
        ("nb", "Når du trykker på knappen, blinker lampen da?", ["closed"]),
        ("en", "When you open the lid, what do you hear?", ["open"]),
        # open prompts after "prøv at", "please", a past modal; "r u" in chat
        ("da", "Prøv at fortælle mig, hvad der skete i går.", ["open"]),
        ("nb", "Kunne du beskrive lyden?", ["open"]),
        ("en", "Please walk me through the steps you took.", ["open"]),
        ("en", "r u at home now", ["closed"]),
    ],
)
def test_reported_questions_subordinate_leads_and_prompts(lang, turn, kinds):
    assert _kinds(lang, turn) == kinds


@pytest.mark.parametrize(
    ("lang", "turn", "kinds"),
    [
        # a list marker before the question
        ("en", "1) Which plan are you on? 2) When does it renew?", ["open", "open"]),
        ("da", "- Hvilken bank bruger du?\n- Hvornår skete det?", ["open", "open"]),
        ("nb", "• Hvor bor du?\n• Har du fått brevet?", ["open", "closed"]),
        # "?!" ends a question; chat question words carrying their verb
        ("en", "so it worked?!", ["closed"]),
        ("da", "virker den nu?!", ["closed"]),
        ("en", "whats ur account number", ["open"]),
        ("en", "hows the signal now", ["open"]),
    ],
)
def test_list_markers_and_chat_spellings(lang, turn, kinds):
    assert _kinds(lang, turn) == kinds


@pytest.mark.parametrize(
    ("lang", "turn", "kinds"),
    [
        # in chat without "?" the verb comes first after a fronted condition anyway, and a verb-first
        # condition goes on with "så": neither asks
        ("da", "hvis koden ikke kommer, kan du bestille en ny i appen", []),
        ("nb", "når du har logget inn, kan du se fakturaen under Mine saker", []),
        ("da", "kommer den ikke i dag, så skriv til os igen", []),
        ("nb", "går det ikke, så ring oss i morgen", []),
        # ... but with "?" it asks, and in English the question keeps its order after the condition
        ("da", "Hvis koden ikke kommer, kan du så se den i appen?", ["closed"]),
        ("en", "if the code doesn't arrive, can you see it in the app", ["closed"]),
        # the Norwegian feminine definite noun as the subject after the verb
        ("nb", "blinker lampa fortsatt", ["closed"]),
        ("nb", "Virker døra nå?", ["closed"]),
    ],
)
def test_verb_first_after_a_condition_is_no_chat_question(lang, turn, kinds):
    assert _kinds(lang, turn) == kinds


@pytest.mark.parametrize(
    ("lang", "turn", "kinds"),
    [
        # Danish chat spellings: "ka" (kan), "va" (var), "hva" (hvad)
        ("da", "ka du logge ind nu", ["closed"]),
        ("da", "va der mere", ["closed"]),
        ("da", "hva står der på kortet", ["open"]),
    ],
)
def test_danish_chat_spellings(lang, turn, kinds):
    assert _kinds(lang, turn) == kinds


@pytest.mark.parametrize(
    ("lang", "turn", "questions"),
    [
        ("da", "Hvornår skete det, og hvad stod der på skærmen?", ["Hvornår skete det", "hvad stod der på skærmen?"]),
        ("da", "Hvilken router har du og blinker lampen stadig?", ["Hvilken router har du", "blinker lampen stadig?"]),
        ("nb", "Hvor bor du, og har du fått brevet fra oss?", ["Hvor bor du", "har du fått brevet fra oss?"]),
        (
            "nb",
            "hvilken bank bruker du og når ble kortet sperret",
            ["hvilken bank bruker du", "når ble kortet sperret"],
        ),
        ("en", "Which flight were you on, and when did you land?", ["Which flight were you on", "when did you land?"]),
        (
            "en",
            "what does the screen say and does the fan come on",
            ["what does the screen say", "does the fan come on"],
        ),
    ],
)
def test_two_questions_joined_in_one_sentence_are_two(lang, turn, questions):
    """Each clause asks on its own, by its word order (a question word with its verb, or a verb before its
    subject): two questions, each with the text of its clause (LABELS.md, session 9)."""
    assert [text for _, text in _questions(lang, turn)] == questions


@pytest.mark.parametrize(
    ("lang", "turn"),
    [
        # two objects or two verbs sharing one question
        ("da", "Har du prøvet både app og web?"),
        ("da", "Hvilken mail, og hvilket nummer brugte du?"),
        ("da", "Kan du slukke routeren og tænde den igen?"),
        ("nb", "Har du sjekket innboksen og søppelposten?"),
        ("en", "Can you log out and back in?"),
        # a subordinate clause first, or a second clause embedded in the same frame
        ("da", "Når du åbner appen, hvad ser du så?"),
        ("nb", "Kan du fortelle meg hvilken dato det skjedde, og hva butikken heter?"),
        ("en", "When you open the lid, does the fan start?"),
        ("en", "Could you tell me, what's the order number?"),
        # the clause after the comma goes on with its verb second: a statement
        ("da", "Har du brug for et nyt kort, så du kan betale i morgen?"),
        # a bare comma before a comment clause: one question
        ("da", "Hvornår var det, kan du huske det?"),
        ("nb", "Hva sto det i meldingen, vet du det?"),
        ("en", "What did the letter say, do you know?"),
    ],
)
def test_one_question_with_two_objects_or_an_embedded_clause_stays_one(lang, turn):
    assert len(_questions(lang, turn)) == 1, _questions(lang, turn)
