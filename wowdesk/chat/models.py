"""Live chat: the widgets customers' sites embed, and each chat (a ticket with channel=chat) as it runs."""

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wowdesk.accounts.models import Team
from wowdesk.tickets.models import Ticket


def new_public_key() -> str:
    return secrets.token_urlsafe(18)


def normalize_origin(origin: str) -> str:
    """scheme://host[:port] in lower case, the form browsers send in the Origin header."""
    parts = urlsplit(origin.strip().lower())
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""


def default_inactivity_minutes() -> int:
    return settings.CHAT_INACTIVITY_MINUTES


class Widget(models.Model):
    """One chat widget: the script tag a site embeds names it by its public key."""

    name = models.CharField(_("name"), max_length=100)
    public_key = models.CharField(_("public key"), max_length=40, unique=True, default=new_public_key)
    allowed_origins = models.TextField(
        _("allowed origins"),
        help_text=_("The sites that may show this widget, one per line, e.g. https://www.example.com"),
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), null=True, blank=True, related_name="chat_widgets", on_delete=models.SET_NULL
    )
    ask_email = models.BooleanField(
        _("ask for the e-mail address"),
        default=True,
        help_text=_("Required before a chat starts; without it the customer can get no transcript."),
    )
    inactivity_minutes = models.PositiveSmallIntegerField(
        _("end after inactivity (minutes)"), default=default_inactivity_minutes
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("chat widget")
        verbose_name_plural = _("chat widgets")

    def __str__(self) -> str:
        return self.name

    def origins(self) -> set[str]:
        return {o for o in (normalize_origin(line) for line in self.allowed_origins.splitlines()) if o}

    def allows(self, origin: str) -> bool:
        return bool(origin) and normalize_origin(origin) in self.origins()


class Chat(models.Model):
    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for an agent")
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")

    class EndedBy(models.TextChoices):
        CUSTOMER = "customer", _("Customer")
        AGENT = "agent", _("Agent")
        INACTIVITY = "inactivity", _("Inactivity")

    ticket = models.OneToOneField(Ticket, verbose_name=_("ticket"), related_name="chat", on_delete=models.CASCADE)
    widget = models.ForeignKey(Widget, verbose_name=_("widget"), related_name="chats", on_delete=models.PROTECT)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.WAITING)
    started_at = models.DateTimeField(_("started"))
    # The first answer from an agent: the customer's wait is answered_at - started_at.
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    # The customer's wait in seconds (answered_at - started_at), written when it happens so reports
    # aggregate a plain column.
    wait_s = models.PositiveIntegerField(_("wait (s)"), null=True, blank=True, editable=False)
    last_activity_at = models.DateTimeField(_("last activity"))
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    ended_by = models.CharField(_("ended by"), max_length=10, choices=EndedBy.choices, blank=True)
    transcript_sent_at = models.DateTimeField(_("transcript sent"), null=True, blank=True)
    # Read state: the last agent message the customer has seen in the widget, and the last customer message
    # an agent has seen on the ticket page (message ids; they only grow).
    customer_read_id = models.PositiveBigIntegerField(_("read by the customer up to"), null=True, blank=True)
    agent_read_id = models.PositiveBigIntegerField(_("read by an agent up to"), null=True, blank=True)

    class Meta:
        verbose_name = _("chat")
        verbose_name_plural = _("chats")
        indexes = [models.Index(fields=["status", "last_activity_at"])]

    def __str__(self) -> str:
        return f"#{self.ticket.number}"


class AgentChatLimit(models.Model):
    """How many chats an agent takes at once (CHAT_LIMIT_DEFAULT when an agent has no row)."""

    agent = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("agent"), related_name="chat_limit", on_delete=models.CASCADE
    )
    max_chats = models.PositiveSmallIntegerField(_("concurrent chats"), default=3)

    class Meta:
        verbose_name = _("chat limit")
        verbose_name_plural = _("chat limits")

    def __str__(self) -> str:
        return f"{self.agent}: {self.max_chats}"
