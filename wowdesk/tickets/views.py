"""Agent UI: inbox views, search, the ticket page and its actions. Thin: the rules live in services."""

import math
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from . import search, services
from .forms import ComposerForm, PropertiesForm, properties_form
from .models import Attachment, Category, Message, Ticket
from .shortcuts import visible_ticket_or_404

PAGE_SIZE = 50
# The last page number a long view ("more than 1000") is asked for as it is: past it, the last page.
MAX_PAGE = 100_000


def _page_number(request) -> int:
    try:
        return max(1, int(request.GET.get("page", "1")))
    except ValueError:
        return 1


def _sidebar(request, current: str) -> dict:
    categories = list(Category.objects.all())
    return {
        "counts": services.inbox_counts(request.user, categories=[c.pk for c in categories]),
        "categories": categories,
        "statuses": Ticket.Status.choices,
        "current": current,
    }


def _listing(tickets):
    return (
        tickets.select_related("contact", "assignee", "category")
        .prefetch_related("tags")
        .order_by("-updated_at", "-pk")
    )


@login_required
def inbox(request, view: str = "open", status: str | None = None, category_id: int | None = None):
    if view not in (*services.INBOX_VIEWS, "status", "category") or (
        view == "status" and status not in Ticket.Status.values
    ):
        raise Http404
    sidebar = _sidebar(request, f"{view}:{status or category_id or ''}")
    counts = sidebar["counts"]
    if view == "status":
        total, title = counts["by_status"][status], Ticket.Status(status).label
    elif view == "category":
        category = next((c for c in sidebar["categories"] if c.pk == category_id), None)
        if category is None:
            raise Http404
        total, title = counts["by_category"].get(category_id, 0), category.label()
    else:
        total = counts[view]
        title = {
            "mine": _("Mine"),
            "unassigned": _("Unassigned"),
            "open": _("All open"),
            "all": _("All"),
            "snoozed": _("Snoozed"),
        }[view]
    # Past COUNT_UP_TO the count stops ("more than 1000", services.inbox_counts) and the page after this one is
    # found by reading one more row.
    more = total > services.COUNT_UP_TO
    page = _page_number(request)
    # A page past the end (?page=99999999999999999999) shows the last one: the database cannot skip that many.
    page = min(page, MAX_PAGE) if more else min(page, max(1, -(-total // PAGE_SIZE)))

    def rows_of(page: int) -> list[Ticket]:
        return services.inbox_page(
            request.user,
            view,
            status=status,
            category_id=category_id,
            offset=(page - 1) * PAGE_SIZE,
            limit=PAGE_SIZE + 1 if more else PAGE_SIZE,
        )

    rows = rows_of(page)
    if more and not rows and page > 1:
        # Past the end of a long view (only by editing the address): its last page, counted exactly.
        exact = services.inbox_queryset(request.user, view, status=status, category_id=category_id).count()
        page = max(1, -(-exact // PAGE_SIZE))
        rows = rows_of(page)
    offset = (page - 1) * PAGE_SIZE
    context = {
        **sidebar,
        "title": title,
        "tickets": rows[:PAGE_SIZE],
        "total": services.COUNT_UP_TO if more else total,
        "more": more,
        "page": page,
        "has_previous": page > 1,
        "has_next": len(rows) > PAGE_SIZE if more else offset + PAGE_SIZE < total,
    }
    if request.GET.get("live") == "1":  # the live inbox asks again after a change (tickets/inbox.js)
        return render(request, "tickets/_inbox_live.html", context)
    return render(request, "tickets/inbox.html", context)


@login_required
def search_view(request):
    query = request.GET.get("q", "").strip()
    tickets = services.visible_tickets(request.user)
    number = query.lstrip("#")
    if number.isdigit() and len(number) < 10:
        # A ticket number goes straight to that ticket.
        found = tickets.filter(number=int(number)).values_list("number", flat=True).first()
        if found:
            return redirect("ticket", number=found)
    page = _page_number(request)
    offset = (page - 1) * PAGE_SIZE
    found = (
        search.search_page(tickets, query, offset=offset, limit=PAGE_SIZE, listing=_listing)
        if query
        else search.Results([], 0, more=False, has_next=False)
    )
    context = {
        **_sidebar(request, "search"),
        "title": _("Search"),
        "query": query,
        "tickets": found.tickets,
        # Past COUNT_UP_TO hits the count stops: "more than 1000".
        "total": search.COUNT_UP_TO if found.more else found.total,
        "more": found.more,
        "page": page,
        "has_previous": page > 1,
        "has_next": found.has_next,
        "searching": True,
    }
    return render(request, "tickets/inbox.html", context)


UNDO_KEY = "undo_reply"


def _undo_offer(request, ticket: Ticket) -> dict | None:
    """The reply the agent just sent on this ticket, while it can still be undone: its id and seconds left."""
    offer = request.session.get(UNDO_KEY)
    if not offer or offer.get("ticket") != ticket.pk:
        return None
    sent = Message.objects.filter(pk=offer["message"], author=request.user).values_list("created_at", flat=True).first()
    left = sent and (sent + timedelta(seconds=settings.REPLY_UNDO_SECONDS) - timezone.now()).total_seconds()
    if not left or left <= 0:
        del request.session[UNDO_KEY]
        return None
    return {"message": offer["message"], "seconds": math.ceil(left)}


def _composer(request, ticket: Ticket) -> tuple[ComposerForm, object]:
    """The composer, holding the agent's draft for this ticket if there is one."""
    draft = services.draft_for(ticket, request.user)
    initial = {"body": draft.body, "kind": "note" if draft.kind == "note" else "reply"} if draft else {}
    return ComposerForm(initial=initial, hints_url=reverse("coaching_hints", args=[ticket.number])), draft


def _ticket_page(request, ticket: Ticket, composer: ComposerForm | None = None, status: int = 200):
    conversation = list(ticket.messages.select_related("author", "contact").prefetch_related("attachments"))
    draft = None
    if composer is None:
        composer, draft = _composer(request, ticket)
    other_tickets = (
        services.visible_tickets(request.user)
        .filter(contact=ticket.contact)
        .exclude(pk=ticket.pk)
        .select_related("category")
        .order_by("-created_at")[:20]
    )
    context = {
        "ticket": ticket,
        "conversation": conversation,
        "events": ticket.events.select_related("actor").order_by("-created_at")[:50],
        "other_tickets": other_tickets,
        "composer": composer,
        "draft": draft,
        "undo": _undo_offer(request, ticket),
        "last_message_id": max((m.pk for m in conversation), default=0),
        "properties": properties_form(ticket),
        "can_work": request.user.can_work_tickets,
    }
    return render(request, "tickets/ticket.html", context, status=status)


@login_required
def ticket_detail(request, number: int):
    return _ticket_page(request, visible_ticket_or_404(request, number))


@login_required
def message_fragment(request, number: int, pk: int):
    """One message as the ticket page shows it: the live page fetches a message it was told about."""
    ticket = visible_ticket_or_404(request, number)
    message = get_object_or_404(
        ticket.messages.select_related("author", "contact").prefetch_related("attachments"), pk=pk
    )
    return render(request, "tickets/_message.html", {"message": message})


@login_required
def properties_fragment(request, number: int):
    """The properties panel as it is now: the live page fetches it when a colleague changed the ticket."""
    ticket = visible_ticket_or_404(request, number)
    context = {"ticket": ticket, "properties": properties_form(ticket), "can_work": request.user.can_work_tickets}
    return render(request, "tickets/_properties.html", context)


@login_required
@require_POST
def post_message(request, number: int):
    ticket = visible_ticket_or_404(request, number)
    form = ComposerForm(request.POST, request.FILES, hints_url=reverse("coaching_hints", args=[ticket.number]))
    if not form.is_valid():
        return _ticket_page(request, ticket, composer=form, status=400)
    data = form.cleaned_data
    # The promises the composer proposed and those the agent left ticked (followups creates those).
    context = {
        "proposed_promises": request.POST.getlist("proposed_promise"),
        "kept_promises": request.POST.getlist("keep_promise"),
    }
    try:
        if data["kind"] == "note":
            services.add_note(
                ticket,
                author=request.user,
                body=data["body"],
                attachments=data["attachments"],
                handling_s=data["handling_s"],
                context=context,
            )
            messages.success(request, _("Note saved."))
        else:
            state = services.reply_state(ticket)
            message = services.reply(
                ticket,
                author=request.user,
                body=data["body"],
                status=data["status"],
                attachments=data["attachments"],
                handling_s=data["handling_s"],
                context=context,
            )
            # The ticket page offers an undo while the mail waits (see _undo_offer).
            request.session[UNDO_KEY] = {"message": message.pk, "ticket": ticket.pk, "state": state}
    except ValidationError as exc:
        form.add_error(None, exc)
        return _ticket_page(request, ticket, composer=form, status=400)
    return redirect("ticket", number=ticket.number)


@login_required
@require_POST
def undo_reply(request, number: int):
    ticket = visible_ticket_or_404(request, number)
    offer = request.session.get(UNDO_KEY) or {}
    try:
        message_id = int(request.POST.get("message", ""))
    except ValueError:
        raise Http404 from None
    state = offer.get("state") if offer.get("message") == message_id and offer.get("ticket") == ticket.pk else None
    try:
        services.withdraw_reply(message_id, author=request.user, state=state)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Reply undone: it was not sent. Its text is back in the box."))
    request.session.pop(UNDO_KEY, None)
    return redirect("ticket", number=ticket.number)


@login_required
@require_POST
def save_draft(request, number: int):
    """The composer's text as the agent types (app.js, debounced). 204: kept; 400: not allowed."""
    ticket = visible_ticket_or_404(request, number)
    try:
        seen = int(request.POST.get("seen", "0") or 0)
    except ValueError:
        seen = 0
    kind = Message.Kind.NOTE if request.POST.get("kind") == "note" else Message.Kind.OUTBOUND
    try:
        services.save_draft(
            ticket, agent=request.user, body=request.POST.get("body", ""), kind=kind, seen_message_id=seen
        )
    except ValidationError as exc:
        return HttpResponse(" ".join(exc.messages), status=400, content_type="text/plain; charset=utf-8")
    except PermissionDenied as exc:
        return HttpResponse(str(exc), status=403, content_type="text/plain; charset=utf-8")
    return HttpResponse(status=204)


@login_required
@require_POST
def update_properties(request, number: int):
    ticket = visible_ticket_or_404(request, number)
    form = PropertiesForm(request.POST)
    error = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.update_ticket(
                ticket,
                request.user,
                status=data["status"],
                assignee=data["assignee"],
                category=data["category"],
                priority=data["priority"],
                tags=services.parse_tags(data["tags"]),
            )
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = _("Check the fields marked below.")
    if error is None and not services.visible_tickets(request.user).filter(pk=ticket.pk).exists():
        # Handed to a colleague outside the user's teams: saved, and no longer theirs to see.
        messages.success(
            request,
            _("Saved. Ticket #%(number)s is now with %(assignee)s, outside your view.")
            % {"number": ticket.number, "assignee": ticket.assignee},
        )
        return HttpResponseClientRedirect(reverse("inbox")) if request.htmx else redirect("inbox")
    if request.htmx:
        ticket = services.get_visible_ticket(request.user, number)
        shown = properties_form(ticket) if form.is_valid() else form
        changed = request.POST.get("_changed", "")  # the field the agent changed (app.js): its error goes there
        context = {
            "ticket": ticket,
            "properties": shown,
            "error": error,
            "error_field": changed if error and changed in shown.fields else "",
            "saved": error is None,
            "can_work": request.user.can_work_tickets,
        }
        return render(request, "tickets/_properties.html", context, status=200 if error is None else 400)
    if error:
        messages.error(request, error)
    return redirect("ticket", number=number)


def _quick_update(request, number: int, **changes) -> HttpResponse:
    ticket = visible_ticket_or_404(request, number)
    try:
        services.update_ticket(ticket, request.user, **changes)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("ticket", number=number)


@login_required
@require_POST
def assign_to_me(request, number: int):
    return _quick_update(request, number, assignee=request.user)


@login_required
@require_POST
def solve(request, number: int):
    return _quick_update(request, number, status=Ticket.Status.SOLVED)


@login_required
def download_attachment(request, pk: int):
    attachment = get_object_or_404(Attachment.objects.select_related("message__ticket"), pk=pk)
    ticket = attachment.message.ticket
    if not services.visible_tickets(request.user).filter(pk=ticket.pk).exists():
        raise Http404
    # Always a download, never rendered inline: an uploaded HTML file must not run in our origin.
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.filename)
