"""Customer-facing use cases: an inquiry from the public web form."""

from django.core import signing
from django.utils.translation import get_language

from wowdesk import languages
from wowdesk.tickets.models import Ticket
from wowdesk.tickets.services import open_ticket

THANKS_SALT = "wowdesk.portal.thanks"


def submit_inquiry(
    *, name: str, email: str, subject: str, message: str, attachments=(), language: str | None = None
) -> Ticket:
    language = languages.supported(language or get_language())
    return open_ticket(
        email=email,
        name=name,
        language=language,
        subject=subject,
        body=message,
        channel=Ticket.Channel.WEB,
        attachments=attachments,
    )


def thanks_token(ticket: Ticket) -> str:
    """A signed token for the confirmation page, so ticket numbers cannot be guessed from its URL."""
    return signing.dumps(ticket.number, salt=THANKS_SALT)


def number_from_thanks_token(token: str, max_age: int = 24 * 3600) -> int | None:
    try:
        return int(signing.loads(token, salt=THANKS_SALT, max_age=max_age))
    except (signing.BadSignature, ValueError, TypeError):
        return None
