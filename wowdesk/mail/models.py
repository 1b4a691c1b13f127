"""Mailboxes we receive for, every inbound mail as it arrived, and every mail we send."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wowdesk import languages
from wowdesk.accounts.models import LANGUAGE_CHOICES, Team
from wowdesk.tickets.models import Message, Ticket


class Mailbox(models.Model):
    """An address customers write to, e.g. support@example.com, and the team and language it belongs to.

    Mail arrives over SMTP (our listener) or IMAP (when imap_host is set)."""

    address = models.EmailField(_("address"), unique=True)
    name = models.CharField(_("sender name"), max_length=100, blank=True)
    team = models.ForeignKey(Team, verbose_name=_("team"), related_name="mailboxes", on_delete=models.CASCADE)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, default=languages.DEFAULT)
    active = models.BooleanField(_("active"), default=True)
    imap_host = models.CharField(_("IMAP host"), max_length=200, blank=True)
    imap_port = models.PositiveIntegerField(_("IMAP port"), default=993)
    imap_ssl = models.BooleanField(_("IMAP over TLS"), default=True)
    imap_user = models.CharField(_("IMAP user"), max_length=200, blank=True)
    imap_password = models.CharField(_("IMAP password"), max_length=200, blank=True)
    imap_folder = models.CharField(_("IMAP folder"), max_length=100, default="INBOX")

    class Meta:
        ordering = ["address"]
        verbose_name = _("mailbox")
        verbose_name_plural = _("mailboxes")

    def __str__(self) -> str:
        return self.address

    def save(self, *args, **kwargs):
        self.address = self.address.strip().lower()
        super().save(*args, **kwargs)


class InboundMail(models.Model):
    """A mail exactly as it arrived (raw bytes), stored in the same transaction as its ticket message.

    `dedupe_key` is the Message-ID (or a hash of the raw mail when it has none): the same mail twice is
    stored once."""

    mailbox = models.ForeignKey(Mailbox, null=True, blank=True, related_name="inbound", on_delete=models.SET_NULL)
    dedupe_key = models.CharField(max_length=300, unique=True)
    raw = models.BinaryField()
    source = models.CharField(max_length=10, default="smtp")
    envelope_from = models.CharField(max_length=300, blank=True)
    recipients = models.JSONField(default=list)
    from_address = models.CharField(max_length=300, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    flags = models.JSONField(default=list, blank=True)
    auto_reply_note = models.CharField(max_length=200, blank=True)
    ticket = models.ForeignKey(Ticket, null=True, blank=True, related_name="inbound_mails", on_delete=models.SET_NULL)
    message = models.OneToOneField(
        Message, null=True, blank=True, related_name="inbound_mail", on_delete=models.SET_NULL
    )
    received_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("inbound mail")
        verbose_name_plural = _("inbound mails")

    def __str__(self) -> str:
        return f"{self.from_address}: {self.subject}"


class OutboundMail(models.Model):
    """A mail we send: an agent's reply or an auto-reply. Delivered by a background task with retries."""

    class Kind(models.TextChoices):
        REPLY = "reply", _("reply")
        AUTO_REPLY = "auto_reply", _("auto-reply")
        SURVEY = "survey", _("survey")
        TRANSCRIPT = "transcript", _("chat transcript")
        NOTIFICATION = "notification", _("notification to an agent")

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        OUTBOX = "outbox", _("in the local outbox")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    kind = models.CharField(max_length=12, choices=Kind.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED, db_index=True)
    ticket = models.ForeignKey(Ticket, related_name="outbound_mails", on_delete=models.CASCADE)
    message = models.OneToOneField(
        Message, null=True, blank=True, related_name="outbound_mail", on_delete=models.CASCADE
    )
    from_address = models.CharField(max_length=300)
    to_address = models.CharField(max_length=300, db_index=True)
    subject = models.CharField(max_length=300, blank=True)
    body_text = models.TextField(blank=True)
    # The Message-ID header we send with (`message_id` is the related Message's id).
    mail_message_id = models.CharField(max_length=255, db_index=True)
    in_reply_to = models.CharField(max_length=255, blank=True)
    references = models.TextField(blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    # When a worker took this mail to send it (status "sending"): the row is the lock, so the mail goes out
    # once even if its task runs twice. A worker that died holds it for at most TASK_LEASE_SECONDS.
    claimed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outbound mail")
        verbose_name_plural = _("outbound mails")

    def __str__(self) -> str:
        return f"{self.to_address}: {self.subject}"
