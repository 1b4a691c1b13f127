"""Follow-ups in the agent UI: the ticket panel, the due list, callbacks, snooze, calls. Thin: see services."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Category, Ticket

from . import services
from .models import FollowUp


def _ticket(request, number: int) -> Ticket:
    try:
        return tickets.get_visible_ticket(request.user, number)
    except Ticket.DoesNotExist as exc:
        raise Http404 from exc


def _followup(request, pk: int) -> FollowUp:
    try:
        return services.get_visible(request.user, pk)
    except FollowUp.DoesNotExist as exc:
        raise Http404 from exc


def _zone(ticket: Ticket) -> ZoneInfo:
    return ZoneInfo(ticket.team.time_zone if ticket.team_id else settings.DEFAULT_TEAM_TIME_ZONE)


def _when(request, ticket: Ticket, field: str = "due") -> datetime:
    """The time chosen on a form: a quick pick, or a date and time in the team's zone."""
    pick = request.POST.get("pick", "")
    if pick:
        return services.quick_pick(pick, ticket.team)
    raw = request.POST.get(field, "").strip()
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise ValidationError({field: _("Choose a quick pick or a date and time.")}) from None
    return moment if timezone.is_aware(moment) else moment.replace(tzinfo=_zone(ticket))


def _fail(request, exc: ValidationError) -> None:
    messages.error(request, " ".join(exc.messages))


def _back(ticket: Ticket):
    return redirect("ticket", number=ticket.number)


@login_required
def panel(request, number: int):
    ticket = _ticket(request, number)
    context = {
        "ticket": ticket,
        "followups": services.ticket_panel(ticket),
        "picks": services.quick_picks(ticket.team),
        "outcomes": services.CALL_OUTCOMES.items(),
        "can_work": request.user.can_work_tickets,
        "zone": _zone(ticket),
    }
    return render(request, "followups/_panel.html", context)


@login_required
def proposals(request, number: int):
    """The promises in the reply being written, each ticked: created on send unless unticked."""
    ticket = _ticket(request, number)
    body = request.GET.get("body", "")[:20000]
    found = services.promises_in(ticket, body) if request.GET.get("kind", "reply") else []
    return render(request, "followups/_proposals.html", {"promises": found, "zone": _zone(ticket)})


@login_required
@require_POST
def create(request, number: int):
    ticket = _ticket(request, number)
    try:
        services.create(
            ticket=ticket, due=_when(request, ticket), text=request.POST.get("text", ""), actor=request.user
        )
        messages.success(request, _("Follow-up added."))
    except ValidationError as exc:
        _fail(request, exc)
    return _back(ticket)


@login_required
@require_POST
def snooze(request, number: int):
    ticket = _ticket(request, number)
    try:
        services.snooze(ticket, until=_when(request, ticket, "until"), actor=request.user)
        messages.success(request, _("Snoozed: the ticket comes back by itself."))
    except ValidationError as exc:
        _fail(request, exc)
    return _back(ticket)


@login_required
@require_POST
def log_call(request, number: int):
    ticket = _ticket(request, number)
    try:
        services.log_call(
            ticket, outcome=request.POST.get("outcome", ""), actor=request.user, text=request.POST.get("text", "")
        )
        messages.success(request, _("Call logged."))
    except ValidationError as exc:
        _fail(request, exc)
    return _back(ticket)


def _act(request, pk: int, action: str):
    followup = _followup(request, pk)
    try:
        if action == "done":
            services.done(followup, actor=request.user)
        elif action == "cancel":
            services.cancel(followup, actor=request.user)
        elif action == "cant":
            services.cant_make_it(followup, actor=request.user)
            messages.success(request, _("The customer has been told, and the follow-up moved."))
        elif action == "move":
            services.move(followup, due=_when(request, followup.ticket), actor=request.user)
    except ValidationError as exc:
        _fail(request, exc)
    if request.POST.get("next") == "list":
        return redirect("followups")
    return _back(followup.ticket)


@login_required
@require_POST
def followup_done(request, pk: int):
    return _act(request, pk, "done")


@login_required
@require_POST
def followup_cancel(request, pk: int):
    return _act(request, pk, "cancel")


@login_required
@require_POST
def followup_cant(request, pk: int):
    return _act(request, pk, "cant")


@login_required
@require_POST
def followup_move(request, pk: int):
    return _act(request, pk, "move")


def _sidebar(request, current: str) -> dict:
    categories = list(Category.objects.all())
    return {
        "counts": tickets.inbox_counts(request.user, categories=[c.pk for c in categories]),
        "categories": categories,
        "statuses": Ticket.Status.choices,
        "current": current,
    }


@login_required
def due_list(request):
    if not request.user.can_work_tickets and not request.user.is_lead:
        raise PermissionDenied
    view = request.GET.get("view", "due")
    if view not in ("due", "upcoming", "broken"):
        view = "due"
    scope = request.GET.get("scope", "team" if request.user.is_lead else "mine")
    if scope not in ("mine", "team"):
        scope = "mine"
    context = {
        **_sidebar(request, "followups:"),
        "title": _("Follow-ups"),
        "view": view,
        "scope": scope,
        "rows": services.due_list(request.user, view, scope),
        "fcounts": services.request_counts(request),
        "notifications": services.notifications(request.user),
        "now": timezone.now(),
    }
    services.mark_read(request.user)
    return render(request, "followups/due_list.html", context)


@login_required
def callback_list(request):
    context = {
        **_sidebar(request, "callbacks:"),
        "title": _("Callbacks"),
        "rows": list(services.callbacks(request.user)[:200]),
        "now": timezone.now(),
    }
    return render(request, "followups/callbacks.html", context)
