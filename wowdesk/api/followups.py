"""/api/v1/followups and /api/v1/callbacks."""

from datetime import datetime
from typing import Literal

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from pydantic import Field

from wowdesk.accounts.models import Team
from wowdesk.followups import services as followups
from wowdesk.followups.models import FollowUp
from wowdesk.tickets.models import Ticket
from wowdesk.tickets.services import visible_tickets

from .auth import API_AUTH, require_scope
from .common import BadRequestField, IdempotencyKey, idempotent, page
from .schemas import BodyId, Id, Moment, PathId, Text, TicketOut
from .tickets import ERRORS, _reference, _ticket, person, ticket_out

router = Router(tags=["follow-ups"], auth=API_AUTH)

States = Literal["open", "done", "broken", "cancelled"]


class PersonOut(Schema):
    id: int
    name: str


class FollowUpOut(Schema):
    id: int
    ticket: int = Field(description="the ticket's id")
    due: datetime
    state: States
    text: str
    owner: PersonOut | None = Field(description="null: the ticket's team keeps it")
    source: Literal["promise", "manual", "snooze", "callback"]


class FollowUpPage(Schema):
    items: list[FollowUpOut]
    next_cursor: str | None


class FollowUpFilters(Schema):
    ticket: Id | None = None
    state: States | None = None
    cursor: Text | None = Field(None, max_length=100)
    limit: int = Field(50, ge=1, le=100)


class FollowUpIn(Schema):
    ticket: BodyId
    due: Moment = Field(description="ISO 8601 with a time zone; must be in the future")
    text: Text = Field(min_length=1, max_length=500)


class CallbackIn(Schema):
    phone: Text = Field(max_length=40, description="Danish or Norwegian formats, or E.164")
    name: Text = Field("", max_length=200)
    email: Text = Field("", max_length=254)
    language: Literal["da", "nb", "en"] | None = None
    window_start: Moment | None = None
    window_end: Moment | None = None
    team: BodyId | None = None


def followup_out(f: FollowUp) -> dict:
    return {
        "id": f.pk,
        "ticket": f.ticket_id,
        "due": f.due,
        "state": f.state,
        "text": f.text,
        "owner": person(f.owner),
        "source": f.source,
    }


def _named(exc: ValidationError) -> BadRequestField:
    """A rule broken by one field, answered as a 422 naming it (e.g. a due time in the past)."""
    field, messages = next(iter(exc.message_dict.items())) if hasattr(exc, "error_dict") else ("body", exc.messages)
    return BadRequestField(field, " ".join(messages), "body")


def _visible(request):
    return FollowUp.objects.filter(ticket__in=visible_tickets(request.user).values("pk")).select_related("owner")


@router.get("/followups", response={200: FollowUpPage, **ERRORS}, summary="List follow-ups")
def list_followups(request, filters: Query[FollowUpFilters]):
    """Follow-ups on tickets you may see, oldest first; filter by `ticket` (its id) and `state`."""
    require_scope(request, "read")
    rows = _visible(request)
    if filters.ticket is not None:
        rows = rows.filter(ticket_id=filters.ticket)
    if filters.state:
        rows = rows.filter(state=filters.state)
    return page(rows, filters.cursor, filters.limit, followup_out)


@router.post("/followups", response={201: FollowUpOut, 200: FollowUpOut, **ERRORS}, summary="Add a follow-up")
def create_followup(request, payload: FollowUpIn, idempotency_key: str | None = IdempotencyKey):
    """A follow-up by hand on a ticket; a due time in the past is refused (422 naming `due`)."""
    require_scope(request, "write")
    try:
        ticket = _ticket(request, payload.ticket)
    except Http404 as exc:
        raise BadRequestField("ticket", f"no ticket with id {payload.ticket} that you may see", "body") from exc

    def compute():
        try:
            followup = followups.create(ticket=ticket, due=payload.due, text=payload.text, actor=request.user)
        except ValidationError as exc:
            raise _named(exc) from exc
        return 201, followup_out(followup)

    return Status(*idempotent(request, compute))


@router.post("/followups/{followup_id}/done", response={200: FollowUpOut, **ERRORS}, summary="Mark done")
def mark_done(request, followup_id: PathId, idempotency_key: str | None = IdempotencyKey):
    require_scope(request, "write")
    followup = get_object_or_404(_visible(request).select_related("ticket"), pk=followup_id)

    def compute():
        try:
            return 200, followup_out(followups.done(followup, actor=request.user))
        except ValidationError as exc:
            raise _named(exc) from exc

    return Status(*idempotent(request, compute))


@router.post("/callbacks", response={201: TicketOut, **ERRORS}, summary="Request a callback", auth=API_AUTH)
def request_callback(request, payload: CallbackIn, idempotency_key: str | None = IdempotencyKey):
    """A customer asks to be called back: a new ticket in the Callbacks view with its own follow-up, due at
    the window's start (default: the team's next opening). A phone number that cannot be read is a 422
    naming `phone`."""
    require_scope(request, "write")
    team = _reference(Team, payload.team, "team")

    def compute():
        try:
            ticket = followups.request_callback(
                phone=payload.phone,
                name=payload.name,
                email=payload.email,
                language=payload.language or "",
                window_start=payload.window_start,
                window_end=payload.window_end,
                team=team,
                channel=Ticket.Channel.API,
            )
        except ValidationError as exc:
            raise _named(exc) from exc
        return 201, ticket_out(Ticket.objects.select_related("assignee", "contact").get(pk=ticket.pk), tags=[])

    return Status(*idempotent(request, compute))
