"""Bearer tokens: `Authorization: Bearer wd_...`. A token acts with its user's permissions, narrowed by scope."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone
from ninja.security import HttpBearer, django_auth

from .models import ApiToken, hash_token

COUNT_IN_WINDOW = (
    "INSERT INTO api_apiratewindow (token_id, minute, count) VALUES (%s, %s, 1) "
    "ON CONFLICT (token_id, minute) DO UPDATE SET count = api_apiratewindow.count + 1 RETURNING count"
)


class RateLimited(Exception):
    def __init__(self, retry_after: int):
        self.retry_after = retry_after


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        record = ApiToken.objects.select_related("user").filter(key_hash=hash_token(token), revoked_at=None).first()
        if record is None or not record.user.is_active:
            return None
        count_request(record)
        request.user = record.user
        request.api_token = record
        return record


def count_request(token: ApiToken) -> None:
    """Fixed one-minute windows per token; over the limit answers 429 with Retry-After."""
    now = timezone.now()
    minute = int(now.timestamp() // 60)
    # One upsert that counts and returns the new count, on PostgreSQL and SQLite alike: this runs on every
    # API request, and concurrent requests of one token must never lose a count.
    with connection.cursor() as cursor:
        cursor.execute(COUNT_IN_WINDOW, [token.pk, minute])
        count = cursor.fetchone()[0]
    if count > token.rate_limit:
        raise RateLimited(retry_after=60 - int(now.timestamp()) % 60)
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)


def require_scope(request, needed: str) -> None:
    """Tokens are limited by their scope; a signed-in browser session acts with the user's full role."""
    token = getattr(request, "api_token", None)
    if token is not None and not token.allows(needed):
        raise PermissionDenied(f"this token's scope is '{token.scope}'; this needs '{needed}'")


API_AUTH = [TokenAuth(), django_auth]
