"""Opening hours per team, with exceptions and public holidays, and the team's response targets."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wowdesk.accounts.models import Team


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
        db_table = "replies_openinghours"  # made by the replies app, which held these models until hours existed
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
        db_table = "replies_openingexception"
        verbose_name = _("opening exception")
        verbose_name_plural = _("opening exceptions")

    def __str__(self) -> str:
        return f"{self.team}: {self.date}"
