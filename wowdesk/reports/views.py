"""The leads' dashboard: key figures, a weekly trend, a breakdown with spread, CSV export, drill-down."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wowdesk.accounts.models import Team
from wowdesk.followups.services import keeping
from wowdesk.hours import periods
from wowdesk.hours.business import BusinessHours
from wowdesk.spreadsheets import csv_response
from wowdesk.tickets.services import visible_tickets

from . import services

COLUMNS = [
    "name",
    "tickets",
    "solved",
    "reopen_rate",
    "first_response_median_s",
    "first_response_p90_s",
    "resolution_median_s",
    "resolution_p90_s",
    "csat",
    "nps",
    "responses",
    "sla_attainment",
]


def _period(request) -> tuple[date, date, datetime, datetime]:
    # The current time zone is the user's team's (accounts.middleware).
    p = periods.from_query(
        request.GET.get("from"), request.GET.get("to"), zone=timezone.get_current_timezone(), today=timezone.localdate()
    )
    return p.first, p.last, p.start, p.end


# A drill-down's CSV holds at most this many tickets (newest first).
CSV_MAX_ROWS = 50_000


def _readers_only(request) -> None:
    if not request.user.reads_reports:
        raise PermissionDenied


def _box(spread, scale) -> dict | None:
    """A box plot's geometry in % of the widest p90: whiskers p10-p90, box p25-p75, the median line."""
    if not spread or not scale:
        return None
    p10, p25, p50, p75, p90 = (round(100 * v / scale, 1) for v in spread)
    return {"left": p10, "whisker": p90 - p10, "box_left": p25, "box": p75 - p25, "median": p50}


DIMENSION_LABELS = {
    "team": _("team"),
    "agent": _("agent"),
    "channel": _("channel"),
    "category": _("category"),
    "language": _("language"),
}


def _axis(top: int) -> tuple[int, list[dict]]:
    """A chart's y-axis for values up to `top`: a round ceiling (1, 2, 2.5 or 5 times a power of ten) and
    evenly spaced whole-number ticks from 0 to it, each with its height in % of the ceiling."""
    magnitude = 10 ** max(len(str(max(int(top), 1))) - 1, 0)
    ceiling = next(int(m * magnitude) for m in (1, 2, 2.5, 5, 10) if m * magnitude >= max(top, 1))
    steps = next(n for n in (5, 4, 2, 1) if ceiling % n == 0)
    return ceiling, [{"value": ceiling * i // steps, "pct": round(100 * i / steps)} for i in range(steps + 1)]


def _team(request) -> Team | None:
    """The team the page is narrowed to (?team=ID), or None for all the lead may see."""
    value = request.GET.get("team", "")
    return Team.objects.filter(pk=int(value)).first() if value.isdigit() and len(value) < 12 else None


@login_required
def dashboard(request):
    _readers_only(request)
    first, last, start, end = _period(request)
    dimension = request.GET.get("by", "team")
    if dimension not in services.DIMENSIONS:
        dimension = "team"
    clock = request.GET.get("clock", "calendar")
    if clock not in services.CLOCKS:
        clock = "calendar"
    team = _team(request)
    tickets = visible_tickets(request.user)
    if team is not None:
        tickets = tickets.filter(team=team)
    rows = services.breakdown(start, end, dimension, tickets, clock)
    if request.GET.get("format") == "csv":
        return csv_response(
            f"wowdesk-{dimension}-{clock}-{first}-{last}.csv",
            [dimension, *COLUMNS[1:]],
            ([row[c] for c in COLUMNS] for row in rows),
        )
    scale = max((r["first_response_spread"][-1] for r in rows if r["first_response_spread"]), default=0)
    for row in rows:
        row["box"] = _box(row["first_response_spread"], scale)
    figures = services.figures(start, end, tickets, clock=clock, weekly=True)
    weeks = figures["weeks"]
    top, ticks = _axis(max([max(w["created"], w["solved"], w["backlog"]) for w in weeks] or [0]))
    for w in weeks:
        w["last_day"] = w["week"] + timedelta(days=6)
        for key in ("created", "solved", "backlog"):
            w[f"{key}_pct"] = round(100 * max(w[key], 0) / top, 1)
    context = {
        "figures": figures,
        "promises": keeping(start, end, tickets_qs=tickets),
        "rows": rows,
        "weeks": weeks,
        "ticks": ticks[::-1],
        "first": first,
        "last": last,
        "dimension": dimension,
        "dimensions": [(key, DIMENSION_LABELS[key]) for key in services.DIMENSIONS],
        "dimension_label": DIMENSION_LABELS[dimension],
        "clock": clock,
        "scale_h": round(scale / 3600, 1),
        "fcr_days": settings.FCR_WINDOW_DAYS,
        "teams": Team.objects.order_by("name"),
        "team": team,
        # Every link from the page keeps the period and the team.
        "team_param": f"&team={team.pk}" if team else "",
        "period": f"from={first:%Y-%m-%d}&to={last:%Y-%m-%d}" + (f"&team={team.pk}" if team else ""),
    }
    return render(request, "reports/dashboard.html", context)


# What each figure's ticket list is, as its heading and one line under it.
DRILLDOWNS = {
    "created": (_("Tickets created"), _("The tickets created in the period.")),
    "solved": (_("Tickets solved"), _("The tickets solved in the period.")),
    "backlog": (_("Open tickets now"), _("The tickets that are new, open or pending right now.")),
    "sla": (
        _("SLA breaches"),
        _(
            "The tickets created in the period that were answered after their answer-due time, "
            "or that are overdue now. Each of them is a breach of the first-response target."
        ),
    ),
    "reopened": (_("Reopened tickets"), _("The tickets created in the period that were reopened.")),
    "answered": (_("Tickets with a survey answer"), _("The tickets whose customer answered the survey in the period.")),
}


@login_required
def drilldown(request):
    """The tickets behind a figure: `metric` says which (created in the period by default), `by` and
    `value` narrow it to one row of the breakdown."""
    _readers_only(request)
    first, last, start, end = _period(request)
    metric = request.GET.get("metric", "created")
    if metric not in DRILLDOWNS:
        metric = "created"
    tickets = visible_tickets(request.user)
    if (team := _team(request)) is not None:
        tickets = tickets.filter(team=team)
    in_period = tickets.filter(created_at__gte=start, created_at__lt=end)
    tickets = {
        "created": in_period,
        "solved": tickets.filter(solved_at__gte=start, solved_at__lt=end),
        "backlog": tickets.filter(is_active=True),
        "sla": in_period.filter(Q(sla_breaches__gt=0) | Q(response_due_at__lt=timezone.now())),
        "reopened": in_period.filter(reopen_count__gt=0),
        "answered": tickets.filter(survey__answered_at__gte=start, survey__answered_at__lt=end),
    }[metric]
    dimension = request.GET.get("by", "team")
    if dimension in services.DIMENSIONS and "value" in request.GET:
        key = services.DIMENSIONS[dimension][0]
        value = request.GET["value"]
        if value in ("", "None"):
            tickets = tickets.filter(**{f"{key}__isnull": True})
        elif key.endswith("_id") and not (value.isdigit() and len(value) < 19):
            # ?value=abc or a number past any id (the database cannot compare it): no such tickets, not an
            # error page.
            tickets = tickets.none()
        else:
            tickets = tickets.filter(**{key: value})
    tickets = tickets.select_related("contact", "assignee", "category", "team").order_by("-created_at")
    if request.GET.get("format") == "csv":
        return csv_response(
            f"wowdesk-tickets-{metric}-{first}-{last}.csv",
            [
                "number",
                "subject",
                "status",
                "team",
                "assignee",
                "category",
                "channel",
                "language",
                "created",
                "first_response_s",
                "resolution_s",
                "reopened",
            ],
            (
                [
                    t.number,
                    t.subject,
                    t.status,
                    t.team or "",
                    t.assignee or "",
                    t.category or "",
                    t.channel,
                    t.language,
                    t.created_at.isoformat(),
                    t.first_response_s,
                    t.resolution_s,
                    t.reopen_count,
                ]
                for t in tickets[:CSV_MAX_ROWS]
            ),
        )
    rows = list(tickets[:200])
    heading, explanation = DRILLDOWNS[metric]
    context = {
        "tickets": rows,
        "first": first,
        "last": last,
        "metric": metric,
        "heading": heading,
        "explanation": explanation,
        "total": tickets.count(),
    }
    return render(request, "reports/drilldown.html", context)


@login_required
def planning(request):
    """Workforce planning for leads: AHT and the agents needed per hour. Agents never see handling time."""
    _readers_only(request)
    teams = list(Team.objects.order_by("name"))
    team = next((t for t in teams if str(t.pk) == request.GET.get("team")), teams[0] if teams else None)
    tickets = visible_tickets(request.user)
    zone = timezone.get_current_timezone()
    target_s = 60 * BusinessHours.for_team(team).first_response_minutes  # no team: the default target
    if team is not None:
        tickets = tickets.filter(team=team)
        zone = ZoneInfo(team.time_zone)
    try:
        goal = min(max(int(request.GET.get("goal", 80)), 50), 99) / 100
    except ValueError:
        goal = 0.8
    plan = services.planning(tickets, zone=zone, now=timezone.now(), target_s=target_s, goal=goal)
    if request.GET.get("format") == "csv" and request.GET.get("table") == "aht":
        return csv_response(
            f"wowdesk-aht-{team.pk if team else 'all'}.csv",
            ["by", "name", "tickets", "aht_s", "median_s", "p90_s"],
            (
                [
                    by,
                    row["name"],
                    row["tickets"],
                    row["aht_s"],
                    (row["spread"] or [None] * 5)[2],
                    (row["spread"] or [None] * 5)[4],
                ]
                for by, rows in plan["by"].items()
                for row in rows
            ),
        )
    if request.GET.get("format") == "csv":
        return csv_response(
            f"wowdesk-planning-{team.pk if team else 'all'}.csv",
            ["weekday", "hour", "tickets_per_hour", "agents_needed"],
            ([row["day"], c["hour"], c["arrivals"], c["agents"]] for row in plan["grid"] for c in row["cells"]),
        )
    plan["by"] = [(DIMENSION_LABELS[name], rows) for name, rows in plan["by"].items()]
    context = {"plan": plan, "teams": teams, "team": team, "goal_pct": round(goal * 100)}
    return render(request, "reports/planning.html", context)
