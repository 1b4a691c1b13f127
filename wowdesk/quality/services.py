"""Quality use cases: scorecards (versioned), reviews with AutoQA pre-fill, reactions, WOW moments, and who may
see what. Keyword-only functions, one transaction each, an audit entry (QualityEvent) per change.

Who may do what:
- reviewers, leads and admins review, calibrate and read quality reports; reviewers never change a ticket
  (nothing here does);
- leads and admins edit scorecards and pick the month's WOW;
- an agent sees only their own reviews; a lead the reviews of their teams; reviewers and admins all.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from wowdesk.accounts.models import Team, User
from wowdesk.coaching.sentiment import sentiment
from wowdesk.surveys.models import Survey
from wowdesk.tickets.models import Message, Ticket
from wowdesk.tickets.services import visible_tickets

from . import autoqa
from .defaults import default_spec
from .models import Answer, Area, CalibrationRound, QualityEvent, Question, Review, Scorecard, WowMoment

MAX_AREAS = 12
MAX_QUESTIONS = 20
MAX_WEIGHT = 10
MAX_COMMENT = 5000


class QualityInputError(ValueError):
    """Bad input that names its field (for forms and the API's 422)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


# --- who may do what ------------------------------------------------------------------------------------


def can_review(user: User) -> bool:
    return user.is_authenticated and user.is_active and (user.is_lead or user.role == User.Role.REVIEWER)


def can_edit_scorecards(user: User) -> bool:
    return user.is_authenticated and user.is_active and user.is_lead


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You may not do this in quality."))


def visible_reviews(user: User) -> QuerySet[Review]:
    """Every list of reviews starts here. Agents: their own (calibration scores are the reviewers' exercise,
    not feedback). Leads: their teams' (the ticket's team, or an agent of theirs). Reviewers, admins: all."""
    reviews = Review.objects.all()
    if not user.is_authenticated or not user.is_active:
        return reviews.none()
    if user.role == User.Role.ADMIN or user.is_superuser or user.role == User.Role.REVIEWER:
        return reviews
    if user.role == User.Role.LEAD:
        teams = user.teams.values("pk")
        return reviews.filter(Q(team__in=teams) | Q(agent__teams__in=teams) | Q(agent=user)).distinct()
    return reviews.filter(agent=user).exclude(source=Review.Source.CALIBRATION)


def visible_agents(user: User) -> QuerySet[User]:
    """The agents whose quality figures the user may read."""
    agents = User.objects.filter(is_active=True, role__in=[User.Role.AGENT, User.Role.LEAD])
    if user.role == User.Role.ADMIN or user.is_superuser or user.role == User.Role.REVIEWER:
        return agents
    if user.role == User.Role.LEAD:
        return agents.filter(teams__in=user.teams.values("pk")).distinct()
    return agents.filter(pk=user.pk)


def _audit(actor: User | None, kind: str, target: object, **detail) -> None:
    QualityEvent.objects.create(
        actor=actor if actor is not None and actor.pk else None, kind=kind, target=str(target)[:80], detail=detail
    )


# --- scorecards -----------------------------------------------------------------------------------------


def _clean_spec(spec: dict) -> dict:
    """The card as {name, team, channel, language, areas: [{name, weight, questions: [...]}]}, checked; a bad
    field raises QualityInputError naming it (e.g. areas.1.questions.0.kind)."""
    name = (spec.get("name") or "").strip()
    if not name:
        raise QualityInputError("name", _("Give the scorecard a name."))
    if len(name) > 120:
        raise QualityInputError("name", _("At most 120 characters."))
    language = spec.get("language") or "da"
    if language not in ("da", "nb", "en"):
        raise QualityInputError("language", _("The language is da, nb or en."))
    channel = spec.get("channel") or ""
    if channel and channel not in Ticket.Channel.values:
        raise QualityInputError("channel", _("Unknown channel."))
    areas = []
    for i, area in enumerate(spec.get("areas") or []):
        area_name = (area.get("name") or "").strip()
        questions = []
        for j, q in enumerate(area.get("questions") or []):
            text = (q.get("text") or "").strip()
            where = f"areas.{i}.questions.{j}"
            if not text:
                continue
            if len(text) > 300:
                raise QualityInputError(f"{where}.text", _("At most 300 characters."))
            kind = q.get("kind") or Question.Kind.YES_NO
            if kind not in Question.Kind.values:
                raise QualityInputError(f"{where}.kind", _("The kind is yes_no or scale."))
            auto = q.get("autoqa") or ""
            if auto not in Question.AutoQA.values and auto:
                raise QualityInputError(f"{where}.autoqa", _("Unknown AutoQA measure."))
            if auto and kind != Question.Kind.YES_NO:
                raise QualityInputError(f"{where}.autoqa", _("The coach pre-fills yes/no questions only."))
            questions.append(
                {"text": text, "kind": kind, "weight": _weight(q.get("weight"), f"{where}.weight"), "autoqa": auto}
            )
        if not area_name and not questions:
            continue
        if not area_name:
            raise QualityInputError(f"areas.{i}.name", _("Name the performance area."))
        if len(area_name) > 120:
            raise QualityInputError(f"areas.{i}.name", _("At most 120 characters."))
        if not questions:
            raise QualityInputError(f"areas.{i}.questions", _("A performance area needs at least one question."))
        if len(questions) > MAX_QUESTIONS:
            raise QualityInputError(f"areas.{i}.questions", _("At most 20 questions per area."))
        areas.append(
            {"name": area_name, "weight": _weight(area.get("weight"), f"areas.{i}.weight"), "questions": questions}
        )
    if not areas:
        raise QualityInputError("areas", _("A scorecard needs at least one performance area with a question."))
    if len(areas) > MAX_AREAS:
        raise QualityInputError("areas", _("At most 12 performance areas."))
    return {"name": name, "team": spec.get("team"), "channel": channel, "language": language, "areas": areas}


def _weight(value, field: str) -> int:
    if value in (None, ""):
        return 1
    try:
        weight = int(value)
    except (TypeError, ValueError) as exc:
        raise QualityInputError(field, _("The weight is a whole number from 1 to 10.")) from exc
    if not 1 <= weight <= MAX_WEIGHT:
        raise QualityInputError(field, _("The weight is a whole number from 1 to 10."))
    return weight


def _write_card(card: Scorecard, areas: list[dict]) -> None:
    for i, area in enumerate(areas):
        row = Area.objects.create(scorecard=card, position=i, name=area["name"], weight=area["weight"])
        Question.objects.bulk_create(
            Question(area=row, position=j, text=q["text"], kind=q["kind"], weight=q["weight"], autoqa=q["autoqa"])
            for j, q in enumerate(area["questions"])
        )


def create_scorecard(*, actor: User | None, spec: dict) -> Scorecard:
    if actor is not None:
        _require(can_edit_scorecards(actor))
    clean = _clean_spec(spec)
    with transaction.atomic():
        card = Scorecard.objects.create(
            name=clean["name"],
            team=clean["team"],
            channel=clean["channel"],
            language=clean["language"],
            created_by=actor,
        )
        _write_card(card, clean["areas"])
        _audit(actor, "scorecard.created", card, scorecard=card.pk)
    return card


def update_scorecard(*, actor: User, scorecard: Scorecard, spec: dict) -> Scorecard:
    """A new version of the card; the old one is retired and keeps its reviews as they were scored."""
    _require(can_edit_scorecards(actor))
    clean = _clean_spec(spec)
    with transaction.atomic():
        old = Scorecard.objects.select_for_update().get(pk=scorecard.pk)
        if not old.is_current:
            raise QualityInputError("scorecard", _("This is an old version; edit the current one."))
        latest = Scorecard.objects.filter(key=old.key).order_by("-version").first()
        Scorecard.objects.filter(key=old.key).update(is_current=False)
        card = Scorecard.objects.create(
            key=old.key,
            version=latest.version + 1,
            name=clean["name"],
            team=clean["team"],
            channel=clean["channel"],
            language=clean["language"],
            created_by=actor,
        )
        _write_card(card, clean["areas"])
        _audit(actor, "scorecard.versioned", card, scorecard=card.pk, previous=old.pk, version=card.version)
    return card


def retire_scorecard(*, actor: User, scorecard: Scorecard) -> None:
    _require(can_edit_scorecards(actor))
    with transaction.atomic():
        Scorecard.objects.filter(key=scorecard.key).update(is_current=False)
        _audit(actor, "scorecard.retired", scorecard, scorecard=scorecard.pk)


def ensure_default_scorecards(*, actor: User | None = None) -> list[Scorecard]:
    """The default card in da, nb and en, made on first use (while there is no current card at all)."""
    made = []
    if Scorecard.objects.filter(is_current=True).exists():
        return made
    for language in ("da", "nb", "en"):
        if not Scorecard.objects.filter(is_current=True, language=language, team=None).exists():
            made.append(create_scorecard(actor=None, spec=default_spec(language)))
    return made


def current_scorecards() -> QuerySet[Scorecard]:
    return Scorecard.objects.filter(is_current=True).select_related("team")


def scorecard_for(ticket: Ticket) -> Scorecard | None:
    """The card a ticket is reviewed with: its team's for its channel, its team's, then one in its language.
    The default cards are made on first use."""
    ensure_default_scorecards()
    cards = list(current_scorecards().order_by("-created_at"))
    ranked = sorted(
        cards,
        key=lambda c: (
            c.team_id == ticket.team_id and c.channel == ticket.channel,
            c.team_id == ticket.team_id and not c.channel,
            c.team_id is None and c.language == ticket.language,
            c.team_id is None,
        ),
        reverse=True,
    )
    fitting = [c for c in ranked if c.team_id in (None, ticket.team_id) and c.channel in ("", ticket.channel)]
    return fitting[0] if fitting else None


def card_structure(scorecard: Scorecard) -> list[Area]:
    """The card's areas, each with `.question_list`, in order (two queries)."""
    areas = list(scorecard.areas.all())
    questions = Question.objects.filter(area__scorecard=scorecard).order_by("area_id", "position", "pk")
    by_area: dict[int, list] = {a.pk: [] for a in areas}
    for q in questions:
        by_area[q.area_id].append(q)
    for a in areas:
        a.question_list = by_area[a.pk]
    return areas


def scorecard_spec(scorecard: Scorecard) -> dict:
    return {
        "id": scorecard.pk,
        "key": str(scorecard.key),
        "version": scorecard.version,
        "is_current": scorecard.is_current,
        "name": scorecard.name,
        "team": scorecard.team_id,
        "channel": scorecard.channel,
        "language": scorecard.language,
        "areas": [
            {
                "id": a.pk,
                "name": a.name,
                "weight": a.weight,
                "questions": [
                    {"id": q.pk, "text": q.text, "kind": q.kind, "weight": q.weight, "autoqa": q.autoqa}
                    for q in a.question_list
                ],
            }
            for a in card_structure(scorecard)
        ],
    }


# --- answers and scores ---------------------------------------------------------------------------------

YES_WORDS = {"yes", "ja", "y", "1", "true"}
NO_WORDS = {"no", "nej", "nei", "n", "0", "false"}
NA_WORDS = {"na", "n.a.", "n/a", "i.r.", "ir", "", "none", "-", "ikke relevant", "ikkje relevant"}


def parse_value(question: Question, raw, field: str) -> int | None:
    """An answer from a form, the API or a CSV cell: yes/no/n.a. (in da, nb, en) or 1-5."""
    text = str(raw).strip().lower() if raw is not None and not isinstance(raw, bool) else raw
    if isinstance(raw, bool):
        text = "1" if raw else "0"
    if question.kind == Question.Kind.YES_NO:
        if text is None or text in NA_WORDS:
            return None
        if text in YES_WORDS:
            return 1
        if text in NO_WORDS:
            return 0
        raise QualityInputError(field, _("Answer yes, no or n.a."))
    if text is None or text in NA_WORDS:
        return None
    try:
        value = int(text)
    except ValueError as exc:
        raise QualityInputError(field, _("Answer with a whole number from 1 to 5.")) from exc
    if not 1 <= value <= 5:
        raise QualityInputError(field, _("Answer with a whole number from 1 to 5."))
    return value


def points(question: Question, value: int | None) -> float | None:
    """0..1 for a scored answer, None for n.a."""
    if value is None:
        return None
    return float(value) if question.kind == Question.Kind.YES_NO else (value - 1) / 4


def weighted_score(areas: list[Area], values: dict[int, int | None]) -> float | None:
    """0-100: each area's weighted share of its answered questions, weighted by the area. N.a. counts for
    nothing either way; an area with only n.a. answers is left out."""
    total = weight_sum = 0.0
    for area in areas:
        got = possible = 0.0
        for q in area.question_list:
            p = points(q, values.get(q.pk))
            if p is not None:
                got += q.weight * p
                possible += q.weight
        if possible:
            total += area.weight * got / possible
            weight_sum += area.weight
    return round(100 * total / weight_sum, 1) if weight_sum else None


def area_scores(areas: list[Area], values: dict[int, int | None]) -> dict[int, float | None]:
    return {a.pk: weighted_score([a], values) for a in areas}


def agent_of(ticket: Ticket) -> User | None:
    """Whose work the conversation is: the assignee, else whoever last replied."""
    if ticket.assignee_id:
        return ticket.assignee
    last = ticket.messages.filter(kind=Message.Kind.OUTBOUND, author__isnull=False).order_by("-created_at").first()
    return last.author if last else None


@dataclass
class Prefill:
    value: int | None
    evidence: list
    by_coach: bool


def prefill(*, scorecard: Scorecard, ticket: Ticket, now: datetime | None = None) -> dict[int, Prefill]:
    """The coach's answers for the card's AutoQA questions, by question id, with the evidence."""
    measured = autoqa.measure(ticket, now=now)
    out = {}
    for area in card_structure(scorecard):
        for q in area.question_list:
            if q.autoqa and q.autoqa in measured:
                m = measured[q.autoqa]
                out[q.pk] = Prefill(value=m["value"], evidence=m["evidence"], by_coach=True)
    return out


def _clean_answers(areas: list[Area], answers: list[dict], comments: dict) -> tuple[dict, dict, dict]:
    questions = {q.pk: q for a in areas for q in a.question_list}
    values, notes = {}, {}
    for i, answer in enumerate(answers):
        qid = answer.get("question")
        try:
            qid = int(qid)
        except (TypeError, ValueError):
            qid = None
        if qid not in questions:
            raise QualityInputError(f"answers.{i}.question", _("Not a question of this scorecard."))
        values[qid] = parse_value(questions[qid], answer.get("value"), f"answers.{i}.value")
        comment = (answer.get("comment") or "").strip()
        if len(comment) > MAX_COMMENT:
            raise QualityInputError(f"answers.{i}.comment", _("At most 5000 characters."))
        notes[qid] = comment
    area_ids = {str(a.pk): a for a in areas}
    by_name = {a.name.lower(): a for a in areas}
    texts = {}
    for key, text in (comments or {}).items():
        area = area_ids.get(str(key)) or by_name.get(str(key).strip().lower())
        if area is None:
            raise QualityInputError(f"comments.{key}", _("Not a performance area of this scorecard."))
        text = (text or "").strip()
        if len(text) > MAX_COMMENT:
            raise QualityInputError(f"comments.{key}", _("At most 5000 characters."))
        if text:
            texts[str(area.pk)] = text
    return values, notes, texts


def save_review(
    *,
    actor: User,
    ticket: Ticket,
    scorecard: Scorecard,
    answers: list[dict],
    comments: dict | None = None,
    calibration: CalibrationRound | None = None,
    now: datetime | None = None,
) -> Review:
    """Score a conversation. The coach's pre-fill is stored beside each answer, so an override shows; an
    override of the coach needs a comment saying why. In a calibration round a reviewer has one review per
    conversation (saving again replaces it)."""
    _require(can_review(actor))
    if not visible_tickets(actor).filter(pk=ticket.pk).exists():
        raise QualityInputError("ticket", _("No such conversation."))
    now = now or timezone.now()
    areas = card_structure(scorecard)
    values, notes, texts = _clean_answers(areas, answers, comments or {})
    suggested = prefill(scorecard=scorecard, ticket=ticket, now=now)
    for i, answer in enumerate(answers):
        qid = int(answer["question"])
        p = suggested.get(qid)
        if p is not None and p.value is not None and values[qid] != p.value and not notes.get(qid):
            raise QualityInputError(f"answers.{i}.comment", _("Say why you differ from the coach."))
    agent = agent_of(ticket)
    last_message = ticket.messages.order_by("-created_at").values_list("created_at", flat=True).first()
    with transaction.atomic():
        if calibration is not None:
            Review.objects.filter(calibration=calibration, ticket=ticket, reviewer=actor).delete()
        review = Review.objects.create(
            scorecard=scorecard,
            ticket=ticket,
            agent=agent,
            team=ticket.team,
            reviewer=actor,
            source=Review.Source.CALIBRATION if calibration else Review.Source.REVIEW,
            calibration=calibration,
            channel=ticket.channel,
            comments=texts,
            score=weighted_score(areas, values),
            conversation_at=last_message or ticket.created_at,
            created_at=now,
        )
        Answer.objects.bulk_create(
            Answer(
                review=review,
                question_id=qid,
                value=value,
                suggested=suggested[qid].value if qid in suggested else None,
                suggested_by_coach=qid in suggested and suggested[qid].value is not None,
                evidence=suggested[qid].evidence if qid in suggested else [],
                comment=notes.get(qid, ""),
            )
            for qid, value in values.items()
        )
        _audit(actor, "review.saved", review, review=review.pk, ticket=ticket.pk, score=review.score)
    return review


def react(*, actor: User, review: Review, reaction: str, comment: str = "", now: datetime | None = None) -> Review:
    """The reviewed agent agrees, or asks to discuss (with a comment)."""
    if review.agent_id != actor.pk:
        raise PermissionDenied(_("Only the reviewed agent reacts to a review."))
    if reaction not in Review.Reaction.values:
        raise QualityInputError("reaction", _("Agree or discuss."))
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT:
        raise QualityInputError("comment", _("At most 5000 characters."))
    with transaction.atomic():
        review.reaction, review.reaction_comment, review.reacted_at = reaction, comment, now or timezone.now()
        review.save(update_fields=["reaction", "reaction_comment", "reacted_at"])
        _audit(actor, "review.reaction", review, review=review.pk, reaction=reaction)
    return review


@dataclass
class ReviewView:
    """A review as its agent reads it: what went well first, then what to work on, then the rest."""

    review: Review
    strengths: list
    to_work_on: list
    not_scored: list
    area_comments: list  # [(area, comment, area score)]


def review_view(review: Review) -> ReviewView:
    areas = card_structure(review.scorecard)
    answers = {a.question_id: a for a in review.answers.all()}
    values = {qid: a.value for qid, a in answers.items()}
    strengths, work, rest = [], [], []
    for area in areas:
        for q in area.question_list:
            answer = answers.get(q.pk)
            p = points(q, answer.value) if answer else None
            row = {"area": area, "question": q, "answer": answer, "points": p}
            if p is None:
                rest.append(row)
            elif p >= 0.75:
                strengths.append(row)
            else:
                work.append(row)
    scores = area_scores(areas, values)
    comments = [(a, review.comments.get(str(a.pk), ""), scores[a.pk]) for a in areas]
    # Best areas first: the agent reads what went well before what to improve (appreciative inquiry).
    comments.sort(key=lambda c: -(c[2] if c[2] is not None else -1))
    strengths.sort(key=lambda r: -r["points"])
    work.sort(key=lambda r: -r["points"])
    return ReviewView(review=review, strengths=strengths, to_work_on=work, not_scored=rest, area_comments=comments)


# --- WOW ------------------------------------------------------------------------------------------------


def nominate_wow(*, actor: User, ticket: Ticket, reason: str) -> WowMoment:
    """Anyone who can see the conversation may nominate it, with why it was WOW."""
    if not visible_tickets(actor).filter(pk=ticket.pk).exists():
        raise QualityInputError("ticket", _("No such conversation."))
    reason = (reason or "").strip()
    if not reason:
        raise QualityInputError("reason", _("Say what made it WOW."))
    if len(reason) > MAX_COMMENT:
        raise QualityInputError("reason", _("At most 5000 characters."))
    with transaction.atomic():
        moment = WowMoment.objects.create(ticket=ticket, agent=agent_of(ticket), nominated_by=actor, reason=reason)
        _audit(actor, "wow.nominated", moment, ticket=ticket.pk)
    return moment


def pick_wow_of_month(*, actor: User, moment: WowMoment, month: date | None = None) -> WowMoment:
    """A lead picks the month's WOW (one per month: picking another moves the award)."""
    _require(actor.is_lead)
    month = (month or timezone.localdate()).replace(day=1)
    with transaction.atomic():
        WowMoment.objects.filter(award_month=month).exclude(pk=moment.pk).update(award_month=None)
        moment.award_month = month
        moment.save(update_fields=["award_month"])
        _audit(actor, "wow.picked", moment, month=month.isoformat())
    return moment


def visible_wow(user: User) -> QuerySet[WowMoment]:
    return WowMoment.objects.filter(ticket__in=visible_tickets(user).values("pk")).select_related(
        "ticket", "agent", "nominated_by"
    )


def team_choices() -> QuerySet[Team]:
    return Team.objects.all()


def reviewer_choices() -> QuerySet[User]:
    """Who can score a calibration round."""
    return (
        User.objects.filter(is_active=True)
        .filter(Q(role__in=[User.Role.REVIEWER, User.Role.LEAD, User.Role.ADMIN]) | Q(is_superuser=True))
        .order_by("name")
    )


PRAISE_SCAN = 2000


def praise_suggestions(*, user: User, now: datetime | None = None) -> list[dict]:
    """Customer comments that praise an agent by name (their first name in a positive survey comment), not
    yet nominated: suggestions for a WOW nomination."""
    now = now or timezone.now()
    nominated = WowMoment.objects.values("ticket_id")
    surveys = (
        Survey.objects.filter(ticket__in=visible_tickets(user).values("pk"), answered_at__gte=now - timedelta(days=90))
        .exclude(comment="")
        .exclude(ticket__in=nominated)
        .exclude(ticket__assignee=None)
        .select_related("ticket__assignee")
        .order_by("-answered_at")[:PRAISE_SCAN]
    )
    out = []
    for s in surveys:
        first_name = s.ticket.assignee.get_short_name()
        language = s.language if s.language in ("da", "nb", "en") else "en"
        if (
            first_name
            and re.search(rf"(?<!\w){re.escape(first_name)}(?!\w)", s.comment, re.IGNORECASE)
            and sentiment(s.comment[:5000], language) > 0.2
        ):
            out.append({"ticket": s.ticket, "agent": s.ticket.assignee, "comment": s.comment})
    return out
