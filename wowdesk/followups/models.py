"""Follow-ups: promises to a customer with a due time (from the coach, by hand, a snooze or a callback)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wowdesk.accounts.models import Team
from wowdesk.tickets.models import Ticket


class FollowUp(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("open")
        DONE = "done", _("done")
        BROKEN = "broken", _("broken")
        CANCELLED = "cancelled", _("cancelled")

    class Source(models.TextChoices):
        PROMISE = "promise", _("promise in a message")
        MANUAL = "manual", _("by hand")
        SNOOZE = "snooze", _("snooze")
        CALLBACK = "callback", _("callback request")

    # Sources that are promises to the customer, counted in the promise-keeping rate (a snooze is not).
    PROMISES = (Source.PROMISE, Source.MANUAL, Source.CALLBACK)

    ticket = models.ForeignKey(Ticket, related_name="followups", on_delete=models.CASCADE, db_index=False)
    due = models.DateTimeField(_("due"))
    # The agent who keeps it; when empty, the team does.
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        related_name="followups",
        on_delete=models.SET_NULL,
        db_index=False,
    )
    team = models.ForeignKey(
        Team, verbose_name=_("team"), null=True, blank=True, related_name="+", on_delete=models.SET_NULL, db_index=False
    )
    text = models.CharField(_("what was promised"), max_length=500)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.MANUAL)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("created"))
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # Done by its due time (set when it is closed): the promise was kept.
    kept = models.BooleanField(null=True, editable=False)
    # The reminder before due went out (once per due time: moving the follow-up clears it).
    reminded_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Times the customer was told we could not make it ("can't make it" notices).
    notices = models.PositiveSmallIntegerField(default=0, editable=False)
    # Callbacks: the end of the customer's preferred window (`due` is its start).
    window_end = models.DateTimeField(_("window ends"), null=True, blank=True)

    class Meta:
        ordering = ["due", "id"]
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        indexes = [
            # The reminder round and the due lists walk open follow-ups by due time.
            models.Index(fields=["state", "due"], name="followup_state_due"),
            models.Index(fields=["owner", "state", "due"], name="followup_owner_state_due"),
            models.Index(fields=["team", "state", "due"], name="followup_team_state_due"),
            models.Index(fields=["ticket", "state"], name="followup_ticket_state"),
            # The Callbacks view: open callback requests by window.
            models.Index(fields=["source", "state", "due"], name="followup_source_state_due"),
            # The promise-keeping rate reads closed follow-ups by when they closed.
            models.Index(fields=["closed_at"], name="followup_closed"),
        ]

    def __str__(self) -> str:
        return f"#{self.ticket_id} {self.due:%Y-%m-%d %H:%M} {self.text[:40]}"


class Notification(models.Model):
    """Something an agent must see in the app: a follow-up due soon (or broken)."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("due soon")
        BROKEN = "broken", _("broken")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="+", on_delete=models.CASCADE, db_index=False)
    followup = models.ForeignKey(FollowUp, related_name="notifications", on_delete=models.CASCADE)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"], name="notification_user_unread")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.followup_id} -> {self.user_id}"
