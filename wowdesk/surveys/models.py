"""Follow-up surveys after a solved ticket: CSAT (1-5), NPS (0-10, with why), FCR (yes/no), a comment."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wowdesk.accounts.models import Team
from wowdesk.customers.models import Contact
from wowdesk.tickets.models import Ticket


class SurveySettings(models.Model):
    team = models.OneToOneField(Team, related_name="survey_settings", on_delete=models.CASCADE)
    enabled = models.BooleanField(_("send follow-up surveys"), default=True)
    delay_minutes = models.PositiveIntegerField(_("minutes after solving"), default=60)
    ask_csat = models.BooleanField(_("ask: are you satisfied? (1-5)"), default=True)
    ask_nps = models.BooleanField(_("ask: would you recommend us? (0-10)"), default=True)
    ask_fcr = models.BooleanField(_("ask: solved the first time? (yes/no)"), default=True)

    class Meta:
        verbose_name = _("survey settings")
        verbose_name_plural = _("survey settings")

    def __str__(self) -> str:
        return str(self.team)


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Survey(models.Model):
    ticket = models.OneToOneField(Ticket, related_name="survey", on_delete=models.CASCADE)
    contact = models.ForeignKey(Contact, related_name="surveys", on_delete=models.CASCADE)
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="surveys", on_delete=models.SET_NULL
    )
    language = models.CharField(max_length=5, default="da")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    ask_csat = models.BooleanField(default=True)
    ask_nps = models.BooleanField(default=True)
    ask_fcr = models.BooleanField(default=True)
    csat = models.PositiveSmallIntegerField(_("satisfaction (1-5)"), null=True, blank=True)
    nps = models.PositiveSmallIntegerField(_("recommend (0-10)"), null=True, blank=True)
    fcr = models.BooleanField(_("solved the first time"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()
    answered_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return f"#{self.ticket.number}"
