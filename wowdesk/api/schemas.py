from datetime import UTC, datetime
from typing import Annotated, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from ninja import Path, Schema
from pydantic import AfterValidator, Field, Strict, field_validator

from wowdesk import languages

from .models import WebhookSubscription

Status = Literal["new", "open", "pending", "solved", "closed"]
Priority = Literal["low", "normal", "high", "urgent"]
Channel = Literal["email", "web", "chat", "phone", "sms", "api"]
Language = Literal[languages.CODES]

# The largest id a database row can have (a 64-bit signed integer). A larger number in a filter or a path is
# refused as a named 422 rather than handed to the database, which cannot compare it (SQLite overflows,
# PostgreSQL answers "out of range").
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# An id in a JSON body must be a JSON number: `"team": true` is not team 1.
BodyId = Annotated[int, Strict(), Field(ge=1, le=MAX_ID)]
PathId = Path[int, {"ge": 1, "le": MAX_ID}]


def _no_nul(value: str) -> str:
    # PostgreSQL cannot store or compare text holding NUL (U+0000); no real text needs it.
    if "\x00" in value:
        raise ValueError("must not contain the NUL character (\\u0000)")
    return value


Text = Annotated[str, AfterValidator(_no_nul)]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty or only white space")
    return value


def _in_utc_range(value: datetime | None) -> datetime | None:
    """A time the database can store: it must still be a valid time when moved to UTC (0001-01-01T00:00+14:00
    is not), and a time without a zone is taken as UTC."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError as exc:
        raise ValueError("out of range: must lie between the years 1 and 9999 in UTC") from exc


Moment = Annotated[datetime, AfterValidator(_in_utc_range)]


class Page(Schema):
    next_cursor: str | None


class PersonOut(Schema):
    id: int
    name: str


class ContactOut(Schema):
    id: int
    name: str
    email: str
    phones: list[str]
    language: str
    organization: int | None = Field(None, alias="organization_id")


class ContactPage(Page):
    items: list[ContactOut]


class ContactIn(Schema):
    email: Text = Field(min_length=3, max_length=254, json_schema_extra={"format": "email"})
    name: Text = Field("", max_length=200)
    language: Language | None = None
    phones: list[Text] = []

    @field_validator("email")
    @classmethod
    def real_email(cls, value: str) -> str:
        try:
            validate_email(value)
        except DjangoValidationError as exc:
            raise ValueError("not a valid e-mail address") from exc
        return value.strip().lower()


class OrganizationOut(Schema):
    id: int
    name: str
    domain: str


class OrganizationPage(Page):
    items: list[OrganizationOut]


class TeamOut(Schema):
    id: int
    name: str
    language: str
    time_zone: str


class CategoryOut(Schema):
    id: int
    name: str
    team: int | None = Field(None, alias="team_id")


class TicketOut(Schema):
    id: int
    number: int
    subject: str
    status: Status
    priority: Priority
    channel: Channel
    language: Language
    team: int | None
    category: int | None
    assignee: PersonOut | None
    contact: ContactOut
    tags: list[str]
    reopen_count: int
    created_at: datetime
    updated_at: datetime
    first_response_at: datetime | None
    solved_at: datetime | None
    closed_at: datetime | None
    response_due_at: datetime | None


class TicketPage(Page):
    items: list[TicketOut]


class TicketIn(Schema):
    subject: Text = Field(min_length=1, max_length=250)
    message: Text = Field(min_length=1, max_length=5_000_000)
    contact: ContactIn
    team: BodyId | None = None
    category: BodyId | None = None
    priority: Priority | None = None
    channel: Channel = "api"
    language: Language | None = None


class TicketPatch(Schema):
    status: Status | None = None
    assignee: BodyId | None = None
    category: BodyId | None = None
    priority: Priority | None = None
    tags: list[Text] | None = None


class AttachmentOut(Schema):
    id: int
    filename: str
    size: int
    content_type: str


class MessageOut(Schema):
    id: int
    kind: Literal["inbound", "outbound", "note"]
    author: PersonOut | None
    contact: int | None = Field(None, alias="contact_id")
    body_text: str
    body_html: str
    created_at: datetime
    delivery: str
    attachments: list[AttachmentOut]


class MessagePage(Page):
    items: list[MessageOut]


class MessageIn(Schema):
    kind: Literal["reply", "note", "inbound"]
    # Blank is refused for every kind: a reply or note says nothing, and neither does a customer message.
    body: Annotated[Text, AfterValidator(_not_blank)] = Field(min_length=1, max_length=5_000_000)
    status: Literal["open", "pending", "solved"] = "pending"


class EventOut(Schema):
    id: int
    kind: str
    actor: PersonOut | None
    old_value: str
    new_value: str
    created_at: datetime


class EventPage(Page):
    items: list[EventOut]


class ErrorOut(Schema):
    detail: str


class ErrorItem(Schema):
    loc: list[str | int]
    msg: str
    type: str


class ValidationErrorOut(Schema):
    """422: what is wrong, and where (`loc` names the field, e.g. ["body", "contact", "email"])."""

    detail: list[ErrorItem]


class WebhookIn(Schema):
    url: Text = Field(pattern=r"^https?://", max_length=500)
    # The events a subscription may name are WebhookSubscription.EVENTS, listed once there.
    events: list[Literal[tuple(WebhookSubscription.EVENTS)]] = Field(min_length=1)


class WebhookOut(Schema):
    id: int
    url: str
    events: list[str]
    active: bool
    secret: str
    disabled_reason: str
