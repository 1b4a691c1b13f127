"""The default scorecard in Danish, Norwegian and English, built on the seeds: BALA (the need found with open
questions and confirmed, the solution given and confirmed), word choice, promises kept, the little extra, and
one comment per performance area as in SeeYou's mystery shopping (seed 004).

Card texts are data (a lead edits them like any card), so they are written here in each language rather than
translated through the interface's catalogues."""

# (area, weight, [(question, kind, weight, autoqa)]) per language
DEFAULT_CARDS = {
    "da": (
        "Standardkort: BALA og det lille ekstra",
        [
            (
                "Modtagelse",
                1,
                [
                    ("Hilser kunden velkommen", "yes_no", 1, "greeting"),
                    ("Personlig og venlig tone", "scale", 1, ""),
                ],
            ),
            (
                "Behov",
                2,
                [
                    ("Finder behovet med åbne spørgsmål", "yes_no", 2, "open_questions"),
                    ("Spørger ydmygt, antager ikke", "scale", 1, ""),
                    ("Bekræfter behovet med et lukket spørgsmål", "yes_no", 2, "need_confirmed"),
                ],
            ),
            (
                "Løsning og sprog",
                2,
                [
                    ("Giver en klar løsning i et enkelt sprog", "scale", 2, ""),
                    ("Bruger stærke ord, ikke svage (prøve, tror, måske)", "yes_no", 1, "no_weak_words"),
                    ("Bekræfter, at løsningen virker", "yes_no", 2, "solution_confirmed"),
                ],
            ),
            (
                "Afslutning og løfter",
                1,
                [
                    ("Slutter med et afsluttende spørgsmål", "yes_no", 1, "closing_question"),
                    ("Holder sine løfter til tiden", "yes_no", 2, "promises_kept"),
                ],
            ),
            (
                "Det lille ekstra",
                1,
                [
                    ("Møder et behov, kunden ikke selv sagde (WOW)", "yes_no", 1, ""),
                    ("Samlet oplevelse", "scale", 2, ""),
                ],
            ),
        ],
    ),
    "nb": (
        "Standardkort: BALA og det lille ekstra",
        [
            (
                "Mottakelse",
                1,
                [
                    ("Hilser kunden velkommen", "yes_no", 1, "greeting"),
                    ("Personlig og vennlig tone", "scale", 1, ""),
                ],
            ),
            (
                "Behov",
                2,
                [
                    ("Finner behovet med åpne spørsmål", "yes_no", 2, "open_questions"),
                    ("Spør ydmykt, antar ikke", "scale", 1, ""),
                    ("Bekrefter behovet med et lukket spørsmål", "yes_no", 2, "need_confirmed"),
                ],
            ),
            (
                "Løsning og språk",
                2,
                [
                    ("Gir en klar løsning på et enkelt språk", "scale", 2, ""),
                    ("Bruker sterke ord, ikke svake (prøve, tror, kanskje)", "yes_no", 1, "no_weak_words"),
                    ("Bekrefter at løsningen virker", "yes_no", 2, "solution_confirmed"),
                ],
            ),
            (
                "Avslutning og løfter",
                1,
                [
                    ("Avslutter med et avsluttende spørsmål", "yes_no", 1, "closing_question"),
                    ("Holder løftene sine i tide", "yes_no", 2, "promises_kept"),
                ],
            ),
            (
                "Det lille ekstra",
                1,
                [
                    ("Møter et behov kunden ikke sa selv (WOW)", "yes_no", 1, ""),
                    ("Samlet opplevelse", "scale", 2, ""),
                ],
            ),
        ],
    ),
    "en": (
        "Default card: BALA and the little extra",
        [
            (
                "Greeting",
                1,
                [
                    ("Welcomes the customer", "yes_no", 1, "greeting"),
                    ("Personal, friendly tone", "scale", 1, ""),
                ],
            ),
            (
                "Finding the need",
                2,
                [
                    ("Finds the need with open questions", "yes_no", 2, "open_questions"),
                    ("Asks humbly, never presumes", "scale", 1, ""),
                    ("Confirms the need with a closed question", "yes_no", 2, "need_confirmed"),
                ],
            ),
            (
                "Solution and language",
                2,
                [
                    ("Gives a clear solution in plain words", "scale", 2, ""),
                    ("Uses strong words, not weak ones (try, think, maybe)", "yes_no", 1, "no_weak_words"),
                    ("Confirms that the solution works", "yes_no", 2, "solution_confirmed"),
                ],
            ),
            (
                "Closing and promises",
                1,
                [
                    ("Ends with a closing question", "yes_no", 1, "closing_question"),
                    ("Keeps promises on time", "yes_no", 2, "promises_kept"),
                ],
            ),
            (
                "The little extra",
                1,
                [
                    ("Meets a need the customer did not state (WOW)", "yes_no", 1, ""),
                    ("Overall experience", "scale", 2, ""),
                ],
            ),
        ],
    ),
}


def default_spec(language: str) -> dict:
    """The default card as the spec services.create_scorecard takes."""
    name, areas = DEFAULT_CARDS[language]
    return {
        "name": name,
        "language": language,
        "areas": [
            {
                "name": area,
                "weight": weight,
                "questions": [{"text": t, "kind": k, "weight": w, "autoqa": a} for t, k, w, a in questions],
            }
            for area, weight, questions in areas
        ],
    }
