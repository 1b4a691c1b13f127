"""Webhooks: events are delivered as signed JSON POSTs by background tasks, retried with backoff.

Headers: `X-Wowdesk-Event`, `X-Wowdesk-Delivery` (id), `X-Wowdesk-Timestamp` (Unix seconds) and
`X-Wowdesk-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the subscription's secret>`.
A 2xx answer is success; anything else (a redirect too: it is never followed) is retried (30 s, 1 min,
2 min, ... 6 attempts). A call times out after TIMEOUT seconds. After DISABLE_AFTER failed or slow deliveries
in a row the subscription is switched off, with the reason shown.
"""

import hashlib
import hmac
import http.client
import json
import socket
import ssl
import time
from datetime import datetime
from urllib.parse import urlsplit

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils import timezone
from django_tasks import task

from wowdesk.db import CompiledQuery, insert
from wowdesk.task_backend import backoff
from wowdesk.tickets.models import Ticket

from .addresses import resolve
from .models import WebhookDelivery, WebhookSubscription

MAX_ATTEMPTS = 6
DISABLE_AFTER = 10
TIMEOUT = 5
# An answer slower than this counts toward switching the subscription off, like a failure (it is still
# delivered): a receiver that keeps the worker waiting for seconds is not healthy.
SLOW_AFTER = 2.5


def sign(secret: str, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


# Read for every event (a new ticket's follow-up sends two): compiled once (wowdesk/db.py).
_ACTIVE_SUBSCRIPTIONS = CompiledQuery(lambda: WebhookSubscription.objects.filter(active=True))
# Whether a subscription has this event for this ticket already (emit's `once_for`), compiled once: built by the ORM
# for every new ticket it was a third of what a subscription to ticket.created added to the worker's CPU
# (bench/followup_cpu.py --webhooks 1, bench/cpu_sampler.py). The ticket's id is read from the payload as an integer
# of the ticket's id type (a cast of its text), so that it is a plain parameter of the statement (an IntegerField's
# is wrapped on PostgreSQL); the payload's ids are integers.
_HAS_EVENT_FOR = CompiledQuery(
    lambda subscription, event, since, ticket: (
        WebhookDelivery.objects.alias(ticket_id=Cast(KT("payload__ticket__id"), Ticket._meta.pk))
        .filter(subscription=subscription, event=event, created_at__gte=since, ticket_id=ticket)
        .order_by()
        .values_list("pk")[:1]
    ),
    subscription=int,
    event=str,
    since=datetime,
    ticket=int,
)


def emit(event: str, payload: dict, *, once_for=None) -> int:
    """Queue a delivery of this event to every active subscription that wants it. With `once_for` (a ticket),
    not to a subscription that already has this event for that ticket: the task that emits it may run twice."""
    count = 0
    for subscription in _ACTIVE_SUBSCRIPTIONS():
        if event in subscription.events:
            if once_for is not None and _HAS_EVENT_FOR(
                subscription=subscription.pk, event=event, since=once_for.created_at, ticket=once_for.pk
            ):
                continue
            delivery = insert(  # save() with its INSERT compiled once (wowdesk/db.py)
                WebhookDelivery(
                    subscription=subscription,
                    event=event,
                    payload=json.loads(json.dumps(payload, cls=DjangoJSONEncoder)),
                )
            )
            deliver.enqueue(delivery.pk)  # a task row in the same transaction: it exists only if the event does
            count += 1
    return count


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to the checked address; the URL's host name still goes in the Host header."""

    def __init__(self, host, port, *, address: str, **kwargs):
        super().__init__(host, port, **kwargs)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout, self.source_address)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """Connects to the checked address; the certificate is verified for the URL's host name (SNI too)."""

    def __init__(self, host, port, *, address: str, **kwargs):
        super().__init__(host, port, **kwargs)
        self.address = address

    def connect(self):
        sock = socket.create_connection((self.address, self.port), self.timeout, self.source_address)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def post(url: str, address: str, body: bytes, headers: dict, timeout: float) -> int:
    """POST `body` to `url` at the checked `address`, and return the answer's status. A redirect is not
    followed: its Location was never checked, so a 3xx counts as a failed delivery like any non-2xx."""
    parts = urlsplit(url)
    if parts.scheme == "https":
        port = parts.port or 443
        connection = _PinnedHTTPSConnection(
            parts.hostname, port, address=address, timeout=timeout, context=ssl.create_default_context()
        )
    else:
        connection = _PinnedHTTPConnection(parts.hostname, parts.port or 80, address=address, timeout=timeout)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request("POST", target, body=body, headers=headers)
        response = connection.getresponse()
        response.read(65536)  # the receiver's answer is not used; a little is read so it can finish cleanly
        return response.status
    finally:
        connection.close()


def attempt(delivery: WebhookDelivery) -> bool:
    subscription = delivery.subscription
    body = json.dumps({"event": delivery.event, "delivery": delivery.pk, "data": delivery.payload}).encode()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "wowdesk-webhooks",
        "X-Wowdesk-Event": delivery.event,
        "X-Wowdesk-Delivery": str(delivery.pk),
        "X-Wowdesk-Timestamp": timestamp,
        "X-Wowdesk-Signature": sign(subscription.secret, timestamp, body),
    }
    delivery.attempts += 1
    started = time.monotonic()
    try:
        address, refused = resolve(subscription.url)
        if refused:
            raise ValueError(refused)  # recorded on the delivery like any failure, nothing is sent
        status = post(subscription.url, address, body, headers, TIMEOUT)
        delivery.status_code = status
        if 200 <= status < 300:
            delivery.error = ""
        elif 300 <= status < 400:
            delivery.error = f"HTTP {status}: redirects are not followed"
        else:
            delivery.error = f"HTTP {status}"
    except (OSError, http.client.HTTPException, ValueError) as exc:
        delivery.status_code, delivery.error = None, (str(exc) or type(exc).__name__)[:300]
    ok = delivery.status_code is not None and 200 <= delivery.status_code < 300
    slow = time.monotonic() - started > SLOW_AFTER
    if ok:
        delivery.delivered_at = timezone.now()
        if slow:
            delivery.error = f"slow answer ({time.monotonic() - started:.1f} s)"
    if ok and not slow:
        subscription.consecutive_failures = 0
    else:
        subscription.consecutive_failures += 1
        if subscription.consecutive_failures >= DISABLE_AFTER:
            subscription.active = False
            subscription.disabled_reason = (
                f"switched off after {DISABLE_AFTER} failed or slow deliveries: {delivery.error}"
            )[:200]
    delivery.save(update_fields=["attempts", "status_code", "error", "delivered_at"])
    subscription.save(update_fields=["consecutive_failures", "active", "disabled_reason"])
    return ok


@task(queue_name="webhooks")
def deliver(delivery_id: int) -> None:
    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.delivered_at or not delivery.subscription.active:
        return
    if not attempt(delivery) and delivery.attempts < MAX_ATTEMPTS and delivery.subscription.active:
        deliver.using(run_after=timezone.now() + backoff(delivery.attempts)).enqueue(delivery_id)
