"""Tickets (cases), their messages and attachments, and the audit trail of every change."""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wowdesk import languages
from wowdesk.accounts.models import LANGUAGE_CHOICES, Team
from wowdesk.customers.models import Contact

# Human ticket numbers start here, so the first ticket is #1001 rather than #1.
NUMBER_OFFSET = 1000


class Category(models.Model):
    """A kind of matter. `name` is the one name every language falls back to; the names per language are what
    agents see in their interface language."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    name_da = models.CharField(_("name in Danish"), max_length=100, blank=True)
    name_nb = models.CharField(_("name in Norwegian"), max_length=100, blank=True)
    name_en = models.CharField(_("name in English"), max_length=100, blank=True)
    team = models.ForeignKey(
        Team, verbose_name=_("team"), null=True, blank=True, related_name="categories", on_delete=models.SET_NULL
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self) -> str:
        return self.label()

    def label(self, language: str | None = None) -> str:
        """The name in `language` (default: the active interface language), else the common name."""
        code = (language or get_language() or "").split("-")[0]
        translated = getattr(self, f"name_{code}", "") if code in ("da", "nb", "en") else ""
        return translated or self.name


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=50, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


class Ticket(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        OPEN = "open", _("Open")
        PENDING = "pending", _("Pending")
        SOLVED = "solved", _("Solved")
        CLOSED = "closed", _("Closed")

    class Priority(models.TextChoices):
        LOW = "low", _("Low")
        NORMAL = "normal", _("Normal")
        HIGH = "high", _("High")
        URGENT = "urgent", _("Urgent")

    class Channel(models.TextChoices):
        EMAIL = "email", _("E-mail")
        WEB = "web", _("Web form")
        CHAT = "chat", _("Chat")
        PHONE = "phone", _("Phone")
        SMS = "sms", _("SMS")
        API = "api", _("API")

    # Statuses in which a ticket still needs work from us or the customer.
    ACTIVE_STATUSES = (Status.NEW, Status.OPEN, Status.PENDING)

    # The number people see and say ("#1234"): the id plus an offset, computed by the database as the row is
    # inserted, so a new ticket costs one INSERT and its number can never disagree with its id.
    number = models.GeneratedField(
        expression=models.F("id") + NUMBER_OFFSET,
        output_field=models.PositiveIntegerField(),
        db_persist=True,
        unique=True,
        verbose_name=_("number"),
    )
    subject = models.CharField(_("subject"), max_length=250)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices, default=Channel.EMAIL)
    # These four foreign keys lead composite indexes (Meta.indexes), which serve their lookups too; an index
    # of their own would only make every new ticket update four more indexes. (bench/inbox.py: an agent's
    # inbox views, whose visibility filter is on team and assignee, took as long with them as without.)
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        null=True,
        blank=True,
        related_name="tickets",
        on_delete=models.SET_NULL,
        db_index=False,
    )
    team = models.ForeignKey(
        Team,
        verbose_name=_("team"),
        null=True,
        blank=True,
        related_name="tickets",
        on_delete=models.SET_NULL,
        db_index=False,
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        related_name="assigned_tickets",
        on_delete=models.SET_NULL,
        db_index=False,
    )
    contact = models.ForeignKey(
        Contact, verbose_name=_("customer"), related_name="tickets", on_delete=models.PROTECT, db_index=False
    )
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, default=languages.DEFAULT)
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="tickets")
    follow_up_of = models.ForeignKey(
        "self",
        verbose_name=_("follow-up of"),
        null=True,
        blank=True,
        related_name="follow_ups",
        on_delete=models.SET_NULL,
    )
    reopen_count = models.PositiveIntegerField(_("reopened"), default=0)
    created_at = models.DateTimeField(_("created"), db_index=True)
    updated_at = models.DateTimeField(_("updated"))
    first_response_at = models.DateTimeField(_("first response"), null=True, blank=True)
    # The SLA clock (hours.sla): when our next answer is due, in business hours. Empty while the ticket
    # waits on the customer; `sla_remaining_s` keeps what was left of the clock when it paused.
    response_due_at = models.DateTimeField(_("answer due"), null=True, blank=True, db_index=True)
    sla_remaining_s = models.PositiveIntegerField(null=True, blank=True, editable=False)
    solved_at = models.DateTimeField(_("solved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # Durations written when they happen (tickets.services), in calendar and in business seconds, so reports
    # aggregate plain columns in SQL: business time depends on each team's opening hours and holidays and
    # cannot be computed by the database, and recomputing it per ticket on every report would not scale.
    first_response_s = models.PositiveIntegerField(null=True, blank=True, editable=False)
    first_response_business_s = models.PositiveIntegerField(null=True, blank=True, editable=False)
    resolution_s = models.PositiveIntegerField(null=True, blank=True, editable=False)
    resolution_business_s = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Answers that came after the SLA clock had run out (counted by hours.sla.stop).
    sla_breaches = models.PositiveIntegerField(default=0, editable=False)
    # Agents' handling time, summed over their replies and notes (seconds with the ticket open in the
    # composer). For workforce planning only: shown to leads on the planning page, never on agents' screens.
    handling_s = models.PositiveIntegerField(default=0, editable=False)
    # Snoozed: the ticket waits (pending) and stays out of the inbox views until then, or until the customer
    # writes (followups wakes it at this time; add_inbound_message when the customer writes).
    snoozed_until = models.DateTimeField(_("snoozed until"), null=True, blank=True)
    # Whether the customer gets the auto-reply: the channel decides when it opens the ticket (not for a chat,
    # an SMS or a callback, nor for a mail from a robot or a list), and replies reads it here in the worker,
    # so the decision is not carried through task arguments and signals.
    auto_reply = models.BooleanField(_("auto-reply"), default=True)
    # Derived by the database from status, so it can never disagree with it. It exists for the indexes
    # below: "all open tickets, newest first" becomes an index walk instead of a sort of every open ticket.
    is_active = models.GeneratedField(
        expression=models.Q(status__in=ACTIVE_STATUSES),
        output_field=models.BooleanField(),
        db_persist=True,
    )

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("ticket")
        verbose_name_plural = _("tickets")
        indexes = [
            models.Index(fields=["updated_at", "id"], name="ticket_updated"),
            models.Index(fields=["is_active", "updated_at", "id"], name="ticket_active_updated"),
            models.Index(fields=["status", "updated_at", "id"], name="ticket_status_updated"),
            # The inbox walks these in order per visibility branch (services.inbox_page); the last column is
            # the other half of visible_tickets' filter (and the snooze), so a walk reads the index only.
            models.Index(
                fields=["assignee", "is_active", "updated_at", "id", "team", "snoozed_until"],
                name="ticket_assignee_active",
            ),
            models.Index(
                fields=["team", "is_active", "updated_at", "id", "assignee", "snoozed_until"], name="ticket_team_active"
            ),
            models.Index(fields=["category", "is_active", "updated_at", "id"], name="ticket_category_active"),
            # Every column the inbox's counts need, in the order they are grouped by (services.inbox_counts):
            # counting along an index reads no table row and sorts nothing (bench/inbox.py).
            models.Index(fields=["team", "status", "category", "assignee", "snoozed_until"], name="ticket_team_status"),
            models.Index(
                fields=["assignee", "status", "category", "team", "snoozed_until"], name="ticket_assignee_status"
            ),
            # The snoozed tickets only (a few), by team and by assignee: the inbox counts them without reading
            # the rest of a team's or an agent's tickets (services.inbox_counts).
            models.Index(
                fields=["team", "assignee", "snoozed_until", "updated_at", "id"],
                condition=models.Q(snoozed_until__isnull=False),
                name="ticket_snoozed",
            ),
            models.Index(
                fields=["assignee", "team", "snoozed_until"],
                condition=models.Q(snoozed_until__isnull=False),
                name="ticket_snoozed_assignee",
            ),
            models.Index(fields=["contact", "created_at"], name="ticket_contact_created"),
            models.Index(fields=["solved_at"], name="ticket_solved"),
        ]

    def __str__(self) -> str:
        return f"#{self.number} {self.subject}"

    @cached_property
    def has_reply(self) -> bool:
        """Did we answer the customer? (Solving without an answer asks the agent to confirm.)"""
        return self.messages.filter(kind=Message.Kind.OUTBOUND).exists()


class Message(models.Model):
    class Kind(models.TextChoices):
        INBOUND = "inbound", _("From customer")
        OUTBOUND = "outbound", _("Reply")
        NOTE = "note", _("Internal note")

    # Indexed by message_ticket_created (ticket, created_at), which leads with it.
    ticket = models.ForeignKey(Ticket, related_name="messages", on_delete=models.CASCADE, db_index=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="messages", on_delete=models.SET_NULL
    )
    contact = models.ForeignKey(Contact, null=True, blank=True, related_name="messages", on_delete=models.SET_NULL)
    body_text = models.TextField(_("text"))
    # Sanitised (nh3) HTML, safe to render as it is. Empty when the message came as plain text.
    body_html = models.TextField(_("HTML"), blank=True)
    created_at = models.DateTimeField(_("sent"), db_index=True)
    # E-mail: the Message-ID it carried (inbound) or was sent with (outbound), for threading.
    email_message_id = models.CharField(max_length=255, blank=True)
    # Problems found while reading an inbound mail ("malformed MIME", ...); the raw mail is kept.
    flags = models.JSONField(default=list, blank=True)

    class Delivery(models.TextChoices):
        NONE = "", "–"
        QUEUED = "queued", _("queued")
        OUTBOX = "outbox", _("in the local outbox")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    delivery = models.CharField(_("delivery"), max_length=10, choices=Delivery.choices, blank=True, default="")
    delivery_error = models.CharField(_("delivery error"), max_length=500, blank=True)
    # Replies and notes: how long the agent had the ticket open in the composer for it (planning only).
    handling_s = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [
            models.Index(fields=["ticket", "created_at"], name="message_ticket_created"),
            # Threading looks Message-IDs up by equality only, so a plain index (db_index=True would add a
            # second one for LIKE on PostgreSQL).
            models.Index(fields=["email_message_id"], name="message_email_id"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on #{self.ticket.number}"

    @property
    def author_name(self) -> str:
        if self.author_id:
            return str(self.author)
        if self.contact_id:
            return self.contact.name or self.contact.email
        return ""


class Draft(models.Model):
    """A reply or note an agent has begun on a ticket, kept on the server while they type, so it is there
    when they come back (another tab, another machine). One per agent and ticket; gone once sent."""

    ticket = models.ForeignKey(Ticket, related_name="drafts", on_delete=models.CASCADE, db_index=False)
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="drafts", on_delete=models.CASCADE)
    kind = models.CharField(max_length=10, choices=Message.Kind.choices, default=Message.Kind.OUTBOUND)
    body = models.TextField(blank=True)
    updated_at = models.DateTimeField()

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")
        constraints = [models.UniqueConstraint(fields=["ticket", "agent"], name="draft_per_ticket_and_agent")]

    def __str__(self) -> str:
        return f"{self.agent} on #{self.ticket.number}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    return f"tickets/{instance.message.ticket_id}/{instance.message_id}/{filename}"


class Attachment(models.Model):
    message = models.ForeignKey(Message, related_name="attachments", on_delete=models.CASCADE)
    file = models.FileField(upload_to=attachment_path, max_length=500)
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=120, blank=True)
    size = models.PositiveBigIntegerField(_("size"))

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self) -> str:
        return self.filename


class TicketEvent(models.Model):
    """The audit trail: who changed what on a ticket, and when."""

    class Kind(models.TextChoices):
        CREATED = "created", _("created")
        STATUS = "status", _("status")
        ASSIGNEE = "assignee", _("assignee")
        CATEGORY = "category", _("category")
        PRIORITY = "priority", _("priority")
        TAGS = "tags", _("tags")
        REOPENED = "reopened", _("reopened")
        FOLLOW_UP = "follow_up", _("follow-up created")
        MESSAGE = "message", _("message")
        AUTO_REPLY = "auto_reply", _("auto-reply")
        SNOOZE = "snooze", _("snoozed")
        WOKE = "woke", _("back from snooze")
        FOLLOWUP = "followup", _("follow-up")
        CALL = "call", _("call logged")

    # An auto-reply event's value when the sender's hourly limit stopped it (otherwise: a delivery status).
    AUTO_REPLY_RATE_LIMITED = "rate-limited"
    # A message event's value when the agent undid their reply before it went out.
    REPLY_WITHDRAWN = "withdrawn"

    ticket = models.ForeignKey(Ticket, related_name="events", on_delete=models.CASCADE)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    old_value = models.CharField(max_length=250, blank=True)
    new_value = models.CharField(max_length=250, blank=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("ticket event")
        verbose_name_plural = _("ticket events")

    def __str__(self) -> str:
        return f"{self.kind}: {self.old_value} -> {self.new_value}"

    def _label(self, value: str) -> str:
        """Codes (status, priority, what became of an auto-reply) are shown in the reader's language."""
        if self.kind == self.Kind.AUTO_REPLY and value == self.AUTO_REPLY_RATE_LIMITED:
            return str(_("not sent: this sender had the most auto-replies allowed this hour"))
        if self.kind == self.Kind.MESSAGE and value == self.REPLY_WITHDRAWN:
            return str(_("reply undone before it was sent"))
        choices = {
            self.Kind.STATUS: Ticket.Status,
            self.Kind.PRIORITY: Ticket.Priority,
            self.Kind.AUTO_REPLY: Message.Delivery,
        }.get(self.kind)
        if choices and value in choices.values:
            return str(choices(value).label)
        return value  # free text (names, tags) and entries written before codes were used

    @property
    def old_label(self) -> str:
        return self._label(self.old_value)

    @property
    def new_label(self) -> str:
        return self._label(self.new_value)
