"""API tokens (stored hashed), rate-limit windows, idempotency records, webhook subscriptions and deliveries."""

import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .addresses import refused_address

TOKEN_PREFIX = "wd_"  # noqa: S105 (a prefix, not a secret)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    class Scope(models.TextChoices):
        READ = "read", _("read")
        WRITE = "write", _("read and write")
        ADMIN = "admin", _("admin (webhooks too)")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="api_tokens", on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=100, blank=True)
    scope = models.CharField(_("scope"), max_length=5, choices=Scope.choices, default=Scope.READ)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    prefix = models.CharField(max_length=12, editable=False)  # shown, so people can tell tokens apart
    rate_limit = models.PositiveIntegerField(_("requests per minute"), default=600)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"

    @classmethod
    def highest_scope(cls, user) -> str:
        """The most a token of this user may do, from the user's role: reviewers only read (they never change
        a ticket), agents read and write, leads and admins also manage webhooks."""
        if user.is_lead:
            return cls.Scope.ADMIN
        return cls.Scope.WRITE if user.can_work_tickets else cls.Scope.READ

    @classmethod
    def issue(cls, user, scope: str = Scope.READ, name: str = "") -> tuple["ApiToken", str]:
        """A new token; the raw value is returned once and never stored. Never more than the user's role
        allows (PermissionDenied)."""
        if not scope_covers(cls.highest_scope(user), scope):
            raise PermissionDenied(f"the role {user.role} allows tokens up to '{cls.highest_scope(user)}'")
        raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, scope=scope, name=name, key_hash=hash_token(raw), prefix=raw[:10])
        return token, raw

    @classmethod
    def revoke(cls, pk: int, *, user=None) -> bool:
        """Revoke a token (of `user`, when given); False when there is no such active token."""
        tokens = cls.objects.filter(pk=pk, revoked_at=None)
        if user is not None:
            tokens = tokens.filter(user=user)
        return bool(tokens.update(revoked_at=timezone.now()))

    def mark_used(self, now) -> None:
        self.last_used_at = now
        ApiToken.objects.filter(pk=self.pk).update(last_used_at=now)

    def allows(self, needed: str) -> bool:
        """Checked on every request against the user's role as it is now: a token issued before its user was
        made a reviewer can no longer write."""
        return scope_covers(self.scope, needed) and scope_covers(self.highest_scope(self.user), needed)


def scope_covers(scope: str, needed: str) -> bool:
    order = [ApiToken.Scope.READ, ApiToken.Scope.WRITE, ApiToken.Scope.ADMIN]
    return order.index(scope) >= order.index(needed)


class ApiRateWindow(models.Model):
    token = models.ForeignKey(ApiToken, on_delete=models.CASCADE)
    minute = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        unique_together = [("token", "minute")]

    def __str__(self) -> str:
        return f"{self.token_id}@{self.minute}: {self.count}"


class UsageWindow(models.Model):
    """Uses of one costly endpoint (e.g. "coach") by one token or browser-session user in one minute, for a
    limit of its own on top of the token's request rate."""

    bucket = models.CharField(max_length=60)  # "<endpoint>:token:<id>" or "<endpoint>:user:<id>"
    minute = models.BigIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        unique_together = [("bucket", "minute")]

    def __str__(self) -> str:
        return f"{self.bucket}@{self.minute}: {self.count}"


class IdempotencyRecord(models.Model):
    """The answer to a POST sent with an Idempotency-Key, kept 24 h. A key belongs to one token (or, from a
    browser session, one user), one method and one path; the body's hash tells a retry from a new request."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    # No index of its own: idempotency_key_per_token leads with the token. With one, PostgreSQL without statistics
    # (a new database) took it for the API's lookup by key at some table sizes and kept that prepared plan,
    # reading every record of the token for each new ticket (bench/RESULTS.md, session 10).
    token = models.ForeignKey(ApiToken, null=True, on_delete=models.CASCADE, db_index=False)
    method = models.CharField(max_length=7, default="POST")
    path = models.CharField(max_length=300)
    key = models.CharField(max_length=255)
    request_hash = models.CharField(max_length=64, blank=True)  # SHA-256 of the request body; "" from before
    status = models.PositiveSmallIntegerField(null=True)
    body = models.JSONField(null=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["token", "method", "path", "key"],
                condition=models.Q(token__isnull=False),
                name="idempotency_key_per_token",
            ),
            models.UniqueConstraint(
                fields=["user", "method", "path", "key"],
                condition=models.Q(token__isnull=True),
                name="idempotency_key_per_session_user",
            ),
        ]

    def __str__(self) -> str:
        return self.key


class WebhookSubscription(models.Model):
    EVENTS = [
        "ticket.created",
        "ticket.updated",
        "ticket.solved",
        "message.created",
        "survey.answered",
        "followup.due",
        "followup.broken",
    ]

    url = models.URLField(_("URL"), max_length=500)
    events = models.JSONField(_("events"), default=list, help_text=", ".join(EVENTS))
    secret = models.CharField(_("signing secret"), max_length=100, default=secrets.token_hex, editable=False)
    active = models.BooleanField(_("active"), default=True)
    consecutive_failures = models.PositiveIntegerField(default=0, editable=False)
    disabled_reason = models.CharField(max_length=200, blank=True, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self) -> str:
        return self.url

    def clean(self):
        if self.url and (refused := refused_address(self.url)):
            raise ValidationError({"url": refused})


class WebhookDelivery(models.Model):
    subscription = models.ForeignKey(WebhookSubscription, related_name="deliveries", on_delete=models.CASCADE)
    event = models.CharField(max_length=40)
    payload = models.JSONField()
    attempts = models.PositiveSmallIntegerField(default=0)
    status_code = models.PositiveSmallIntegerField(null=True)
    error = models.CharField(max_length=300, blank=True)
    delivered_at = models.DateTimeField(null=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.event} #{self.pk} -> {self.status_code}"
