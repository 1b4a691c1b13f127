"""What the coach says, in the conversation's language. Strengths are phrased as what went well."""

ADVICE = {
    "weak_word": {
        "da": "Svagt ord: '{text}' får dig til at lyde usikker. Stærkere: {alt}.",
        "nb": "Svakt ord: '{text}' får deg til å høres usikker ut. Sterkere: {alt}.",
        "en": "Weak word: '{text}' makes you sound unsure. Stronger: {alt}.",
    },
    "strong_word": {
        "da": "Stærkt ord: '{text}' viser, at du handler.",
        "nb": "Sterkt ord: '{text}' viser at du handler.",
        "en": "Strong word: '{text}' shows that you act.",
    },
    "but_opener": {
        "da": "Start ikke sætningen med '{text}': det lyder som modsigelse. Sig det, du kan gøre.",
        "nb": "Ikke start setningen med '{text}': det høres ut som motsigelse. Si det du kan gjøre.",
        "en": "Do not start the sentence with '{text}': it sounds like an argument. Say what you can do.",
    },
    "risky_agreement": {
        "da": "'{text}' lyder som 'du har ret'. Anerkend følelsen i stedet: 'Hvor er det frustrerende'.",
        "nb": "'{text}' høres ut som 'du har rett'. Anerkjenn følelsen i stedet: 'Så frustrerende'.",
        "en": "'{text}' sounds like 'you are right'. Acknowledge the feeling instead: 'How frustrating'.",
    },
    "presumptive_question": {
        "da": "Formodende spørgsmål. Spørg ydmygt til det, kunden oplever: 'Hvad ser du?'",
        "nb": "Antakende spørsmål. Spør ydmykt om det kunden opplever: 'Hva ser du?'",
        "en": "Presumptive question. Ask humbly about what the customer experiences: 'What do you see?'",
    },
    "rule_phrase": {
        "da": "'{text}' er en regel-sætning. Sig, hvad du gør for kunden, og tag ansvar for næste skridt.",
        "nb": "'{text}' er en regel-setning. Si hva du gjør for kunden, og ta ansvar for neste steg.",
        "en": "'{text}' is a rule phrase. Say what you will do for the customer and own the next step.",
    },
    "acknowledgement": {
        "da": "Godt: du anerkender kundens følelse.",
        "nb": "Bra: du anerkjenner kundens følelse.",
        "en": "Good: you acknowledge the customer's feeling.",
    },
    "open_question": {
        "da": "Godt åbent spørgsmål: kunden kan fortælle frit.",
        "nb": "Godt åpent spørsmål: kunden kan fortelle fritt.",
        "en": "Good open question: the customer can tell you freely.",
    },
}

STRENGTHS = {
    "greeting": {
        "da": "Du hilste venligt på kunden.",
        "nb": "Du hilste vennlig på kunden.",
        "en": "You greeted the customer warmly.",
    },
    "open_questions": {
        "da": "Du stillede åbne spørgsmål for at finde behovet.",
        "nb": "Du stilte åpne spørsmål for å finne behovet.",
        "en": "You asked open questions to find the need.",
    },
    "need_accept": {
        "da": "Du bekræftede, at du havde forstået behovet.",
        "nb": "Du bekreftet at du hadde forstått behovet.",
        "en": "You confirmed that you had understood the need.",
    },
    "solution": {
        "da": "Du gav kunden en løsning.",
        "nb": "Du ga kunden en løsning.",
        "en": "You gave the customer a solution.",
    },
    "solution_accept": {
        "da": "Du tjekkede, at løsningen virkede.",
        "nb": "Du sjekket at løsningen virket.",
        "en": "You checked that the solution worked.",
    },
    "closing": {
        "da": "Du sluttede af med et afsluttende spørgsmål.",
        "nb": "Du avsluttet med et avsluttende spørsmål.",
        "en": "You ended with a closing question.",
    },
    "in_order": {
        "da": "Samtalen fulgte BALA-modellen i den rigtige rækkefølge.",
        "nb": "Samtalen fulgte BALA-modellen i riktig rekkefølge.",
        "en": "The conversation followed the BALA model in the right order.",
    },
    "acknowledgement": {
        "da": "Du anerkendte kundens følelser.",
        "nb": "Du anerkjente kundens følelser.",
        "en": "You acknowledged the customer's feelings.",
    },
    "strong_words": {
        "da": "Du brugte stærke ord, der viser handling.",
        "nb": "Du brukte sterke ord som viser handling.",
        "en": "You used strong words that show action.",
    },
    "clean_language": {
        "da": "Dit sprog var klart, uden svage ord.",
        "nb": "Språket ditt var klart, uten svake ord.",
        "en": "Your language was clear, without weak words.",
    },
}

IMPROVEMENTS = {
    "solution_before_need_accept": {
        "da": "Bekræft behovet med et lukket spørgsmål, før du giver løsningen ('Så du kan ikke logge ind?').",
        "nb": "Bekreft behovet med et lukket spørsmål før du gir løsningen ('Så du får ikke logget inn?').",
        "en": "Confirm the need with a closed question before giving the solution ('So you cannot log in?').",
    },
    "no_solution_accept": {
        "da": "Spørg, om løsningen virkede ('Virker det nu?'). Det er det, der giver løsning i første henvendelse.",
        "nb": "Spør om løsningen virket ('Fungerer det nå?'). Det er det som gir løsning ved første henvendelse.",
        "en": "Ask whether the solution worked ('Does it work now?'). That is what gives first contact resolution.",
    },
    "no_greeting": {"da": "Start med en hilsen.", "nb": "Start med en hilsen.", "en": "Start with a greeting."},
    "no_closing_question": {
        "da": "Slut af med 'Er der andet, jeg kan hjælpe dig med?'.",
        "nb": "Avslutt med 'Er det noe mer jeg kan hjelpe deg med?'.",
        "en": "End with 'Is there anything else I can do for you?'.",
    },
    "only_closed_questions": {
        "da": "Brug åbne spørgsmål (hvad, hvordan, hvornår) til at finde behovet.",
        "nb": "Bruk åpne spørsmål (hva, hvordan, når) for å finne behovet.",
        "en": "Use open questions (what, how, when) to find the need.",
    },
    "weak_word": {
        "da": "Undgå svage ord som 'prøve', 'tror' og 'måske'.",
        "nb": "Unngå svake ord som 'prøve', 'tror' og 'kanskje'.",
        "en": "Avoid weak words such as 'try', 'think' and 'maybe'.",
    },
    "but_opener": {
        "da": "Start ikke sætninger med 'men'.",
        "nb": "Ikke start setninger med 'men'.",
        "en": "Do not start sentences with 'but'.",
    },
    "risky_agreement": {
        "da": "Undgå 'det kan jeg godt forstå'; anerkend følelsen i stedet.",
        "nb": "Unngå 'det kan jeg godt forstå'; anerkjenn følelsen i stedet.",
        "en": "Avoid 'I understand'; acknowledge the feeling instead.",
    },
    "presumptive_question": {
        "da": "Spørg åbent til, hvad kunden oplever, i stedet for at gætte.",
        "nb": "Spør åpent om hva kunden opplever, i stedet for å gjette.",
        "en": "Ask openly what the customer experiences instead of guessing.",
    },
    "rule_phrase": {
        "da": "Undgå regel-sætninger; sig, hvad du kan gøre.",
        "nb": "Unngå regel-setninger; si hva du kan gjøre.",
        "en": "Avoid rule phrases; say what you can do.",
    },
}

# A suggested closing question for the composer hint.
CLOSING_SUGGESTION = {
    "da": "Er der andet, jeg kan hjælpe dig med?",
    "nb": "Er det noe mer jeg kan hjelpe deg med?",
    "en": "Is there anything else I can do for you?",
}
