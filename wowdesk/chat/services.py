"""Chat use cases: a chat is a ticket (channel=chat) with a Chat row beside it for its live state.

Messages are ticket messages, written by `tickets.services` (the customer's as inbound messages, the agent's
as replies), so a chat reads like any ticket in the agent UI and the API. This app adds what is particular
to a live conversation: who may continue it (a signed token the widget keeps), routing to an agent with a
free chat seat, and its end.

The customer is never taken at their word: the token names the chat they may see, and an e-mail address
typed into the widget is a way to reach them, not proof of who they are (their first message is flagged so).
"""

import base64
import binascii
import secrets
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from wowdesk import realtime
from wowdesk.accounts.models import User
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Attachment, Message, Ticket

from .models import AgentChatLimit, Chat, Widget

TOKEN_SALT = "wowdesk.chat.session"  # noqa: S105 (a salt, not a password)
# A widget keeps its token in the browser; after this long it no longer resumes the chat.
TOKEN_MAX_AGE_S = 7 * 24 * 3600
FILE_SALT = "wowdesk.chat.file"


def customer_group(ticket_id: int) -> str:
    """The customer's widget(s) on this chat."""
    return f"chat.customer.{ticket_id}"


def agents_group(ticket_id: int) -> str:
    """The agents' chat panes on this chat."""
    return f"chat.agents.{ticket_id}"


class ChatError(ValidationError):
    """Input the chat refuses. `code` says what (for the widget), the message is for people."""


def max_message_chars() -> int:
    return settings.CHAT_MAX_MESSAGE_CHARS


# --- widgets and tokens ----------------------------------------------------------------------------------


def widget_for(public_key: str, origin: str) -> Widget:
    """The active widget with this key, if the page's origin is one it allows."""
    widget = Widget.objects.select_related("team").filter(public_key=public_key, is_active=True).first()
    if widget is None:
        raise ChatError(_("This chat widget does not exist or is switched off."), code="unknown_widget")
    if not widget.allows(origin):
        raise ChatError(_("This chat widget may not be used on this site."), code="origin_not_allowed")
    return widget


def token_for(chat: Chat) -> str:
    return signing.dumps({"chat": chat.pk, "widget": chat.widget_id}, salt=TOKEN_SALT, compress=True)


def chat_for_token(widget: Widget, token: str) -> Chat:
    """The chat a widget's token names; a forged, expired or other widget's token is refused."""
    try:
        data = signing.loads(str(token), salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE_S)
        chat_id, widget_id = int(data["chat"]), int(data["widget"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise ChatError(_("This chat session is not valid. Start a new chat."), code="bad_token") from None
    chat = Chat.objects.select_related("ticket__contact", "ticket__assignee", "widget").filter(pk=chat_id).first()
    if chat is None or widget_id != widget.pk or chat.widget_id != widget.pk:
        raise ChatError(_("This chat session is not valid. Start a new chat."), code="bad_token")
    return chat


# --- who can chat now --------------------------------------------------------------------------------------


def chat_limit(agent: User) -> int:
    row = AgentChatLimit.objects.filter(agent=agent).first()
    return row.max_chats if row else settings.CHAT_LIMIT_DEFAULT


def available_agents(team, now=None) -> list[User]:
    """The team's agents who are available and were seen lately, each with `.chats` (their running chats)
    and `.chat_limit` set."""
    now = now or timezone.now()
    agents = User.objects.filter(
        is_active=True,
        role__in=[User.Role.AGENT, User.Role.LEAD],
        presence=User.Presence.AVAILABLE,
        last_seen_at__gte=now - timedelta(minutes=settings.AUTO_AWAY_MINUTES),
    )
    if team is not None:
        agents = agents.filter(teams=team)
    agents = list(
        agents.annotate(
            chats=Count(
                "assigned_tickets",
                filter=Q(assigned_tickets__chat__status__in=[Chat.Status.WAITING, Chat.Status.ACTIVE]),
            )
        )
        .select_related("chat_limit")
        .order_by("pk")
    )
    for agent in agents:
        limit = getattr(agent, "chat_limit", None)
        agent.chat_limit_value = limit.max_chats if limit else settings.CHAT_LIMIT_DEFAULT
    return agents


def agent_with_free_seat(team, language: str = "", now=None) -> User | None:
    """The available agent with the fewest running chats under their limit (speaking the language if any
    agent does), or None."""
    free = [a for a in available_agents(team, now) if a.chats < a.chat_limit_value]
    speaking = [a for a in free if not a.spoken_languages or language in a.spoken_languages]
    candidates = speaking or free
    return min(candidates, key=lambda a: (a.chats, a.pk)) if candidates else None


def free_seats(team, now=None) -> tuple[int, int]:
    """(available agents, free chat seats among them) for the team."""
    agents = available_agents(team, now)
    return len(agents), sum(max(0, a.chat_limit_value - a.chats) for a in agents)


# --- a chat from start to end ------------------------------------------------------------------------------


def _clean_body(body) -> str:
    text = body if isinstance(body, str) else ""
    text = text.replace("\x00", "").strip()
    if not text:
        raise ChatError(_("Write a message before sending."), code="empty_message")
    limit = max_message_chars()
    if len(text) > limit:
        raise ChatError(
            _("A message can be at most %(limit)d characters; this one has %(length)d.")
            % {"limit": limit, "length": len(text)},
            code="message_too_long",
        )
    return text


def _clean_identity(widget: Widget, name, email) -> tuple[str, str]:
    name = (name if isinstance(name, str) else "").replace("\x00", "").strip()[:200]
    email = (email if isinstance(email, str) else "").strip()
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ChatError(_("Enter a valid e-mail address."), code="bad_email") from None
    elif widget.ask_email:
        raise ChatError(_("Enter your e-mail address to start the chat."), code="email_required")
    return name, email


@transaction.atomic
def start_chat(*, widget: Widget, body, name="", email="", language: str = "", now=None) -> Chat:
    """A customer starts a chat: a ticket (channel=chat) with their first message, routed at once to an
    available agent with a free chat seat, or waiting for one."""
    now = now or timezone.now()
    body = _clean_body(body)
    name, email = _clean_identity(widget, name, email)
    team = widget.team
    # Without an address the customer is a visitor with a made-up one (mail skips @invalid).
    address = email or f"chat-{secrets.token_hex(8)}@invalid"
    with translation.override(team.language if team else settings.LANGUAGE_CODE):  # read by the team's agents
        flags = [_("e-mail address given in the chat, not verified")] if email else []
    ticket = tickets.open_ticket(
        email=address,
        name=name,
        language=language,
        subject=_("Chat: %(start)s") % {"start": body[:60]},
        body=body,
        channel=Ticket.Channel.CHAT,
        team=team,
        flags=flags,
        auto_reply=False,
        now=now,
    )
    chat = Chat.objects.create(ticket=ticket, widget=widget, started_at=now, last_activity_at=now)
    route(chat, now=now)
    return chat


def route(chat: Chat, now=None) -> User | None:
    """Give a waiting chat to the available agent with the most free chat seats; None if nobody has one."""
    if chat.status != Chat.Status.WAITING or chat.ticket.assignee_id:
        return chat.ticket.assignee if chat.ticket.assignee_id else None
    agent = agent_with_free_seat(chat.ticket.team, chat.ticket.language, now)
    if agent is not None:
        tickets.update_ticket(chat.ticket, None, assignee=agent, now=now)
    return agent


def route_waiting(team, now=None) -> int:
    """Waiting chats of the team, oldest first, to agents with free seats (after a chat ended, say)."""
    count = 0
    waiting = Chat.objects.select_related("ticket").filter(
        status=Chat.Status.WAITING, ticket__assignee__isnull=True, ticket__team=team
    )
    for chat in waiting.order_by("started_at")[:100]:
        if route(chat, now) is None:
            break
        count += 1
    return count


def _ensure_running(chat: Chat) -> None:
    if chat.status == Chat.Status.ENDED:
        raise ChatError(_("This chat has ended. Start a new chat to write again."), code="chat_ended")


@transaction.atomic
def customer_message(chat: Chat, *, body, attachments=(), now=None) -> Message:
    now = now or timezone.now()
    chat = Chat.objects.select_for_update().select_related("ticket").get(pk=chat.pk)
    _ensure_running(chat)
    text = _clean_body(body)
    message = tickets.add_inbound_message(chat.ticket, body=text, attachments=attachments, auto_reply=False, now=now)
    chat.last_activity_at = now
    chat.save(update_fields=["last_activity_at"])
    return message


def max_file_bytes() -> int:
    return settings.MAX_ATTACHMENT_BYTES


def customer_file(chat: Chat, *, name, content_type="", data, body="", now=None) -> Message:
    """The customer sends a file (base64 in the widget's JSON): a chat line with the file attached, as an
    e-mail's attachment is. Its size is checked before it is decoded."""
    name = (name if isinstance(name, str) else "").replace("\x00", "").strip()[:200]
    if not name or not isinstance(data, str) or not data:
        raise ChatError(_("Choose a file to send."), code="bad_file")
    limit = max_file_bytes()
    if len(data) * 3 // 4 > limit + 2:
        raise ChatError(
            _("A file can be at most %(limit)s MB.") % {"limit": round(limit / 1024 / 1024, 1)}, code="file_too_large"
        )
    try:
        raw = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise ChatError(_("The file could not be read. Try again."), code="bad_file") from None
    content_type = (content_type if isinstance(content_type, str) else "")[:120]
    upload = SimpleUploadedFile(name, raw, content_type=content_type or "application/octet-stream")
    text = body if isinstance(body, str) and body.strip() else name
    return customer_message(chat, body=text, attachments=[upload], now=now)


def file_link(ticket_id: int, attachment: Attachment) -> str:
    """A link the customer's widget may open (another site's page, so absolute and signed): the files of
    their own chat, for as long as the chat's token is valid."""
    signed = signing.dumps({"a": attachment.pk, "t": ticket_id}, salt=FILE_SALT, compress=True)
    return settings.BASE_URL.rstrip("/") + reverse("chat_file", args=[signed])


def file_for_link(signed: str) -> Attachment | None:
    """The attachment a file link names, if the signature holds and it is a line the customer saw."""
    try:
        data = signing.loads(str(signed), salt=FILE_SALT, max_age=TOKEN_MAX_AGE_S)
        attachment_id, ticket_id = int(data["a"]), int(data["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return Attachment.objects.filter(
        pk=attachment_id,
        message__ticket_id=ticket_id,
        message__ticket__channel=Ticket.Channel.CHAT,
        message__kind__in=[Message.Kind.INBOUND, Message.Kind.OUTBOUND],
    ).first()


@transaction.atomic
def mark_read(chat: Chat, *, by: str, message_id) -> int | None:
    """The customer (`by="customer"`) or an agent has seen the other side's lines up to `message_id`: kept on
    the chat (it only grows) and told to the other side. Returns the line now marked read, or None."""
    try:
        message_id = int(message_id)
    except (TypeError, ValueError):
        raise ChatError(_("Unknown message."), code="bad_message") from None
    field = "customer_read_id" if by == "customer" else "agent_read_id"
    kind = Message.Kind.OUTBOUND if by == "customer" else Message.Kind.INBOUND
    last = (
        Message.objects.filter(ticket_id=chat.ticket_id, kind=kind, pk__lte=message_id)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    if last is None:
        return None
    newer = Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__lt": last})
    if Chat.objects.filter(newer, pk=chat.pk).update(**{field: last}):
        other = agents_group if by == "customer" else customer_group
        realtime.send_on_commit(other(chat.ticket_id), {"type": "chat.read", "by": by, "id": last})
    return last


@transaction.atomic
def agent_message(chat: Chat, *, agent: User, body, now=None) -> Message:
    """The agent writes in the chat: a reply on the ticket, which stays open while the chat runs."""
    now = now or timezone.now()
    chat = Chat.objects.select_for_update().select_related("ticket").get(pk=chat.pk)
    _ensure_running(chat)
    text = _clean_body(body)
    message = tickets.reply(chat.ticket, author=agent, body=text, status=Ticket.Status.OPEN, now=now)
    fields = ["last_activity_at", "status"]
    chat.last_activity_at, chat.status = now, Chat.Status.ACTIVE
    if chat.answered_at is None:
        chat.answered_at = now
        chat.wait_s = max(0, round((now - chat.started_at).total_seconds()))
        fields += ["answered_at", "wait_s"]
    chat.save(update_fields=fields)
    return message


@transaction.atomic
def end_chat(chat: Chat, *, by: str, agent: User | None = None, now=None) -> Chat:
    """Either side ends the chat, or it ends after inactivity. Answered chats are solved; a chat nobody
    answered stays open, so the customer still gets an answer (it was missed, and counts so)."""
    now = now or timezone.now()
    chat = Chat.objects.select_for_update().select_related("ticket").get(pk=chat.pk)
    if chat.status == Chat.Status.ENDED:
        return chat
    chat.status, chat.ended_at, chat.ended_by = Chat.Status.ENDED, now, by
    chat.save(update_fields=["status", "ended_at", "ended_by"])
    for group in (customer_group(chat.ticket_id), agents_group(chat.ticket_id)):
        realtime.send_on_commit(group, {"type": "chat.ended", "by": by})
    ticket = chat.ticket
    if chat.answered_at is not None and ticket.status in (Ticket.Status.NEW, Ticket.Status.OPEN):
        tickets.update_ticket(ticket, agent, status=Ticket.Status.SOLVED, now=now)
    if ticket.team_id:
        transaction.on_commit(lambda: route_waiting(ticket.team, now))
    return chat


def end_inactive(now=None) -> int:
    """End the chats nobody wrote in for their widget's inactivity limit (from a periodic task)."""
    now = now or timezone.now()
    ended = 0
    running = Chat.objects.select_related("widget").filter(status__in=[Chat.Status.WAITING, Chat.Status.ACTIVE])
    for chat in running:
        if now - chat.last_activity_at >= timedelta(minutes=chat.widget.inactivity_minutes):
            end_chat(chat, by=Chat.EndedBy.INACTIVITY, now=now)
            ended += 1
    return ended


def transcript(chat: Chat) -> list[dict]:
    """The conversation as the customer saw it: their messages and the agents' replies, never notes."""
    messages = (
        chat.ticket.messages.filter(kind__in=[Message.Kind.INBOUND, Message.Kind.OUTBOUND])
        .select_related("author")
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )
    return [customer_view(m) for m in messages]


def customer_view(message: Message) -> dict:
    """A message as the widget shows it: an agent's first name only, never their e-mail; files as signed
    links."""
    from_agent = message.kind == Message.Kind.OUTBOUND
    name = ""
    if from_agent and message.author:
        name = (message.author.name or "").split(" ")[0] or _("Agent")
    return {
        "id": message.pk,
        "from": "agent" if from_agent else "customer",
        "name": name,
        "body": message.body_text,
        "at": message.created_at.isoformat(),
        "files": [
            {"name": a.filename, "size": a.size, "url": file_link(message.ticket_id, a)}
            for a in message.attachments.all()
        ],
    }


def leave_message(*, widget: Widget, body, name="", email="", language: str = "", now=None) -> Ticket:
    """Nobody can chat now (closed, or no agent available): the customer leaves a message instead. It
    becomes an ordinary ticket answered by e-mail, with the usual auto-reply, so an address is required."""
    body = _clean_body(body)
    name = (name if isinstance(name, str) else "").replace("\x00", "").strip()[:200]
    email = (email if isinstance(email, str) else "").strip()
    if not email:
        raise ChatError(_("Enter your e-mail address so that we can answer you."), code="email_required")
    try:
        validate_email(email)
    except ValidationError:
        raise ChatError(_("Enter a valid e-mail address."), code="bad_email") from None
    return tickets.open_ticket(
        email=email,
        name=name,
        language=language,
        subject=_("Message from the chat: %(start)s") % {"start": body[:60]},
        body=body,
        channel=Ticket.Channel.WEB,
        team=widget.team,
        now=now,
    )


def ensure_can_answer(agent: User, chat: Chat) -> None:
    tickets.ensure_can_work(agent, chat.ticket)


def transcript_mail(chat: Chat, language: str) -> tuple[str, str]:
    """The subject and text of the transcript the customer can ask for at the end of a chat."""
    zone = ZoneInfo(chat.ticket.team.time_zone if chat.ticket.team else settings.DEFAULT_TEAM_TIME_ZONE)
    with translation.override(language):
        subject = _("Your chat with us [#%(number)s]") % {"number": chat.ticket.number}
        lines = [
            _("Here is your chat with us on %(date)s.")
            % {"date": formats.date_format(chat.started_at.astimezone(zone), "j. F Y")},
            "",
        ]
        for message in transcript(chat):
            who = message["name"] or (_("Agent") if message["from"] == "agent" else _("You"))
            at = datetime.fromisoformat(message["at"]).astimezone(zone)
            lines.append(f"[{at:%H:%M}] {who}: {message['body']}")
        lines += ["", _("Reply to this e-mail if you want to add something; it goes to the same case.")]
    return subject, "\n".join(lines)


def can_mail_transcript(chat: Chat) -> bool:
    return chat.status == Chat.Status.ENDED and not chat.ticket.contact.email.endswith("@invalid")


@transaction.atomic
def transcript_sent(chat: Chat, now=None) -> bool:
    """Note that the transcript goes out; False if it already went (a customer clicking twice gets one)."""
    now = now or timezone.now()
    return bool(Chat.objects.filter(pk=chat.pk, transcript_sent_at=None).update(transcript_sent_at=now))
