"""Users, roles and teams. The User row is also the agent profile (teams, languages)."""

import re
import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wowdesk import languages

LANGUAGE_CHOICES = languages.CHOICES


LOGO_MAX_BYTES = 512 * 1024


def validate_logo_size(file) -> None:
    if file.size > LOGO_MAX_BYTES:
        raise ValidationError(_("The logo may be at most 512 KB."))


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(_("Unknown time zone: %(zone)s"), params={"zone": value})


class Team(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    time_zone = models.CharField(
        _("time zone"), max_length=64, default=settings.DEFAULT_TEAM_TIME_ZONE, validators=[validate_time_zone]
    )
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, default=languages.DEFAULT)
    # The team's look on the pages customers see (the survey): its logo and its colour.
    logo = models.FileField(
        _("logo"),
        upload_to="team-logos/",
        blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg", "gif", "webp"]), validate_logo_size],
        help_text=_("PNG, JPEG, GIF or WebP, at most 512 KB. Shown on the survey page."),
    )
    colour = models.CharField(
        _("colour"),
        max_length=7,
        blank=True,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Write the colour as #RRGGBB, e.g. #2a5bd7."))],
        help_text=_("As #RRGGBB. The buttons and the heading of the survey page take this colour."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self) -> str:
        return self.name

    @property
    def css_colour(self) -> str:
        """The colour for a style attribute: only a well-formed #RRGGBB ever gets there."""
        return self.colour if re.fullmatch(r"#[0-9a-fA-F]{6}", self.colour or "") else ""


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.update(is_staff=True, is_superuser=True, role=User.Role.ADMIN)
        return self.create_user(email, password, **extra)


class User(AbstractUser):
    """A person who works in wowdesk: admin, lead, agent or reviewer. Customers are Contacts."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Admin")
        LEAD = "lead", _("Team lead")
        AGENT = "agent", _("Agent")
        REVIEWER = "reviewer", _("Reviewer")

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail"), unique=True)
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.AGENT)
    language = models.CharField(_("interface language"), max_length=5, choices=settings.LANGUAGES, default="en")
    teams = models.ManyToManyField(Team, related_name="members", blank=True, verbose_name=_("teams"))
    # Languages the agent can answer in, used for routing (e.g. ["da", "en"]).
    spoken_languages = models.JSONField(_("spoken languages"), default=list, blank=True)

    class Presence(models.TextChoices):
        AVAILABLE = "available", _("Available")
        BUSY = "busy", _("Busy")
        AWAY = "away", _("Away")
        OFFLINE = "offline", _("Offline")

    presence = models.CharField(_("presence"), max_length=10, choices=Presence.choices, default=Presence.OFFLINE)
    presence_changed_at = models.DateTimeField(_("presence changed"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True)
    # How many active tickets routing gives this agent at most.
    capacity = models.PositiveSmallIntegerField(_("capacity"), default=10)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["name"]
    objects = UserManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.name or self.email

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name.split(" ")[0] if self.name else self.email

    @property
    def sees_all_teams(self) -> bool:
        return self.role in {self.Role.ADMIN, self.Role.LEAD, self.Role.REVIEWER} or self.is_superuser

    @property
    def can_work_tickets(self) -> bool:
        """Reviewers read conversations to rate them; they never change a ticket."""
        return self.role != self.Role.REVIEWER

    @property
    def is_lead(self) -> bool:
        return self.role in {self.Role.ADMIN, self.Role.LEAD} or self.is_superuser

    @property
    def reads_reports(self) -> bool:
        """Leads and reviewers open the reports and the coaching summary; reviewers read, they never change."""
        return self.is_lead or self.role == self.Role.REVIEWER


class PresencePeriod(models.Model):
    """How long an agent was in one presence: opened when they switch to it, closed when they leave it
    (accounts.services is the one writer). The agent-hours behind chats per agent-hour are the available
    periods."""

    user = models.ForeignKey(User, verbose_name=_("user"), related_name="presence_periods", on_delete=models.CASCADE)
    presence = models.CharField(_("presence"), max_length=10, choices=User.Presence.choices)
    started_at = models.DateTimeField(_("from"))
    ended_at = models.DateTimeField(_("until"), null=True, blank=True)

    class Meta:
        verbose_name = _("presence period")
        verbose_name_plural = _("presence periods")
        indexes = [models.Index(fields=["presence", "started_at"]), models.Index(fields=["user", "ended_at"])]

    def __str__(self) -> str:
        return f"{self.user}: {self.presence} {self.started_at:%Y-%m-%d %H:%M}"
