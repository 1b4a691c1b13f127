"""Cursor pagination, Idempotency-Key handling and error responses shared by every API resource."""

import base64
import json
from datetime import timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.utils import timezone

from .models import IdempotencyRecord

MAX_LIMIT = 100


class BadRequestField(ValueError):
    """Bad input that names its field; answered as 422 like a schema error."""

    def __init__(self, field: str, message: str, where: str = "query"):
        super().__init__(message)
        self.field, self.where = field, where


def encode_cursor(pk: int) -> str:
    return base64.urlsafe_b64encode(f"v1:{pk}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        version, pk = raw.split(":")
        if version != "v1" or not 0 <= int(pk) < 2**63:
            raise ValueError
        return int(pk)
    except (ValueError, UnicodeDecodeError) as exc:
        raise BadRequestField("cursor", "not a cursor from this API") from exc


def page(queryset, cursor: str | None, limit: int, serialize) -> dict:
    """Items after the cursor in id order: new rows only ever appear after existing ones, so a client
    paging while others insert sees every row exactly once."""
    if not 1 <= limit <= MAX_LIMIT:
        raise BadRequestField("limit", f"must be between 1 and {MAX_LIMIT}")
    rows = list(queryset.filter(pk__gt=decode_cursor(cursor)).order_by("pk")[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    return {"items": [serialize(r) for r in rows], "next_cursor": encode_cursor(rows[-1].pk) if more else None}


def idempotent(request, compute) -> tuple[int, dict]:
    """With an Idempotency-Key header, a repeated POST (within 24 h) returns the first result, not a second
    ticket. The record is written in the same transaction as the work, so a concurrent repeat waits for it."""
    key = request.headers.get("Idempotency-Key", "").strip()[:200]
    if not key:
        return compute()
    since = timezone.now() - timedelta(hours=24)
    IdempotencyRecord.objects.filter(user=request.user, key=key, created_at__lt=since).delete()
    existing = IdempotencyRecord.objects.filter(user=request.user, key=key).first()
    if existing and existing.status:
        return existing.status, existing.body
    try:
        with transaction.atomic():
            record = IdempotencyRecord.objects.create(user=request.user, key=key, path=request.path[:300])
            status, body = compute()
            body = json.loads(json.dumps(body, cls=DjangoJSONEncoder))
            record.status, record.body = status, body
            record.save(update_fields=["status", "body"])
            return status, body
    except IntegrityError:
        existing = IdempotencyRecord.objects.get(user=request.user, key=key)
        return existing.status, existing.body
