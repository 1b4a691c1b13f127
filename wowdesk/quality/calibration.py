"""Calibration rounds: several reviewers score the same conversations blind, then see how well they agree.

Agreement per question is Krippendorff's alpha (the `krippendorff` package): ordinal for the 1-5 scale, nominal
for yes/no; n.a. is a missing value. 1 is full agreement, 0 no better than chance. The page also lists the
conversations and questions where the reviewers' answers differ, so leads can talk them through.
"""

from dataclasses import dataclass

import krippendorff
import numpy as np
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext as _

from wowdesk.accounts.models import User
from wowdesk.tickets.models import Ticket
from wowdesk.tickets.services import visible_tickets

from . import services
from .models import Answer, CalibrationRound, Question, Review, Scorecard

MAX_TICKETS = 50


def create_round(
    *, actor: User, name: str, scorecard: Scorecard, tickets: list[Ticket], reviewers: list[User]
) -> CalibrationRound:
    """A lead (or reviewer) sets up a round: the card, the conversations and who scores them."""
    if not services.can_review(actor):
        raise PermissionDenied
    name = (name or "").strip()
    if not name:
        raise services.QualityInputError("name", _("Give the round a name."))
    if len(name) > 120:
        raise services.QualityInputError("name", _("At most 120 characters."))
    if not tickets:
        raise services.QualityInputError("tickets", _("Choose the conversations to score."))
    if len(tickets) > MAX_TICKETS:
        raise services.QualityInputError("tickets", _("At most 50 conversations in a round."))
    if len(reviewers) < 2:
        raise services.QualityInputError("reviewers", _("Choose at least two reviewers."))
    if any(not services.can_review(r) for r in reviewers):
        raise services.QualityInputError("reviewers", _("Only reviewers, leads and admins score a round."))
    with transaction.atomic():
        round_ = CalibrationRound.objects.create(name=name, scorecard=scorecard, created_by=actor)
        round_.tickets.set(tickets)
        round_.reviewers.set(reviewers)
        services._audit(actor, "calibration.created", round_, round=round_.pk, tickets=[t.pk for t in tickets])
    return round_


def round_for_reviewer(*, user: User, pk: int, ticket: Ticket | None = None) -> CalibrationRound:
    round_ = CalibrationRound.objects.select_related("scorecard").filter(pk=pk).first()
    if round_ is None or not services.can_review(user):
        raise Http404
    if ticket is not None and not round_.tickets.filter(pk=ticket.pk).exists():
        raise Http404
    if ticket is not None and not round_.reviewers.filter(pk=user.pk).exists():
        raise PermissionDenied
    return round_


@dataclass
class QuestionAgreement:
    question: Question
    alpha: float | None
    differences: list  # [(ticket, {reviewer name: answer label})] where answers differ


@dataclass
class RoundResult:
    round: CalibrationRound
    done: dict  # reviewer id -> how many of the round's conversations they scored
    complete: bool  # every reviewer scored every conversation
    revealed: bool  # may this user see the others' answers (they finished their own, or they lead)
    overall_alpha: float | None
    questions: list  # [QuestionAgreement]


def _label(question: Question, value: int | None) -> str:
    if value is None:
        return _("n.a.")
    if question.kind == Question.Kind.YES_NO:
        return _("yes") if value else _("no")
    return str(value)


def alpha(matrix: list[list[float | None]], level: str) -> float | None:
    """Krippendorff's alpha for reviewers x units (None: not answered). None when it is undefined: fewer than
    two units with two answers, or no variation at all in the answers."""
    data = np.array([[np.nan if v is None else v for v in row] for row in matrix], dtype=float)
    pairable = sum(1 for col in data.T if np.count_nonzero(~np.isnan(col)) >= 2)
    values = data[~np.isnan(data)]
    if pairable < 1 or len(np.unique(values)) < 2:
        return 1.0 if pairable >= 1 and len(values) else None
    return round(float(krippendorff.alpha(reliability_data=data, level_of_measurement=level)), 3)


def result(*, user: User, round_: CalibrationRound) -> RoundResult:
    reviewers = list(round_.reviewers.order_by("name"))
    tickets = list(round_.tickets.order_by("pk"))
    reviews = list(Review.objects.filter(calibration=round_).select_related("reviewer"))
    done = {r.pk: sum(1 for v in reviews if v.reviewer_id == r.pk) for r in reviewers}
    complete = all(n >= len(tickets) for n in done.values())
    # Blind: until a reviewer has scored every conversation of the round, they do not see the others' answers.
    revealed = user.is_lead or (user.pk in done and done[user.pk] >= len(tickets))
    answers = Answer.objects.filter(review__calibration=round_).values_list(
        "review__reviewer_id", "review__ticket_id", "question_id", "value"
    )
    table = {(r, t, q): v for r, t, q, v in answers}
    areas = services.card_structure(round_.scorecard)
    questions = []
    all_rows: list[list] = [[] for _reviewer in reviewers]
    for area in areas:
        for q in area.question_list:
            matrix = [[table.get((r.pk, t.pk, q.pk)) for t in tickets] for r in reviewers]
            level = "nominal" if q.kind == Question.Kind.YES_NO else "ordinal"
            diffs = []
            for i, t in enumerate(tickets):
                given = {r.name: matrix[j][i] for j, r in enumerate(reviewers) if (r.pk, t.pk, q.pk) in table}
                if len(given) >= 2 and len(set(given.values())) > 1:
                    diffs.append((t, {name: _label(q, v) for name, v in given.items()}))
            questions.append(
                QuestionAgreement(
                    question=q, alpha=alpha(matrix, level) if revealed else None, differences=diffs if revealed else []
                )
            )
            for j, row in enumerate(matrix):
                # Over all questions at once each answer is on a 0..1 scale (yes 1, no 0, scale (v-1)/4).
                all_rows[j].extend(services.points(q, v) for v in row)
    overall = alpha(all_rows, "interval") if revealed and reviewers else None
    return RoundResult(
        round=round_, done=done, complete=complete, revealed=revealed, overall_alpha=overall, questions=questions
    )


def rounds_for(user: User):
    rounds = CalibrationRound.objects.select_related("scorecard").prefetch_related("reviewers")
    if user.is_lead:
        return rounds
    return rounds.filter(reviewers=user)


def eligible_tickets(user: User):
    return visible_tickets(user)
