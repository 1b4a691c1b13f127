"""Business hours: is a team open, when does it open, and how much open time lies between two moments.

Public holidays come from the `holidays` package (Denmark, Norway). Everything is computed in the team's
time zone and returned as aware datetimes.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays as holiday_calendars
from django.conf import settings

from wowdesk.process_cache import ProcessCache

from .models import OpeningException, OpeningHours, default_week

DAY = timedelta(days=1)
CACHE_SECONDS = 10
_CACHE = ProcessCache(CACHE_SECONDS)  # team id -> BusinessHours


def clear_cache() -> None:
    _CACHE.clear()


MAX_DAYS = 400  # look at most this far ahead for an opening


@lru_cache(maxsize=32)
def _holidays(country: str, year: int) -> dict:
    return dict(holiday_calendars.country_holidays(country, years=year)) if country else {}


# A day open "until midnight" is written 24:00 or 23:59 (what the admin's examples and most people write): both
# close at the end of the day. Read literally, 23:59 closed a team open all day in the last minute before
# midnight, and a browser chat test run at that minute saw the widget say "we are closed".
_END_OF_DAY = {"24:00", "23:59"}


def _parse(value: str, *, closing: bool = False) -> time:
    if closing and value.strip() in _END_OF_DAY:
        return time.max
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


@dataclass
class BusinessHours:
    zone: ZoneInfo
    weekly: dict[int, list[tuple[time, time]]]
    exceptions: dict[date, list[tuple[time, time]]] = field(default_factory=dict)
    country: str = ""
    first_response_minutes: int = 240
    next_response_minutes: int = 480

    @classmethod
    def always_open(cls) -> "BusinessHours":
        return cls(ZoneInfo(settings.DEFAULT_TEAM_TIME_ZONE), {d: [(time(0), time.max)] for d in range(7)})

    @classmethod
    def from_config(cls, zone: str, weekly: dict, exceptions=(), country: str = "") -> "BusinessHours":
        week = {
            int(day): [(_parse(a), _parse(b, closing=True)) for a, b in intervals] for day, intervals in weekly.items()
        }
        special = {}
        for ex in exceptions:
            special[ex.date] = [] if ex.closed or not (ex.opens and ex.closes) else [(ex.opens, ex.closes)]
        return cls(ZoneInfo(zone), week, special, country)

    @classmethod
    def for_team(cls, team) -> "BusinessHours":
        """The team's hours, kept by each process for CACHE_SECONDS (every new ticket and reply needs them)."""
        return _CACHE.get(team.pk if team is not None else None, lambda: cls._load(team))

    @classmethod
    def _load(cls, team) -> "BusinessHours":
        if team is None:
            return cls.assemble(None, None, ())
        config = OpeningHours.objects.filter(team=team).first()
        today = datetime.now(ZoneInfo(team.time_zone)).date()
        exceptions = OpeningException.objects.filter(team=team, date__gte=today - timedelta(days=400))
        return cls.assemble(team, config, exceptions)

    @classmethod
    def assemble(cls, team, config, exceptions) -> "BusinessHours":
        """The hours from a team, its OpeningHours (or None: the default week and the team's country's
        holidays) and its exceptions, without queries (migrations pass their historical rows)."""
        if team is None:
            return cls.from_config(settings.DEFAULT_TEAM_TIME_ZONE, default_week(), (), "DK")
        if config is None:
            return cls.from_config(team.time_zone, default_week(), exceptions, "DK" if team.language != "nb" else "NO")
        hours = cls.from_config(team.time_zone, config.weekly, exceptions, config.holidays)
        hours.first_response_minutes = config.first_response_minutes
        hours.next_response_minutes = config.next_response_minutes
        return hours

    def holiday(self, day: date) -> str | None:
        return _holidays(self.country, day.year).get(day) if self.country else None

    def intervals(self, day: date) -> list[tuple[datetime, datetime]]:
        """The open intervals of one local day, as aware datetimes."""
        if day in self.exceptions:
            spans = self.exceptions[day]
        elif self.holiday(day):
            spans = []
        else:
            spans = self.weekly.get(day.weekday(), [])
        return [
            (datetime.combine(day, a, tzinfo=self.zone), datetime.combine(day, b, tzinfo=self.zone))
            for a, b in spans
            if b > a
        ]

    def is_open(self, at: datetime) -> bool:
        local = at.astimezone(self.zone)
        return any(a <= local < b for a, b in self.intervals(local.date()))

    def next_opening(self, at: datetime) -> datetime | None:
        """`at` itself when open, otherwise the start of the next open interval."""
        local = at.astimezone(self.zone)
        for offset in range(MAX_DAYS):
            for a, b in self.intervals(local.date() + offset * DAY):
                if local < b:
                    return max(a, local)
        return None

    def add(self, start: datetime, seconds: float) -> datetime:
        """The moment `seconds` of open time after `start`."""
        local = start.astimezone(self.zone)
        left = max(0.0, seconds)
        for offset in range(MAX_DAYS):
            for a, b in self.intervals(local.date() + offset * DAY):
                if b <= local:
                    continue
                begin = max(a, local)
                available = (b - begin).total_seconds()
                if left <= available:
                    return begin + timedelta(seconds=left)
                left -= available
        return local + timedelta(seconds=left)

    def seconds_between(self, start: datetime, end: datetime) -> float:
        """Open time between two moments (0 if end is before start)."""
        if end <= start:
            return 0.0
        a_local, b_local = start.astimezone(self.zone), end.astimezone(self.zone)
        total = 0.0
        day = a_local.date()
        while day <= b_local.date():
            for a, b in self.intervals(day):
                lo, hi = max(a, a_local), min(b, b_local)
                if hi > lo:
                    total += (hi - lo).total_seconds()
            day += DAY
        return total

    def describe(self) -> list[tuple[int, list[tuple[time, time]]]]:
        """The weekly schedule, Monday first, for showing to customers."""
        return [(day, self.weekly.get(day, [])) for day in range(7)]
