"""Webhooks: events are delivered as signed JSON POSTs by background tasks, retried with backoff.

Headers: `X-Wowdesk-Event`, `X-Wowdesk-Delivery` (id), `X-Wowdesk-Timestamp` (Unix seconds) and
`X-Wowdesk-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the subscription's secret>`.
A 2xx answer is success; anything else is retried (30 s, 1 min, 2 min, ... 6 attempts). After
DISABLE_AFTER failed deliveries in a row the subscription is switched off, with the reason shown.
"""

import hashlib
import hmac
import ipaddress
import json
import socket
import time
import urllib.error
import urllib.request
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django_tasks import task

from .models import WebhookDelivery, WebhookSubscription

MAX_ATTEMPTS = 6
DISABLE_AFTER = 10
TIMEOUT = 10


def sign(secret: str, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def emit(event: str, payload: dict) -> int:
    """Queue a delivery of this event to every active subscription that wants it."""
    count = 0
    for subscription in WebhookSubscription.objects.filter(active=True):
        if event in subscription.events:
            delivery = WebhookDelivery.objects.create(
                subscription=subscription,
                event=event,
                payload=json.loads(json.dumps(payload, cls=DjangoJSONEncoder)),
            )
            deliver.enqueue(delivery.pk)  # a task row in the same transaction: it exists only if the event does
            count += 1
    return count


def refused_address(url: str) -> str | None:
    """Why `url` may not receive webhooks, or None. Only http(s) to public addresses: every address the host
    name resolves to must be global, so a webhook cannot be aimed at the server's own network (SSRF).
    Checked when a subscription is made and again before each delivery (DNS answers change)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "webhook URLs are http:// or https:// with a host name"
    if settings.WEBHOOK_ALLOW_PRIVATE:
        return None
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except (OSError, UnicodeError, ValueError):
        return f"the host name {parts.hostname} cannot be resolved"
    for *_ignored, sockaddr in infos:
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        if not address.is_global:
            return f"{parts.hostname} points to a private or local address ({address}); webhooks go to public ones"
    return None


def attempt(delivery: WebhookDelivery) -> bool:
    subscription = delivery.subscription
    body = json.dumps({"event": delivery.event, "delivery": delivery.pk, "data": delivery.payload}).encode()
    timestamp = str(int(time.time()))
    request = urllib.request.Request(  # noqa: S310 (scheme checked above)
        subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": "wowdesk-webhooks",
            "X-Wowdesk-Event": delivery.event,
            "X-Wowdesk-Delivery": str(delivery.pk),
            "X-Wowdesk-Timestamp": timestamp,
            "X-Wowdesk-Signature": sign(subscription.secret, timestamp, body),
        },
    )
    delivery.attempts += 1
    try:
        if refused := refused_address(subscription.url):
            raise ValueError(refused)  # recorded on the delivery like any failure, nothing is sent
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (http/https only)
            delivery.status_code, delivery.error = response.status, ""
    except urllib.error.HTTPError as exc:
        delivery.status_code, delivery.error = exc.code, f"HTTP {exc.code}"
    except (urllib.error.URLError, OSError, ValueError) as exc:
        delivery.status_code, delivery.error = None, str(getattr(exc, "reason", exc))[:300]
    ok = delivery.status_code is not None and 200 <= delivery.status_code < 300
    if ok:
        delivery.delivered_at = timezone.now()
        subscription.consecutive_failures = 0
    else:
        subscription.consecutive_failures += 1
        if subscription.consecutive_failures >= DISABLE_AFTER:
            subscription.active = False
            subscription.disabled_reason = f"switched off after {DISABLE_AFTER} failed deliveries: {delivery.error}"
    delivery.save(update_fields=["attempts", "status_code", "error", "delivered_at"])
    subscription.save(update_fields=["consecutive_failures", "active", "disabled_reason"])
    return ok


def backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(3600, 30 * 2 ** (attempts - 1)))


@task()
def deliver(delivery_id: int) -> None:
    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.delivered_at or not delivery.subscription.active:
        return
    if not attempt(delivery) and delivery.attempts < MAX_ATTEMPTS and delivery.subscription.active:
        deliver.using(run_after=timezone.now() + backoff(delivery.attempts)).enqueue(delivery_id)
