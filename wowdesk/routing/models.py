from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wowdesk.accounts.models import Team
from wowdesk.tickets.models import Category


class RoutingPolicy(models.Model):
    """How a team's new tickets find an agent."""

    class Mode(models.TextChoices):
        MANUAL = "manual", _("Manual: tickets wait in Unassigned")
        ROUND_ROBIN = "round_robin", _("Round-robin")
        LEAST_OPEN = "least_open", _("Fewest open tickets")

    team = models.OneToOneField(Team, related_name="routing", on_delete=models.CASCADE)
    mode = models.CharField(_("assignment"), max_length=12, choices=Mode.choices, default=Mode.LEAST_OPEN)
    hand_back_after_minutes = models.PositiveIntegerField(
        _("hand back open tickets after absence (minutes)"),
        null=True,
        blank=True,
        help_text=_("Empty: never. An agent away or offline this long gets their open tickets taken back."),
    )
    prefer_emotional = models.BooleanField(
        _("prefer emotional-skill agents"),
        default=False,
        help_text=_(
            "A ticket whose first customer message is strongly negative goes to an available agent with the "
            "skill 'emotional' when there is one (set on the quality variation page)."
        ),
    )
    # Round-robin pointer: the agent who got the last ticket.
    last_assigned = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL, editable=False
    )

    class Meta:
        verbose_name = _("routing policy")
        verbose_name_plural = _("routing policies")

    def __str__(self) -> str:
        return f"{self.team}: {self.get_mode_display()}"


class AgentSkill(models.Model):
    """The categories an agent takes (none listed: every category). Languages are on the user."""

    agent = models.OneToOneField(settings.AUTH_USER_MODEL, related_name="skills", on_delete=models.CASCADE)
    categories = models.ManyToManyField(Category, blank=True, verbose_name=_("categories"))
    # Handles customers with strong feelings well (quality's variation page: review score and CSAT on
    # conversations that started strongly negative); used where the team prefers such agents.
    emotional = models.BooleanField(_("emotional"), default=False)

    class Meta:
        verbose_name = _("agent skills")
        verbose_name_plural = _("agent skills")

    def __str__(self) -> str:
        return str(self.agent)
