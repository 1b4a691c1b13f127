"""The chat widget's WebSocket (`/ws/chat/<public key>/`), spoken by widget.js on a customer's site.
Protocol: docs/chat.md. Whatever the widget sends is checked here or in chat.services: the page's origin
against the widget's allowed origins, the session token's signature, the size of every message. A refused
request gets {"type": "error", "code": ..., "error": ...} and changes nothing."""

from zoneinfo import ZoneInfo

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, translation
from django.utils.translation import gettext as _

from wowdesk import realtime
from wowdesk.chat import services as chat
from wowdesk.chat.models import Chat
from wowdesk.followups.services import request_callback
from wowdesk.hours import words
from wowdesk.mail.services import queue_transcript
from wowdesk.replies.services import expected_response

LANGUAGES = {"da", "nb", "en"}


def _language(value) -> str:
    code = str(value or "").lower().split("-")[0]
    return {"no": "nb", "nn": "nb"}.get(code, code) if code in LANGUAGES | {"no", "nn"} else "en"


class WidgetConsumer(AsyncJsonWebsocketConsumer):
    widget = None
    chat_ticket_id = None
    language = "en"

    async def connect(self):
        realtime.note_server_loop()
        origin = dict(self.scope.get("headers", [])).get(b"origin", b"").decode("latin-1")
        await self.accept()
        try:
            self.widget = await database_sync_to_async(chat.widget_for)(
                self.scope["url_route"]["kwargs"]["key"], origin
            )
        except chat.ChatError as error:
            await self._error(error)
            await self.close(code=4403)

    async def disconnect(self, code):
        if self.chat_ticket_id:
            await self.channel_layer.group_discard(chat.customer_group(self.chat_ticket_id), self.channel_name)

    async def receive_json(self, content, **kwargs):
        if self.widget is None:
            return
        kind = content.get("type") if isinstance(content, dict) else None
        handler = {
            "hello": self.hello,
            "start": self.start,
            "message": self.message,
            "file": self.file,
            "read": self.read,
            "typing": self.typing,
            "leave_message": self.leave_message,
            "callback": self.callback,
            "end": self.end,
            "transcript": self.transcript,
        }.get(kind)
        with translation.override(self.language):
            if handler is None:
                await self._error(ValidationError(_("Unknown request."), code="unknown_type"))
                return
            try:
                await handler(content)
            except ValidationError as error:
                await self._error(error)

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        try:
            await super().receive(text_data=text_data, bytes_data=bytes_data, **kwargs)
        except ValueError:  # not JSON
            await self._error(ValidationError(_("Send JSON messages."), code="bad_json"))

    async def _error(self, error: ValidationError):
        code = getattr(error, "code", None) or "invalid"
        await self.send_json({"type": "error", "code": code, "error": " ".join(error.messages)})

    # --- requests ---

    async def hello(self, content):
        self.language = _language(content.get("language"))
        token = content.get("token")
        if token:
            found = await database_sync_to_async(self._resume)(token)
            await self._join(found["ticket_id"])
            await self.send_json({"type": "resumed", **found["state"]})
            return
        if self.chat_ticket_id:  # "start a new chat" after one ended, on the same connection
            await self.channel_layer.group_discard(chat.customer_group(self.chat_ticket_id), self.channel_name)
            self.chat_ticket_id = None
        await self.send_json({"type": "ready", **await database_sync_to_async(self._offer)()})

    def _resume(self, token) -> dict:
        found = chat.chat_for_token(self.widget, token)
        return {"ticket_id": found.ticket_id, "state": self._state(found)}

    def _state(self, found: Chat) -> dict:
        agent = found.ticket.assignee
        return {
            "token": chat.token_for(found),
            "status": found.status,
            "has_email": not found.ticket.contact.email.endswith("@invalid"),
            "agent": (agent.name or "").split(" ")[0] if agent else "",
            "messages": chat.transcript(found),
            "max_chars": chat.max_message_chars(),
            "max_file_bytes": chat.max_file_bytes(),
            # The customer's last line an agent has seen ("Read" under it).
            "read_by_agent": found.agent_read_id,
        }

    def _offer(self) -> dict:
        """Chat, with the expected wait (the auto-reply's estimate), or "leave a message" when closed or
        nobody is available: never a chat that nobody will answer."""
        with translation.override(self.language):
            estimate = expected_response(self.widget.team)
            agents, seats = chat.free_seats(self.widget.team)
            can_chat = estimate.open_now and agents > 0
            if not estimate.open_now:
                why = _("We are closed right now. Leave a message and we will answer you by e-mail.")
            elif not agents:
                why = _("No one can chat right now. Leave a message and we will answer you by e-mail.")
            elif seats:
                why = _("An agent is here and will answer you in a moment.")
            else:
                why = _("All our agents are busy. Expected wait: about %(duration)s.") % {
                    "duration": words.duration(estimate.seconds)
                }
            return {
                "chat": can_chat,
                "wait_s": round(estimate.seconds) if can_chat and not seats else 0,
                "text": why,
                "ask_email": self.widget.ask_email,
                "max_chars": chat.max_message_chars(),
                "max_file_bytes": chat.max_file_bytes(),
            }

    async def start(self, content):
        if self.chat_ticket_id:
            raise ValidationError(_("This chat has already started."), code="already_started")
        offer = await database_sync_to_async(self._offer)()
        if not offer["chat"]:
            raise ValidationError(offer["text"], code="chat_unavailable")
        started = await database_sync_to_async(self._start)(content)
        await self._join(started["ticket_id"])
        await self.send_json({"type": "started", "wait_text": offer["text"], **started["state"]})

    def _start(self, content) -> dict:
        found = chat.start_chat(
            widget=self.widget,
            body=content.get("body"),
            name=content.get("name", ""),
            email=content.get("email", ""),
            language=self.language,
        )
        found = Chat.objects.select_related("ticket__assignee", "ticket__contact").get(pk=found.pk)
        return {"ticket_id": found.ticket_id, "state": self._state(found)}

    async def message(self, content):
        found = await self._chat()
        await database_sync_to_async(chat.customer_message)(found, body=content.get("body"))

    async def file(self, content):
        found = await self._chat()
        await database_sync_to_async(chat.customer_file)(
            found,
            name=content.get("name"),
            content_type=content.get("content_type", ""),
            data=content.get("data"),
            body=content.get("body", ""),
        )

    async def read(self, content):
        found = await self._chat()
        await database_sync_to_async(chat.mark_read)(found, by="customer", message_id=content.get("id"))

    async def typing(self, content):
        if self.chat_ticket_id:
            await self.channel_layer.group_send(chat.agents_group(self.chat_ticket_id), {"type": "chat.typing"})

    async def leave_message(self, content):
        ticket = await database_sync_to_async(chat.leave_message)(
            widget=self.widget,
            body=content.get("body"),
            name=content.get("name", ""),
            email=content.get("email", ""),
            language=self.language,
        )
        await self.send_json({"type": "message_left", "number": ticket.number})

    async def callback(self, content):
        """No chat now (or the customer prefers it): we call them back, in the team's next opening by
        default; a ticket in the Callbacks view with its follow-up (wowdesk.followups)."""
        requested = await database_sync_to_async(self._callback)(content)
        await self.send_json({"type": "callback_requested", **requested})

    def _callback(self, content) -> dict:
        def text(name, limit):
            value = content.get(name, "")
            return value.replace("\x00", "").strip()[:limit] if isinstance(value, str) else ""

        try:
            ticket = request_callback(
                phone=text("phone", 40),
                name=text("name", 200),
                email=text("email", 254),
                language=self.language,
                team=self.widget.team,
            )
        except ValidationError as error:
            fields = getattr(error, "error_dict", {})
            field = next(iter(fields), "")
            code = f"bad_{field}" if field in ("phone", "email") else "bad_callback"
            raise ValidationError(" ".join(error.messages), code=code) from None
        window = ticket.followups.first()
        zone = ZoneInfo(ticket.team.time_zone if ticket.team else settings.DEFAULT_TEAM_TIME_ZONE)
        start = formats.date_format(window.due.astimezone(zone), "SHORT_DATETIME_FORMAT")
        end = formats.time_format((window.window_end or window.due).astimezone(zone), "H:i")
        return {
            "number": ticket.number,
            "text": _("We will call you between %(start)s and %(end)s.") % {"start": start, "end": end},
        }

    async def end(self, content):
        found = await self._chat()
        await database_sync_to_async(chat.end_chat)(found, by=Chat.EndedBy.CUSTOMER)

    async def transcript(self, content):
        found = await self._chat()
        email = await database_sync_to_async(self._mail_transcript)(found)
        await self.send_json({"type": "transcript_sent", "email": email})

    def _mail_transcript(self, found: Chat) -> str:
        """The transcript by mail, once per chat, to the address the chat was started with."""
        found = Chat.objects.select_related("ticket__contact", "ticket__team").get(pk=found.pk)
        if found.status != Chat.Status.ENDED:
            raise ValidationError(_("The transcript can be sent when the chat has ended."), code="chat_running")
        if not chat.can_mail_transcript(found):
            raise ValidationError(_("We have no e-mail address to send the transcript to."), code="no_email")
        with transaction.atomic():
            if chat.transcript_sent(found):
                subject, body = chat.transcript_mail(found, self.language)
                queue_transcript(found.ticket, subject=subject, body=body)
        return found.ticket.contact.email

    async def _chat(self) -> Chat:
        if not self.chat_ticket_id:
            raise ValidationError(_("Start a chat first."), code="no_chat")
        return await database_sync_to_async(Chat.objects.select_related("ticket").get)(ticket_id=self.chat_ticket_id)

    async def _join(self, ticket_id: int):
        self.chat_ticket_id = ticket_id
        await self.channel_layer.group_add(chat.customer_group(ticket_id), self.channel_name)

    # --- events for the customer ---

    async def chat_message(self, event):
        await self.send_json({"type": "message", "message": event["message"]})

    async def chat_agent(self, event):
        await self.send_json({"type": "agent", "name": event["name"]})

    async def chat_typing(self, event):
        await self.send_json({"type": "typing", "name": event.get("name", "")})

    async def chat_ended(self, event):
        await self.send_json({"type": "ended", "by": event["by"]})

    async def chat_read(self, event):
        await self.send_json({"type": "read", "by": event["by"], "id": event["id"]})
