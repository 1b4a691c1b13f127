"""Opening hours per team (with exceptions and public holidays), response targets and auto-reply wording."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wowdesk.accounts.models import LANGUAGE_CHOICES, Team
from wowdesk.tickets.models import Category, Ticket


def default_week() -> dict:
    workday = [["08:00", "16:00"]]
    return {"0": workday, "1": workday, "2": workday, "3": workday, "4": [["08:00", "15:00"]], "5": [], "6": []}


class OpeningHours(models.Model):
    """A team's week. `weekly` maps a weekday (0 = Monday) to its open intervals, e.g. [["08:00", "16:00"]]."""

    class HolidayCalendar(models.TextChoices):
        NONE = "", _("none")
        DENMARK = "DK", _("Danish public holidays")
        NORWAY = "NO", _("Norwegian public holidays")

    team = models.OneToOneField(Team, related_name="opening_hours", on_delete=models.CASCADE)
    weekly = models.JSONField(_("weekly schedule"), default=default_week)
    holidays = models.CharField(_("closed on"), max_length=2, choices=HolidayCalendar.choices, default="DK", blank=True)
    first_response_minutes = models.PositiveIntegerField(_("first answer within (business minutes)"), default=240)
    next_response_minutes = models.PositiveIntegerField(_("next answer within (business minutes)"), default=480)

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")

    def __str__(self) -> str:
        return str(self.team)


class OpeningException(models.Model):
    """A day that differs from the week: closed, or open at other times (e.g. Christmas Eve until 12)."""

    team = models.ForeignKey(Team, related_name="opening_exceptions", on_delete=models.CASCADE)
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed all day"), default=False)
    opens = models.TimeField(_("opens"), null=True, blank=True)
    closes = models.TimeField(_("closes"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["date"]
        unique_together = [("team", "date")]
        verbose_name = _("opening exception")
        verbose_name_plural = _("opening exceptions")

    def __str__(self) -> str:
        return f"{self.team}: {self.date}"


class AutoReplyTemplate(models.Model):
    """The wording of the auto-reply, per language. Placeholders: {name} {number} {subject} {response_time}
    {opening_hours}."""

    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, unique=True)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("text"))

    class Meta:
        verbose_name = _("auto-reply template")
        verbose_name_plural = _("auto-reply templates")

    def __str__(self) -> str:
        return self.get_language_display()


class ReplyTemplate(models.Model):
    """A reply template (macro). Variables: {first_name} {ticket_number} {agent_name} {response_time}
    {opening_hours}. Applying it can also set the ticket's status (when the reply is sent), category and tags."""

    name = models.CharField(_("name"), max_length=100)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES)
    body = models.TextField(_("text"))
    set_status = models.CharField(
        _("then set status"),
        max_length=10,
        blank=True,
        choices=[("", "–"), *[(code, label) for code, label in Ticket.Status.choices if code != "new"]],
    )
    set_category = models.ForeignKey(
        Category, verbose_name=_("set category"), null=True, blank=True, on_delete=models.SET_NULL
    )
    add_tags = models.CharField(_("add tags"), max_length=200, blank=True, help_text=_("Separate tags with commas"))

    class Meta:
        ordering = ["language", "name"]
        unique_together = [("name", "language")]
        verbose_name = _("reply template")
        verbose_name_plural = _("reply templates")

    def __str__(self) -> str:
        return f"{self.name} ({self.language})"
