"""Demo conversations, written for wowdesk. Each scenario can be played in three styles:

- "bala": greeting, open need question, need confirmed, solution, solution confirmed, closing question;
- "jump": the agent jumps to a solution without finding or confirming the need;
- "weak": a solution full of weak words (maybe, try, I think) and a "but" opener.
"""

GREETING = {
    "da": "Hej {first}, tak fordi du skriver til os.",
    "nb": "Hei {first}, takk for at du tar kontakt.",
    "en": "Hi {first}, thank you for getting in touch.",
}
SIGNATURE = {"da": "Venlig hilsen\n{agent}", "nb": "Vennlig hilsen\n{agent}", "en": "Kind regards,\n{agent}"}
CLOSING = {
    "da": "Er der andet, jeg kan hjælpe dig med?",
    "nb": "Er det noe mer jeg kan hjelpe deg med?",
    "en": "Is there anything else I can do for you?",
}
CUSTOMER_NO_MORE = {
    "da": "Nej, det var det hele. Tak for hjælpen!",
    "nb": "Nei, det var alt. Tusen takk!",
    "en": "No, that was all. Thanks a lot!",
}
CUSTOMER_YES = {"da": "Ja, præcis.", "nb": "Ja, det stemmer.", "en": "Yes, exactly."}
CUSTOMER_STILL_BROKEN = {
    "da": "Det har jeg allerede gjort, og det hjælper ikke. Jeg er ret frustreret nu.",
    "nb": "Det har jeg allerede gjort, og det hjelper ikke. Jeg begynner å bli irritert.",
    "en": "I already did that and it does not help. I am getting quite frustrated.",
}

SCENARIOS = {
    "da": [
        {
            "category": "Login and access",
            "subject": "Kan ikke logge ind",
            "opening": "Hej\n\nJeg kan ikke komme ind på min konto længere. Kan I hjælpe?\n\nMvh {name}",
            "need_q": "Hvad ser du på skærmen, når du logger ind?",
            "need_a": "Der står 'forkert adgangskode', selvom jeg lige har nulstillet den i går.",
            "need_accept": "Så du har nulstillet adgangskoden i går, og den nye bliver stadig afvist?",
            "solution": "Det skyldes, at den gamle nulstillingsmail udløb efter en time. Tryk på 'Glemt adgangskode' "
            "igen, åbn den nye mail inden for en time, og vælg din nye adgangskode. Jeg har samtidig låst "
            "din konto op.",
            "weak": "Men du kan måske prøve at nulstille adgangskoden igen? Jeg tror nok, det virker, hvis du "
            "prøver i en anden browser.",
            "solution_accept": "Kan du logge ind nu?",
            "works": "Ja, nu er jeg inde. Tusind tak!",
        },
        {
            "category": "Billing",
            "subject": "Dobbelt opkrævning på faktura",
            "opening": "Hej\n\nVi er blevet trukket to gange for oktober. Det er ikke i orden.\n\n{name}",
            "need_q": "Hvilke to betalinger kan du se på kontoudtoget, og hvornår blev de trukket?",
            "need_a": "Begge er på 499 kr. og blev trukket den 3. oktober.",
            "need_accept": "Så I er trukket 499 kr. to gange den 3. oktober for det samme abonnement?",
            "solution": "Jeg har nu krediteret den ene betaling. Pengene står på jeres konto inden for tre "
            "bankdage, og du får en kreditnota på mail i dag.",
            "weak": "Det må jeg desværre ikke ændre selv. Du skal snakke med en anden afdeling, men jeg tror "
            "måske, de kan hjælpe.",
            "solution_accept": "Kan du se kreditnotaen i din indbakke?",
            "works": "Ja, den er kommet. Tak for hurtig hjælp.",
        },
        {
            "category": "Delivery",
            "subject": "Hvor er min pakke?",
            "opening": "Hej, jeg bestilte for en uge siden og har ikke fået noget. Ordrenummer 48213.",
            "need_q": "Hvad står der i sporingen, når du åbner linket fra ordrebekræftelsen?",
            "need_a": "Der står bare 'afsendt' og intet andet siden mandag.",
            "need_accept": "Så sporingen har stået stille på 'afsendt' siden mandag?",
            "solution": "Pakken er blevet forsinket hos fragtfirmaet. Jeg har sendt en ny pakke med ekspres i "
            "dag, og du vil have den i morgen inden kl. 16.",
            "weak": "Det kan jeg ikke tage stilling til. Prøv at vente et par dage mere, så kommer den måske.",
            "solution_accept": "Har du fået sporingsnummeret på den nye pakke?",
            "works": "Ja, jeg kan se den er på vej. Tak!",
        },
        {
            "category": "Technical problem",
            "subject": "Appen lukker ned",
            "opening": "Jeres app lukker hele tiden ned på min telefon. Det er rigtig irriterende.",
            "need_q": "Hvornår lukker appen ned, og hvad var du i gang med lige før?",
            "need_a": "Når jeg åbner fanen med kvitteringer. Jeg har en iPhone 12.",
            "need_accept": "Så appen lukker, hver gang du åbner kvitteringsfanen på din iPhone 12?",
            "solution": "Det er en kendt fejl i version 4.2. Opdater appen til version 4.3 i App Store, så er "
            "fejlen rettet.",
            "weak": "Hmm, det lyder mærkeligt. Men prøv måske at geninstallere appen, det tror jeg hjælper.",
            "solution_accept": "Virker kvitteringsfanen nu?",
            "works": "Ja, nu virker den. Super!",
        },
        {
            "category": "Subscription",
            "subject": "Skift af abonnement",
            "opening": "Hej, vi vil gerne skifte til et mindre abonnement fra næste måned.",
            "need_q": "Hvad skal I bruge løsningen til fremover, og hvor mange brugere har I brug for?",
            "need_a": "Vi er kun tre personer nu, og vi bruger mest fakturering.",
            "need_accept": "Så I har brug for tre brugere og primært fakturering?",
            "solution": "Så er Basis-pakken den rigtige. Jeg har skiftet jer til Basis fra den 1. næste måned, "
            "og I sparer 200 kr. om måneden.",
            "weak": "Det kan jeg godt forstå. Men I kan måske prøve Basis-pakken, hvis nu det passer jer?",
            "solution_accept": "Passer det med jeres planer?",
            "works": "Ja, det er perfekt.",
        },
    ],
    "nb": [
        {
            "category": "Login and access",
            "subject": "Får ikke logget inn",
            "opening": "Hei\n\nJeg kommer ikke inn på kontoen min. Hva gjør jeg?\n\nHilsen {name}",
            "need_q": "Hva skjer når du skriver inn brukernavn og passord?",
            "need_a": "Jeg får beskjed om at kontoen er sperret.",
            "need_accept": "Så du får beskjed om at kontoen er sperret når du logger inn?",
            "solution": "Kontoen ble sperret etter for mange forsøk. Jeg har åpnet den nå. Trykk på 'Glemt "
            "passord' og velg et nytt passord, så kommer du inn.",
            "weak": "Men du kan kanskje prøve å vente en time? Jeg tror det løser seg av seg selv.",
            "solution_accept": "Kommer du inn nå?",
            "works": "Ja, nå fungerer det. Takk!",
        },
        {
            "category": "Billing",
            "subject": "Feil beløp på fakturaen",
            "opening": "Hei, fakturaen for november er mye høyere enn vanlig. Hvorfor?",
            "need_q": "Hvilket beløp står på fakturaen, og hva pleier dere å betale?",
            "need_a": "Det står 2 400 kroner, vi pleier å betale 1 200.",
            "need_accept": "Så fakturaen er på 2 400 kroner, det dobbelte av det vanlige?",
            "solution": "Fakturaen tok med to måneder ved en feil. Jeg har sendt en ny faktura på 1 200 kroner, "
            "og den gamle er kreditert.",
            "weak": "Det kan jeg ikke ta stilling til. Du må snakke med en annen avdeling.",
            "solution_accept": "Har du fått den nye fakturaen?",
            "works": "Ja, den kom nå. Flott.",
        },
        {
            "category": "Delivery",
            "subject": "Pakken har ikke kommet",
            "opening": "Bestillingen min skulle komme i går, men ingenting har dukket opp.",
            "need_q": "Hva står det i sporingen på pakken?",
            "need_a": "At den er levert i postkassen, men den er tom.",
            "need_accept": "Så sporingen sier levert, men du har ikke fått pakken?",
            "solution": "Da sender jeg en ny pakke i dag, og du hører fra oss i morgen med nytt sporingsnummer. "
            "Den gamle melder jeg som savnet hos Posten.",
            "weak": "Den er nok bare forsinket. Prøv å sjekke med naboene, kanskje den ligger der.",
            "solution_accept": "Passer det for deg?",
            "works": "Ja, det er fint. Takk.",
        },
        {
            "category": "Technical problem",
            "subject": "Rapporten viser feil tall",
            "opening": "Månedsrapporten viser helt andre tall enn regnskapet vårt.",
            "need_q": "Hvilke tall er forskjellige, og for hvilken periode?",
            "need_a": "Omsetningen for oktober er 30 000 kroner lavere i rapporten.",
            "need_accept": "Så rapporten for oktober mangler 30 000 kroner i omsetning?",
            "solution": "Rapporten tok ikke med bilag bokført etter den 25. Trykk på 'Oppdater rapport' øverst "
            "til høyre, så blir alle bilag med.",
            "weak": "Det er kanskje en feil hos dere. Men jeg tror det retter seg i neste versjon.",
            "solution_accept": "Stemmer tallene nå?",
            "works": "Ja, nå stemmer det!",
        },
        {
            "category": "Feature request",
            "subject": "Ønske om eksport til Excel",
            "opening": "Kan dere lage en knapp for å eksportere kundelisten til Excel?",
            "need_q": "Hva skal dere bruke eksporten til?",
            "need_a": "Vi sender julekort og trenger adressene i en liste.",
            "need_accept": "Så dere trenger navn og adresser på alle kunder i en liste?",
            "solution": "Det kan du gjøre allerede nå: gå til Kunder, trykk på 'Eksporter' og velg CSV. Filen "
            "åpnes rett i Excel.",
            "weak": "Det må jeg ikke love noe om. Kanskje det kommer en gang.",
            "solution_accept": "Fikk du lastet ned listen?",
            "works": "Ja, genialt. Takk!",
        },
    ],
    "en": [
        {
            "category": "Login and access",
            "subject": "Locked out of my account",
            "opening": "Hello,\n\nI cannot log in any more. Please help.\n\n{name}",
            "need_q": "What do you see when you try to log in?",
            "need_a": "It says my two-factor code is invalid. I got a new phone last week.",
            "need_accept": "So the two-factor codes stopped working after you changed phones?",
            "solution": "I have reset your two-factor setup. Log in with your password, scan the new QR code "
            "with your authenticator app on the new phone, and you are in.",
            "weak": "But maybe you could try again later? I think it might sort itself out.",
            "solution_accept": "Are you able to log in now?",
            "works": "Yes, I'm in. Thank you!",
        },
        {
            "category": "Billing",
            "subject": "Invoice in the wrong currency",
            "opening": "Our latest invoice is in DKK but our contract says EUR.",
            "need_q": "Which invoice number is it, and which currency does your accounting system expect?",
            "need_a": "Invoice 2024-1187, and we book everything in EUR.",
            "need_accept": "So invoice 2024-1187 should have been in EUR?",
            "solution": "I have reissued invoice 2024-1187 in EUR and set your account to EUR, so every future "
            "invoice will be in euros.",
            "weak": "I'm afraid that's not something I'm allowed to change. You'll have to talk to another department.",
            "solution_accept": "Does the new invoice look right to you?",
            "works": "Yes, that's correct now.",
        },
        {
            "category": "Delivery",
            "subject": "Wrong item delivered",
            "opening": "I ordered the blue model and received the red one.",
            "need_q": "What does the label on the box say?",
            "need_a": "It says blue, but the product inside is red.",
            "need_accept": "So the box is labelled blue, but the product inside is red?",
            "solution": "I will send the blue one today with express delivery, and you will get a free return "
            "label by e-mail for the red one.",
            "weak": "Maybe it was mixed up in the warehouse. I think you could perhaps try to return it.",
            "solution_accept": "Does that work for you?",
            "works": "Perfect, thanks.",
        },
        {
            "category": "Technical problem",
            "subject": "Export fails with an error",
            "opening": "Every time I export my data I get 'Error 500'.",
            "need_q": "Which export are you running, and how large is the period?",
            "need_a": "The full transaction export for the last five years.",
            "need_accept": "So the five-year transaction export fails, every time?",
            "solution": "Exports over three years time out at the moment. Choose one year at a time under "
            "Export, and each file will be ready in a minute.",
            "weak": "That's strange. Perhaps try a different browser? I think that usually helps.",
            "solution_accept": "Did the one-year export work?",
            "works": "Yes, it did. Thanks.",
        },
        {
            "category": "Subscription",
            "subject": "Cancel my subscription",
            "opening": "I want to cancel my subscription.",
            "need_q": "What made you decide to cancel?",
            "need_a": "We only need it in the summer season.",
            "need_accept": "So you need it from May to September and not the rest of the year?",
            "solution": "Then pausing is better than cancelling: I have paused your subscription from October "
            "to April, your data stays, and you pay nothing in those months.",
            "weak": "I understand. But we can't really do anything about that, I think.",
            "solution_accept": "Does a seasonal pause suit you?",
            "works": "That's great, I didn't know that was possible.",
        },
    ],
}


def conversation(language: str, scenario: dict, style: str, first: str, name: str, agent: str):
    """The turns of one demo conversation as (speaker, text) pairs, speaker "customer" or "agent"."""
    g = GREETING[language].format(first=first)
    sig = SIGNATURE[language].format(agent=agent)
    opening = scenario["opening"].format(name=name)
    if style == "bala":
        return [
            ("customer", opening),
            ("agent", f"{g}\n\n{scenario['need_q']}\n\n{sig}"),
            ("customer", scenario["need_a"]),
            ("agent", f"{scenario['need_accept']}\n\n{sig}"),
            ("customer", CUSTOMER_YES[language]),
            ("agent", f"{scenario['solution']}\n\n{scenario['solution_accept']}\n\n{sig}"),
            ("customer", scenario["works"]),
            ("agent", f"{CLOSING[language]}\n\n{sig}"),
            ("customer", CUSTOMER_NO_MORE[language]),
        ]
    if style == "jump":
        return [
            ("customer", opening),
            ("agent", f"{scenario['solution']}\n\n{sig}"),
            ("customer", CUSTOMER_STILL_BROKEN[language]),
            ("agent", f"{g}\n\n{scenario['need_q']}\n\n{sig}"),
            ("customer", scenario["need_a"]),
            ("agent", f"{scenario['solution']}\n\n{scenario['solution_accept']}\n\n{sig}"),
            ("customer", scenario["works"]),
        ]
    return [
        ("customer", opening),
        ("agent", f"{scenario['weak']}\n\n{sig}"),
        ("customer", CUSTOMER_STILL_BROKEN[language]),
    ]
