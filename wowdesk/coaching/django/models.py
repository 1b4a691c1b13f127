from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wowdesk.tickets.models import Ticket


class TicketCoaching(models.Model):
    """The coach's verdict on one ticket's conversation, kept so summaries over months stay fast.

    Refreshed whenever the ticket changed after `analyzed_at` (see services.refresh_stale).
    """

    ticket = models.OneToOneField(Ticket, related_name="coaching", on_delete=models.CASCADE)
    agent = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, related_name="coachings", on_delete=models.SET_NULL)
    score = models.PositiveSmallIntegerField(_("score"))
    bala = models.JSONField(default=dict)
    conversation_findings = models.JSONField(default=list)
    # code -> how often it was found in the agent's turns
    finding_counts = models.JSONField(default=dict)
    agent_turns = models.PositiveIntegerField(default=0)
    conversation_at = models.DateTimeField(db_index=True)
    analyzed_at = models.DateTimeField()

    class Meta:
        verbose_name = _("ticket coaching")
        verbose_name_plural = _("ticket coachings")
        indexes = [models.Index(fields=["agent", "conversation_at"], name="coaching_agent_time")]

    def __str__(self) -> str:
        return f"#{self.ticket_id}: {self.score}"
