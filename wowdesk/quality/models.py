"""Quality reviews: versioned scorecards, reviews with answers and a comment per area, calibration rounds,
WOW nominations, and the audit trail of every change. Only quality.services writes these rows."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wowdesk.accounts.models import LANGUAGE_CHOICES, Team
from wowdesk.tickets.models import Ticket


class Scorecard(models.Model):
    """One version of a scorecard. Editing a card makes a new version (same `key`, `version` + 1) and retires
    the old one, so a review keeps the questions it was scored on."""

    key = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    version = models.PositiveIntegerField(default=1)
    is_current = models.BooleanField(default=True)
    name = models.CharField(_("name"), max_length=120)
    team = models.ForeignKey(
        Team, verbose_name=_("team"), null=True, blank=True, related_name="scorecards", on_delete=models.SET_NULL
    )
    channel = models.CharField(_("channel"), max_length=10, choices=Ticket.Channel.choices, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=LANGUAGE_CHOICES, default="da")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "-version"]
        verbose_name = _("scorecard")
        verbose_name_plural = _("scorecards")
        constraints = [models.UniqueConstraint(fields=["key", "version"], name="scorecard_key_version")]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"


class Area(models.Model):
    """A performance area (greeting, finding the need, ...): its questions and one free-text comment."""

    scorecard = models.ForeignKey(Scorecard, related_name="areas", on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("area"), max_length=120)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("performance area")
        verbose_name_plural = _("performance areas")

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    class Kind(models.TextChoices):
        YES_NO = "yes_no", _("Yes / no / n.a.")
        SCALE = "scale", _("Scale 1-5")

    class AutoQA(models.TextChoices):
        """What the coach can measure in a conversation and pre-fill (quality.autoqa)."""

        GREETING = "greeting", _("Greeting")
        OPEN_QUESTIONS = "open_questions", _("Open questions used")
        NEED_CONFIRMED = "need_confirmed", _("Need confirmed")
        SOLUTION_CONFIRMED = "solution_confirmed", _("Solution confirmed")
        CLOSING_QUESTION = "closing_question", _("Closing question")
        NO_WEAK_WORDS = "no_weak_words", _("No weak words")
        PROMISES_KEPT = "promises_kept", _("Promises kept on time")

    area = models.ForeignKey(Area, related_name="questions", on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.YES_NO)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    autoqa = models.CharField(_("pre-filled by the coach"), max_length=20, choices=AutoQA.choices, blank=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text


class CalibrationRound(models.Model):
    """Several reviewers score the same conversations blind; the page then shows how well they agree."""

    name = models.CharField(_("name"), max_length=120)
    scorecard = models.ForeignKey(Scorecard, related_name="calibrations", on_delete=models.PROTECT)
    tickets = models.ManyToManyField(Ticket, related_name="+", verbose_name=_("conversations"))
    reviewers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", verbose_name=_("reviewers"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("calibration round")
        verbose_name_plural = _("calibration rounds")

    def __str__(self) -> str:
        return self.name


class Review(models.Model):
    class Source(models.TextChoices):
        REVIEW = "review", _("Review")
        MYSTERY = "mystery", _("Mystery shopping")
        CALIBRATION = "calibration", _("Calibration")

    class Reaction(models.TextChoices):
        AGREE = "agree", _("I agree")
        DISCUSS = "discuss", _("Let us discuss")

    scorecard = models.ForeignKey(Scorecard, related_name="reviews", on_delete=models.PROTECT)
    # Empty for a mystery-shopping inquiry that is not in wowdesk (a phone call, a Messenger chat).
    ticket = models.ForeignKey(Ticket, null=True, blank=True, related_name="+", on_delete=models.CASCADE)
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="quality_reviews", on_delete=models.SET_NULL
    )
    team = models.ForeignKey(Team, null=True, blank=True, related_name="+", on_delete=models.SET_NULL)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="reviews_given", on_delete=models.SET_NULL
    )
    source = models.CharField(_("source"), max_length=12, choices=Source.choices, default=Source.REVIEW)
    calibration = models.ForeignKey(
        CalibrationRound, null=True, blank=True, related_name="reviews", on_delete=models.CASCADE
    )
    # Mystery shopping: who evaluated, the inquiry's own reference and channel when it has no ticket.
    evaluator = models.CharField(_("evaluator"), max_length=120, blank=True)
    reference = models.CharField(_("reference"), max_length=120, blank=True)
    channel = models.CharField(_("channel"), max_length=20, blank=True)
    # One free-text comment per performance area: {area id: text} (the seed's comment per area).
    comments = models.JSONField(default=dict, blank=True)
    score = models.FloatField(_("score"), null=True, blank=True)  # 0-100, weighted (services.weighted_score)
    conversation_at = models.DateTimeField(_("conversation"), null=True, blank=True)
    created_at = models.DateTimeField(_("reviewed"), db_index=True)
    reaction = models.CharField(_("reaction"), max_length=10, choices=Reaction.choices, blank=True)
    reaction_comment = models.TextField(_("reaction comment"), blank=True)
    reacted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        indexes = [
            models.Index(fields=["agent", "created_at"], name="review_agent_time"),
            models.Index(fields=["ticket"], name="review_ticket"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["calibration", "ticket", "reviewer"],
                condition=models.Q(calibration__isnull=False),
                name="one_calibration_review_each",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.pk}"


class Answer(models.Model):
    """One question's answer. `value`: yes 1, no 0, empty for n.a.; on a scale 1-5. `suggested` is what the
    coach pre-filled (AutoQA) and `evidence` the words it found, so an override is visible."""

    review = models.ForeignKey(Review, related_name="answers", on_delete=models.CASCADE)
    question = models.ForeignKey(Question, related_name="answers", on_delete=models.PROTECT)
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    suggested = models.PositiveSmallIntegerField(null=True, blank=True)
    suggested_by_coach = models.BooleanField(default=False)
    evidence = models.JSONField(default=list, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["question__area__position", "question__position", "question_id"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["review", "question"], name="one_answer_per_question")]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.value}"

    @property
    def overridden(self) -> bool:
        return self.suggested_by_coach and self.value != self.suggested


class WowMoment(models.Model):
    """A conversation nominated as a WOW moment, with why; a lead may pick it as the month's WOW."""

    ticket = models.ForeignKey(Ticket, related_name="+", on_delete=models.CASCADE)
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="wow_moments", on_delete=models.SET_NULL
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    reason = models.TextField(_("why it was WOW"))
    created_at = models.DateTimeField(auto_now_add=True)
    # The first day of the month it was picked as that month's WOW.
    award_month = models.DateField(_("WOW of the month"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("WOW moment")
        verbose_name_plural = _("WOW moments")

    def __str__(self) -> str:
        return f"WOW #{self.ticket_id}"


class QualityEvent(models.Model):
    """The audit trail of the quality app: who changed what (a card, a review, a reaction, an award)."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, related_name="+", on_delete=models.SET_NULL
    )
    kind = models.CharField(max_length=40)
    target = models.CharField(max_length=80)
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("quality event")
        verbose_name_plural = _("quality events")

    def __str__(self) -> str:
        return f"{self.kind} {self.target}"
