"""Mail that is not an agent's reply (auto-replies and surveys to a customer, reminders to an agent), as an
interface in the core.

The apps that decide on such mail and write its text (replies, surveys, followups) call `send` or `notify`
here; the app that delivers mail (wowdesk.mail) registers itself when it loads (mail/apps.py). So none of
them imports mail, and the domain apps stay independent of each other (the import-linter contracts in
pyproject.toml). An agent's reply goes out by the `reply_added` signal instead.
"""

from datetime import datetime
from typing import Protocol

from .models import Ticket

# The kinds of mail sent through here (the values of mail.models.OutboundMail.Kind).
AUTO_REPLY = "auto_reply"
SURVEY = "survey"
NOTIFICATION = "notification"  # to one of us (an agent or lead), not the customer


class Sender(Protocol):
    def send(self, ticket: Ticket, *, kind: str, subject: str, body: str) -> str:
        """Send it now (or keep it in the outbox); returns its state: queued, outbox, sent or failed. Once per
        ticket and kind: called again (its task ran twice), it finishes the mail the first call wrote."""

    def made_for(self, ticket: Ticket, kind: str) -> bool:
        """Whether the ticket has its mail of this kind already (sent or not)."""

    def sent_since(self, address: str, kind: str, since: datetime) -> int:
        """How many mails of this kind went to this address since then."""

    def notify(self, ticket: Ticket, *, to_address: str, subject: str, body: str) -> None:
        """A mail about the ticket to an agent or lead (e.g. a follow-up due soon), queued with retries."""

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


def made_for(ticket: Ticket, kind: str) -> bool:
    return _sender().made_for(ticket, kind)


def sent_since(address: str, kind: str, since: datetime) -> int:
    return _sender().sent_since(address, kind, since)


def notify(ticket: Ticket, *, to_address: str, subject: str, body: str) -> None:
    _sender().notify(ticket, to_address=to_address, subject=subject, body=body)


def send_reserved(outbound_id: int, compose) -> tuple[Ticket, str]:
    return _sender().send_reserved(outbound_id, compose)
