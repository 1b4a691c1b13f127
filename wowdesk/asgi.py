"""The ASGI application: Django for HTTP, Channels for the WebSockets (live agent pages, the chat widget)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")
django_application = get_asgi_application()  # sets Django up before the consumers' models are imported

from channels.routing import ProtocolTypeRouter  # noqa: E402

from wowdesk.websockets import websocket_application  # noqa: E402

application = ProtocolTypeRouter({"http": django_application, "websocket": websocket_application})
