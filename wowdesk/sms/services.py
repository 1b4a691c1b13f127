"""SMS out and in: phone numbers (E.164), the gateway chosen by WOWDESK_SMS_URL, delivery with retries, and
customers' answers landing on their ticket.

Gateways (docs/sms.md):
- WOWDESK_SMS_URL unset: messages stay in the local outbox (shown at /outbox/).
- `http+json://host:port/path` (`https+json://` for TLS): each SMS is POSTed as JSON to http(s)://host:port/path.
  WOWDESK_SMS_AUTH_HEADER ("Authorization: Bearer ...") is sent with it; WOWDESK_SMS_BODY_TEMPLATE is the JSON
  body, with $to, $text, $sender and $reference replaced inside its strings (JSON-escaped). The provider's
  answer may carry an "id" that is kept.

Never sent twice: the worker claims a queued row (status "sending") in a committed transaction before it posts,
so a second worker on the same task finds it claimed. A crash in the middle leaves it "sending", visible, and
it is not sent again by itself; the body's $reference (wowdesk-<id>) lets a provider drop a repeat.
"""

import hashlib
import hmac
import json
import logging
import string
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from wowdesk.customers import services as customers
from wowdesk.customers.phones import mobile_number, normalize_phone
from wowdesk.task_backend import backoff
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Message, Ticket

from .models import InboundSMS, OutboundSMS

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 6
TIMEOUT = 10
# Inbound posts older than this (by their signed timestamp) are refused, so a captured post cannot be replayed.
MAX_SKEW_S = 300
# --- the gateway ------------------------------------------------------------------------------------

DEFAULT_BODY_TEMPLATE = '{"to": "$to", "from": "$sender", "text": "$text", "reference": "$reference"}'


@dataclass
class Gateway:
    url: str
    headers: dict
    body_template: object

    def body(self, outbound: OutboundSMS) -> bytes:
        values = {
            "to": outbound.to_number,
            "text": outbound.body,
            "sender": settings.SMS_SENDER,
            "reference": f"wowdesk-{outbound.pk}",
        }

        def fill(node):
            if isinstance(node, str):
                return string.Template(node).safe_substitute(values)
            if isinstance(node, dict):
                return {k: fill(v) for k, v in node.items()}
            if isinstance(node, list):
                return [fill(v) for v in node]
            return node

        return json.dumps(fill(self.body_template)).encode()


def gateway() -> Gateway | None:
    """The provider from WOWDESK_SMS_URL, or None for the local outbox. A malformed setting is an error
    at the first send, named, rather than a silent outbox."""
    url = settings.SMS_URL
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http+json", "https+json") or not parts.hostname:
        raise ValueError(f"WOWDESK_SMS_URL must be http+json://host:port/path or https+json://..., not {url!r}")
    target = parts._replace(scheme=parts.scheme.split("+")[0]).geturl()
    headers = {"Content-Type": "application/json", "User-Agent": "wowdesk-sms"}
    if settings.SMS_AUTH_HEADER:
        name, _sep, value = settings.SMS_AUTH_HEADER.partition(":")
        headers[name.strip()] = value.strip()
    try:
        template = json.loads(settings.SMS_BODY_TEMPLATE or DEFAULT_BODY_TEMPLATE)
    except json.JSONDecodeError as exc:
        raise ValueError(f"WOWDESK_SMS_BODY_TEMPLATE is not JSON: {exc}") from exc
    return Gateway(target, headers, template)


class TemporaryFailure(Exception):
    pass


def post(gw: Gateway, outbound: OutboundSMS) -> str:
    """POST one SMS to the provider; its id when it gives one. 5xx and network errors are temporary."""
    request = urllib.request.Request(gw.url, data=gw.body(outbound), method="POST", headers=gw.headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310 (http/https only)
            raw = response.read(65536)
    except urllib.error.HTTPError as exc:
        if exc.code >= 500 or exc.code == 429:
            raise TemporaryFailure(f"HTTP {exc.code}") from exc
        raise ValueError(f"the SMS provider refused it: HTTP {exc.code}") from exc
    except (urllib.error.URLError, OSError) as exc:
        raise TemporaryFailure(str(getattr(exc, "reason", exc))) from exc
    try:
        answer = json.loads(raw or b"{}")
    except ValueError:
        return ""
    return str(answer.get("id", ""))[:200] if isinstance(answer, dict) else ""


# --- outbound ---------------------------------------------------------------------------------------


def queue(ticket: Ticket, *, to_number: str, body: str, message: Message | None = None) -> OutboundSMS:
    """An SMS to send: the row now (it commits with the message), the sending by a task with retries."""
    outbound = OutboundSMS.objects.create(ticket=ticket, message=message, to_number=to_number, body=body)
    if message is not None:
        tickets.mark_delivery(message, delivery=Message.Delivery.QUEUED, error="")
    deliver.enqueue(outbound.pk)
    return outbound


def queue_reply(message: Message) -> OutboundSMS | None:
    """An agent's reply by SMS to the customer's mobile number; without one it fails visibly at once."""
    number = mobile_number(message.ticket.contact)
    if number is None:
        tickets.mark_delivery(message, delivery=Message.Delivery.FAILED, error=_("the customer has no mobile number"))
        return None
    return queue(message.ticket, to_number=number, body=message.body_text, message=message)


def _claim(outbound_id: int) -> OutboundSMS | None:
    """Take this SMS to send it; the row is the lock, so it goes out once however often its task runs. A
    claim older than the lease (settings.TASK_LEASE_SECONDS) was a worker that died: it is taken over, so the
    SMS is not stuck in "sending" (wowdesk/workers runs the dead worker's task again)."""
    now = timezone.now()
    lease = timedelta(seconds=settings.TASK_LEASE_SECONDS)
    with transaction.atomic():
        outbound = OutboundSMS.objects.select_for_update().filter(pk=outbound_id).first()
        if outbound is None:
            return None
        abandoned = outbound.status == OutboundSMS.Status.SENDING and (
            outbound.claimed_at is None or outbound.claimed_at < now - lease  # None: claimed before claims had a time
        )
        if outbound.status != OutboundSMS.Status.QUEUED and not abandoned:
            if outbound.status == OutboundSMS.Status.SENDING:
                # Another worker is sending it now. Should that worker die, look again when its claim runs out.
                deliver.using(run_after=outbound.claimed_at + lease).enqueue(outbound.pk)
            return None  # sent, failed or in the outbox
        outbound.status, outbound.claimed_at = OutboundSMS.Status.SENDING, now
        outbound.attempts += 1
        outbound.save(update_fields=["status", "claimed_at", "attempts"])
        return outbound


def _finish(outbound: OutboundSMS, status: str, error: str = "", provider_id: str = "") -> None:
    outbound.status, outbound.last_error, outbound.provider_id = status, error[:500], provider_id
    if status == OutboundSMS.Status.SENT:
        outbound.sent_at = timezone.now()
    outbound.save(update_fields=["status", "last_error", "provider_id", "sent_at"])
    if outbound.message_id:
        tickets.mark_delivery(outbound.message_id, delivery=status, error=error)


# Beside the services it runs (see mail.services.deliver); sms/tasks.py keeps the old path for queued rows.
@task(queue_name="mail", priority=10)  # what a customer waits for: with customer mail (settings.TASK_QUEUES)
def deliver(outbound_id: int) -> None:
    """Send one SMS; retries schedule themselves with backoff (deliver_now)."""
    deliver_now(outbound_id)


def deliver_now(outbound_id: int) -> str | None:
    """Send one queued SMS (from the task). Returns its status afterwards, or None if it was not ours."""
    try:
        gw = gateway()
    except ValueError as exc:
        gw, config_error = None, str(exc)
    else:
        config_error = ""
    outbound = _claim(outbound_id)
    if outbound is None:
        return None
    if config_error:
        _finish(outbound, OutboundSMS.Status.FAILED, config_error)
        return outbound.status
    if gw is None:
        _finish(outbound, OutboundSMS.Status.OUTBOX)
        return outbound.status
    try:
        provider_id = post(gw, outbound)
    except TemporaryFailure as exc:
        error = str(exc)
        if outbound.attempts >= MAX_ATTEMPTS:
            _finish(outbound, OutboundSMS.Status.FAILED, error)
            return outbound.status
        outbound.status, outbound.last_error = OutboundSMS.Status.QUEUED, error[:500]
        outbound.save(update_fields=["status", "last_error"])
        if outbound.message_id:
            tickets.mark_delivery(
                outbound.message_id,
                delivery=Message.Delivery.QUEUED,
                error=_("retrying (attempt %(n)s): %(error)s") % {"n": outbound.attempts, "error": error},
            )
        deliver.using(run_after=timezone.now() + backoff(outbound.attempts)).enqueue(outbound.pk)
        return outbound.status
    except ValueError as exc:
        _finish(outbound, OutboundSMS.Status.FAILED, str(exc))
        return outbound.status
    _finish(outbound, OutboundSMS.Status.SENT, provider_id=provider_id)
    return outbound.status


# --- inbound ----------------------------------------------------------------------------------------


def sign(secret: str, timestamp: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()


def verify(timestamp: str, signature: str, body: bytes, now: float | None = None) -> bool:
    """The provider (or our relay) signs `<timestamp>.<body>` with WOWDESK_SMS_SECRET, as our webhooks do."""
    secret = settings.SMS_SECRET
    if not secret or not timestamp.isdigit():
        return False
    if abs((now or time.time()) - int(timestamp)) > MAX_SKEW_S:
        return False
    return hmac.compare_digest(sign(secret, timestamp, body), signature or "")


@transaction.atomic
def receive(*, from_number: str, text: str, to_number: str = "", provider_id: str | None = None, now=None) -> Ticket:
    """A customer's SMS: on the ticket we last texted them from, otherwise a new SMS ticket."""
    number = normalize_phone(from_number, field="from")
    if not (text or "").strip():
        raise ValidationError({"text": _("The SMS has no text.")})
    if provider_id:
        seen = InboundSMS.objects.filter(provider_id=provider_id).select_related("ticket").first()
        if seen is not None and seen.ticket is not None:
            return seen.ticket
    try:
        with transaction.atomic():
            inbound = InboundSMS.objects.create(
                from_number=number, to_number=(to_number or "")[:20], body=text, provider_id=provider_id or None
            )
    except IntegrityError:  # the same post twice at once: the first one wins
        return InboundSMS.objects.select_related("ticket").get(provider_id=provider_id).ticket
    last = OutboundSMS.objects.filter(to_number=number).select_related("ticket").order_by("-created_at", "-pk").first()
    if last is not None:
        message = tickets.add_inbound_message(last.ticket, body=text, now=now)
        ticket = message.ticket
    else:
        contact = customers.contact_for_phone(number)
        ticket = tickets.open_ticket(
            contact=contact,
            subject=_("SMS from %(number)s") % {"number": number},
            body=text,
            channel=Ticket.Channel.SMS,
            auto_reply=False,
            now=now,
        )
        message = ticket.first_message
    inbound.ticket, inbound.message = ticket, message
    inbound.save(update_fields=["ticket", "message"])
    return ticket


def outbox(limit: int = 200) -> list[OutboundSMS]:
    return list(OutboundSMS.objects.select_related("ticket").order_by("-created_at", "-pk")[:limit])
