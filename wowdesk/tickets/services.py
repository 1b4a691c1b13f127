"""Ticket use cases. Views, the API, mail ingestion and commands all go through these functions."""

from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime, timedelta

import nh3
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import connections, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from wowdesk import languages
from wowdesk.accounts.models import Team, User
from wowdesk.customers.models import Contact, Organization
from wowdesk.customers.services import get_or_create_contact
from wowdesk.db import CompiledQuery, capped_counts, capped_counts_sql, insert, insert_rows, merged_page, save_fields
from wowdesk.hours import sla
from wowdesk.process_cache import ProcessCache

from . import search
from .filenames import display_filename, storage_filename
from .models import Attachment, Category, Draft, Message, Tag, Ticket, TicketEvent
from .signals import message_added, reply_added, ticket_created, ticket_updated

Status = Ticket.Status


class TicketError(ValidationError):
    """A change the rules do not allow (e.g. reopening a closed ticket). The message is for people."""


# --- who may see and change what -------------------------------------------------------------------


def visible_tickets(user: User) -> QuerySet[Ticket]:
    """Every list of tickets starts here, so nobody reaches a ticket outside their teams (no IDOR).

    Admins, leads and reviewers see all teams. Agents see their teams' tickets, tickets not yet routed to
    a team (the shared queue) and anything assigned to them.
    """
    tickets = Ticket.objects.all()
    if not user.is_authenticated or not user.is_active:
        return tickets.none()
    if user.sees_all_teams:
        return tickets
    return tickets.filter(Q(team__isnull=True) | Q(team__in=user.teams.values("pk")) | Q(assignee=user))


@dataclass(frozen=True)
class VisibilityBranch:
    where: Q
    by_assignee: bool = False  # fixes the assignee (its index leads with it), not the team


def visibility_branches(user: User, *, team_ids: Iterable[int] | None = None) -> list[VisibilityBranch]:
    """What visible_tickets(user) lets through, cut into disjoint parts that each fix the leading column of
    an index: one part per team of the user, the tickets without a team, and those assigned to the user in
    other teams. Only ever applied on top of visible_tickets(user), never instead of it, so a part can only
    narrow what the gate lets through.

    Why: with the OR of visible_tickets a database cannot walk an index in order; SQLite without statistics
    gathered the row ids of every branch and sorted them all (an agent's inbox p50 318 ms at 100,000
    tickets, bench/inbox.py), PostgreSQL read the whole table for the counts. Each part alone is a range of
    an index (ticket_team_active, ticket_team_status, ticket_assignee_*). `team_ids`: the user's teams, when
    the caller has read them already."""
    if not user.is_authenticated or not user.is_active:
        return []
    if user.sees_all_teams:
        return [VisibilityBranch(Q())]
    team_ids = sorted(user.teams.values_list("pk", flat=True) if team_ids is None else team_ids)
    elsewhere = Q(assignee=user, team__isnull=False) & ~Q(team_id__in=team_ids)
    return [
        *(VisibilityBranch(Q(team_id=team_id)) for team_id in team_ids),
        VisibilityBranch(Q(team__isnull=True)),
        VisibilityBranch(elsewhere, by_assignee=True),
    ]


def visible_contacts(user: User) -> QuerySet[Contact]:
    """Every list or lookup of contacts starts here: customers are scoped like their tickets. A contact is
    visible when the user can see one of the contact's tickets, or when the contact has no ticket yet (just
    created, nobody's customer in particular). Anything else is answered as if it did not exist."""
    contacts = Contact.objects.all()
    if not user.is_authenticated or not user.is_active:
        return contacts.none()
    if user.sees_all_teams:
        return contacts
    return contacts.filter(
        Exists(visible_tickets(user).filter(contact=OuterRef("pk")))
        | ~Exists(Ticket.objects.filter(contact=OuterRef("pk")))
    )


def visible_organizations(user: User) -> QuerySet[Organization]:
    """Organisations scoped the same way: visible through one of their contacts' tickets, or with none yet."""
    organizations = Organization.objects.all()
    if not user.is_authenticated or not user.is_active:
        return organizations.none()
    if user.sees_all_teams:
        return organizations
    return organizations.filter(
        Exists(visible_tickets(user).filter(contact__organization=OuterRef("pk")))
        | ~Exists(Ticket.objects.filter(contact__organization=OuterRef("pk")))
    )


def get_visible_ticket(user: User, number: int) -> Ticket:
    """The ticket with this number if the user may see it; Ticket.DoesNotExist otherwise (a 404)."""
    return (
        visible_tickets(user).select_related("contact__organization", "assignee", "category", "team").get(number=number)
    )


def ensure_can_work(user: User, ticket: Ticket) -> None:
    if not user.can_work_tickets or not visible_tickets(user).filter(pk=ticket.pk).exists():
        raise PermissionDenied(_("You cannot change this ticket."))


def assignable_agents() -> QuerySet[User]:
    return User.objects.filter(is_active=True).exclude(role=User.Role.REVIEWER).order_by("name")


# Whether one user may be assigned tickets (assignable_agents' condition), asked at every assignment (routing's
# included): compiled once (wowdesk/db.py). Built by the ORM it was 7 % of the worker's CPU for a new ticket that
# gets an agent (bench/followup_cpu.py --capacity 30000 on PostgreSQL, bench/cpu_sampler.py).
_ASSIGNABLE = CompiledQuery(
    lambda agent: assignable_agents().filter(pk=agent).order_by().values_list("pk")[:1], agent=int
)


# Default teams by language, kept by each process for a few seconds: every new ticket without a team asks,
# and teams change seldom (a change here is seen by this process at once, by others within the seconds).
DEFAULT_TEAM_CACHE_SECONDS = 10
_DEFAULT_TEAMS = ProcessCache(DEFAULT_TEAM_CACHE_SECONDS)  # language -> Team or None


def default_team_for(language: str) -> Team | None:
    """Until routing rules exist, a new ticket goes to the team that speaks its language."""
    return _DEFAULT_TEAMS.get(
        language,
        lambda: Team.objects.filter(language=language).order_by("pk").first() or Team.objects.order_by("pk").first(),
    )


def forget_default_teams() -> None:
    _DEFAULT_TEAMS.clear()


# --- content ---------------------------------------------------------------------------------------


def sanitize_html(html: str) -> str:
    """HTML from outside (mail, API) is cleaned before it is stored, so it is safe to render as is."""
    return nh3.clean(html, link_rel="noopener noreferrer nofollow") if html else ""


def validate_attachments(files: Sequence[UploadedFile]) -> None:
    limit = settings.MAX_ATTACHMENT_BYTES
    for f in files:
        if f.size > limit:
            raise ValidationError(
                _("The file %(name)s is %(size)s MB; files can be at most %(limit)s MB.")
                % {"name": f.name, "size": round(f.size / 1024 / 1024, 1), "limit": round(limit / 1024 / 1024, 1)}
            )


def _store_attachments(message: Message, files: Iterable[UploadedFile]) -> None:
    for f in files:
        # The name shown is the sender's; the file on disk gets a safe name of its own (storage_filename).
        attachment = Attachment(
            message=message,
            filename=display_filename(getattr(f, "display_name", None) or f.name),
            content_type=(getattr(f, "content_type", "") or "").replace("\x00", "")[:120],
            size=f.size,
        )
        attachment.file.save(storage_filename(attachment.filename), f, save=False)
        attachment.save()


# While replay writes history, or update_ticket makes its changes, audit entries are collected here and written
# together at the end.
_COLLECTED_EVENTS: ContextVar[list | None] = ContextVar("collected_events", default=None)


def record_event(ticket: Ticket, kind: str, actor: User | None = None, old="", new="", at=None) -> None:
    """One entry in the ticket's audit trail. The only writer of TicketEvent: other apps call this."""
    event = TicketEvent(
        ticket=ticket,
        actor=actor,
        kind=kind,
        old_value=str(old or "")[:250],
        new_value=str(new or "")[:250],
        created_at=at or timezone.now(),
    )
    collected = _COLLECTED_EVENTS.get()
    if collected is None:
        insert(event)
    else:
        collected.append(event)


def mark_delivery(
    message: Message | int,
    *,
    delivery: str | None = None,
    error: str | None = None,
    email_message_id: str | None = None,
) -> None:
    """How the mail of an agent's reply is doing (queued, outbox, sent, failed) and why, as the sending app
    reports it: the only writer of a Message's delivery fields. What is left out (None) stays as it is."""
    values = {}
    if delivery is not None:
        values["delivery"] = delivery
    if error is not None:
        values["delivery_error"] = error[:500]
    if email_message_id is not None:
        values["email_message_id"] = email_message_id
    if isinstance(message, Message):
        for name, value in values.items():
            setattr(message, name, value)
        message.save(update_fields=list(values))
    else:
        Message.objects.filter(pk=message).update(**values)


def _touch(ticket: Ticket, now, *fields: str) -> None:
    ticket.updated_at = now
    save_fields(ticket, ["updated_at", *fields])  # save(update_fields=...), compiled once (wowdesk/db.py)


# --- creating tickets and messages -----------------------------------------------------------------


@dataclass
class NewTicket:
    contact: Contact
    subject: str
    body: str
    channel: str = Ticket.Channel.WEB
    html: str = ""
    language: str = ""
    team: Team | None = None
    category: Category | None = None
    priority: str = Ticket.Priority.NORMAL
    # E-mail: the Message-ID it came with and what could not be read (see mail.parsing).
    email_message_id: str = ""
    flags: list | None = None


def customer(email: str, *, name: str = "", language: str = "") -> Contact:
    """The customer behind an address, the same way for every channel: found by any of their addresses, or
    created on first contact with this name and language. A known customer keeps their name and language;
    only empty ones are filled in."""
    contact, _created = get_or_create_contact(email, name=name, language=language)
    return contact


# One transaction for the new customer and their ticket: on SQLite each transaction takes the one write lock, and
# a new customer's contact was a transaction of its own before the ticket's (issue 20).
@transaction.atomic(savepoint=False)
def open_ticket(
    *,
    email: str = "",
    name: str = "",
    contact: Contact | None = None,
    language: str = "",
    contact_language: str = "",
    subject: str,
    body: str,
    channel: str,
    team: Team | None = None,
    category: Category | None = None,
    priority: str = Ticket.Priority.NORMAL,
    html: str = "",
    email_message_id: str = "",
    flags: list | None = None,
    attachments: Sequence[UploadedFile] = (),
    auto_reply: bool = True,
    now=None,
) -> Ticket:
    """A customer's first message on a new ticket, from any channel (mail, API, web form, chat): find or
    create the customer (or take `contact`, found already), then the ticket.

    One rule for the language of every channel: the one the customer chose for this conversation
    (`language`: the web form's, the chat's, the API's) comes first; then the customer's own (the contact's);
    then `contact_language`, what the channel knows of the customer (read from a mail's text, or the API's
    contact); then the team's; then languages.DEFAULT. A new customer is stored with `contact_language`, else
    `language`, in the ticket's transaction (a ticket that fails leaves no contact behind). Codes wowdesk does
    not speak count as not given."""
    language = language if language in languages.CODES else ""
    contact_language = contact_language if contact_language in languages.CODES else ""
    contact = contact or customer(email, name=name, language=contact_language or language)
    new = NewTicket(
        contact=contact,
        subject=subject,
        body=body,
        channel=channel,
        html=html,
        language=languages.first_of(language, contact.language, contact_language, team.language if team else ""),
        team=team,
        category=category,
        priority=priority,
        email_message_id=email_message_id,
        flags=flags,
    )
    return create_ticket(new, attachments=attachments, auto_reply=auto_reply, now=now)


def _new_ticket(
    new: NewTicket, actor: User | None, follow_up_of: Ticket | None, now, write=True, auto_reply=True
) -> Ticket:
    """The ticket and its first audit entry, with the first-response clock running (create_ticket; replay,
    which writes it with `write=False` once its history has been played)."""
    language = languages.first_of(new.language, new.contact.language, new.team.language if new.team else "")
    ticket = Ticket(
        subject=(new.subject.strip() or _("(no subject)"))[:250],
        channel=new.channel,
        contact=new.contact,
        language=language,
        team=new.team or default_team_for(language),
        category=new.category,
        priority=new.priority,
        follow_up_of=follow_up_of,
        auto_reply=auto_reply,
        created_at=now,
        updated_at=now,
    )
    sla.start(ticket, now, first=True)
    if write:
        insert(ticket)  # the database gives it its number (Ticket.number)
    record_event(ticket, TicketEvent.Kind.CREATED, actor, new=new.channel, at=now)
    return ticket


# No savepoint when called inside a larger transaction (mail ingestion): a failure here fails that whole
# transaction anyway, and a savepoint costs two statements on the hot path.
@transaction.atomic(savepoint=False)
def create_ticket(
    new: NewTicket,
    *,
    attachments: Sequence[UploadedFile] = (),
    actor: User | None = None,
    follow_up_of: Ticket | None = None,
    auto_reply: bool = True,
    now=None,
) -> Ticket:
    """A new ticket with the customer's first message. The customer gets an auto-reply unless
    `auto_reply` is False (e.g. the mail came from a robot or a mailing list); it is kept on the ticket.

    This is the hot path of every channel (mail, API, web form), so it writes only what must be in the same
    transaction: the ticket, its audit entry, the message, its search document, and one task row. The task
    sends `ticket_created` once the ticket is committed, and its receivers (routing, the auto-reply, webhooks)
    run in a worker; the row commits with the ticket, so none of that can be lost."""
    validate_attachments(attachments)
    now = now or timezone.now()
    ticket = _new_ticket(new, actor, follow_up_of, now, auto_reply=auto_reply)
    message = insert(
        Message(
            ticket=ticket,
            kind=Message.Kind.INBOUND,
            contact=new.contact,
            body_text=new.body,
            body_html=sanitize_html(new.html),
            created_at=now,
            email_message_id=new.email_message_id,
            flags=new.flags or [],
        )
    )
    ticket.first_message = message
    _store_attachments(message, attachments)
    search.index_document(ticket.pk, ticket.language, ticket.subject, new.body, new=True)
    announce_created.enqueue(ticket.pk)
    return ticket


# Read once per new ticket by its follow-up task: compiled once (wowdesk/db.py), not built per ticket.
_NEW_TICKET = CompiledQuery(
    lambda pk: Ticket.objects.select_related("contact", "team").filter(pk=pk).order_by()[:1], pk=int
)


def send_ticket_created(ticket_id: int, *, auto_reply: bool = True) -> None:
    """Send `ticket_created` for a committed ticket (from the task create_ticket queues). Every receiver
    runs even if one fails; the first failure is raised afterwards, so the task shows as failed.
    `auto_reply` is only for tasks queued before the decision was kept on the ticket (Ticket.auto_reply)."""
    ticket = _NEW_TICKET.first(pk=ticket_id)
    if ticket is None:  # deleted before the worker came to it
        return
    ticket.auto_reply = ticket.auto_reply and auto_reply
    results = ticket_created.send_robust(sender=Ticket, ticket=ticket)
    for _receiver, outcome in results:
        if isinstance(outcome, Exception):
            raise outcome


def _customer_wrote(ticket: Ticket, now) -> list[str]:
    """What a new message from the customer changes (add_inbound_message, replay): a solved ticket reopens,
    a pending one is open again, the answer is due again, and a snoozed ticket wakes. Returns the fields
    changed."""
    fields = []
    if ticket.status == Status.SOLVED:
        ticket.reopen_count += 1
        record_event(ticket, TicketEvent.Kind.REOPENED, None, old=Status.SOLVED, new=Status.OPEN, at=now)
        ticket.status = Status.OPEN
        fields += ["status", "reopen_count", *_unsolved(ticket), *sla.resume(ticket, now)]
    elif ticket.status == Status.PENDING:
        record_event(ticket, TicketEvent.Kind.STATUS, None, old=Status.PENDING, new=Status.OPEN, at=now)
        ticket.status = Status.OPEN
        fields += ["status", *sla.resume(ticket, now)]
    elif ticket.response_due_at is None:
        # We had answered; the customer's new message starts the next-response clock.
        fields += sla.start(ticket, now, first=ticket.first_response_at is None)
    if ticket.snoozed_until is not None:
        # The customer wrote: a snoozed ticket comes back at once.
        record_event(ticket, TicketEvent.Kind.WOKE, None, old=_("snoozed"), new=_("the customer wrote"), at=now)
        ticket.snoozed_until = None
        fields.append("snoozed_until")
    return fields


# Tasks live beside the services they run (as api.webhooks.deliver does), so a service can queue one without
# importing a tasks module that imports the services back. tickets/tasks.py keeps the old path for queued rows.
@task(queue_name="mail", priority=10)
def announce_created(ticket_id: int, auto_reply: bool = True) -> None:
    """What follows a new ticket once it is committed: routing, the auto-reply and webhooks (queued to their
    own worker). On the mail queue, since the customer waits for the auto-reply. `auto_reply`: rows queued by
    an earlier version carry it; new rows do not (see Ticket.auto_reply)."""
    send_ticket_created(ticket_id, auto_reply=auto_reply)


@transaction.atomic
def add_inbound_message(
    ticket: Ticket,
    *,
    body: str,
    html: str = "",
    contact: Contact | None = None,
    attachments: Sequence[UploadedFile] = (),
    auto_reply: bool = True,
    email_message_id: str = "",
    flags: list | None = None,
    now=None,
) -> Message:
    """The customer wrote again. A solved ticket reopens (and counts a reopen); a pending one is open
    again; a closed ticket is final, so the message starts a linked follow-up ticket instead."""
    validate_attachments(attachments)
    now = now or timezone.now()
    ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
    contact = contact or ticket.contact
    if ticket.status == Status.CLOSED:
        follow_up = create_ticket(
            NewTicket(
                contact=contact,
                subject=ticket.subject,
                body=body,
                html=html,
                channel=ticket.channel,
                language=ticket.language,
                team=ticket.team,
                category=ticket.category,
                email_message_id=email_message_id,
                flags=flags,
            ),
            attachments=attachments,
            follow_up_of=ticket,
            auto_reply=auto_reply,
            now=now,
        )
        record_event(ticket, TicketEvent.Kind.FOLLOW_UP, None, new=f"#{follow_up.number}", at=now)
        return follow_up.first_message
    message = Message.objects.create(
        ticket=ticket,
        kind=Message.Kind.INBOUND,
        contact=contact,
        body_text=body,
        body_html=sanitize_html(html),
        created_at=now,
        email_message_id=email_message_id,
        flags=flags or [],
    )
    _store_attachments(message, attachments)
    fields = _customer_wrote(ticket, now)
    _touch(ticket, now, *fields)
    search.index_tickets([ticket.pk])
    message_added.send(sender=Message, message=message, context={})
    if "status" in fields:
        ticket_updated.send(sender=Ticket, ticket=ticket, fields=fields, actor=None)
    return message


def _we_answered(ticket: Ticket, author: User, status: str, now) -> list[str]:
    """What an agent's reply changes (reply, replay): the first response is measured, an unassigned ticket
    becomes the author's, the clock stops (late: a breach) and the status is set. Returns the fields changed."""
    fields = []
    if ticket.first_response_at is None:
        ticket.first_response_at = now
        ticket.first_response_s, ticket.first_response_business_s = sla.elapsed(ticket.team, ticket.created_at, now)
        fields += ["first_response_at", "first_response_s", "first_response_business_s"]
    if ticket.assignee_id is None:
        record_event(ticket, TicketEvent.Kind.ASSIGNEE, author, new=author, at=now)
        ticket.assignee = author
        fields.append("assignee")
    fields += sla.stop(ticket, now)
    fields += _apply_status(ticket, status, author, now, answered=True)
    return fields


@transaction.atomic
def reply(
    ticket: Ticket,
    *,
    author: User,
    body: str,
    status: str = Status.PENDING,
    attachments: Sequence[UploadedFile] = (),
    handling_s: int | None = None,
    via: str = "",
    context: dict | None = None,
    now=None,
) -> Message:
    """An agent answers the customer. By default the ticket then waits on the customer (pending).
    `handling_s`: how long the agent worked on it in the composer (for planning; see _agent_message).
    `via`: "email" or "sms" (default: SMS on an SMS ticket, e-mail otherwise); the channel's app sends it.
    `context`: what the composer sent beside the text, passed on to the signals' receivers."""
    ensure_can_work(author, ticket)
    if ticket.status == Status.CLOSED:
        raise TicketError(_("This ticket is closed. Reply on its follow-up ticket instead."))
    if not body.strip():
        raise TicketError(_("Write a reply before sending."))
    validate_attachments(attachments)
    now = now or timezone.now()
    message = _agent_message(ticket, Message.Kind.OUTBOUND, author, body, attachments, handling_s, now)
    fields = _we_answered(ticket, author, status, now)
    _touch(ticket, now, *fields)
    search.index_tickets([ticket.pk])
    via = via or ("sms" if ticket.channel == Ticket.Channel.SMS else "email")
    reply_added.send(sender=Message, message=message, via=via, context=context or {})
    message_added.send(sender=Message, message=message, context=context or {})
    if "status" in fields:
        ticket_updated.send(sender=Ticket, ticket=ticket, fields=fields, actor=author)
    return message


# What a reply changes on the ticket, kept by the web UI for the undo (JSON-safe, see reply_state).
REPLY_STATE_FIELDS = (
    "status",
    "assignee_id",
    "first_response_at",
    "first_response_s",
    "first_response_business_s",
    "response_due_at",
    "sla_remaining_s",
    "sla_breaches",
    "solved_at",
    "resolution_s",
    "resolution_business_s",
    "closed_at",
)
# An undo that reaches the server this long after the countdown ended still counts (the mail waits longer).
UNDO_GRACE_S = 1


def reply_state(ticket: Ticket) -> dict:
    """The ticket's fields a reply may change, as they are now (before replying)."""
    state = {}
    for name in REPLY_STATE_FIELDS:
        value = getattr(ticket, name)
        state[name] = value.isoformat() if hasattr(value, "isoformat") else value
    return state


def _restore(ticket: Ticket, state: dict) -> list[str]:
    fields = []
    for name in REPLY_STATE_FIELDS:
        if name not in state:
            continue
        value = state[name]
        if name.endswith("_at") and value is not None:
            value = datetime.fromisoformat(value)
        setattr(ticket, name, value)
        fields.append(name.removesuffix("_id"))
    return fields


@transaction.atomic
def withdraw_reply(message_id: int, *, author: User, state: dict | None = None, now=None) -> str:
    """Undo a reply within REPLY_UNDO_SECONDS: its mail has not gone (it waits longer, see
    mail.services.queue_reply), the message and its mail are removed, the ticket goes back to how it was
    before the reply (given its `state` from reply_state, and if nothing else happened since), and the text
    becomes the agent's draft again. Returns the text."""
    now = now or timezone.now()
    message = Message.objects.filter(pk=message_id, kind=Message.Kind.OUTBOUND, author=author).first()
    if message is None:
        raise TicketError(_("This reply can no longer be undone."))
    if now > message.created_at + timedelta(seconds=settings.REPLY_UNDO_SECONDS + UNDO_GRACE_S):
        raise TicketError(_("Too late to undo: the reply is on its way to the customer."))
    ticket = Ticket.objects.select_for_update().get(pk=message.ticket_id)
    ensure_can_work(author, ticket)
    fields: list[str] = []
    old_status = ticket.status
    if state and ticket.updated_at == message.created_at:  # nothing else happened to the ticket since
        fields = _restore(ticket, state)
    body, kind = message.body_text, message.kind
    message.delete()  # its outbound mail and attachments go with it
    record_event(ticket, TicketEvent.Kind.MESSAGE, author, old=body[:80], new=TicketEvent.REPLY_WITHDRAWN, at=now)
    if ticket.status != old_status:
        record_event(ticket, TicketEvent.Kind.STATUS, author, old=old_status, new=ticket.status, at=now)
    Draft.objects.update_or_create(
        ticket=ticket, agent=author, defaults={"body": body, "kind": kind, "updated_at": now}
    )
    _touch(ticket, now, *fields)
    search.index_tickets([ticket.pk])
    if "status" in fields:
        ticket_updated.send(sender=Ticket, ticket=ticket, fields=fields, actor=author)
    return body


@transaction.atomic
def add_note(
    ticket: Ticket,
    *,
    author: User,
    body: str,
    attachments: Sequence[UploadedFile] = (),
    handling_s: int | None = None,
    context: dict | None = None,
    now=None,
) -> Message:
    """An internal note: seen by colleagues, never sent to the customer."""
    ensure_can_work(author, ticket)
    if not body.strip():
        raise TicketError(_("Write a note before saving."))
    validate_attachments(attachments)
    now = now or timezone.now()
    message = _agent_message(ticket, Message.Kind.NOTE, author, body, attachments, handling_s, now)
    _touch(ticket, now)
    search.index_tickets([ticket.pk])
    message_added.send(sender=Message, message=message, context=context or {})
    return message


# --- drafts ----------------------------------------------------------------------------------------

MAX_DRAFT_CHARS = 100_000


def save_draft(ticket: Ticket, *, agent: User, body: str, kind: str, seen_message_id: int = 0, now=None):
    """Keep what the agent is writing (the composer sends it as they type). An empty text removes the draft.

    `seen_message_id`: the newest message on the ticket when the agent's page was made. A save that arrives
    after the agent sent a message since then is stale (typed before sending) and is dropped, so a sent
    reply never comes back as a draft."""
    ensure_can_work(agent, ticket)
    if kind not in (Message.Kind.OUTBOUND, Message.Kind.NOTE):
        raise TicketError(_("Unknown kind of message: %(kind)s") % {"kind": kind})
    if Message.objects.filter(ticket=ticket, author=agent, pk__gt=seen_message_id or 0).exists():
        return None
    if not body.strip():
        Draft.objects.filter(ticket=ticket, agent=agent).delete()
        return None
    draft, _created = Draft.objects.update_or_create(
        ticket=ticket,
        agent=agent,
        defaults={"body": body[:MAX_DRAFT_CHARS], "kind": kind, "updated_at": now or timezone.now()},
    )
    return draft


def draft_for(ticket: Ticket, agent: User) -> Draft | None:
    return Draft.objects.filter(ticket=ticket, agent=agent).first() if agent.is_authenticated else None


def _clear_draft(ticket: Ticket, author: User) -> None:
    Draft.objects.filter(ticket=ticket, agent=author).delete()


# --- snooze ----------------------------------------------------------------------------------------


@transaction.atomic
def snooze(ticket: Ticket, *, until, actor: User | None, now=None) -> Ticket:
    """The ticket waits (pending) and leaves the inbox views until `until` or until the customer writes."""
    if actor is not None:
        ensure_can_work(actor, ticket)
    now = now or timezone.now()
    if until <= now:
        raise ValidationError({"until": _("Snooze until a time in the future.")})
    ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
    if not ticket.is_active:
        raise TicketError(_("Only a ticket still in progress can be snoozed."))
    fields = ["snoozed_until", *_apply_status(ticket, Status.PENDING, actor, now)]
    ticket.snoozed_until = until
    record_event(
        ticket, TicketEvent.Kind.SNOOZE, actor, new=timezone.localtime(until).strftime("%Y-%m-%d %H:%M"), at=now
    )
    _touch(ticket, now, *fields)
    ticket_updated.send(sender=Ticket, ticket=ticket, fields=fields, actor=actor)
    return ticket


@transaction.atomic
def wake(ticket: Ticket, *, actor: User | None = None, now=None) -> Ticket:
    """A snoozed ticket's time has come (or an agent ends the snooze): it is open again, in the inbox."""
    now = now or timezone.now()
    ticket = Ticket.objects.select_for_update().get(pk=ticket.pk)
    if ticket.snoozed_until is None:
        return ticket
    ticket.snoozed_until = None
    fields = ["snoozed_until"]
    if ticket.status == Status.PENDING:
        fields += _apply_status(ticket, Status.OPEN, actor, now)
    record_event(ticket, TicketEvent.Kind.WOKE, actor, old=_("snoozed"), new=_("time is up"), at=now)
    _touch(ticket, now, *fields)
    ticket_updated.send(sender=Ticket, ticket=ticket, fields=fields, actor=actor)
    return ticket


# Longer than this in the composer for one message is a tab left open, not work: it is capped.
MAX_HANDLING_S = 3600


def _handling(handling_s: int | None) -> int | None:
    return None if handling_s is None else max(0, min(int(handling_s), MAX_HANDLING_S))


def _agent_message(ticket, kind, author, body, attachments, handling_s: int | None, now) -> Message:
    """A reply or note with its attachments; its handling time is added to the ticket's in one statement,
    so two agents' messages at once both count."""
    seconds = _handling(handling_s)
    message = Message.objects.create(
        ticket=ticket, kind=kind, author=author, body_text=body, created_at=now, handling_s=seconds
    )
    _clear_draft(ticket, author)  # sent: the draft has done its work
    _store_attachments(message, attachments)
    if seconds:
        Ticket.objects.filter(pk=ticket.pk).update(handling_s=F("handling_s") + seconds)
        ticket.handling_s += seconds
    return message


# --- changing a ticket's properties ----------------------------------------------------------------


def _solved(ticket: Ticket, now) -> list[str]:
    ticket.solved_at = now
    ticket.resolution_s, ticket.resolution_business_s = sla.elapsed(ticket.team, ticket.created_at, now)
    return ["solved_at", "resolution_s", "resolution_business_s"]


def _unsolved(ticket: Ticket) -> list[str]:
    """Reopened: the resolution time is measured again at the next solve, from creation."""
    ticket.solved_at = ticket.resolution_s = ticket.resolution_business_s = None
    return ["solved_at", "resolution_s", "resolution_business_s"]


def _apply_status(ticket: Ticket, status: str, actor: User | None, now, answered: bool = False) -> list[str]:
    """Change the status (rules and audit trail) and the SLA clock with it. `answered`: we just replied."""
    if status == ticket.status:
        return []
    if status not in Status.values:
        raise TicketError(_("Unknown status: %(status)s") % {"status": status})
    if ticket.status == Status.CLOSED:
        raise TicketError(_("A closed ticket is final; a new message from the customer starts a follow-up."))
    if status == Status.NEW:
        raise TicketError(_("A ticket cannot go back to new."))
    record_event(ticket, TicketEvent.Kind.STATUS, actor, old=ticket.status, new=status, at=now)
    fields = ["status"]
    if status == Status.SOLVED:
        fields += [*_solved(ticket, now), *sla.stop(ticket, now)]
    elif status == Status.CLOSED:
        ticket.closed_at = now
        fields += ["closed_at", *([] if ticket.solved_at else _solved(ticket, now)), *sla.stop(ticket, now)]
    elif status == Status.PENDING:
        fields += sla.pause(ticket, now)  # waiting on the customer: the clock stops and keeps what was left
    elif ticket.status in (Status.PENDING, Status.SOLVED) and not answered:
        fields += sla.resume(ticket, now)
    if ticket.status == Status.SOLVED and status != Status.CLOSED:
        fields += _unsolved(ticket)
    ticket.status = status
    return fields


def _hand_to(ticket: Ticket, actor: User | None, assignee: User | None, now) -> str | None:
    """Give the ticket to `assignee` (None: nobody), with its audit entry (update_ticket, replay). Returns
    the status this implies: someone has picked up a new ticket, so it is open."""
    record_event(ticket, TicketEvent.Kind.ASSIGNEE, actor, old=ticket.assignee or "", new=assignee or "", at=now)
    ticket.assignee = assignee
    return Status.OPEN if assignee is not None and ticket.status == Status.NEW else None


def update_ticket(
    ticket: Ticket,
    actor: User | None,
    *,
    status: str | None = None,
    assignee: User | None | bool = False,
    category: Category | None | bool = False,
    priority: str | None = None,
    tags: Iterable[str] | None = None,
    now=None,
    savepoint: bool = True,
) -> Ticket:
    """Apply the given changes (arguments left out stay as they are) and record each in the audit trail.

    `assignee=None` / `category=None` clear the field; the default False means "unchanged". In one transaction;
    inside the caller's, `savepoint=False` makes no savepoint (routing: an error here rolls back its whole
    transaction anyway, and the savepoint and its release were two statements of every assignment)."""
    with transaction.atomic(savepoint=savepoint):
        return _update_ticket(ticket, actor, status, assignee, category, priority, tags, now)


def _update_ticket(ticket, actor, status, assignee, category, priority, tags, now) -> Ticket:
    if actor is not None:  # None: routing or another system process
        ensure_can_work(actor, ticket)
    now = now or timezone.now()
    # The audit entries of this update are written in one INSERT (an assignment makes two: assignee and status),
    # unless replay collects them already.
    events = [] if _COLLECTED_EVENTS.get() is None else None
    token = _COLLECTED_EVENTS.set(events) if events is not None else None
    try:
        fields = _apply_changes(ticket, actor, status, assignee, category, priority, tags, now)
    finally:
        if token is not None:
            _COLLECTED_EVENTS.reset(token)
    if events:
        insert_rows(events)
    _touch(ticket, now, *[f for f in fields if f != "tags"])
    if fields:
        ticket_updated.send(sender=Ticket, ticket=ticket, fields=fields, actor=actor)
    return ticket


def _apply_changes(ticket, actor, status, assignee, category, priority, tags, now) -> list[str]:
    """update_ticket's changes on the ticket in memory, their audit entries recorded. Returns the fields changed."""
    fields: list[str] = []
    if assignee is not False and assignee != ticket.assignee:
        if assignee is not None and not _ASSIGNABLE(agent=assignee.pk):
            raise TicketError(_("%(name)s cannot be assigned tickets.") % {"name": assignee})
        implied = _hand_to(ticket, actor, assignee, now)
        fields.append("assignee")
        status = status or implied
    if category is not False and category != ticket.category:
        record_event(ticket, TicketEvent.Kind.CATEGORY, actor, old=ticket.category or "", new=category or "", at=now)
        ticket.category = category
        fields.append("category")
    if priority is not None and priority != ticket.priority:
        if priority not in Ticket.Priority.values:
            raise TicketError(_("Unknown priority: %(priority)s") % {"priority": priority})
        record_event(ticket, TicketEvent.Kind.PRIORITY, actor, old=ticket.priority, new=priority, at=now)
        ticket.priority = priority
        fields.append("priority")
    if status is not None:
        fields += _apply_status(ticket, status, actor, now)
    if tags is not None and _set_tags(ticket, tags, actor, now):
        fields.append("tags")
    return fields


def _set_tags(ticket: Ticket, names: Iterable[str], actor: User | None, now) -> bool:
    wanted = sorted({n.strip().lower()[:50] for n in names if n.strip()})
    current = sorted(ticket.tags.values_list("name", flat=True))
    if wanted == current:
        return False
    tags = []
    for name in wanted:
        tag, _created = Tag.objects.get_or_create(name=name)
        tags.append(tag)
    ticket.tags.set(tags)
    record_event(ticket, TicketEvent.Kind.TAGS, actor, old=", ".join(current), new=", ".join(wanted), at=now)
    return True


def parse_tags(text: str) -> list[str]:
    return [t for t in (part.strip() for part in text.replace(";", ",").split(",")) if t]


# --- inbox views -----------------------------------------------------------------------------------

INBOX_VIEWS = ("mine", "unassigned", "open", "all", "snoozed")


def inbox_queryset(user: User, view: str, *, status: str | None = None, category_id: int | None = None):
    """The tickets behind one inbox view, already restricted to what the user may see."""
    tickets = visible_tickets(user)
    # Snoozed tickets leave the working views until they come back (they stay under "All" and their status).
    # `is_active__in=[True]`, not `is_active=True`: Django writes the latter as the bare column
    # (`WHERE is_active`), which SQLite cannot match to the indexes that start with (…, is_active).
    active = tickets.filter(is_active__in=[True], snoozed_until__isnull=True)
    if view == "mine":
        return active.filter(assignee=user)
    if view == "unassigned":
        return active.filter(assignee__isnull=True)
    if view == "open":
        return active
    if view == "status" and status in Status.values:
        return tickets.filter(status=status)
    if view == "snoozed":
        return tickets.filter(snoozed_until__isnull=False)
    if view == "category":
        return active.filter(category_id=category_id)
    return tickets


def inbox_page(
    user: User, view: str, *, status: str | None = None, category_id: int | None = None, offset: int, limit: int
) -> list[Ticket]:
    """One page of an inbox view, newest change first, for the list (contact, assignee, category and tags
    loaded). The page's ids come from an ordered walk per visibility branch (and per active/inactive where the
    view takes both), each at most offset+limit entries of an index, merged by the database; the rows are
    then read by id through visible_tickets again (by id: with the view's own filter the planner may walk
    that filter's index instead)."""
    tickets = inbox_queryset(user, view, status=status, category_id=category_id)
    branches = visibility_branches(user)
    if not branches:
        return []
    if view == "snoozed":
        # A few tickets, found through a partial index of the snoozed ones (ticket_snoozed_assignee) and sorted.
        # Asked in the listing's order, SQLite walked every ticket newest first looking for them (70 ms of CPU
        # for a lead at 100,000 tickets with none snoozed), or gathered all the agent's visible ones.
        snoozed = Ticket.objects.filter(snoozed_until__isnull=False).values("pk")
        return list(_listing(tickets.filter(pk__in=snoozed))[offset : offset + limit])
    if view == "status":
        activity = [status in Ticket.ACTIVE_STATUSES]
    elif view == "all" and not user.sees_all_teams:
        activity = [True, False]  # the team index leads with (team, is_active): one ordered range each
    else:
        activity = [None]
    order = ("-updated_at", "-id")
    if len(branches) == 1 and activity == [None] and not offset:  # one walk (a lead), first page: one query
        return list(_listing(tickets)[offset : offset + limit])
    if len(branches) == 1 and activity == [None]:
        # A later page: its ids first, then its rows. With the rows at once, both databases joined the contact,
        # assignee and category of every row skipped (2,450 at page 50); the ids of "All" are read from
        # ticket_updated alone (the lead's page 50 at 100,000 tickets, PostgreSQL: 18 -> 8.6 ms median).
        ids = list(tickets.order_by(*order).values_list("id", flat=True)[offset : offset + limit])
        return list(_listing(visible_tickets(user).filter(pk__in=ids))) if ids else []
    walks = [
        tickets.filter(branch.where, *([Q(is_active__in=[active])] if active is not None else []))
        .order_by(*order)
        .values_list("id", "updated_at")[: offset + limit]
        for branch in branches
        for active in activity
    ]
    ids = [row[0] for row in merged_page(walks, order_by=order, offset=offset, limit=limit)]
    return list(_listing(visible_tickets(user).filter(pk__in=ids))) if ids else []


def _listing(tickets: QuerySet[Ticket]) -> QuerySet[Ticket]:
    return (
        tickets.select_related("contact", "assignee", "category")
        .prefetch_related("tags")
        .order_by("-updated_at", "-id")
    )


# The inbox's counts stop here: past it a view shows "more than 1000" (as search does), and the page after the
# last is found by walking, not counting. Counting every ticket a lead or agent sees, grouped along an index
# that held every column, still read all 100,000 index entries on each request: 25 ms of CPU on SQLite and
# 60-80 ms of PostgreSQL execution (EXPLAIN ANALYZE) at 100,000 tickets; stopping at 1,001 reads at most that
# many entries per count (bench/inbox.py, bench/RESULTS.md).
COUNT_UP_TO = 1000


# The statement of a user's counts, by everything it is built from (see inbox_counts): building it took about
# as long as running it (72 querysets for a lead of three teams: 20 ms of CPU on a loaded machine).
_COUNT_STATEMENTS = ProcessCache(seconds=600)


def inbox_counts(user: User, *, categories: Iterable[int] | None = None) -> dict:
    """Counts for every inbox view and the open tickets of each category (of `categories`, the ids of all
    of them if not given: the sidebar has them already), each exact up to
    COUNT_UP_TO and COUNT_UP_TO + 1 when there are more ("more than 1000"). One statement: a count per view
    per part of what the user may see (_counting_parts), each stopping at COUNT_UP_TO + 1 entries of an index
    that holds every column it filters on (ticket_team_status, ticket_assignee_status, ticket_snoozed),
    summed over the disjoint parts; an agent's on PostgreSQL grouped instead (_grouped_counts), then capped.
    Every count is over visible_tickets(user)."""
    categories = tuple(Category.objects.values_list("pk", flat=True) if categories is None else categories)
    using = Ticket.objects.db
    if connections[using].vendor == "postgresql" and user.is_authenticated and not user.sees_all_teams:
        return _grouped_counts(user, categories)
    if not user.is_authenticated or not user.is_active:
        team_ids: tuple = ()
    elif user.sees_all_teams:
        team_ids = tuple(Team.objects.order_by("pk").values_list("pk", flat=True))
    else:
        team_ids = tuple(sorted(user.teams.values_list("pk", flat=True)))
    key = (
        using,
        user.pk,
        user.is_authenticated and user.is_active,
        user.sees_all_teams,
        team_ids,
        categories,
        COUNT_UP_TO,
    )
    statement = _COUNT_STATEMENTS.fresh(key)
    if statement is None:
        statement = _count_statement(user, team_ids, categories)
        _COUNT_STATEMENTS.put(key, statement)
    sql, params, spans = statement
    counted = capped_counts((sql, params), using=using)
    totals = {key: min(COUNT_UP_TO + 1, sum(counted[i] for i in at)) for key, at in spans.items()}
    counts = {key: totals[key] for key in ("mine", "unassigned", "open", "all", "snoozed")}
    counts["by_status"] = {status: totals["status", status] for status in Status.values}
    counts["by_category"] = {c: totals["category", c] for c in categories if totals["category", c]}
    return counts


def _grouped_counts(user: User, categories: tuple) -> dict:
    """inbox_counts for an agent on PostgreSQL: one grouped count per visibility branch, each along an index
    that holds every column it needs (ticket_team_status, ticket_assignee_status), stopped at COUNT_UP_TO + 1
    only afterwards. PostgreSQL groups a team's 33,000 entries in 10-25 ms; the capped statement, one count
    per view per branch, took 42-49 ms (planning 15-25 ms of it) for the bench agent at 100,000 tickets."""
    counts = {"mine": 0, "unassigned": 0, "open": 0, "all": 0, "snoozed": 0}
    by_status = dict.fromkeys(Status.values, 0)
    by_category: dict[int, int] = {}
    visible = visible_tickets(user)
    for branch in visibility_branches(user):
        # Counting columns of the index only (COUNT(*) or status, not COUNT(id)): for the id PostgreSQL
        # would read every row of the table.
        columns = ("status", "category") if branch.by_assignee else ("team", "status", "category")
        groups = (
            visible.filter(branch.where)
            .order_by()
            .values(*columns)
            .annotate(
                n=Count("*"),
                awake=Count("status", filter=Q(snoozed_until__isnull=True)),
                mine=Count("status", filter=Q(assignee=user, snoozed_until__isnull=True)),
                unassigned=Count("status", filter=Q(assignee__isnull=True, snoozed_until__isnull=True)),
                snoozed=Count("status", filter=Q(snoozed_until__isnull=False)),
            )
        )
        for group in groups:
            n, status, category = group["n"], group["status"], group["category"]
            counts["all"] += n
            counts["snoozed"] += group["snoozed"]
            by_status[status] += n
            if status in Ticket.ACTIVE_STATUSES:
                counts["open"] += group["awake"]
                counts["mine"] += group["mine"]
                counts["unassigned"] += group["unassigned"]
                if category in categories and group["awake"]:
                    by_category[category] = by_category.get(category, 0) + group["awake"]
    capped = {key: min(n, COUNT_UP_TO + 1) for key, n in counts.items()}  # the same "more than" as elsewhere
    capped["by_status"] = {status: min(n, COUNT_UP_TO + 1) for status, n in by_status.items()}
    capped["by_category"] = {c: min(n, COUNT_UP_TO + 1) for c, n in by_category.items()}
    return capped


def _count_statement(user: User, team_ids: tuple, categories: tuple) -> tuple[str, list, dict]:
    """inbox_counts' statement, and for each key the places of its counts in the statement's result."""
    visible = visible_tickets(user)
    # Open work: snoozed tickets leave the working views until they come back (inbox_queryset). By status,
    # not `is_active`: SQLite never reads a generated column from an index, so with is_active every count
    # looked each entry up in the table (2-6 ms per count at 100,000 tickets, against 0.1-0.3 ms from
    # ticket_team_status or ticket_assignee_status, which hold status and snooze).
    awake = Q(status__in=Ticket.ACTIVE_STATUSES, snoozed_until__isnull=True)
    # Counted once, not per part: the user's own tickets and the unassigned ones, each one range of
    # ticket_assignee_status (filtered by the gate's columns, which it holds). Per part, SQLite took the same
    # range for the part without a team and read all of it to find none there (1-6 ms per count, SQLite).
    once = {"mine": awake & Q(assignee=user), "unassigned": awake & Q(assignee__isnull=True)}
    per_part = {
        "open": awake,
        "all": Q(),
        "snoozed": Q(snoozed_until__isnull=False),  # the partial indexes ticket_snoozed*: a few entries
        **{("status", status): Q(status=status) for status in Status.values},
        **{("category", category): awake & Q(category_id=category) for category in categories},
    }
    parts = _counting_parts(user, team_ids)
    if not parts:  # sees nothing
        return "", [], {key: [] for key in (*once, *per_part)}
    querysets, spans = [], {}
    for key, where in once.items():
        spans[key] = [len(querysets)]
        querysets.append(visible.filter(where))
    for key, where in per_part.items():
        spans[key] = []
        for part in parts:
            spans[key].append(len(querysets))
            querysets.append(visible.filter(part.where, where))
    sql, params = capped_counts_sql(querysets, up_to=COUNT_UP_TO)
    return sql, params, spans


def _counting_parts(user: User, team_ids: tuple) -> list[VisibilityBranch]:
    """Disjoint parts of what visible_tickets(user) lets through, each fixing the team or the assignee, so
    that every count of inbox_counts reads one range of an index holding all the columns it filters on: the
    visibility branches for an agent, one part per team (`team_ids`, all of them) and the tickets without one
    for those who see all teams. Without the team, a lead's "open" count read ticket_active_updated and
    looked every entry's snooze up in the table: 2-6 ms per count on SQLite against 0.1-0.3 ms."""
    if not user.is_authenticated or not user.is_active:
        return []
    if not user.sees_all_teams:
        return visibility_branches(user, team_ids=team_ids)
    if connections[Ticket.objects.db].vendor != "sqlite":
        # PostgreSQL reads is_active and the snooze from an index, so a lead's counts need no cut: one part
        # planned in 1.3 ms and ran in 8-12 ms, against 10-18 ms and 16-25 ms cut per team (EXPLAIN ANALYZE,
        # 100,000 tickets, three teams).
        return [VisibilityBranch(Q())]
    return [*(VisibilityBranch(Q(team_id=team)) for team in team_ids), VisibilityBranch(Q(team=None))]


# --- history ---------------------------------------------------------------------------------------


@dataclass
class PastStep:
    """One thing that happened on a ticket before it was loaded (see replay). Exactly one of: a message
    (`body`: the customer's when `author` is None, else the agent's reply, or note when `note`), a handover
    (`assign_to`, by `author` or the system), or a status set by `author` (`status`)."""

    at: datetime
    body: str = ""
    author: User | None = None
    note: bool = False
    handling_s: int | None = None
    assign_to: User | None = None
    status: str = ""


@dataclass
class PastConversation:
    """A ticket's history for replay: `new.body` is the customer's first message, at `created_at`; `steps`
    follow in time order; `tags` are set at the end."""

    new: NewTicket
    created_at: datetime
    steps: Sequence[PastStep]
    tags: Sequence[str] = ()


@transaction.atomic
def replay(conversations: Iterable[PastConversation]) -> list[Ticket]:
    """Conversations that happened before they were loaded (the demo data; an import from another helpdesk),
    written by the rules live tickets follow: statuses, reopens, the SLA clock and its breaches, response and
    resolution times, handling time and the audit trail come out as if each step had been done at its time
    through add_inbound_message, reply, add_note and update_ticket (they share these rules).

    Nobody is told: it is history, so no signals, tasks, mail or webhooks. Messages and audit entries are
    written in bulk at the end; the caller rebuilds the search documents (search.index_tickets). A closed
    ticket takes no more steps (live, the customer's message would start a follow-up ticket)."""
    made, messages, events = [], [], []
    token = _COLLECTED_EVENTS.set(events)
    try:
        for conversation in conversations:
            made.append(_replay_one(conversation, messages))
    finally:
        _COLLECTED_EVENTS.reset(token)
    Message.objects.bulk_create(messages, batch_size=1000)
    TicketEvent.objects.bulk_create(events, batch_size=1000)
    return made


def _replay_one(conversation: PastConversation, messages: list) -> Ticket:
    new = conversation.new
    ticket = _new_ticket(new, None, None, conversation.created_at, write=False)
    inbound = Message.Kind.INBOUND
    messages.append(
        Message(ticket=ticket, kind=inbound, contact=new.contact, body_text=new.body, created_at=ticket.created_at)
    )
    for step in conversation.steps:
        now = step.at
        if ticket.status == Status.CLOSED:
            raise TicketError(_("A closed ticket is final; a new message from the customer starts a follow-up."))
        if step.assign_to is not None:
            if implied := _hand_to(ticket, step.author, step.assign_to, now):
                _apply_status(ticket, implied, step.author, now)
        elif step.status:
            _apply_status(ticket, step.status, step.author, now)
        elif step.author is None:
            messages.append(
                Message(ticket=ticket, kind=inbound, contact=new.contact, body_text=step.body, created_at=now)
            )
            _customer_wrote(ticket, now)
        else:
            seconds = _handling(step.handling_s)
            kind = Message.Kind.NOTE if step.note else Message.Kind.OUTBOUND
            messages.append(
                Message(
                    ticket=ticket,
                    kind=kind,
                    author=step.author,
                    body_text=step.body,
                    handling_s=seconds,
                    created_at=now,
                )
            )
            ticket.handling_s += seconds or 0
            if not step.note:
                _we_answered(ticket, step.author, Status.PENDING, now)
        ticket.updated_at = now
    insert(ticket)  # once, as it ended up (its messages and audit entries follow in bulk)
    if conversation.tags:
        _set_tags(ticket, conversation.tags, None, ticket.updated_at)
    return ticket
