"""The live ticket page: a WebSocket per open ticket page (`/ws/tickets/<number>/`).

The browser learns of new messages and changed properties (it then fetches what it may see), and of the
colleagues who have the same ticket open: "Sofie is viewing", "Sofie is replying". Who is where is never
stored: each page announces itself to the ticket's group when it connects (the others answer it directly),
repeats that every VIEWING_EVERY_S seconds, and says when it starts replying or leaves; a page that stopped
announcing is forgotten by the others after a while. So any web process can serve any page.
Protocol: docs/chat.md ("The agent's ticket page").
"""

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from wowdesk import realtime

from .models import Message
from .services import visible_tickets

STATES = {"viewing", "replying"}


@database_sync_to_async
def _visible_ticket_id(user, number: int) -> int | None:
    return visible_tickets(user).filter(number=number).values_list("pk", flat=True).first()


# A page that (re)connects names the newest message it shows (`?after=<id>`) and is told of any newer ones:
# what arrived between rendering the page and opening the socket, or while a dropped socket reconnected, would
# otherwise be missing until a reload (seen in a full test run, where the chat's second line never appeared).
CATCH_UP_MAX = 50


@database_sync_to_async
def _messages_after(ticket_id: int, after: int) -> list[dict]:
    rows = (
        Message.objects.filter(ticket_id=ticket_id, pk__gt=after)
        .order_by("pk")
        .values("pk", "kind", "author_id")[:CATCH_UP_MAX]
    )
    return [{"type": "message", "id": r["pk"], "kind": r["kind"], "author_id": r["author_id"]} for r in rows]


def _after(scope) -> int | None:
    value = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("after", [""])[0]
    return int(value) if value.isdigit() and len(value) < 19 else None


class TicketConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self):
        self.user = await realtime.signed_in_user(self)
        if self.user is None:
            return
        ticket_id = await _visible_ticket_id(self.user, self.scope["url_route"]["kwargs"]["number"])
        if ticket_id is None:  # not there, or not theirs: the same answer, like the page's 404
            await self.close(code=4404)
            return
        self.group = realtime.ticket_group(ticket_id)
        self.state = "viewing"
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self._announce("viewing", hello=True)
        after = _after(self.scope)
        if after is not None:  # joined the group first, so nothing falls between the two
            for message in await _messages_after(ticket_id, after):
                await self.send_json(message)

    async def disconnect(self, code):
        if getattr(self, "group", None):
            await self._announce("left")
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        state = content.get("type") if isinstance(content, dict) else None
        if state not in STATES:
            await self.send_json({"type": "error", "error": "unknown type; send viewing or replying"})
            return
        self.state = state
        await self._announce(state)

    async def _announce(self, state: str, hello: bool = False):
        await self.channel_layer.group_send(
            self.group,
            {
                "type": "agent.presence",
                "agent_id": self.user.pk,
                "name": self.user.name or self.user.email,
                "state": state,
                "reply_to": self.channel_name if hello else "",
                "sender": self.channel_name,
            },
        )

    # --- events from the group ---

    async def agent_presence(self, event):
        if event["sender"] == self.channel_name:
            return
        if event["agent_id"] != self.user.pk:
            await self.send_json(
                {"type": "presence", "agent": {"id": event["agent_id"], "name": event["name"]}, "state": event["state"]}
            )
        if event["reply_to"]:  # a page just opened: tell it who is here already
            await self.channel_layer.send(
                event["reply_to"],
                {
                    "type": "agent.presence",
                    "agent_id": self.user.pk,
                    "name": self.user.name or self.user.email,
                    "state": self.state,
                    "reply_to": "",
                    "sender": self.channel_name,
                },
            )

    async def ticket_message(self, event):
        await self.send_json(
            {"type": "message", "id": event["message_id"], "kind": event["kind"], "author_id": event["author_id"]}
        )

    async def ticket_changed(self, event):
        await self.send_json({"type": "changed", "fields": event["fields"]})


@database_sync_to_async
def _inbox_groups(user) -> list[str]:
    """The groups whose events may concern the user's inbox: the same scopes as visible_tickets."""
    groups = [realtime.user_group(user.pk)]
    if user.sees_all_teams:
        return [*groups, realtime.INBOX_ALL]
    team_ids = user.teams.values_list("pk", flat=True)
    return [*groups, realtime.INBOX_SHARED, *(realtime.inbox_team_group(pk) for pk in team_ids)]


class InboxConsumer(AsyncJsonWebsocketConsumer):
    """`/ws/inbox/`, opened by every page of a signed-in user: the inbox's counts and rows follow the tickets
    (`{"type": "inbox"}`: ask the inbox view again), and a ticket given to the user by routing or a colleague
    is named at once (`{"type": "assigned", "number": 1234}`). Protocol: docs/chat.md."""

    async def connect(self):
        self.user = await realtime.signed_in_user(self)
        if self.user is None:
            return
        self.groups_joined = await _inbox_groups(self.user)
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        await self.send_json({"type": "error", "error": "this socket only listens"})

    async def inbox_changed(self, event):
        await self.send_json({"type": "inbox"})

    async def inbox_assigned(self, event):
        await self.send_json({"type": "assigned", "number": event["number"]})
