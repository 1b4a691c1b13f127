"""The webhook SSRF guard (issue 13, item 6) with real HTTP servers on loopback: a receiver on an allowed
address that redirects to a private one is not followed, and the address that was checked is the one
connected to, even when the name resolves elsewhere a moment later (DNS rebinding)."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import announce_new_tickets, make_ticket
from wowdesk.api import webhooks
from wowdesk.api.models import WebhookDelivery, WebhookSubscription


class Server:
    """An HTTP server on one loopback address, answering POSTs with `status` (and a Location, if given)."""

    def __init__(self, host: str, status: int = 200, location: str = "", port: int = 0):
        self.requests = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                server.requests.append((self.command, self.path, self.headers["Host"]))
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.port = self.httpd.server_address[1]
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()


@pytest.fixture
def servers(settings):
    # 127.0.0.2 stands for a public receiver: allowed by configuration, as an internal receiver would be.
    # 127.0.0.1 stands for the private network behind the server, which webhooks must never reach.
    settings.WEBHOOK_ALLOW_PRIVATE = False
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.2/32"]
    private = Server("127.0.0.1")
    started = [private]
    yield private, started
    for s in started:
        s.httpd.shutdown()


def _delivery(url, team):
    subscription = WebhookSubscription.objects.create(url=url, events=["ticket.created"])
    make_ticket(team=team)
    announce_new_tickets()
    return WebhookDelivery.objects.get(subscription=subscription)


def test_a_redirect_to_a_private_address_is_not_followed(servers, team_dk):
    private, started = servers
    public = Server("127.0.0.2", status=302, location=f"http://127.0.0.1:{private.port}/internal")
    started.append(public)
    delivery = _delivery(f"http://127.0.0.2:{public.port}/hook", team_dk)
    assert webhooks.attempt(delivery) is False, delivery.error
    assert public.requests and not private.requests, "the redirect was not followed"
    delivery.refresh_from_db()
    assert delivery.status_code == 302 and "redirect" in delivery.error


def test_the_checked_address_is_the_one_connected_to(servers, team_dk, monkeypatch):
    _private, started = servers
    public = Server("127.0.0.2")
    started.append(public)
    try:  # the private side listens on the same port, so a second lookup would reach it
        private = Server("127.0.0.1", port=public.port)
    except OSError:
        pytest.skip(f"port {public.port} is taken on 127.0.0.1")
    started.append(private)
    # A name whose answer changes between the check and the connection (DNS rebinding): the first lookup says
    # 127.0.0.2 (allowed), every later one 127.0.0.1 (private).
    real = socket.getaddrinfo
    answers = iter(["127.0.0.2"])

    def rebinding(host, port, *args, **kwargs):
        if host != "hooks.example.com":
            return real(host, port, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers, "127.0.0.1"), port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    delivery = _delivery(f"http://hooks.example.com:{public.port}/hook?x=1", team_dk)
    assert webhooks.attempt(delivery) is True, delivery.error
    assert public.requests == [("POST", "/hook?x=1", f"hooks.example.com:{public.port}")]
    assert not private.requests
