"""The languages wowdesk speaks with customers and agents: one list and one default, for every app.

Plain Python (no Django), so any layer can use it. Adding a language: add it here, to settings.LANGUAGES and
to wowdesk/locale, then give it the auto-reply and reply templates.
"""

CODES = ("da", "nb", "en")
DEFAULT = "da"  # a customer whose language we cannot tell is answered in Danish
# Each name in its own language, so it is not translated.
CHOICES = [("da", "Dansk"), ("nb", "Norsk bokmål"), ("en", "English")]


def first_of(*candidates: str | None) -> str:
    """The first language given (e.g. the contact's, then the ticket's), else DEFAULT."""
    return next((code for code in candidates if code), DEFAULT)


def supported(code: str | None) -> str:
    """`code` if wowdesk speaks it (a browser may ask for "de" or "da-DK"), else DEFAULT."""
    code = (code or "").split("-")[0].lower()
    return code if code in CODES else DEFAULT
