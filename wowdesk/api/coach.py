"""POST /api/v1/coach/analyze: the conversation coach over HTTP, same JSON as the CLI."""

from datetime import datetime
from typing import Literal

from django.conf import settings
from ninja import Router, Schema
from pydantic import Field, field_validator

from wowdesk import languages
from wowdesk.coaching import analyze

from .auth import API_AUTH, limit_uses
from .common import ERRORS

router = Router(tags=["coach"])


# A conversation the coach reads in well under a second. Longer texts are refused (422 naming the field)
# rather than analysed: the analysis grows with the text, and one 5 MB request held a web worker for 9 s.
MAX_TURN_CHARS = 20_000
MAX_TURNS = 500
MAX_CONVERSATION_CHARS = 100_000


class TurnIn(Schema):
    speaker: Literal["agent", "customer"]
    text: str = Field(max_length=MAX_TURN_CHARS)
    sent_at: datetime | None = None


class ConversationIn(Schema):
    language: Literal[languages.CODES] | None = None
    channel: Literal["chat", "phone", "email"] | None = None
    sent_at: datetime | None = None
    turns: list[TurnIn] = Field(max_length=MAX_TURNS)

    @field_validator("turns")
    @classmethod
    def not_too_long(cls, turns: list[TurnIn]) -> list[TurnIn]:
        total = sum(len(turn.text) for turn in turns)
        if total > MAX_CONVERSATION_CHARS:
            raise ValueError(f"the turns hold {total} characters; at most {MAX_CONVERSATION_CHARS} per request")
        return turns


class QuestionOut(Schema):
    text: str
    kind: Literal["open", "closed"]


class FindingOut(Schema):
    code: str
    start: int
    end: int
    text: str
    polarity: Literal["good", "improve"]
    advice: str


class TurnOut(Schema):
    speaker: Literal["agent", "customer"]
    phase: str | None
    questions: list[QuestionOut]
    findings: list[FindingOut]
    sentiment: float | None


class BalaOut(Schema):
    need: bool
    need_accept: bool
    solution: bool
    solution_accept: bool
    in_order: bool


class PromiseOut(Schema):
    turn: int
    text: str
    due: str | None


class MailOut(Schema):
    greeting_name: bool
    acknowledges: bool
    answer_or_next_step: bool
    invites_reply: bool
    closing: bool


class AnalysisOut(Schema):
    language: Literal[languages.CODES]
    turns: list[TurnOut]
    bala: BalaOut
    conversation_findings: list[str]
    promises: list[PromiseOut]
    score: int
    strengths: list[str]
    improvements: list[str]
    mail: MailOut | None = None


@router.post("/analyze", response={200: AnalysisOut, **ERRORS}, auth=API_AUTH, summary="Analyse a conversation")
def analyze_conversation(request, payload: ConversationIn):
    """BALA phases, open/closed questions, findings with advice, promises with due times, customer
    sentiment and a 0-100 score. The rules are described in docs/coaching.md. At most
    `COACH_ANALYSES_PER_MINUTE` analyses per token and minute (429 with Retry-After)."""
    limit_uses(request, "coach", settings.COACH_ANALYSES_PER_MINUTE)
    return analyze(payload.model_dump(mode="json"))
