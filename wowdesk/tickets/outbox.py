"""Mail to a customer that is not an agent's reply (auto-replies, surveys), as an interface in the core.

The apps that decide on such mail and write its text (replies, surveys) call `send` here; the app that
delivers mail (wowdesk.mail) registers itself when it loads (mail/apps.py). So neither of them imports mail,
and the domain apps stay independent of each other (the import-linter contracts in pyproject.toml). An
agent's reply goes out by the `reply_added` signal instead.
"""

from datetime import datetime
from typing import Protocol

from .models import Ticket

# The kinds of mail sent through here (the values of mail.models.OutboundMail.Kind).
AUTO_REPLY = "auto_reply"
SURVEY = "survey"


class Sender(Protocol):
    def send(self, ticket: Ticket, *, kind: str, subject: str, body: str) -> str:
        """Send it now (or keep it in the outbox); returns its state: queued, outbox, sent or failed."""

    def sent_since(self, address: str, kind: str, since: datetime) -> int:
        """How many mails of this kind went to this address since then."""

    def send_reserved(self, outbound_id: int, compose) -> tuple[Ticket, str]:
        """A mail reserved by an older version (a row without text), given its text by compose(ticket) ->
        (subject, body) and sent; returns its ticket and state."""


_SENDERS: list[Sender] = []


def register(sender: Sender) -> None:
    _SENDERS[:] = [sender]


def _sender() -> Sender:
    if not _SENDERS:
        raise RuntimeError("no mail sender registered: wowdesk.mail is missing from INSTALLED_APPS")
    return _SENDERS[0]


def send(ticket: Ticket, *, kind: str, subject: str, body: str) -> str:
    return _sender().send(ticket, kind=kind, subject=subject, body=body)


def sent_since(address: str, kind: str, since: datetime) -> int:
    return _sender().sent_since(address, kind, since)


def send_reserved(outbound_id: int, compose) -> tuple[Ticket, str]:
    return _sender().send_reserved(outbound_id, compose)
