"""WebSocket routes (the `urls.py` of Channels). Agents' pages: same-origin only, signed in by the session."""

from channels.auth import AuthMiddlewareStack
from channels.routing import URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from django.urls import path

from wowdesk.chat.consumers import AgentChatConsumer
from wowdesk.portal.consumers import WidgetConsumer
from wowdesk.tickets.consumers import InboxConsumer, TicketConsumer


def for_agents(consumer):
    # A page on another site must not open a socket with the agent's cookie (cross-site WebSocket hijacking).
    return AllowedHostsOriginValidator(AuthMiddlewareStack(consumer.as_asgi()))


websocket_application = URLRouter(
    [
        path("ws/inbox/", for_agents(InboxConsumer)),
        path("ws/tickets/<int:number>/", for_agents(TicketConsumer)),
        path("ws/chat/agent/<int:number>/", for_agents(AgentChatConsumer)),
        # Customers' sites: each widget checks the page's origin against its own allowed origins.
        path("ws/chat/<str:key>/", WidgetConsumer.as_asgi()),
    ]
)
