"""Shared by every API resource: cursor pagination, Idempotency-Key handling, error responses, and the
shapes of people and contacts in responses."""

import base64
import hashlib
import json
from datetime import timedelta

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from ninja import Header, Schema
from pydantic import Field

from wowdesk.accounts.models import User
from wowdesk.db import CompiledQuery, insert, save_fields

from .models import IdempotencyRecord
from .schemas import ErrorOut, Text, ValidationErrorOut

MAX_LIMIT = 100  # items per page at most

# 400: the body is not JSON at all; 422: it is, but a field is wrong (named in `loc`).
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ValidationErrorOut, 429: ErrorOut}


def person(user: User | None) -> dict | None:
    return {"id": user.pk, "name": user.name} if user else None


def contact_out(contact) -> dict:
    return {
        "id": contact.pk,
        "name": contact.name,
        "email": contact.email,
        "phones": contact.phones,
        "language": contact.language,
        "organization_id": contact.organization_id,
    }


class PageQuery(Schema):
    cursor: Text | None = Field(None, max_length=100)
    limit: int = Field(50, ge=1, le=MAX_LIMIT)


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


MAX_IDEMPOTENCY_KEY = 255
# How long a key's answer is kept: a repeat within it gets the first answer; after it the key is new again.
IDEMPOTENCY_WINDOW = timedelta(hours=24)
HEADER = "Idempotency-Key"
# Declared on each POST that honours it, so the schema (and the fuzz run) knows it and its bound.
IdempotencyKey = Header(
    None,
    alias=HEADER,
    max_length=MAX_IDEMPOTENCY_KEY,
    description="makes a retry safe: a repeat within 24 h returns the first answer (see docs/api.md)",
)


def request_hash(request) -> str:
    """SHA-256 of the body; for JSON, of its canonical form, so that a retry that spaces or orders the
    same fields differently is still the same request."""
    try:
        canonical = json.dumps(json.loads(request.body), sort_keys=True, separators=(",", ":")).encode()
    except ValueError:
        canonical = request.body
    return hashlib.sha256(canonical).hexdigest()


def stored(scope: dict):
    """The record of a key (a queryset of at most one), looked up by the columns of its unique key only: a token's
    key by token, method, path and key (the token is its user's), so that the one index that fits is the unique
    one. With the user's column too, PostgreSQL without statistics (a new database) took the index of the user's
    records at some table sizes and kept that prepared plan, reading every record of the user for each new
    ticket (bench/RESULTS.md, session 10)."""
    if scope["token"] is not None:
        scope = {name: value for name, value in scope.items() if name != "user"}
    return IdempotencyRecord.objects.filter(**scope)


def token_record(token: int, method: str, path: str, key: str):
    """stored() of a token's key, by the token's id."""
    return IdempotencyRecord.objects.filter(token=token, method=method, path=path, key=key).order_by("pk")[:1]


# An API create with an Idempotency-Key (as bench/pipeline.py sends) looked its key up, wrote it and wrote the
# answer through the ORM, each statement built and compiled per request; the three are compiled once
# (wowdesk/db.py: CompiledQuery, insert, save_fields) (issue 20).
_RECORD_OF_TOKEN = CompiledQuery(token_record, token=int, method=str, path=str, key=str)


def idempotent(request, compute) -> tuple[int, dict]:
    """With an Idempotency-Key header, a repeated POST (within 24 h) returns the first result, not a second
    ticket. A key is scoped to the token (or the session's user), the method and the path; reused with a
    different body it is refused (422), never answered with the first request's result. The record is written
    in the same transaction as the work, so a concurrent repeat waits for it."""
    key = request.headers.get("Idempotency-Key", "").strip()
    if not key:
        return compute()
    if len(key) > MAX_IDEMPOTENCY_KEY:
        raise BadRequestField(HEADER, f"at most {MAX_IDEMPOTENCY_KEY} characters", where="header")
    scope = {
        "user": request.user,
        "token": getattr(request, "api_token", None),
        "method": request.method,
        "path": request.path[:300],
        "key": key,
    }
    digest = request_hash(request)
    records = stored(scope)
    token = scope["token"]
    if token is not None and scope["user"].pk is not None:
        # The token's key (what every API client sends): the lookup compiled once.
        existing = _RECORD_OF_TOKEN.first(token=token.pk, method=scope["method"], path=scope["path"], key=key)
    else:
        existing = records.first()
    if existing and existing.created_at < timezone.now() - IDEMPOTENCY_WINDOW:
        # Kept 24 h: after that the key is new again. Deleted when found rather than by a DELETE on every request,
        # which was a write of its own per API create (on SQLite it waits for the one write lock) (issue 20).
        records.filter(pk=existing.pk).delete()
        existing = None
    if existing and existing.status:
        return _replay(existing, digest)
    try:
        with transaction.atomic():
            record = insert(IdempotencyRecord(**scope, request_hash=digest))
            status, body = compute()
            body = json.loads(json.dumps(body, cls=DjangoJSONEncoder))
            record.status, record.body = status, body
            save_fields(record, ["status", "body"])
            return status, body
    except IntegrityError:
        return _replay(records.get(), digest)


def prune_expired_keys(*, limit: int, now=None) -> int:
    """Delete up to `limit` records older than IDEMPOTENCY_WINDOW, the oldest first; returns how many. The API
    answers such a key as new already (idempotent() deletes the one it finds), so deleting them changes no answer;
    without it every key ever sent stayed, one row per API create. Run by the task workers with the task prune
    (workers.housekeeping); a walk of the created_at index from its oldest entry, at any table size."""
    now = now or timezone.now()
    oldest = (
        IdempotencyRecord.objects.filter(created_at__lt=now - IDEMPOTENCY_WINDOW).order_by("created_at").values("pk")
    )[:limit]
    with transaction.atomic():
        if connection.vendor == "postgresql":
            oldest = oldest.select_for_update(skip_locked=True)  # two workers at once delete different records
        return IdempotencyRecord.objects.filter(pk__in=oldest).delete()[0]


def _replay(record: IdempotencyRecord, digest: str) -> tuple[int, dict]:
    if record.request_hash and record.request_hash != digest:
        raise BadRequestField(
            HEADER, "this key was used for a different request body; send a new key for a new request", "header"
        )
    return record.status, record.body
