"""wowdesk.asgi runs requests on kept threads, so a thread's database connection serves its later requests
(CONN_MAX_AGE) instead of one being opened per request, and never serves two requests at once."""

import asyncio
import threading

import pytest
from asgiref.testing import ApplicationCommunicator
from django.core.signals import request_finished
from django.db import connection

from wowdesk.asgi import django_application


async def get(path: str) -> int:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), (b"authorization", b"Bearer not-a-token")],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
    }
    communicator = ApplicationCommunicator(django_application, scope)
    await communicator.send_input({"type": "http.request", "body": b""})
    start = await communicator.receive_output(timeout=10)
    await communicator.receive_output(timeout=10)  # the body
    await communicator.wait(timeout=10)
    return start["status"]


@pytest.mark.django_db
def test_requests_reuse_their_thread_and_its_connection():
    seen: list[tuple[threading.Thread, object]] = []  # strong references: no identity is reused

    def record(**kwargs):
        seen.append((threading.current_thread(), connection.connection))

    request_finished.connect(record, dispatch_uid="test-asgi-threads")
    try:

        async def one_then_another_then_two_at_once():
            statuses = [await get("/api/v1/tickets"), await get("/api/v1/tickets")]
            statuses += await asyncio.gather(get("/api/v1/tickets"), get("/api/v1/tickets"))
            return statuses

        statuses = asyncio.run(one_then_another_then_two_at_once())
    finally:
        request_finished.disconnect(dispatch_uid="test-asgi-threads")
    assert statuses == [401, 401, 401, 401]  # the token was looked up: each request used the database
    (first_thread, first_db), (second_thread, second_db), (a_thread, a_db), (b_thread, b_db) = seen
    assert second_thread is first_thread
    # Two requests at once: two threads, none the test's own.
    assert a_thread is not b_thread
    assert threading.current_thread() not in (first_thread, a_thread, b_thread)
    if connection.vendor == "sqlite":  # on PostgreSQL, connections go back to the pool (settings.py) instead
        assert first_db is not None and second_db is first_db
        assert a_db is not None and b_db is not None and a_db is not b_db
