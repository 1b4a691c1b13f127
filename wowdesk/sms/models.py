"""Text messages (SMS) out and in. An outbound row is written before it is sent and is the lock that keeps it
from being sent twice."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wowdesk.tickets.models import Message, Ticket


class OutboundSMS(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        OUTBOX = "outbox", _("in the local outbox")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    ticket = models.ForeignKey(Ticket, related_name="outbound_sms", on_delete=models.CASCADE)
    message = models.OneToOneField(
        Message, null=True, blank=True, related_name="outbound_sms", on_delete=models.CASCADE
    )
    to_number = models.CharField(_("to"), max_length=20, db_index=True)
    body = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    provider_id = models.CharField(max_length=200, blank=True)
    # When a worker took it to send it (status "sending"); a worker that died holds it for at most
    # TASK_LEASE_SECONDS (services._claim).
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("outbound SMS")
        verbose_name_plural = _("outbound SMS")

    def __str__(self) -> str:
        return f"{self.to_number}: {self.body[:40]}"


class InboundSMS(models.Model):
    """An SMS a customer sent us, as the provider posted it. `provider_id` keeps a repeated post from
    becoming two messages."""

    from_number = models.CharField(max_length=20, db_index=True)
    to_number = models.CharField(max_length=20, blank=True)
    body = models.TextField()
    provider_id = models.CharField(max_length=200, null=True, blank=True, unique=True)
    ticket = models.ForeignKey(Ticket, null=True, blank=True, related_name="inbound_sms", on_delete=models.SET_NULL)
    message = models.OneToOneField(
        Message, null=True, blank=True, related_name="inbound_sms", on_delete=models.SET_NULL
    )
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("inbound SMS")
        verbose_name_plural = _("inbound SMS")

    def __str__(self) -> str:
        return f"{self.from_number}: {self.body[:40]}"
