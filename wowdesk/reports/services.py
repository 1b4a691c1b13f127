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


DIMENSIONS = {
    "team": ("team_id", "team__name"),
    "agent": ("assignee_id", "assignee__name"),
    "channel": ("channel", "channel"),
    "category": ("category_id", "category__name"),
    "language": ("language", "language"),
}


def breakdown(start: datetime, end: datetime, dimension: str, tickets) -> list[dict]:
    """Key figures per team, agent, channel, category or language for tickets created in the period.
    Times are calendar seconds; the spread (median and p90) shows variation, not just an average."""
    key, label = DIMENSIONS[dimension]
    rows: dict = {}
    created = tickets.filter(created_at__gte=start, created_at__lt=end)
    for value, name, reopens, c, f, s in created.values_list(
        key, label, "reopen_count", "created_at", "first_response_at", "solved_at"
    ):
        row = rows.setdefault(
            value,
            {
                "key": value,
                "name": name or "–",
                "tickets": 0,
                "solved": 0,
                "reopened": 0,
                "first": [],
                "resolution": [],
            },
        )
        row["tickets"] += 1
        row["reopened"] += reopens > 0
        if f:
            row["first"].append((f - c).total_seconds())
        if s:
            row["solved"] += 1
            row["resolution"].append((s - c).total_seconds())
    answers: dict = {}
    survey_key = {
        "agent": "agent_id",
        "team": "ticket__team_id",
        "channel": "ticket__channel",
        "category": "ticket__category_id",
        "language": "ticket__language",
    }[dimension]
    for value, csat, nps in Survey.objects.filter(ticket__in=created, answered_at__isnull=False).values_list(
        survey_key, "csat", "nps"
    ):
        answers.setdefault(value, []).append((csat, nps))
    out = []
    for value, row in rows.items():
        got = answers.get(value, [])
        out.append(
            {
                "key": row["key"],
                "name": row["name"],
                "tickets": row["tickets"],
                "solved": row["solved"],
                "reopen_rate": round(row["reopened"] / row["tickets"], 3) if row["tickets"] else None,
                "first_response_median_s": metrics.median(row["first"]),
                "first_response_p90_s": metrics.p90(row["first"]),
                "resolution_median_s": metrics.median(row["resolution"]),
                "resolution_p90_s": metrics.p90(row["resolution"]),
                "csat": metrics.csat(c for c, _ in got if c is not None),
                "nps": metrics.nps(n for _, n in got if n is not None),
                "responses": len(got),
            }
        )
    return sorted(out, key=lambda r: str(r["name"]))


def weekly(start: datetime, end: datetime, tickets) -> list[dict]:
    """Tickets created and solved per week, for the trend chart."""
    weeks: dict = {}
    for created_at, solved_at in tickets.filter(created_at__gte=start, created_at__lt=end).values_list(
        "created_at", "solved_at"
    ):
        day = created_at.date()
        week = day - timedelta(days=day.weekday())
        entry = weeks.setdefault(week, {"week": week, "created": 0, "solved": 0})
        entry["created"] += 1
        entry["solved"] += solved_at is not None
    return [weeks[w] for w in sorted(weeks)]
