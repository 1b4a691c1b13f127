"""Every finding code, with texts that must and must not trigger it."""

import pytest

from wowdesk.coaching import analyze


def agent(text, language="da", sent_at=None):
    result = analyze({"language": language, "sent_at": sent_at, "turns": [{"speaker": "agent", "text": text}]})
    return result["turns"][0]


def codes(text, language="da"):
    return [(f["code"], f["text"]) for f in agent(text, language)["findings"]]


def has(code, text, language="da"):
    return [t for c, t in codes(text, language) if c == code]


@pytest.mark.parametrize(
    ("language", "text", "word"),
    [
        ("da", "Jeg prøver at finde din ordre.", "prøver"),
        ("da", "Jeg prøvede at ringe til dig.", "prøvede"),
        ("da", "Jeg troede, den var sendt.", "troede"),
        ("da", "Måske kan vi gøre noget.", "Måske"),
        ("da", "Hvis nu du logger ud, virker det.", "Hvis nu"),
        ("nb", "Jeg trodde den var sendt.", "trodde"),
        ("nb", "Det er kanskje en feil.", "kanskje"),
        ("nb", "Jeg har prøvd å ringe deg.", "prøvd"),
        ("en", "I think it will work.", "think"),
        ("en", "Maybe you could restart it.", "Maybe"),
        ("en", "I tried to call you.", "tried"),
        ("en", "Perhaps it is the browser.", "Perhaps"),
    ],
)
def test_weak_words_with_inflections_are_found_with_offsets_and_an_alternative(language, text, word):
    findings = [f for f in agent(text, language)["findings"] if f["code"] == "weak_word"]
    assert [f["text"] for f in findings] == [word]
    f = findings[0]
    assert text[f["start"] : f["end"]] == word
    assert f["polarity"] == "improve"
    assert "/" in f["advice"] or ":" in f["advice"]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Prøvetiden er 14 dage."),
        ("da", "Det er en troværdig leverandør."),
        ("da", "Pakken er sendt i dag."),
        ("nb", "Prøveperioden varer en måned."),
        ("en", "The trial ends on Friday."),
        ("en", "Thinking ahead, we ship today."),
    ],
)
def test_words_that_only_look_weak_are_not_flagged(language, text):
    assert has("weak_word", text, language) == []


def test_advice_is_in_the_conversation_language():
    assert "Stærkere" in agent("Måske virker det.", "da")["findings"][0]["advice"]
    assert "Sterkere" in agent("Kanskje det virker.", "nb")["findings"][0]["advice"]
    assert "Stronger" in agent("Maybe it works.", "en")["findings"][0]["advice"]


def test_strong_words_and_imperatives():
    assert has("strong_word", "Tryk på Gem, så gør jeg resten.") == ["Tryk", "gør"]
    assert has("strong_word", "Trykk på Lagre.", "nb") == ["Trykk"]
    assert has("strong_word", "Press Save and I will do the rest.", "en") == ["Press", "will", "do"]
    assert has("strong_word", "Vil du have en ny kode?") == [], "words inside a question are not counted"
    assert has("strong_word", "Du skal snakke med en anden afdeling.") == [], "not inside a rule phrase"


def test_but_opener_only_at_the_start_of_a_sentence():
    assert has("but_opener", "Men det kan vi ikke.") == ["Men"]
    assert has("but_opener", "Tak for info. Men den er sendt.") == ["Men"]
    assert has("but_opener", "But we shipped it.", "en") == ["But"]
    assert has("but_opener", "Den er sendt, men den er forsinket.") == []
    assert has("but_opener", "Jeg har menuen åben.") == []
    assert has("but_opener", "It is late but on its way.", "en") == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Det kan jeg godt forstå."),
        ("da", "Jeg forstår dig godt."),
        ("nb", "Det skjønner jeg godt."),
        ("nb", "Det kan jeg godt forstå."),
        ("en", "I understand."),
        ("en", "I completely understand, that is annoying."),
    ],
)
def test_risky_agreement(language, text):
    assert has("risky_agreement", text, language)


def test_risky_agreement_negatives():
    assert has("risky_agreement", "Jeg vil gerne forstå, hvad der sker.") == []
    assert has("risky_agreement", "I understand what you need: a new invoice.", "en") == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Har du prøvet at genstarte?"),
        ("da", "Har du gjort X eller Y?"),
        ("da", "Det der tit sker er, at cachen er fyldt."),
        ("nb", "Har du prøvd å slette appen?"),
        ("nb", "Det som ofte skjer er at nettleseren husker gamle data."),
        ("en", "Have you tried turning it off and on?"),
        ("en", "What usually happens is that the cache is full."),
        ("en", "Did you click Save or Cancel?"),
    ],
)
def test_presumptive_questions(language, text):
    assert has("presumptive_question", text, language)


def test_presumptive_negatives():
    assert has("presumptive_question", "Hvad ser du?") == []
    assert has("presumptive_question", "Det virker, ikke?") == []
    assert has("presumptive_question", "Virker det, eller hvad?") == []
    assert has("presumptive_question", "Does it work now?", "en") == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Det må jeg ikke."),
        ("da", "Det kan jeg ikke tage stilling til."),
        ("da", "Du skal snakke med en anden afdeling."),
        ("nb", "Det har jeg ikke lov til."),
        ("nb", "Det kan jeg ikke ta stilling til."),
        ("nb", "Du må snakke med en annen avdeling."),
        ("en", "I'm not allowed to change that."),
        ("en", "That's not my department."),
        ("en", "You'll have to talk to another department."),
    ],
)
def test_rule_phrases(language, text):
    assert has("rule_phrase", text, language)


def test_rule_phrase_negatives():
    assert has("rule_phrase", "Jeg ordner det med vores økonomiafdeling og vender tilbage.") == []
    assert has("rule_phrase", "I'll ask our billing team and get back to you today.", "en") == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a source of rules as the subject of saying, requiring or not allowing
        ("da", "Politikken er, at vi ikke refunderer åbnede varer."),
        ("da", "Vores retningslinjer kræver, at du møder op personligt."),
        ("da", "Loven siger, at vi skal gemme bilaget i fem år."),
        ("da", "Betingelserne tillader ikke en refusion."),
        ("da", "Det tillader vores vilkår ikke."),
        ("da", "Systemet tillader ikke, at jeg ændrer datoen."),
        ("da", "Systemet lader mig ikke ændre adressen."),
        ("nb", "Retningslinjene våre krever at du møter opp selv."),
        ("nb", "Policyen vår er at vi ikke refunderer åpnede varer."),
        ("nb", "Vilkårene tillater ikke refusjon."),
        ("nb", "Systemet tillater ikke at jeg endrer datoen."),
        ("en", "Our guidelines require you to come in person."),
        ("en", "The law says we have to keep the receipt for five years."),
        ("en", "The terms don't allow a refund."),
        ("en", "The system won't let me change the address."),
        # the rules as what "det/that" is
        ("da", "Det er normal procedure."),
        ("nb", "Det er vanlig prosedyre."),
        ("en", "Those are the rules, I'm afraid."),
        ("en", "I can't do that, it's the rules."),
        ("en", "That's standard procedure."),
        ("en", "Policy is policy."),
        # a prohibition with an impersonal subject or with us as the subject
        ("nb", "Det er ikke lov å flytte bestillingen."),
        ("nb", "Vi får ikke lov til å endre kontrakten."),
        ("en", "That isn't allowed."),
        ("en", "It's not permitted to transfer the ticket."),
        ("en", "We're not permitted to give out that information."),
        # an obligation put on us, a requirement, a fact of life
        ("da", "Vi er forpligtet til at følge procedurerne."),
        ("da", "Det er et lovkrav."),
        ("da", "Sådan er det bare."),
        ("nb", "Vi må følge rutinene."),
        ("en", "We're required by law to check your ID."),
        ("en", "It's a legal requirement."),
        ("en", "That's just the way it is."),
        # the matter sent elsewhere or put outside what we do
        ("da", "Det skal du spørge banken om."),
        ("da", "Det kan jeg desværre ikke hjælpe dig med."),
        ("da", "Flytning af el er ikke mit bord."),
        ("da", "Det bestemmer jeg desværre ikke."),
        ("nb", "Det må du spørre banken om."),
        ("nb", "Det skal du snakke med banken om."),
        ("nb", "Vi kan dessverre ikke refundere billetten."),
        ("nb", "Det har jeg ikke anledning til å fravike."),
        ("nb", "Det er regnskapsavdelingen som tar seg av det."),
        ("en", "You'd have to ask the landlord."),
        ("en", "That's not something I can help with."),
        ("en", "I don't make the rules."),
        ("en", "I'm not in a position to change that."),
        ("en", "I don't have the authority to waive the fee."),
        # bound by a rule, a channel refused, a matter to be directed elsewhere, a decision put on others
        ("da", "Vi er bundet af overenskomsten."),
        ("da", "Det kan vi desværre ikke ændre over telefonen."),
        ("da", "Det afgør forsikringsselskabet, ikke os."),
        ("nb", "Klager på parkering må rettes til kommunen."),
        ("nb", "I leievilkårene står det at depositumet er tre måneder."),
        ("nb", "Du må kontakte utleieren."),
        ("en", "We're bound by the terms of the tender."),
        ("en", "We cannot change bookings over the phone."),
        ("en", "Complaints about parking must be directed to the council."),
    ],
)
def test_rule_phrases_read_from_their_structure(language, text):
    """Rules cited in words no list holds: a source of rules as a subject, a prohibition, an obligation, a
    referral (issue 16)."""
    assert has("rule_phrase", text, language), text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Jeg kan ikke se din ordre endnu."),
        ("da", "Systemet viser, at pakken er leveret."),
        ("da", "Du må gerne sende et billede."),
        ("da", "Jeg spørger lige banken for dig."),
        ("da", "Du skal henvende dig til os i butikken."),
        ("da", "Det bestemmer du selv."),
        ("nb", "Systemet viser at pakken er levert."),
        ("nb", "Vi kan ikke levere i morgen, men fredag går fint."),
        ("nb", "Det kan jeg ikke love, men jeg gjør mitt beste."),
        ("nb", "Du får en sms i morgen."),
        ("en", "I can't see your order yet."),
        ("en", "The system shows the parcel was delivered."),
        ("en", "You're allowed to bring a friend."),
        ("en", "You should see it in your inbox now."),
        ("en", "I can help you with that."),
    ],
)
def test_no_rule_phrase_without_a_rule(language, text):
    """Not seeing something yet, what the system shows, a permission, an honest "I can't promise that"."""
    assert has("rule_phrase", text, language) == [], text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Hvor er det frustrerende."),
        ("da", "Det lyder virkelig irriterende."),
        ("nb", "Så frustrerende!"),
        ("nb", "Det høres kjipt ut."),
        ("en", "How frustrating."),
        ("en", "That sounds really annoying."),
        ("en", "I'm sorry to hear that."),
    ],
)
def test_acknowledgement_is_good(language, text):
    found = [f for f in agent(text, language)["findings"] if f["code"] == "acknowledgement"]
    assert found
    assert found[0]["polarity"] == "good"


def test_acknowledgement_negatives():
    assert has("acknowledgement", "Det er ikke frustrerende at bruge vores app.") == []
    assert has("acknowledgement", "How do you log in?", "en") == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a modal guess about the matter with a word for the feeling
        ("da", "Sådan et brev må give et chok."),
        ("da", "Det kan godt føles uretfærdigt at betale to gange."),
        ("nb", "Det kan være tøft å vente så lenge."),
        ("nb", "En sånn regning må gi deg et sjokk."),
        ("en", "A delay like that can be really stressful."),
        ("en", "That must have given you a fright."),
        ("en", "Forms like these can be confusing."),
        # the feeling called natural, "that's"/"what a"/"does sound" + the feeling
        ("da", "Det er helt naturligt at være nervøs før en operation."),
        ("nb", "Det er helt naturlig å være bekymret."),
        ("en", "It's completely natural to feel anxious about it."),
        ("en", "Oh, that's awful to find on your birthday."),
        ("en", "What a nightmare for your family."),
        ("en", "That does sound upsetting."),
        ("en", "I'm sorry this came as such a shock."),
        # sorry that something happened to the customer (Danish and Norwegian)
        ("da", "Jeg er virkelig ked af, at din ferie startede sådan."),
        ("nb", "Jeg er lei meg for at pakken kom i stykker."),
        ("nb", "For en skuffelse."),
    ],
)
def test_acknowledgements_read_from_their_structure(language, text):
    """A word for the customer's feeling in a frame that names it without agreeing (issue 16)."""
    assert has("acknowledgement", text, language), text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Det kan ikke være forkert at spørge."),
        ("da", "Jeg er ked af det, men vi har lukket."),
        ("nb", "Det kan være lurt å starte appen på nytt."),
        ("en", "I'm sorry about the delay."),
        ("en", "That's not a problem at all."),
        ("en", "It can take up to two days."),
        ("en", "That might be the router."),
    ],
)
def test_no_acknowledgement_without_a_feeling_named(language, text):
    """An apology, a reassurance or a guess about the cause names no feeling."""
    assert has("acknowledgement", text, language) == [], text


def test_open_question_finding_is_good_and_closed_ones_are_not_open_findings():
    findings = agent("Hvad ser du? Er det rødt?")["findings"]
    assert [(f["code"], f["polarity"]) for f in findings] == [("open_question", "good")]


def test_customer_turns_are_never_graded():
    result = analyze(
        {
            "language": "da",
            "sent_at": None,
            "turns": [
                {
                    "speaker": "customer",
                    "text": "Men jeg tror måske, I skal prøve igen. Det kan jeg godt forstå. Hvad nu?",
                },
            ],
        }
    )
    turn = result["turns"][0]
    assert turn["phase"] is None
    assert turn["findings"] == []
    assert turn["questions"] == []
    assert isinstance(turn["sentiment"], float)
    assert result["score"] == 0
    assert result["conversation_findings"] == []


def test_signature_is_not_analysed():
    assert has("weak_word", "Pakken er sendt.\n\nVenlig hilsen\nMaybe Jensen") == []


@pytest.mark.parametrize(
    ("code", "text", "words"),
    [
        ("rule_phrase", "I’m not allowed to do that.", "I’m not allowed to do that"),
        ("rule_phrase", "Sorry, that’s company policy.", "that’s company policy"),
        ("risky_agreement", "You’re right, it should have arrived.", "You’re right"),
    ],
)
def test_a_typographic_apostrophe_reads_like_a_plain_one(code, text, words):
    """Phones type "’" for "'": the findings are found all the same and quote the agent's own characters."""
    assert has(code, text, "en") == [words]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # either/or, whatever it asks about (LABELS.md, session 9)
        ("da", "Var det i butikken eller på nettet?"),
        ("nb", "Skjer det hjemme eller på jobben?"),
        ("en", "Was it in the shop or online?"),
        # ... also after a hesitation
        ("en", "And… was it the blue form, or the green one?"),
        # the modal particle "vel", "I take it": says what it presumes, also as a statement with "?"
        ("da", "Du har vel husket at sætte stikket i?"),
        ("nb", "Du har vel lest vilkårene før du signerte?"),
        ("en", "I take it you've charged the battery?"),
        # the troubleshooting step asked in the past, verb first, or in the Norwegian radical form
        ("da", "Genstartede du telefonen bagefter?"),
        ("nb", "Har du sjekka søppelposten?"),
        ("nb", "Prøvde du å logge inn på nytt?"),
        ("en", "Did you remember to save the file?"),
    ],
)
def test_presumptive_questions_by_structure(language, text):
    assert has("presumptive_question", text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # neither ... nor, and "or so", offer no alternatives
        ("nb", "Så du har verken fått pakken eller noen melding?"),
        ("da", "Du har hverken fået koden eller en mail, vel at mærke?"),
        ("en", "So it drops every ten minutes or so, right?"),
        # "vel" elsewhere, and an assumption of ours that asks nothing
        ("da", "Velkommen tilbage, er det stadig den samme adresse?"),
        ("en", "Surely."),
    ],
)
def test_no_presumption_without_alternatives_or_a_presumed_step(language, text):
    assert has("presumptive_question", text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        # where the rule stands, cited: a legal document as the source
        ("da", "Jf. bekendtgørelsen kan vi ikke udbetale beløbet før.", "bekendtgørelsen"),
        ("nb", "I henhold til forskriften må vi ha en signatur.", "forskriften"),
        ("en", "As set out in our terms, refunds take 14 days.", "our terms"),
        # the matter put on someone else by a cleft
        ("da", "Det er fragtfirmaet, der kører pakkerne ud, ikke os.", "ikke os"),
        ("nb", "Det er transportøren som leverer pakkene, ikke oss.", "ikke oss"),
        ("en", "It's the courier who handles deliveries, not us.", "not us"),
        ("da", "Det er kommunen, du skal kontakte.", "kommunen"),
        ("nb", "Det er Posten du må kontakte om det.", "Posten"),
        # a referral with "you'd", a department pushed away with "it"
        ("en", "You'd need to speak to the billing team about that.", "billing team"),
        ("en", "It is not my department to decide refunds.", "not my department"),
        ("da", "Det er ikke vores ansvar.", "vores ansvar"),
    ],
)
def test_rule_phrases_by_structure(language, text, words):
    assert [t for t in has("rule_phrase", text, language) if words in t], codes(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "It's the courier who will deliver it on Monday."),
        ("da", "Det er teknikeren, der kommer på fredag."),
        ("nb", "Det er vi som sender den i morgen."),
    ],
)
def test_a_cleft_that_pushes_nothing_away_is_no_rule_phrase(language, text):
    assert has("rule_phrase", text, language) == []


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # the feeling named by a litotes or an idiom
        ("da", "Det er ikke sjovt at stå uden varme."),
        ("da", "Det er det sidste, man har brug for."),
        ("da", "Ikke underligt, at du er træt af det."),
        ("nb", "Det er ikke noe gøy å stå uten strøm."),
        ("nb", "Ikke rart at du er lei."),
        ("nb", "Du må være skikkelig lei nå."),
        ("en", "That's the last thing you need before a holiday."),
        ("en", "No wonder you're fed up."),
        ("en", "That can't have been easy."),
        ("en", "I can see why that would be worrying."),
        ("en", "I'm sorry this has caused you so much stress."),
    ],
)
def test_acknowledgements_by_litotes_and_idiom(language, text):
    assert has("acknowledgement", text, language), codes(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Det er ikke muligt at flytte tiden."),
        ("nb", "Det er ikke noe problem å flytte timen."),
        ("en", "That's not possible before Monday."),
    ],
)
def test_a_plain_negation_names_no_feeling(language, text):
    assert has("acknowledgement", text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        # a channel refused, with us as the subject, wherever the channel stands
        ("da", "Jeg kan desværre ikke ændre adressen over telefonen.", "over telefonen"),
        ("da", "Vi behandler ikke reklamationer pr. mail.", "pr. mail"),
        ("nb", "Jeg kan ikke endre bestillingen over telefon.", "over telefon"),
        ("nb", "Vi behandler ikke søknader på e-post.", "på e-post"),
        ("en", "I'm not able to book a table over the phone.", "over the phone"),
        ("en", "We don't accept cancellations by email.", "by email"),
        # a prohibition on us in a subordinate clause, Danish "må ikke" with us as the subject
        ("da", "Det er fordi vi ikke har lov til at udlevere koden.", "ikke har lov til"),
        ("nb", "Det er fordi vi ikke har lov til å gi ut passordet.", "ikke har lov til"),
        ("da", "Jeg må ikke ændre i lægens aftaler.", "må ikke ændre"),
        # the matter handed to someone else to take up
        ("da", "Det skal du tage med udlejeren.", "udlejeren"),
        ("nb", "Det må du ta med utleieren.", "utleieren"),
        ("nb", "Du må ta saken med forsikringsselskapet.", "forsikringsselskapet"),
        # a cleft that puts the decision or the responsibility on someone else
        ("da", "Det er forsikringsselskabet, der afgør erstatningen.", "afgør"),
        ("nb", "Det er ikke butikken som har ansvar for garantien.", "har ansvar"),
        ("en", "It's the landlord who decides on repairs.", "decides"),
        # a rule cited by its source: a law or a set of provisions named by a compound, whose demand, "practice
        # policy"
        ("da", "Det følger af vores abonnementsbetingelser.", "abonnementsbetingelser"),
        ("da", "I henhold til boligreguleringsloven skal lejen varsles.", "boligreguleringsloven"),
        ("da", "Det er vognmandens krav.", "krav"),
        ("nb", "Det følger av arbeidsmiljøloven.", "arbeidsmiljøloven"),
        ("nb", "Foreningen har ikke myndighet over parkeringen.", "myndighet"),
        ("nb", "Det står i vedtektene for sameiet.", "vedtektene"),
        ("en", "According to the regulations, the deposit is held for 30 days.", "regulations"),
        ("en", "That's clinic policy.", "clinic policy"),
        # a fact of life about the system
        ("da", "Det er bare sådan systemet fungerer.", "systemet"),
        ("en", "That's just the way the system works.", "system"),
    ],
)
def test_rule_phrases_by_structure_session_10(language, text, words):
    """Structures the tuning parts held in words no pattern had (session 10), in invented sentences."""
    assert [t for t in has("rule_phrase", text, language) if words in t], codes(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Det er dig, der bestemmer, hvornår vi kommer."),
        ("da", "Ifølge forbrugerloven har du ret til at fortryde købet."),
        ("da", "Jeg kan sende kvitteringen over mail i dag."),
        ("nb", "Det er du som bestemmer tidspunktet."),
        ("nb", "Ifølge forbrukerkjøpsloven har du krav på reparasjon."),
        ("nb", "Du må ta med legitimasjon."),
        ("en", "I can send it to you by email today."),
        ("en", "According to the tracking, it's in Leeds."),
        ("en", "That's a sensible approach."),
    ],
)
def test_no_rule_phrase_in_a_choice_a_right_or_a_channel_offered(language, text):
    """The customer decides, a rule in the customer's favour, a channel we offer, a non-rule source."""
    assert has("rule_phrase", text, language) == [], (text, codes(text, language))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # a step the customer is asked whether they did, by its past participle, whatever the verb
        ("da", "Har du udfyldt ansøgningen?"),
        ("da", "Har du læst vejledningen til routeren?"),
        ("nb", "Har dere kikket under sofaen?"),
        ("nb", "Har du fylt ut skjemaet?"),
        ("en", "Have you read the instructions on the box?"),
        ("en", "Have you filled in the claim form?"),
    ],
)
def test_a_step_asked_about_by_its_participle_is_presumptive(language, text):
    assert has("presumptive_question", text, language), codes(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # what the customer has (a definite noun ends like a participle), received or found, a fact placed in time
        ("da", "Har du kortet med dig?"),
        ("da", "Har du handlet hos os i dag?"),
        ("da", "Har du fundet formularen?"),
        ("nb", "Har du medlemsnummeret?"),
        ("nb", "Har du nummeret mitt?"),
        ("nb", "Har du kjøpt den i løpet av denne uka?"),
        ("en", "Have you received the parcel?"),
        ("en", "Have you ordered from us this year?"),
    ],
)
def test_having_receiving_or_a_fact_in_time_is_not_presumptive(language, text):
    assert has("presumptive_question", text, language) == [], codes(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Hvordan vil du helst betale, med kort, MobilePay eller faktura?"),
        ("nb", "Hva passer best for deg: morgen eller kveld?"),
        ("en", "How would you like to pay, by card, PayPal or bank transfer?"),
    ],
)
def test_an_open_question_with_alternatives_put_after_it_is_presumptive(language, text):
    assert has("presumptive_question", text, language), codes(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Hvad er dit navn eller kundenummer?"),
        ("nb", "Hva er kortnummeret ditt, eller hvilken e-post bruker du?"),
        ("en", "What is your name or order number?"),
        ("en", "Which day suits you, or would you rather I called you?"),
    ],
)
def test_an_open_question_asking_for_one_thing_or_another_is_not_presumptive(language, text):
    assert has("presumptive_question", text, language) == [], codes(text, language)


@pytest.mark.parametrize(
    ("language", "text", "words"),
    [
        # the customer's situation as the subject of "sounds"/"lyder"/"høres", or of "is" with a strong feeling
        ("en", "A week without a working fridge sounds awful.", "awful"),
        ("en", "Chasing the same refund for a month is exhausting.", "exhausting"),
        ("da", "En uge uden internet lyder virkelig frustrerende.", "frustrerende"),
        ("da", "Tre aflyste aftaler i træk er opslidende.", "opslidende"),
        ("nb", "En hel uke uten varmtvann høres slitsomt ut.", "slitsomt"),
        ("nb", "To kansellerte fly på rad er stressende.", "stressende"),
        # the feeling heard, "hvor er det ...", a lot to carry, condolences
        ("da", "Jeg hører, at du er skuffet over leveringen.", "skuffet"),
        ("da", "Hvor er det generende at vente så længe.", "generende"),
        ("nb", "Så uheldig at bilen stoppet på ferien.", "uheldig"),
        ("en", "That's a lot to deal with on your own.", "a lot to deal with"),
        ("en", "I'm so sorry for your loss.", "sorry for your loss"),
        ("da", "Jeg er ked af dit tab.", "tab"),
    ],
)
def test_acknowledgements_by_the_situation_named_as_the_subject_session_10(language, text, words):
    assert [t for t in has("acknowledgement", text, language) if words in t], codes(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The new plan is cheaper than the old one."),
        ("en", "Your order sounds like the one we sent on Monday."),
        ("da", "Installationen er svær at gøre selv, så teknikeren kommer."),
        ("da", "Din ordre lyder på to stole."),
        ("nb", "Ruteren er vanskelig å finne i menyen."),
    ],
)
def test_a_plain_statement_about_the_matter_names_no_feeling(language, text):
    assert has("acknowledgement", text, language) == [], codes(text, language)
