"""Customer mail has its own queue and workers: a webhook receiver that answers slowly never holds an
auto-reply back. Webhook calls time out, and slow answers count toward switching a subscription off."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import announce_new_tickets, make_ticket
from tests.mail.test_smtp import mail
from wowdesk.api import webhooks
from wowdesk.api.models import WebhookDelivery, WebhookSubscription
from wowdesk.mail import services
from wowdesk.web.management.commands.serve import Command as Serve


class SlowReceiver:
    """A real HTTP server that answers every webhook after `delay` seconds."""

    def __init__(self, delay: float):
        self.calls = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                self.rfile.read(int(self.headers["Content-Length"]))
                receiver.calls += 1
                time.sleep(delay)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()


@pytest.mark.django_db(transaction=True)
def test_a_slow_webhook_never_holds_customer_mail_back(processes, sink, mailboxes):
    processes.env["WOWDESK_WEBHOOK_ALLOW_PRIVATE"] = "1"  # the receiver is on loopback
    receiver = SlowReceiver(delay=9)
    try:
        WebhookSubscription.objects.create(url=receiver.url, events=["ticket.created"])
        # The task workers `serve` starts, as it starts them.
        for child in Serve().processes("127.0.0.1", 0, workers=1):
            if "db_worker" in child.command:
                processes.start(*child.command[child.command.index("db_worker") :])
        # The first ticket's webhook call keeps the webhook worker busy (it answers after 9 s; the call is cut
        # off at 5 s). Wait until that call has begun: only then is there a slow webhook to hold mail back.
        services.ingest(mail(sender="kunde@kunde.dk").as_bytes(), ["support@example.com"], "kunde@kunde.dk")
        sink.wait(1, timeout=60)
        deadline = time.monotonic() + 60  # a loaded machine starts a worker slowly
        while receiver.calls < 1 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert receiver.calls == 1, "the webhook worker called the receiver"
        started = time.monotonic()
        for i in range(3):
            services.ingest(
                mail(sender=f"kunde{i}@kunde.dk", subject=f"Sag {i}").as_bytes(),
                ["support@example.com"],
                f"kunde{i}@kunde.dk",
            )
        sink.wait(4, timeout=30)
        assert time.monotonic() - started < 4, "the auto-replies did not wait for the slow webhook call"
    finally:
        for worker in processes.procs:
            worker.kill()  # not SIGTERM: the webhook worker would finish its call first, 5 s for nothing
        receiver.stop()


def test_webhook_calls_time_out_and_slow_answers_switch_a_subscription_off(team_dk, monkeypatch, settings):
    settings.WEBHOOK_ALLOW_PRIVATE = True  # the receivers are on loopback
    # Shorter than in production (5 s timeout, 2.5 s is slow) so the test is quick; the same code path.
    monkeypatch.setattr(webhooks, "TIMEOUT", 1.0)
    monkeypatch.setattr(webhooks, "SLOW_AFTER", 0.1)
    too_slow = SlowReceiver(delay=2)
    slow = SlowReceiver(delay=0.25)
    try:
        subscription = WebhookSubscription.objects.create(url=too_slow.url, events=["ticket.created"])
        make_ticket(team=team_dk)
        announce_new_tickets()
        delivery = WebhookDelivery.objects.get()
        started = time.monotonic()
        assert webhooks.attempt(delivery) is False
        assert time.monotonic() - started < 1.9, "the call was cut off at the timeout"
        assert "timed out" in delivery.error
        subscription.url = slow.url
        subscription.consecutive_failures = 0
        subscription.save()
        for i in range(webhooks.DISABLE_AFTER):
            make_ticket(team=team_dk, email=f"k{i}@kunde.dk")
        announce_new_tickets()
        for delivery in WebhookDelivery.objects.filter(subscription=subscription, delivered_at=None, attempts=0):
            webhooks.deliver.call(delivery.pk)
        subscription.refresh_from_db()
        assert WebhookDelivery.objects.filter(delivered_at__isnull=False).count() == webhooks.DISABLE_AFTER
        assert subscription.active is False
        assert "slow answer" in subscription.disabled_reason
    finally:
        too_slow.stop()
        slow.stop()
