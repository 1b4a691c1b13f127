"""?from=&to= read alike by the reports, the coach's summary and the API: in the team's time zone, and never
a 500 at the ends of the calendar."""

from datetime import date
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from wowdesk.hours import periods

CPH = ZoneInfo("Europe/Copenhagen")
TODAY = date(2026, 11, 30)


def test_a_period_is_whole_days_in_the_zone_and_reversed_ends_swap():
    p = periods.from_query("2026-11-05", "2026-11-01", zone=CPH, today=TODAY)
    assert (p.first, p.last) == (date(2026, 11, 1), date(2026, 11, 5))
    assert p.start.isoformat() == "2026-11-01T00:00:00+01:00"
    assert p.end.isoformat() == "2026-11-06T00:00:00+01:00"


@pytest.mark.parametrize("value", ["", "yesterday", "2026-13-01", "9999-12-31", "0001-01-01"])
def test_days_that_are_not_dates_or_out_of_range_fall_back_to_the_default(value):
    p = periods.from_query(value, value, zone=CPH, today=TODAY)
    assert (p.first, p.last) == (date(2026, 10, 31), TODAY)


@pytest.mark.parametrize("page", ["reports", "coaching_summary"])
def test_pages_answer_the_last_day_of_the_calendar_without_an_error(client, lead, page):
    client.force_login(lead)
    assert client.get(reverse(page), {"from": "9999-12-31", "to": "9999-12-31"}).status_code == 200
