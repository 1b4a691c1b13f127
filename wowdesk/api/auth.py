"""Bearer tokens: `Authorization: Bearer wd_...`. A token acts with its user's permissions, narrowed by scope."""

import copy
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from wowdesk.process_cache import ProcessCache

from .models import ApiToken, UsageWindow, hash_token, scope_covers

# Counts one request in the token's current one-minute window and returns the new count, in one statement
# on PostgreSQL and SQLite alike; concurrent requests of one token never lose a count. It counts only while
# the token and its user are still as this process last read them (not revoked, same scope and limit, user
# active with the same role): otherwise it returns no row, and the token is read afresh.
COUNT_IN_WINDOW = """
    INSERT INTO api_apiratewindow (token_id, minute, count)
    SELECT t.id, %s, 1 FROM api_apitoken t JOIN accounts_user u ON u.id = t.user_id
    WHERE t.id = %s AND t.revoked_at IS NULL AND t.scope = %s AND t.rate_limit = %s
      AND u.is_active AND u.role = %s AND u.is_superuser = %s
    ON CONFLICT (token_id, minute) DO UPDATE SET count = api_apiratewindow.count + 1
    RETURNING count
"""

# Tokens this process has read, by hash, with when. Every API request needs its token and user; reading them
# is most of what authentication costs. Nothing that grants access is taken from here unchecked: the count
# above verifies it on every request, so revoking a token or demoting its user takes effect at once. Only
# harmless details (the user's name) can be up to TOKEN_CACHE_SECONDS old.
TOKEN_CACHE_SECONDS = 60
_TOKENS = ProcessCache(TOKEN_CACHE_SECONDS)  # token hash -> ApiToken with its user


class RateLimited(Exception):
    def __init__(self, retry_after: int):
        self.retry_after = retry_after


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        key = hash_token(token)
        record = _TOKENS.fresh(key)
        count = count_request(record) if record else None
        if count is None:
            _TOKENS.forget(key)
            record = ApiToken.objects.select_related("user").filter(key_hash=key, revoked_at=None).first()
            if record is None or not record.user.is_active:
                return None
            count = count_request(record)
            if count is None:  # changed between the two statements
                return None
            _TOKENS.put(key, record)
        now = timezone.now()
        if count > record.rate_limit:
            raise RateLimited(retry_after=60 - int(now.timestamp()) % 60)
        if record.last_used_at is None or now - record.last_used_at > timedelta(minutes=1):
            record.mark_used(now)
        # A copy per request, so nothing a request does to its user is seen by the next one.
        request.user = copy.copy(record.user)
        request.api_token = record
        return record


# One statement on PostgreSQL and SQLite alike, like COUNT_IN_WINDOW: concurrent requests never lose a count.
COUNT_USE = """
    INSERT INTO api_usagewindow (bucket, minute, count) VALUES (%s, %s, 1)
    ON CONFLICT (bucket, minute) DO UPDATE SET count = api_usagewindow.count + 1
    RETURNING count
"""


def limit_uses(request, endpoint: str, per_minute: int) -> None:
    """At most `per_minute` uses of a costly endpoint per token (or per browser-session user) in each
    one-minute window; more answers 429 with Retry-After."""
    token = getattr(request, "api_token", None)
    bucket = f"{endpoint}:token:{token.pk}" if token is not None else f"{endpoint}:user:{request.user.pk}"
    now = timezone.now().timestamp()
    minute = int(now // 60)
    with connection.cursor() as cursor:
        cursor.execute(COUNT_USE, [bucket, minute])
        count = cursor.fetchone()[0]
    if count == 1:  # a new window: the bucket's old ones are done with
        UsageWindow.objects.filter(bucket=bucket, minute__lt=minute).delete()
    if count > per_minute:
        raise RateLimited(retry_after=60 - int(now) % 60)


def forget_tokens() -> None:
    _TOKENS.clear()


def count_request(token: ApiToken) -> int | None:
    """This request's number in the token's fixed one-minute window (over the limit answers 429 with
    Retry-After), or None when the token or its user changed since `token` was read."""
    minute = int(timezone.now().timestamp() // 60)
    user = token.user
    with connection.cursor() as cursor:
        cursor.execute(
            COUNT_IN_WINDOW,
            [minute, token.pk, token.scope, token.rate_limit, user.role, user.is_superuser],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def require_scope(request, needed: str) -> None:
    """A token is limited by its scope, and every request (token or browser session) by what the user's role
    allows now: a reviewer reads, even with a write token issued before they became one."""
    token = getattr(request, "api_token", None)
    if token is not None and not scope_covers(token.scope, needed):
        raise PermissionDenied(f"this token's scope is '{token.scope}'; this needs '{needed}'")
    highest = ApiToken.highest_scope(request.user)
    if not scope_covers(highest, needed):
        raise PermissionDenied(f"the role {request.user.role} allows '{highest}' in the API; this needs '{needed}'")


class BrowserSessionAuth(SessionAuth):
    """A signed-in browser's session, with its CSRF check. A request without a session cookie is left to the
    other methods: ninja's session auth checks CSRF first, so a wrong or missing token on a POST answered
    "CSRF check Failed" (403) instead of 401."""

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None
        return super().__call__(request)


API_AUTH = [TokenAuth(), BrowserSessionAuth()]
