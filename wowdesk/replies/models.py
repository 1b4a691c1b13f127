"""Auto-reply wording and reply templates (opening hours and response targets live in `wowdesk.hours`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wowdesk.accounts.models import LANGUAGE_CHOICES
from wowdesk.tickets.models import Category, Ticket


class AutoReplyTemplate(models.Model):
    """The wording of the auto-reply, per language. Placeholders as in reply templates: {first_name}
    {ticket_number} {subject} {response_time} {opening_hours} ({name} and {number} still work)."""

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
