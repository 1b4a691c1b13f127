"""A period of whole days, from `first` to `last` (both included), in a team's time zone: what the reports,
the coach's summary and the API's key figures are asked for. One parser, so all three read `?from=` and
`?to=` alike and none overflows at the ends of the calendar."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

# Days outside these make no sense for a helpdesk, and date.max + 1 day would overflow.
EARLIEST = date(1971, 1, 1)
LATEST = date(2999, 12, 31)
DEFAULT_DAYS = 30


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    zone: tzinfo

    @property
    def start(self) -> datetime:
        """The first day's midnight in the zone."""
        return datetime.combine(self.first, time.min, self.zone)

    @property
    def end(self) -> datetime:
        """Midnight after the last day (exclusive)."""
        return datetime.combine(self.last + timedelta(days=1), time.min, self.zone)


def in_range(day: date) -> bool:
    return EARLIEST <= day <= LATEST


def parse_day(value: str | None, default: date) -> date:
    """A YYYY-MM-DD day; the default when it is empty, not a date, or outside EARLIEST..LATEST."""
    try:
        day = date.fromisoformat(value) if value else default
    except ValueError:
        return default
    return day if in_range(day) else default


def from_query(from_value: str | None, to_value: str | None, *, zone: tzinfo, today: date) -> Period:
    """The period a page's `?from=&to=` ask for (the last DEFAULT_DAYS days by default); reversed ends swap."""
    first = parse_day(from_value, today - timedelta(days=DEFAULT_DAYS))
    last = parse_day(to_value, today)
    return Period(min(first, last), max(first, last), zone)
