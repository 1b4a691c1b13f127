"""The SLA clock on a ticket, in business hours.

A new ticket must get its first answer within the team's first-response target; after that, each time the
customer writes, the next answer is due within the next-response target. While the ticket waits on the
customer (pending) the clock is paused and what was left is kept; the customer's answer resumes it. A reply
from us stops it; solving or closing clears it.
"""

from datetime import datetime

from .business import BusinessHours

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


def stop(ticket, now: datetime | None = None) -> list[str]:
    """We answered, or solved or closed the ticket: the clock stops. Past its due time that is a breach."""
    fields = list(FIELDS)
    if now is not None and ticket.response_due_at is not None and now > ticket.response_due_at:
        ticket.sla_breaches += 1
        fields.append("sla_breaches")
    ticket.response_due_at = None
    ticket.sla_remaining_s = None
    return fields


def elapsed(team, start: datetime, end: datetime) -> tuple[int, int]:
    """(calendar seconds, business seconds) from start to end, in the team's opening hours."""
    return _elapsed(BusinessHours.for_team(team), start, end)


def _elapsed(hours: BusinessHours, start: datetime, end: datetime) -> tuple[int, int]:
    return max(0, int((end - start).total_seconds())), int(hours.seconds_between(start, end))


def measure(ticket, hours: BusinessHours) -> None:
    """Fill a ticket's durations and first-response breach from its timestamps. For tickets made without
    the services (demo data, the migration that added the columns); live tickets are measured as they go."""
    if ticket.first_response_at:
        ticket.first_response_s, ticket.first_response_business_s = _elapsed(
            hours, ticket.created_at, ticket.first_response_at
        )
        due = hours.add(ticket.created_at, 60 * hours.first_response_minutes)
        ticket.sla_breaches = max(ticket.sla_breaches, int(ticket.first_response_at > due))
    if ticket.solved_at:
        ticket.resolution_s, ticket.resolution_business_s = _elapsed(hours, ticket.created_at, ticket.solved_at)


MEASURED_FIELDS = [
    "first_response_s",
    "first_response_business_s",
    "resolution_s",
    "resolution_business_s",
    "sla_breaches",
]
