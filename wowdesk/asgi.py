"""The ASGI application: Django for HTTP, Channels for the WebSockets (live agent pages, the chat widget)."""

import gc
import os
from concurrent.futures import ThreadPoolExecutor

import django
from asgiref.sync import ThreadSensitiveContext
from django.core.handlers.asgi import ASGIHandler
from django.db import connections

# Request threads kept for the next requests; beyond this many at once, a request's thread ends with it.
IDLE_REQUEST_THREADS = 16


class RequestThreadsASGIHandler(ASGIHandler):
    """Django's ASGI handler, with each request's sync code (middleware, view) on a thread kept for later
    requests instead of a thread made for it and ended after it.

    Django's handler runs every request in a ThreadSensitiveContext of its own, a new single-thread executor,
    so each request opened a new database connection in its new thread (connections are per thread) and
    CONN_MAX_AGE could keep none. Here a request takes an idle single-thread executor (one request at a time
    on each, so no connection is ever used by two requests or threads at once) and gives it back, and the
    thread's connection is kept as under a WSGI server's threads. Server CPU per POST /api/v1/tickets,
    uvicorn with one worker, 4 clients (bench/api_server_cpu.py, issue 20): SQLite 3.9 -> 2.0 ms (4.6 -> 2.6
    on a busier machine); PostgreSQL, whose connections the pool already kept, 3.2 -> 2.35 ms (the thread)."""

    def __init__(self):
        super().__init__()
        self._idle_executors: list[ThreadPoolExecutor] = []

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await super().__call__(scope, receive, send)  # Django's error for it
        executor = (
            self._idle_executors.pop()
            if self._idle_executors
            else ThreadPoolExecutor(max_workers=1, thread_name_prefix="request")
        )
        try:
            async with ThreadSensitiveContext(executor=executor):
                await self.handle(scope, receive, send)
        finally:
            if len(self._idle_executors) < IDLE_REQUEST_THREADS:
                self._idle_executors.append(executor)
            else:
                executor.submit(connections.close_all)  # in the thread whose connections they are
                executor.shutdown(wait=False)


os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")
django.setup(set_prefix=False)  # as get_asgi_application does, before the consumers' models are imported
django_application = RequestThreadsASGIHandler()

from channels.routing import ProtocolTypeRouter  # noqa: E402

from wowdesk.websockets import websocket_application  # noqa: E402

application = ProtocolTypeRouter({"http": django_application, "websocket": websocket_application})

# What start-up loaded (Django, the apps, the coach's patterns) is never garbage: frozen, the cyclic collector
# stops walking it on every full collection. Measured in bench/followups.py: such a collection took ~80 ms and
# landed in one request of twenty (p95 115-140 ms against a p50 under 50 ms); frozen, every page's p95 < 75 ms.
gc.freeze()
