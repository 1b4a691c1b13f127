"""/api/v1/reports/summary."""

from datetime import date
from zoneinfo import ZoneInfo

from ninja import Query, Router, Schema
from pydantic import Field, model_validator

from wowdesk.accounts.services import time_zone_for
from wowdesk.hours import periods
from wowdesk.reports.services import summary
from wowdesk.tickets.services import visible_tickets

from .auth import API_AUTH, require_scope
from .common import ERRORS
from .schemas import Id

router = Router(tags=["reports"], auth=API_AUTH)


class SummaryQuery(Schema):
    from_: date = Field(alias="from")
    to: date
    team: Id | None = None

    @model_validator(mode="after")
    def ordered(self):
        if self.to < self.from_:
            raise ValueError("'to' must not be before 'from'")
        if not (periods.in_range(self.from_) and periods.in_range(self.to)):
            raise ValueError(f"dates must be between {periods.EARLIEST} and {periods.LATEST}")
        return self


class SummaryOut(Schema):
    tickets: int
    solved: int
    first_response_median_s: float | None
    resolution_median_s: float | None
    fcr_observed: float | None = Field(description="0..1")
    fcr_survey: float | None = Field(description="0..1")
    csat: float | None = Field(description="0..1, the share of 4-5 answers")
    nps: float | None = Field(description="-100..100")
    responses: int
    chats: int = Field(description="chats started in the period")
    missed_chats: int = Field(description="chats that ended before an agent answered")
    chat_wait_median_s: float | None = Field(description="from the chat's request to the first agent message")
    chats_per_agent_hour: float | None = Field(
        description="chats answered per hour agents were available (of the team's agents with `team`)"
    )
    promises_due: int = Field(
        description="follow-ups promised to customers that fell due in the period (kept or broken)"
    )
    promises_kept: int = Field(description="of those, kept on time")


@router.get("/reports/summary", response={200: SummaryOut, **ERRORS}, summary="Key figures for a period")
def report_summary(request, query: Query[SummaryQuery]):
    """Tickets created and solved, median first-response and resolution times (calendar seconds), first
    contact resolution observed and answered, CSAT and NPS, over the tickets you may see; `to` is inclusive."""
    require_scope(request, "read")
    # Days in the token user's team's time zone, as the reports page shows them.
    period = periods.Period(query.from_, query.to, ZoneInfo(time_zone_for(request.user)))
    return summary(period.start, period.end, query.team, visible_tickets(request.user))
