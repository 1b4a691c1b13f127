from datetime import datetime
from typing import Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from ninja import Schema
from pydantic import Field, field_validator

Status = Literal["new", "open", "pending", "solved", "closed"]
Priority = Literal["low", "normal", "high", "urgent"]
Channel = Literal["email", "web", "chat", "phone", "sms", "api"]
Language = Literal["da", "nb", "en"]


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
    email: str = Field(min_length=3, max_length=254, json_schema_extra={"format": "email"})
    name: str = Field("", max_length=200)
    language: Language | None = None
    phones: list[str] = []

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
    subject: str = Field(min_length=1, max_length=250)
    message: str = Field(min_length=1, max_length=5_000_000)
    contact: ContactIn
    team: int | None = None
    category: int | None = None
    priority: Priority | None = None
    channel: Channel = "api"
    language: Language | None = None


class TicketPatch(Schema):
    status: Status | None = None
    assignee: int | None = None
    category: int | None = None
    priority: Priority | None = None
    tags: list[str] | None = None


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
    body: str = Field(min_length=1, max_length=5_000_000)
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
    url: str = Field(pattern=r"^https?://", max_length=500)
    events: list[Literal["ticket.created", "ticket.updated", "ticket.solved", "message.created", "survey.answered"]] = (
        Field(min_length=1)
    )


class WebhookOut(Schema):
    id: int
    url: str
    events: list[str]
    active: bool
    secret: str
    disabled_reason: str
