"""/api/v1/scorecards and /api/v1/reviews (with /reviews/import for mystery shopping). Thin: quality.services
holds the rules. Reading needs the read scope; writing a review needs the write scope on a token and a role that
reviews (reviewer, lead, admin): a reviewer writes reviews from a signed-in browser session, since their tokens
only read (issue 13). Errors name the field (422)."""

from typing import Annotated, Literal

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from pydantic import Field, Strict

from wowdesk.accounts.models import Team
from wowdesk.api.models import scope_covers
from wowdesk.quality import mystery, services
from wowdesk.quality.models import Review, Scorecard
from wowdesk.tickets.services import visible_tickets

from .auth import API_AUTH, require_scope
from .common import BadRequestField, IdempotencyKey, idempotent, page
from .schemas import BodyId, Channel, Id, Language, Page, PathId, PersonOut, Text
from .tickets import ERRORS, person

router = Router(tags=["quality"], auth=API_AUTH)

AutoQA = Literal[
    "",
    "greeting",
    "open_questions",
    "need_confirmed",
    "solution_confirmed",
    "closing_question",
    "no_weak_words",
    "promises_kept",
]
Weight = Annotated[int, Strict(), Field(ge=1, le=10)]


class ScorecardQuestionIn(Schema):
    text: Text = Field(min_length=1, max_length=300)
    kind: Literal["yes_no", "scale"] = "yes_no"
    weight: Weight = 1
    autoqa: AutoQA = ""


class ScorecardAreaIn(Schema):
    name: Text = Field(min_length=1, max_length=120)
    weight: Weight = 1
    questions: list[ScorecardQuestionIn] = Field(min_length=1, max_length=services.MAX_QUESTIONS)


class ScorecardIn(Schema):
    name: Text = Field(min_length=1, max_length=120)
    team: BodyId | None = None
    channel: Channel | None = None
    language: Language = "da"
    areas: list[ScorecardAreaIn] = Field(min_length=1, max_length=services.MAX_AREAS)


class ScorecardQuestionOut(Schema):
    id: int
    text: str
    kind: str
    weight: int
    autoqa: str


class ScorecardAreaOut(Schema):
    id: int
    name: str
    weight: int
    questions: list[ScorecardQuestionOut]


class ScorecardOut(Schema):
    id: int
    key: str
    version: int
    is_current: bool
    name: str
    team: int | None
    channel: str
    language: str
    areas: list[ScorecardAreaOut]


class ScorecardList(Schema):
    items: list[ScorecardOut]


class ReviewAnswerIn(Schema):
    question: BodyId
    value: Annotated[int, Strict(), Field(ge=0, le=5)] | Annotated[Text, Field(max_length=20)] | None = Field(
        None, description="yes/no questions: 'yes', 'no', 'na' (or 1, 0, null); scale questions: 1-5 (or null)"
    )
    comment: Text = Field("", max_length=services.MAX_COMMENT)


class ReviewIn(Schema):
    ticket: BodyId = Field(description="the ticket's id")
    scorecard: BodyId
    answers: list[ReviewAnswerIn] = Field(min_length=1, max_length=300)
    comments: dict[Annotated[str, Field(max_length=120)], Annotated[Text, Field(max_length=services.MAX_COMMENT)]] = (
        Field(default_factory=dict, description="a comment per performance area: {area id or name: text}")
    )


class ReviewAnswerOut(Schema):
    question: int
    value: int | None
    suggested: int | None = Field(description="what the coach pre-filled (AutoQA), if it did")
    suggested_by_coach: bool
    evidence: list[str]
    comment: str


class ReviewOut(Schema):
    id: int
    ticket: int | None
    ticket_number: int | None
    scorecard: int
    agent: PersonOut | None
    reviewer: PersonOut | None
    source: str
    evaluator: str
    reference: str
    channel: str
    score: float | None
    comments: dict[str, str]
    answers: list[ReviewAnswerOut]
    reaction: str
    created_at: str


class ReviewPage(Page):
    items: list[ReviewOut]


class ImportIn(Schema):
    scorecard: BodyId
    csv: Text = Field(
        min_length=1, max_length=mystery.MAX_BYTES, description="the CSV file's text (see docs/quality.md)"
    )


class ImportOut(Schema):
    imported: int


def review_out(r: Review) -> dict:
    return {
        "id": r.pk,
        "ticket": r.ticket_id,
        "ticket_number": r.ticket.number if r.ticket_id else None,
        "scorecard": r.scorecard_id,
        "agent": person(r.agent),
        "reviewer": person(r.reviewer),
        "source": r.source,
        "evaluator": r.evaluator,
        "reference": r.reference,
        "channel": r.channel,
        "score": r.score,
        "comments": r.comments,
        "answers": [
            {
                "question": a.question_id,
                "value": a.value,
                "suggested": a.suggested,
                "suggested_by_coach": a.suggested_by_coach,
                "evidence": [str(e) for e in a.evidence],
                "comment": a.comment,
            }
            for a in r.answers.all()
        ],
        "reaction": r.reaction,
        "created_at": r.created_at.isoformat(),
    }


def _require_review_write(request) -> None:
    token = getattr(request, "api_token", None)
    if token is not None and not scope_covers(token.scope, "write"):
        raise PermissionDenied(f"this token's scope is '{token.scope}'; this needs 'write'")
    if not services.can_review(request.user):
        raise PermissionDenied(f"the role {request.user.role} does not review")


def _card(pk: int, field: str = "scorecard") -> Scorecard:
    card = services.current_scorecards().filter(pk=pk).first()
    if card is None:
        raise BadRequestField(field, f"no current scorecard with id {pk}", "body")
    return card


def _input_error(exc: services.QualityInputError) -> BadRequestField:
    return BadRequestField(exc.field, str(exc), "body")


def _spec(payload: ScorecardIn) -> dict:
    team = None
    if payload.team is not None:
        team = Team.objects.filter(pk=payload.team).first()
        if team is None:
            raise BadRequestField("team", f"no team with id {payload.team}", "body")
    return {**payload.model_dump(), "team": team, "channel": payload.channel or ""}


@router.get("/scorecards", response={200: ScorecardList, **ERRORS}, summary="The current scorecards")
def list_scorecards(request):
    require_scope(request, "read")
    return {"items": [services.scorecard_spec(c) for c in services.current_scorecards().order_by("pk")]}


@router.get("/scorecards/{scorecard_id}", response={200: ScorecardOut, **ERRORS}, summary="A scorecard (any version)")
def read_scorecard(request, scorecard_id: PathId):
    require_scope(request, "read")
    return services.scorecard_spec(get_object_or_404(Scorecard, pk=scorecard_id))


@router.post("/scorecards", response={201: ScorecardOut, 200: ScorecardOut, **ERRORS}, summary="Create a scorecard")
def create_scorecard(request, payload: ScorecardIn, idempotency_key: str | None = IdempotencyKey):
    """Leads and admins. Areas with questions (yes_no or scale), weights 1-10, and the AutoQA measure the coach
    pre-fills (yes_no questions only)."""
    require_scope(request, "write")
    if not services.can_edit_scorecards(request.user):
        raise PermissionDenied("leads and admins edit scorecards")

    def compute():
        try:
            card = services.create_scorecard(actor=request.user, spec=_spec(payload))
        except services.QualityInputError as exc:
            raise _input_error(exc) from exc
        return 201, services.scorecard_spec(card)

    return Status(*idempotent(request, compute))


@router.post(
    "/scorecards/{scorecard_id}/versions",
    response={201: ScorecardOut, 200: ScorecardOut, **ERRORS},
    summary="Edit a scorecard (a new version)",
)
def new_version(request, scorecard_id: PathId, payload: ScorecardIn, idempotency_key: str | None = IdempotencyKey):
    """The card as it should be now; the old version is retired and keeps its reviews."""
    require_scope(request, "write")
    if not services.can_edit_scorecards(request.user):
        raise PermissionDenied("leads and admins edit scorecards")
    card = get_object_or_404(Scorecard, pk=scorecard_id)

    def compute():
        try:
            new = services.update_scorecard(actor=request.user, scorecard=card, spec=_spec(payload))
        except services.QualityInputError as exc:
            raise _input_error(exc) from exc
        return 201, services.scorecard_spec(new)

    return Status(*idempotent(request, compute))


class ReviewFilters(Schema):
    agent: Id | None = None
    ticket: Id | None = None
    source: Literal["review", "mystery", "calibration"] | None = None
    cursor: Text | None = Field(None, max_length=100)
    limit: int = Field(50, ge=1, le=100)


def _reviews(request):
    return (
        services.visible_reviews(request.user).select_related("ticket", "agent", "reviewer").prefetch_related("answers")
    )


@router.get("/reviews", response={200: ReviewPage, **ERRORS}, summary="Reviews you may see")
def list_reviews(request, filters: Query[ReviewFilters]):
    """Agents see their own reviews, leads their teams', reviewers and admins all; in id order."""
    require_scope(request, "read")
    qs = _reviews(request)
    if filters.agent is not None:
        qs = qs.filter(agent_id=filters.agent)
    if filters.ticket is not None:
        qs = qs.filter(ticket_id=filters.ticket)
    if filters.source:
        qs = qs.filter(source=filters.source)
    return page(qs, filters.cursor, filters.limit, review_out)


@router.post("/reviews/import", response={201: ImportOut, 200: ImportOut, **ERRORS}, summary="Import mystery shopping")
def import_reviews(request, payload: ImportIn, idempotency_key: str | None = IdempotencyKey):
    """A mystery-shopping CSV as reviews, all or nothing: a bad row answers 422 with every bad row in
    `detail` (`loc`: ["body", "csv", line, column]) and imports nothing."""
    _require_review_write(request)
    card = _card(payload.scorecard)

    def compute():
        result = mystery.import_csv(actor=request.user, data=payload.csv, scorecard=card)
        if not result.ok:
            return 422, {
                "detail": [
                    {"loc": ["body", "csv", e["line"], e["column"]], "msg": e["message"], "type": "value_error"}
                    for e in result.errors
                ]
            }
        return 201, {"imported": result.imported}

    return Status(*idempotent(request, compute))


@router.get("/reviews/{review_id}", response={200: ReviewOut, **ERRORS}, summary="A review")
def read_review(request, review_id: PathId):
    require_scope(request, "read")
    return review_out(get_object_or_404(_reviews(request), pk=review_id))


@router.post("/reviews", response={201: ReviewOut, 200: ReviewOut, **ERRORS}, summary="Review a conversation")
def create_review(request, payload: ReviewIn, idempotency_key: str | None = IdempotencyKey):
    """`answers` for the card's questions; a question the coach pre-fills (AutoQA) answered differently needs a
    `comment` saying why. `comments`: one per performance area, keyed by its id or name."""
    _require_review_write(request)
    ticket = visible_tickets(request.user).filter(pk=payload.ticket).first()
    if ticket is None:
        raise BadRequestField("ticket", f"no ticket with id {payload.ticket}", "body")
    card = _card(payload.scorecard)

    def compute():
        try:
            review = services.save_review(
                actor=request.user,
                ticket=ticket,
                scorecard=card,
                answers=[a.model_dump() for a in payload.answers],
                comments=payload.comments,
            )
        except services.QualityInputError as exc:
            raise _input_error(exc) from exc
        return 201, review_out(_reviews(request).get(pk=review.pk))

    return Status(*idempotent(request, compute))
