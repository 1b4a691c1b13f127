"""Read-only figures over tickets and surveys (reports imports the apps below it; only urls and the API's
/reports endpoints import reports).

Everything is aggregated by the database (counts, and percentiles through aggregates.Percentiles) over
columns the ticket services keep as things happen (durations in calendar and business seconds, SLA
breaches, handling time), so a view costs a handful of queries at a million tickets.

Definitions (docs/measurement.md):
- First response time: creation to first reply, for tickets created in the period.
- Resolution time: creation to (last) solving; the key figures take tickets solved in the period, the
  breakdown the tickets created in the period.
- SLA attainment: of the tickets created in the period whose answer fell due or was given, the share that
  never had an answer later than the SLA clock allowed (and is not overdue now).
- Backlog: tickets not solved (new, open, pending) at a moment.
- FCR answered: share of "yes" to "Was your matter resolved the first time you contacted us?".
- FCR observed: of the tickets solved in the period, the share never reopened and after which the same
  contact opened no new ticket in the same category within FCR_WINDOW_DAYS (7) of solving.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.db.models import Avg, Count, Exists, OuterRef, Q, QuerySet, Value
from django.db.models.functions import Coalesce, Extract
from django.utils import timezone

from wowdesk.accounts.services import agent_hours
from wowdesk.chat.models import Chat
from wowdesk.followups.services import keeping
from wowdesk.surveys.models import Survey
from wowdesk.tickets.models import Category, Ticket

from . import staffing
from .aggregates import MEDIAN, P90, Percentiles


def fcr_window() -> timedelta:
    return timedelta(days=settings.FCR_WINDOW_DAYS)


def first_time_resolved(solved: QuerySet, start: datetime, end: datetime) -> int:
    """How many of `solved` (tickets solved between start and end) were never reopened and not followed by
    a new ticket from the same contact in the same category (no category counts as one) within the FCR
    window. The constant bounds on the later tickets and the NOT EXISTS in WHERE (not inside an aggregate)
    let PostgreSQL answer with one hash anti-join instead of an index probe per solved ticket."""
    window = fcr_window()
    repeat = (
        Ticket.objects.alias(same_category=Coalesce("category_id", Value(0)))
        .filter(
            contact_id=OuterRef("contact_id"),
            same_category=Coalesce(OuterRef("category_id"), Value(0)),
            created_at__gt=OuterRef("solved_at"),
            created_at__lte=OuterRef("solved_at") + window,
            created_at__gte=start,
            created_at__lt=end + window,
        )
        .exclude(pk=OuterRef("pk"))
    )
    return solved.filter(reopen_count=0).filter(~Exists(repeat)).count()


def _category_labels() -> dict:
    """Category names in the interface language, by id."""
    return {category.pk: category.label() for category in Category.objects.all()}


def _ratio(part, whole, digits=3) -> float | None:
    return round(part / whole, digits) if whole else None


def _pick(values, index):
    return values[index] if values else None


CLOCKS = ("calendar", "business")


def _duration(name: str, clock: str) -> str:
    """The column of a duration in calendar or business seconds."""
    return f"{name}_business_s" if clock == "business" else f"{name}_s"


def _created_aggregates(now: datetime) -> dict:
    """Counts over tickets created in a period (a cohort)."""
    overdue = Q(response_due_at__lt=now)
    return {
        "tickets": Count("pk"),
        "solved": Count("pk", filter=Q(solved_at__isnull=False)),
        "reopened": Count("pk", filter=Q(reopen_count__gt=0)),
        "sla_due": Count("pk", filter=Q(first_response_at__isnull=False) | overdue | Q(sla_breaches__gt=0)),
        "sla_missed": Count("pk", filter=overdue | Q(sla_breaches__gt=0)),
    }


SURVEY_AGGREGATES = {
    "responses": Count("pk"),
    "csat_n": Count("pk", filter=Q(csat__isnull=False)),
    "csat_ok": Count("pk", filter=Q(csat__gte=4)),
    "nps_n": Count("pk", filter=Q(nps__isnull=False)),
    "promoters": Count("pk", filter=Q(nps__gte=9)),
    "detractors": Count("pk", filter=Q(nps__lte=6)),
    "fcr_n": Count("pk", filter=Q(fcr__isnull=False)),
    "fcr_yes": Count("pk", filter=Q(fcr=True)),
}


def _survey_figures(row: dict) -> dict:
    nps_n = row.get("nps_n", 0)
    return {
        "csat": _ratio(row.get("csat_ok", 0), row.get("csat_n", 0)),
        "nps": round(100 * (row["promoters"] - row["detractors"]) / nps_n, 1) if nps_n else None,
        "fcr_survey": _ratio(row.get("fcr_yes", 0), row.get("fcr_n", 0)),
        "responses": row.get("responses", 0),
    }


def _scoped(tickets: QuerySet | None, team_id: int | None) -> QuerySet:
    tickets = Ticket.objects.all() if tickets is None else tickets
    return tickets if team_id is None else tickets.filter(team_id=team_id)


def _surveys_of(tickets: QuerySet) -> QuerySet:
    """Surveys of the given tickets; with every ticket (a lead's view) no `IN (all tickets)` is needed."""
    return Survey.objects.filter(ticket__in=tickets) if tickets.query.where else Survey.objects.all()


def figures(
    start: datetime,
    end: datetime,
    tickets: QuerySet | None = None,
    team_id: int | None = None,
    clock: str = "calendar",
    weekly: bool = False,
) -> dict:
    """The key figures of a period, with times in calendar or business seconds (`clock`), and with `weekly`
    the tickets created and solved and the backlog per week (`weeks`). A fixed number of queries whatever
    the number of tickets; each set of tickets (created in the period, solved in it) is read once."""
    now = timezone.now()
    tickets = _scoped(tickets, team_id)
    starts = week_starts(start, end) if weekly else []
    created = tickets.filter(created_at__gte=start, created_at__lt=end).aggregate(
        **_created_aggregates(now),
        first=Percentiles(_duration("first_response", clock)),
        **_per_week("created_at", starts, end),
    )
    solved_in_period = tickets.filter(solved_at__gte=start, solved_at__lt=end)
    solved = solved_in_period.aggregate(
        solved=Count("pk"),
        resolution=Percentiles(_duration("resolution", clock)),
        **_per_week("solved_at", starts, end),
    )
    answers = _surveys_of(tickets).filter(answered_at__gte=start, answered_at__lt=end).aggregate(**SURVEY_AGGREGATES)
    backlog = tickets.filter(is_active=True).count()
    chats = Chat.objects.filter(ticket__in=tickets, started_at__gte=start, started_at__lt=end).aggregate(
        chats=Count("pk"),
        missed=Count("pk", filter=Q(status=Chat.Status.ENDED, answered_at=None)),
        answered=Count("pk", filter=Q(answered_at__isnull=False)),
        wait=Percentiles("wait_s"),
    )
    hours_available = agent_hours(start, end, team_id, now) if chats["chats"] else 0
    result = {
        "tickets": created["tickets"],
        "solved": solved["solved"],
        "first_response_median_s": _pick(created["first"], MEDIAN),
        "first_response_p90_s": _pick(created["first"], P90),
        "resolution_median_s": _pick(solved["resolution"], MEDIAN),
        "resolution_p90_s": _pick(solved["resolution"], P90),
        "sla_attainment": _ratio(created["sla_due"] - created["sla_missed"], created["sla_due"]),
        "sla_missed": created["sla_missed"],
        "reopen_rate": _ratio(created["reopened"], created["tickets"]),
        "backlog": backlog,
        "fcr_observed": _ratio(first_time_resolved(solved_in_period, start, end), solved["solved"])
        if solved["solved"]
        else None,
        **_survey_figures(answers),
        # Chats started in the period: the wait is from the request to the first agent's message; a missed
        # chat ended (the customer left, or it went silent) before any agent answered.
        "chats": chats["chats"],
        "missed_chats": chats["missed"],
        "chat_wait_median_s": _pick(chats["wait"], MEDIAN),
        "chat_wait_p90_s": _pick(chats["wait"], P90),
        # Chats answered per hour agents were available (accounts.PresencePeriod), the team's agents with a
        # team chosen.
        "chats_per_agent_hour": round(chats["answered"] / hours_available, 2) if hours_available > 0.01 else None,
        "agent_hours": round(hours_available, 1),
    }
    if weekly:
        # The backlog at the period's end, from today's: tickets made since came in, those solved since left.
        at_end = backlog - tickets.filter(created_at__gte=end).count() + tickets.filter(solved_at__gte=end).count()
        result["weeks"] = _weeks(starts, created, solved, at_end)
    return result


SUMMARY_KEYS = [
    "tickets",
    "solved",
    "first_response_median_s",
    "resolution_median_s",
    "fcr_observed",
    "fcr_survey",
    "csat",
    "nps",
    "responses",
    "chats",
    "missed_chats",
    "chat_wait_median_s",
    "chats_per_agent_hour",
]


def summary(start: datetime, end: datetime, team_id: int | None = None, tickets: QuerySet | None = None) -> dict:
    """The numbers behind GET /api/v1/reports/summary, for tickets visible in `tickets` (default all), with
    promise-keeping: promises that fell due in the period (settled: kept or broken) and those kept on time."""
    all_figures = figures(start, end, tickets, team_id)
    promises = keeping(start, end, team=team_id, tickets_qs=tickets)
    return {key: all_figures[key] for key in SUMMARY_KEYS} | {
        "promises_due": promises["promises_due"],
        "promises_kept": promises["promises_kept"],
    }


DIMENSIONS = {
    "team": ("team_id", "team__name"),
    "agent": ("assignee_id", "assignee__name"),
    "channel": ("channel", "channel"),
    "category": ("category_id", "category__name"),
    "language": ("language", "language"),
}
SURVEY_KEY = {
    "agent": "agent_id",
    "team": "ticket__team_id",
    "channel": "ticket__channel",
    "category": "ticket__category_id",
    "language": "ticket__language",
}


def breakdown(start: datetime, end: datetime, dimension: str, tickets: QuerySet, clock: str = "calendar") -> list:
    """Key figures per team, agent, channel, category or language for the tickets created in the period
    (survey figures: the answers given in the period, as in the key figures), with the spread of response
    and resolution times (p10, p25, median, p75, p90) in calendar or business time (`clock`), so the
    variation between agents shows and not just an average."""
    key, label = DIMENSIONS[dimension]
    created = tickets.filter(created_at__gte=start, created_at__lt=end)
    groups = (
        created.values(key, label)
        .annotate(
            **_created_aggregates(timezone.now()),
            first=Percentiles(_duration("first_response", clock)),
            resolution=Percentiles(_duration("resolution", clock)),
        )
        .order_by()
    )
    answers = {
        row[SURVEY_KEY[dimension]]: row
        for row in _surveys_of(tickets)
        .filter(answered_at__gte=start, answered_at__lt=end)
        .values(SURVEY_KEY[dimension])
        .annotate(**SURVEY_AGGREGATES)
        .order_by()
    }
    rows = []
    labels = _category_labels() if dimension == "category" else {}
    for group in groups:
        value = group[key]
        first, resolution = group["first"], group["resolution"]
        survey = _survey_figures(answers.get(value, {"promoters": 0, "detractors": 0}))
        rows.append(
            {
                "key": value,
                "name": labels.get(value) or group[label] or "–",
                "tickets": group["tickets"],
                "solved": group["solved"],
                "reopen_rate": _ratio(group["reopened"], group["tickets"]),
                "sla_attainment": _ratio(group["sla_due"] - group["sla_missed"], group["sla_due"]),
                "first_response_median_s": _pick(first, MEDIAN),
                "first_response_p90_s": _pick(first, P90),
                "resolution_median_s": _pick(resolution, MEDIAN),
                "resolution_p90_s": _pick(resolution, P90),
                "csat": survey["csat"],
                "nps": survey["nps"],
                "responses": survey["responses"],
                "first_response_spread": first,
                "resolution_spread": resolution,
            }
        )
    return sorted(rows, key=lambda r: str(r["name"]))


def week_starts(start: datetime, end: datetime) -> list[datetime]:
    """The Mondays (00:00, current time zone) of the weeks from the one holding `start` up to `end`."""
    zone = timezone.get_current_timezone()
    local = start.astimezone(zone).date()
    monday = local - timedelta(days=local.weekday())
    starts = []
    while (moment := datetime.combine(monday, time.min, zone)) < end:
        starts.append(moment)
        monday += timedelta(weeks=1)
    return starts


def _per_week(field: str, starts: list[datetime], end: datetime) -> dict:
    """One count per week, computed in the same scan as the other figures of that set of tickets."""
    if not starts:
        return {}
    bounds = [*starts[1:], end]
    return {
        f"week_{i}": Count("pk", filter=Q(**{f"{field}__gte": a, f"{field}__lt": b}))
        for i, (a, b) in enumerate(zip(starts, bounds, strict=True))
    }


def _weeks(starts: list[datetime], created: dict, solved: dict, backlog_at_end: int) -> list[dict]:
    """Per week: tickets created, tickets solved, and the backlog (unsolved) at the week's end, walked back
    from the backlog at the period's end: backlog(week before) = backlog(week) - created + solved."""
    weeks, backlog = [], backlog_at_end
    for i in reversed(range(len(starts))):
        week = {"week": starts[i], "created": created[f"week_{i}"], "solved": solved[f"week_{i}"], "backlog": backlog}
        weeks.append(week)
        backlog += week["solved"] - week["created"]
    return weeks[::-1]


def planning(tickets: QuerySet, *, zone, now: datetime, weeks: int = 8, target_s: int = 4 * 3600, goal=0.8) -> dict:
    """For leads' workforce planning: average handling time (AHT), arrivals per weekday and hour over the
    last `weeks` weeks, and the agents each hour needs to answer `goal` of them within `target_s`."""
    since = now - timedelta(weeks=weeks)
    handled = tickets.filter(solved_at__gte=since, handling_s__gt=0)
    aht = handled.aggregate(n=Count("pk"), mean=Avg("handling_s"), spread=Percentiles("handling_s"))
    aht_s = aht["mean"] or 0
    by = {}
    categories = _category_labels()
    for name, field in (("category", "category_id"), ("channel", "channel")):
        label = (lambda v: Ticket.Channel(v).label) if name == "channel" else categories.get
        by[name] = [
            {
                "name": label(row[field]) if row[field] else "–",
                "tickets": row["n"],
                "aht_s": round(row["mean"]),
                "spread": row["spread"],
            }
            for row in handled.values(field)
            .annotate(n=Count("pk"), mean=Avg("handling_s"), spread=Percentiles("handling_s"))
            .order_by("-n")
        ]
    arrivals = {
        (day, hour): n
        for day, hour, n in tickets.filter(created_at__gte=since, created_at__lt=now)
        .annotate(
            day=Extract("created_at", "iso_week_day", tzinfo=zone), hour=Extract("created_at", "hour", tzinfo=zone)
        )
        .values_list("day", "hour")
        .annotate(n=Count("pk"))
        .order_by()
    }
    grid = []
    for day in range(1, 8):
        cells = []
        for hour in range(24):
            per_hour = arrivals.get((day, hour), 0) / weeks
            cells.append(
                {
                    "hour": hour,
                    "arrivals": round(per_hour, 1),
                    "agents": staffing.agents_needed(per_hour, aht_s, target_s, goal) if aht_s else None,
                }
            )
        grid.append({"day": day, "cells": cells})
    total = sum(arrivals.values())
    return {
        "weeks": weeks,
        "tickets_per_week": round(total / weeks, 1),
        "handled": aht["n"],
        "aht_s": round(aht_s) if aht["mean"] is not None else None,
        "aht_median_s": _pick(aht["spread"], MEDIAN),
        "aht_p90_s": _pick(aht["spread"], P90),
        "workload_hours_per_week": round(total / weeks * aht_s / 3600, 1),
        "grid": grid,
        "peak_agents": max((c["agents"] or 0 for row in grid for c in row["cells"]), default=0),
        "by": by,
        "target_s": target_s,
        "goal": goal,
    }
