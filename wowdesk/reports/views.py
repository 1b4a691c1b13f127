"""The leads' dashboard: key figures, a weekly trend, a breakdown with spread, CSV export, drill-down."""

import csv
from datetime import date, datetime, time, timedelta

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

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
]


def _period(request) -> tuple[date, date, datetime, datetime]:
    today = timezone.localdate()

    def parse(value, default):
        try:
            return date.fromisoformat(value) if value else default
        except ValueError:
            return default

    first = parse(request.GET.get("from"), today - timedelta(days=30))
    last = parse(request.GET.get("to"), today)
    first, last = min(first, last), max(first, last)
    zone = timezone.get_current_timezone()
    return (
        first,
        last,
        datetime.combine(first, time.min, zone),
        datetime.combine(last + timedelta(days=1), time.min, zone),
    )


@login_required
def dashboard(request):
    if not request.user.is_lead:
        raise PermissionDenied
    first, last, start, end = _period(request)
    dimension = request.GET.get("by", "team")
    if dimension not in services.DIMENSIONS:
        dimension = "team"
    tickets = visible_tickets(request.user)
    rows = services.breakdown(start, end, dimension, tickets)
    if request.GET.get("format") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="wowdesk-{dimension}-{first}-{last}.csv"'
        writer = csv.writer(response)
        writer.writerow([dimension, *COLUMNS[1:]])
        for row in rows:
            writer.writerow([row[c] if row[c] is not None else "" for c in COLUMNS])
        return response
    weeks = services.weekly(start, end, tickets)
    top = max([w["created"] for w in weeks] or [1]) or 1
    for w in weeks:
        w["created_pct"], w["solved_pct"] = round(100 * w["created"] / top), round(100 * w["solved"] / top)
    context = {
        "summary": services.summary(start, end, tickets=tickets),
        "rows": rows,
        "weeks": weeks,
        "first": first,
        "last": last,
        "dimension": dimension,
        "dimensions": list(services.DIMENSIONS),
    }
    return render(request, "reports/dashboard.html", context)


@login_required
def drilldown(request):
    """The tickets behind a figure: created in the period, with the breakdown's value."""
    if not request.user.is_lead:
        raise PermissionDenied
    first, last, start, end = _period(request)
    dimension = request.GET.get("by", "team")
    tickets = visible_tickets(request.user).filter(created_at__gte=start, created_at__lt=end)
    if dimension in services.DIMENSIONS and "value" in request.GET:
        key = services.DIMENSIONS[dimension][0]
        value = request.GET["value"]
        tickets = tickets.filter(**({f"{key}__isnull": True} if value in ("", "None") else {key: value}))
    rows = list(tickets.select_related("contact", "assignee", "category").order_by("-created_at")[:200])
    return render(request, "reports/drilldown.html", {"tickets": rows, "first": first, "last": last})
