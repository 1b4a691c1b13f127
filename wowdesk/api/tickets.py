"""/api/v1/tickets: list, create, read, update; the ticket's messages and events."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from pydantic import Field

from wowdesk.accounts.models import Team, User
from wowdesk.tickets import search
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Attachment, Category, Message, Ticket, TicketEvent
from wowdesk.workers import services as workers

from .auth import API_AUTH, require_scope
from .common import ERRORS, BadRequestField, IdempotencyKey, PageQuery, contact_out, idempotent, page, person
from .schemas import (
    Channel,
    ErrorOut,
    EventPage,
    Id,
    MessageIn,
    MessageOut,
    MessagePage,
    Moment,
    PathId,
    Text,
    TicketIn,
    TicketOut,
    TicketPage,
    TicketPatch,
)

router = Router(tags=["tickets"], auth=API_AUTH)


def ticket_out(t: Ticket, tags: list[str] | None = None) -> dict:
    return {
        "id": t.pk,
        "number": t.number,
        "subject": t.subject,
        "status": t.status,
        "priority": t.priority,
        "channel": t.channel,
        "language": t.language,
        "team": t.team_id,
        "category": t.category_id,
        "assignee": person(t.assignee),
        "contact": contact_out(t.contact),
        "tags": [x.name for x in t.tags.all()] if tags is None else tags,
        "reopen_count": t.reopen_count,
        "created_at": t.created_at,
        "updated_at": t.updated_at,
        "first_response_at": t.first_response_at,
        "solved_at": t.solved_at,
        "closed_at": t.closed_at,
        "response_due_at": t.response_due_at,
    }


def message_out(m: Message) -> dict:
    return {
        "id": m.pk,
        "kind": m.kind,
        "author": person(m.author),
        "contact_id": m.contact_id,
        "body_text": m.body_text,
        "body_html": m.body_html,
        "created_at": m.created_at,
        "delivery": m.delivery,
        "attachments": [
            {"id": a.pk, "filename": a.filename, "size": a.size, "content_type": a.content_type}
            for a in m.attachments.all()
        ],
    }


def _tickets(request):
    return tickets.visible_tickets(request.user).select_related("assignee", "contact").prefetch_related("tags")


def _ticket(request, ticket_id: PathId) -> Ticket:
    return get_object_or_404(_tickets(request), pk=ticket_id)


def _reference(model, pk, field: str, where: str = "body"):
    if pk is None:
        return None
    found = model.objects.filter(pk=pk).first()
    if found is None:
        raise BadRequestField(field, f"no {model._meta.verbose_name} with id {pk}", where)
    return found


class TicketFilters(Schema):
    status: Text | None = Field(None, description="one or more statuses, comma-separated", max_length=100)
    team: Id | None = None
    assignee: str | None = Field(None, description="a user id, 'me' or 'none'", pattern=r"^(me|none|[1-9][0-9]{0,17})$")
    category: Id | None = None
    channel: Channel | None = None
    updated_since: Moment | None = None
    q: Text | None = Field(None, description="full-text search in subjects and messages", max_length=1000)
    cursor: Text | None = Field(None, max_length=100)
    limit: int = Field(50, ge=1, le=100)


@router.get("/tickets", response={200: TicketPage, **ERRORS}, summary="List tickets")
def list_tickets(request, filters: Query[TicketFilters]):
    """Tickets you may see, oldest first, `limit` (at most 100) at a time; follow `next_cursor`."""
    require_scope(request, "read")
    qs = _tickets(request)
    if filters.status:
        wanted = [s.strip() for s in filters.status.split(",")]
        if not set(wanted) <= set(Ticket.Status.values):
            raise BadRequestField("status", f"statuses are {', '.join(Ticket.Status.values)}")
        qs = qs.filter(status__in=wanted)
    if filters.team is not None:
        qs = qs.filter(team_id=filters.team)
    if filters.assignee == "me":
        qs = qs.filter(assignee=request.user)
    elif filters.assignee == "none":
        qs = qs.filter(assignee__isnull=True)
    elif filters.assignee:
        qs = qs.filter(assignee_id=int(filters.assignee))
    if filters.category is not None:
        qs = qs.filter(category_id=filters.category)
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    if filters.updated_since:
        qs = qs.filter(updated_at__gte=filters.updated_since)
    if filters.q:
        qs = search.filter_matching(qs, filters.q)
    return page(qs, filters.cursor, filters.limit, ticket_out)


@router.post("/tickets", response={201: TicketOut, 200: TicketOut, **ERRORS, 503: ErrorOut}, summary="Create a ticket")
def create_ticket(request, payload: TicketIn, idempotency_key: str | None = IdempotencyKey):
    """A new ticket with the customer's first message; an unknown e-mail address creates the contact.
    Send an `Idempotency-Key` header to make retries safe."""
    require_scope(request, "write")

    def compute():
        # Inside compute: a retry whose key was already answered gets its answer, whatever the backlog.
        workers.admit_intake()
        team = _reference(Team, payload.team, "team")
        category = _reference(Category, payload.category, "category")
        ticket = tickets.open_ticket(
            email=payload.contact.email,
            name=payload.contact.name,
            language=payload.language or "",
            contact_language=payload.contact.language or "",
            subject=payload.subject,
            body=payload.message,
            channel=payload.channel,
            team=team,
            category=category,
            priority=payload.priority or Ticket.Priority.NORMAL,
        )
        # Answered from what was just written (no read-back): routing runs after the commit, so a new ticket
        # has no assignee or tags yet. Returned even when it went to a team the caller cannot see.
        return 201, ticket_out(ticket, tags=[])

    return Status(*idempotent(request, compute))


@router.get("/tickets/{ticket_id}", response={200: TicketOut, **ERRORS}, summary="Read a ticket")
def read_ticket(request, ticket_id: PathId):
    require_scope(request, "read")
    return ticket_out(_ticket(request, ticket_id))


@router.patch("/tickets/{ticket_id}", response={200: TicketOut, **ERRORS}, summary="Change a ticket")
def update_ticket(request, ticket_id: PathId, payload: TicketPatch):
    """Change status, assignee, category, priority or tags; fields left out stay as they are."""
    require_scope(request, "write")
    ticket = _ticket(request, ticket_id)
    given = payload.model_fields_set
    changes = {}
    if "status" in given:
        changes["status"] = payload.status
    if "priority" in given:
        changes["priority"] = payload.priority
    if "assignee" in given:
        changes["assignee"] = _reference(User, payload.assignee, "assignee")
    if "category" in given:
        changes["category"] = _reference(Category, payload.category, "category")
    if "tags" in given:
        changes["tags"] = payload.tags or []
    # Answered from the changed ticket, not read again: handing it to someone else may take it out of
    # what the caller can see, and the change was still made.
    return ticket_out(tickets.update_ticket(ticket, request.user, **changes))


@router.get("/tickets/{ticket_id}/messages", response={200: MessagePage, **ERRORS}, summary="A ticket's messages")
def list_messages(request, ticket_id: PathId, query: Query[PageQuery]):
    require_scope(request, "read")
    ticket = _ticket(request, ticket_id)
    messages = ticket.messages.select_related("author").prefetch_related(
        Prefetch("attachments", queryset=Attachment.objects.order_by("pk"))
    )
    return page(messages, query.cursor, query.limit, message_out)


@router.post(
    "/tickets/{ticket_id}/messages",
    response={201: MessageOut, 200: MessageOut, **ERRORS},
    summary="Add a reply, an internal note or a customer message",
)
def add_message(request, ticket_id: PathId, payload: MessageIn, idempotency_key: str | None = IdempotencyKey):
    """`reply` goes to the customer by e-mail (and sets `status`, default pending); `note` stays internal;
    `inbound` records a message from the customer (e.g. from a phone system)."""
    require_scope(request, "write")
    ticket = _ticket(request, ticket_id)

    def compute():
        if payload.kind == "reply":
            message = tickets.reply(ticket, author=request.user, body=payload.body, status=payload.status)
        elif payload.kind == "note":
            message = tickets.add_note(ticket, author=request.user, body=payload.body)
        else:
            tickets.ensure_can_work(request.user, ticket)
            message = tickets.add_inbound_message(ticket, body=payload.body)
        return 201, message_out(Message.objects.select_related("author").get(pk=message.pk))

    return Status(*idempotent(request, compute))


@router.get("/tickets/{ticket_id}/events", response={200: EventPage, **ERRORS}, summary="A ticket's audit trail")
def list_events(request, ticket_id: PathId, query: Query[PageQuery]):
    require_scope(request, "read")
    ticket = _ticket(request, ticket_id)
    return page(
        TicketEvent.objects.filter(ticket=ticket).select_related("actor"),
        query.cursor,
        query.limit,
        lambda e: {
            "id": e.pk,
            "kind": e.kind,
            "actor": person(e.actor),
            "old_value": e.old_value,
            "new_value": e.new_value,
            "created_at": e.created_at,
        },
    )
