"""The SLA clock on a ticket, in business hours.

A new ticket must get its first answer within the team's first-response target; after that, each time the
customer writes, the next answer is due within the next-response target. While the ticket waits on the
customer (pending) the clock is paused and what was left is kept; the customer's answer resumes it. A reply
from us stops it; solving or closing clears it.
"""

from datetime import datetime

from .hours import BusinessHours

DEFAULT_FIRST_MINUTES = 240
FIELDS = ["response_due_at", "sla_remaining_s"]


def _load(team) -> tuple[BusinessHours, int, int]:
    hours = BusinessHours.for_team(team)
    return hours, hours.first_response_minutes, hours.next_response_minutes


def start(ticket, now: datetime, *, first: bool) -> list[str]:
    hours, first_minutes, next_minutes = _load(ticket.team)
    ticket.response_due_at = hours.add(now, 60 * (first_minutes if first else next_minutes))
    ticket.sla_remaining_s = None
    return FIELDS


def pause(ticket, now: datetime) -> list[str]:
    if ticket.response_due_at is None:
        return []
    hours, _, _ = _load(ticket.team)
    ticket.sla_remaining_s = int(hours.seconds_between(now, ticket.response_due_at))
    ticket.response_due_at = None
    return FIELDS


def resume(ticket, now: datetime) -> list[str]:
    """The customer answered (or the ticket was opened again): continue the paused clock, or start anew."""
    if ticket.sla_remaining_s is None:
        return start(ticket, now, first=ticket.first_response_at is None)
    hours, _, _ = _load(ticket.team)
    ticket.response_due_at = hours.add(now, ticket.sla_remaining_s)
    ticket.sla_remaining_s = None
    return FIELDS


def stop(ticket) -> list[str]:
    ticket.response_due_at = None
    ticket.sla_remaining_s = None
    return FIELDS
