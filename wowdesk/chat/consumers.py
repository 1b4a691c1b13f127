"""The agent's chat pane (`/ws/chat/agent/<number>/`): the agent writes in the chat, sees the customer
typing, and can end the chat. The conversation itself is the ticket page's, kept live by its own socket."""

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _

from wowdesk import realtime
from wowdesk.tickets.services import visible_tickets

from . import services
from .models import Chat


@database_sync_to_async
def _visible_chat(user, number: int) -> Chat | None:
    ticket_id = visible_tickets(user).filter(number=number).values_list("pk", flat=True).first()
    return Chat.objects.select_related("ticket").filter(ticket_id=ticket_id).first() if ticket_id else None


class AgentChatConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.user = await realtime.signed_in_user(self)
        if self.user is None:
            return
        chat = await _visible_chat(self.user, self.scope["url_route"]["kwargs"]["number"])
        if chat is None:
            await self.close(code=4404)
            return
        self.chat_id, self.ticket_id = chat.pk, chat.ticket_id
        self.language = self.user.language or "en"
        await self.channel_layer.group_add(services.agents_group(self.ticket_id), self.channel_name)
        await self.accept()
        await self.send_json({"type": "state", "status": chat.status, "read_by_customer": chat.customer_read_id})

    async def disconnect(self, code):
        if getattr(self, "ticket_id", None):
            await self.channel_layer.group_discard(services.agents_group(self.ticket_id), self.channel_name)

    async def receive_json(self, content, **kwargs):
        kind = content.get("type") if isinstance(content, dict) else None
        with translation.override(self.language):
            try:
                if kind == "message":
                    await database_sync_to_async(self._message)(content.get("body"))
                elif kind == "typing":
                    name = (self.user.name or "").split(" ")[0]
                    await self.channel_layer.group_send(
                        services.customer_group(self.ticket_id), {"type": "chat.typing", "name": name}
                    )
                elif kind == "end":
                    await database_sync_to_async(self._end)()
                elif kind == "read":
                    await database_sync_to_async(self._read)(content.get("id"))
                else:
                    raise ValidationError(_("Unknown request."), code="unknown_type")
            except (ValidationError, PermissionDenied) as error:
                messages = error.messages if isinstance(error, ValidationError) else [str(error)]
                code = getattr(error, "code", None) or "not_allowed"
                await self.send_json({"type": "error", "code": code, "error": " ".join(messages)})

    def _message(self, body):
        services.agent_message(Chat.objects.get(pk=self.chat_id), agent=self.user, body=body)

    def _read(self, message_id):
        services.mark_read(Chat.objects.get(pk=self.chat_id), by="agent", message_id=message_id)

    def _end(self):
        chat = Chat.objects.get(pk=self.chat_id)
        services.ensure_can_answer(self.user, chat)
        services.end_chat(chat, by=Chat.EndedBy.AGENT, agent=self.user)

    async def chat_typing(self, event):
        await self.send_json({"type": "typing"})

    async def chat_ended(self, event):
        await self.send_json({"type": "ended", "by": event["by"]})

    async def chat_read(self, event):
        await self.send_json({"type": "read", "by": event["by"], "id": event["id"]})
