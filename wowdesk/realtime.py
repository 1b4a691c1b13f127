"""Sending live events to browsers (Django Channels groups), once the change that caused them is committed.

A browser may only learn of a change that is really in the database: every event goes out from
`transaction.on_commit`, so a rolled-back change never shows. Sending never fails the caller: a browser that
misses an event catches up on its next page load.

The channel layer is the only thing shared: in memory within one web process, or Redis when
WOWDESK_REDIS_URL is set, so a change made in any process (another web process, the worker) reaches every
browser. Events carry ids, never rendered HTML: each browser fetches what it may see, in its own language.
"""

import asyncio
import logging

from asgiref.sync import async_to_sync
from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.db import transaction

log = logging.getLogger(__name__)

# The event loop of this process's ASGI server, noted by the first consumer that connects. A change made in
# another thread of the same process (a sync view, a test) is handed to that loop, which owns the in-memory
# layer's queues; a process without one (the worker) sends through a loop of its own.
_server_loop: asyncio.AbstractEventLoop | None = None


def note_server_loop() -> None:
    global _server_loop
    _server_loop = asyncio.get_running_loop()


async def signed_in_user(consumer):
    """The opening every WebSocket consumer shares: note this process's server loop, and return the signed-in
    user, or close the socket with 4401 (the protocol's "sign in first", docs/chat.md) and return None."""
    note_server_loop()
    user = consumer.scope.get("user")
    if user is None or not user.is_authenticated:
        await consumer.close(code=4401)
        return None
    return user


def ticket_group(ticket_id: int) -> str:
    return f"ticket.{ticket_id}"


# The live inbox: who hears that a ticket changed. An agent's socket joins the groups of what they may see
# (tickets.services.visible_tickets: their teams, the shared queue of tickets without a team, what is assigned
# to them); leads, admins and reviewers join INBOX_ALL. The event says only that something changed: the page
# then asks the permission-checked inbox view again.
INBOX_ALL = "inbox.all"
INBOX_SHARED = "inbox.shared"


def inbox_team_group(team_id: int) -> str:
    return f"inbox.team.{team_id}"


def user_group(user_id: int) -> str:
    """One user's pages (their inbox socket): what is for them alone, like "assigned to you"."""
    return f"user.{user_id}"


def send(group: str, event: dict) -> None:
    """Send `event` (a dict with "type") to every connection in `group` now."""
    layer = get_channel_layer()
    if layer is None:
        return
    if isinstance(layer, InMemoryChannelLayer) and not layer.groups.get(group):
        # The in-memory layer reaches this process's own connections only, and none is in the group: always so in
        # a task worker or an SMTP listener, and in a web process while no browser of the group is connected.
        # Handing the event over anyway cost 0.19 ms of CPU per event (async_to_sync starts a thread and a loop),
        # two events per new ticket at intake and five more when routing assigns it (issue 20).
        return
    try:
        loop = _server_loop
        if loop is not None and loop.is_running() and not loop.is_closed():
            try:
                running = asyncio.get_running_loop()
            except RuntimeError:
                running = None
            if running is loop:
                loop.create_task(layer.group_send(group, event))
            else:
                asyncio.run_coroutine_threadsafe(layer.group_send(group, event), loop)
            return
        async_to_sync(layer.group_send)(group, event)
    except Exception:  # a live event is a courtesy: the change itself is committed
        log.exception("live event to %s not sent", group)


def send_on_commit(group: str, event: dict) -> None:
    transaction.on_commit(lambda: send(group, event))
