"""Webhooks: events are delivered as signed JSON POSTs by background tasks, retried with backoff.

Headers: `X-Wowdesk-Event`, `X-Wowdesk-Delivery` (id), `X-Wowdesk-Timestamp` (Unix seconds) and
`X-Wowdesk-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the subscription's secret>`.
A 2xx answer is success; anything else is retried (30 s, 1 min, 2 min, ... 6 attempts). After
DISABLE_AFTER failed deliveries in a row the subscription is switched off, with the reason shown.
"""

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from datetime import timedelta

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


def attempt(delivery: WebhookDelivery) -> bool:
    subscription = delivery.subscription
    body = json.dumps({"event": delivery.event, "delivery": delivery.pk, "data": delivery.payload}).encode()
    timestamp = str(int(time.time()))
    if not subscription.url.startswith(("http://", "https://")):
        raise ValueError("webhook URLs are http or https")
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
