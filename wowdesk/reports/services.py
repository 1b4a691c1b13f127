"""Read-only summaries over tickets and surveys (reports imports others; nobody imports reports).

First contact resolution, two ways:
- survey: the share of "yes" to "Was your matter resolved the first time you contacted us?";
- observed: of the tickets solved in the period, the share that were never reopened and after which the same
  contact opened no new ticket in the same category within FCR_WINDOW_DAYS (7) of solving.
"""

from datetime import datetime, timedelta

from django.conf import settings

from wowdesk.surveys.models import Survey
from wowdesk.tickets.models import Ticket

from . import metrics


def fcr_window() -> timedelta:
    return timedelta(days=settings.FCR_WINDOW_DAYS)


def observed_fcr(solved: list[tuple]) -> float | None:
    """`solved`: (pk, contact_id, category_id, solved_at, reopen_count) of the tickets solved in a period."""
    if not solved:
        return None
    window = fcr_window()
    contacts = {row[1] for row in solved}
    later = {}
    for pk, contact_id, category_id, created_at in Ticket.objects.filter(contact_id__in=contacts).values_list(
        "pk", "contact_id", "category_id", "created_at"
    ):
        later.setdefault((contact_id, category_id), []).append((pk, created_at))
    first_time = 0
    for pk, contact_id, category_id, solved_at, reopens in solved:
        again = any(
            other != pk and solved_at < created <= solved_at + window
            for other, created in later.get((contact_id, category_id), [])
        )
        first_time += reopens == 0 and not again
    return round(first_time / len(solved), 3)


def summary(start: datetime, end: datetime, team_id: int | None = None, tickets=None) -> dict:
    """The numbers behind GET /api/v1/reports/summary, for tickets visible in `tickets` (default all)."""
    tickets = Ticket.objects.all() if tickets is None else tickets
    if team_id is not None:
        tickets = tickets.filter(team_id=team_id)
    created = tickets.filter(created_at__gte=start, created_at__lt=end)
    solved = list(
        tickets.filter(solved_at__gte=start, solved_at__lt=end).values_list(
            "pk", "contact_id", "category_id", "solved_at", "reopen_count", "created_at"
        )
    )
    first = [
        (f - c).total_seconds()
        for c, f in created.exclude(first_response_at=None).values_list("created_at", "first_response_at")
    ]
    resolution = [(row[3] - row[5]).total_seconds() for row in solved]
    surveys = Survey.objects.filter(ticket__in=tickets, answered_at__gte=start, answered_at__lt=end)
    answers = list(surveys.values_list("csat", "nps", "fcr"))
    return {
        "tickets": created.count(),
        "solved": len(solved),
        "first_response_median_s": metrics.median(first),
        "resolution_median_s": metrics.median(resolution),
        "fcr_observed": observed_fcr([row[:5] for row in solved]),
        "fcr_survey": metrics.share(f for _c, _n, f in answers if f is not None),
        "csat": metrics.csat(c for c, _n, _f in answers if c is not None),
        "nps": metrics.nps(n for _c, n, _f in answers if n is not None),
        "responses": len(answers),
    }
