from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import make_ticket
from wowdesk.hours import words
from wowdesk.hours.business import BusinessHours
from wowdesk.hours.models import OpeningException, OpeningHours
from wowdesk.replies import services
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Ticket

CPH = ZoneInfo("Europe/Copenhagen")
WEEK = {
    "0": [["08:00", "16:00"]],
    "1": [["08:00", "16:00"]],
    "2": [["08:00", "16:00"]],
    "3": [["08:00", "16:00"]],
    "4": [["08:00", "15:00"]],
    "5": [],
    "6": [],
}


def at(y, m, d, hh=0, mm=0):
    return datetime(y, m, d, hh, mm, tzinfo=CPH)


@pytest.fixture
def hours(team_dk):
    OpeningHours.objects.create(
        team=team_dk, weekly=WEEK, holidays="DK", first_response_minutes=120, next_response_minutes=240
    )
    OpeningException.objects.create(team=team_dk, date=date(2026, 12, 24), closed=True)
    OpeningException.objects.create(team=team_dk, date=date(2026, 12, 31), opens=time(8), closes=time(12))
    return BusinessHours.for_team(team_dk)


def test_open_closed_weekends_holidays_and_exceptions(hours):
    assert hours.is_open(at(2026, 11, 23, 9))  # a Monday morning
    assert not hours.is_open(at(2026, 11, 23, 16, 30))  # after closing
    assert not hours.is_open(at(2026, 11, 28, 10))  # Saturday
    assert not hours.is_open(at(2026, 12, 25, 10))  # Christmas Day (Danish public holiday)
    assert not hours.is_open(at(2026, 12, 24, 10))  # Christmas Eve: closed by exception
    assert hours.is_open(at(2026, 12, 31, 11))  # New Year's Eve until 12
    assert not hours.is_open(at(2026, 12, 31, 13))
    assert hours.holiday(date(2026, 12, 25))


def test_next_opening_and_adding_business_time(hours):
    assert hours.next_opening(at(2026, 11, 27, 16)) == at(2026, 11, 30, 8)  # Friday 16:00 -> Monday 08:00
    assert hours.next_opening(at(2026, 11, 23, 9)) == at(2026, 11, 23, 9)
    assert hours.add(at(2026, 11, 27, 14), 2 * 3600) == at(2026, 11, 30, 9)  # 1 h Friday, 1 h Monday
    assert hours.add(at(2026, 12, 23, 15), 3 * 3600) == at(2026, 12, 28, 10)  # over Christmas
    assert hours.seconds_between(at(2026, 11, 27, 14), at(2026, 11, 30, 9)) == 2 * 3600
    assert hours.seconds_between(at(2026, 11, 30, 9), at(2026, 11, 27, 14)) == 0


def test_first_response_due_is_in_business_hours(hours, team_dk):
    ticket = make_ticket(team=team_dk)
    Ticket.objects.filter(pk=ticket.pk).update(created_at=at(2026, 11, 27, 14))
    from wowdesk.hours import sla

    sla.start(ticket, at(2026, 11, 27, 14), first=True)
    assert ticket.response_due_at == at(2026, 11, 30, 9)


def test_sla_clock_pauses_while_pending_and_resumes_on_the_answer(hours, team_dk, agent):
    ticket = make_ticket(team=team_dk, now=at(2026, 11, 23, 9))
    assert ticket.response_due_at == at(2026, 11, 23, 11)
    tickets.update_ticket(ticket, agent, status=Ticket.Status.PENDING, now=at(2026, 11, 23, 10))
    ticket.refresh_from_db()
    assert ticket.response_due_at is None
    assert ticket.sla_remaining_s == 3600, "one business hour was left when it paused"
    tickets.add_inbound_message(ticket, body="Her er svaret", now=at(2026, 11, 23, 15, 30))
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.OPEN
    assert ticket.response_due_at == at(2026, 11, 24, 8, 30), "30 min Monday, 30 min Tuesday"
    tickets.reply(ticket, author=agent, body="Tak, det er ordnet.", now=at(2026, 11, 24, 8))
    ticket.refresh_from_db()
    assert ticket.response_due_at is None, "we answered: nothing is due"
    tickets.add_inbound_message(ticket, body="En ting mere", now=at(2026, 11, 24, 9))
    ticket.refresh_from_db()
    assert ticket.response_due_at == at(2026, 11, 24, 13), "the next-response target (4 h)"


def test_solving_clears_the_clock(hours, team_dk, agent):
    ticket = make_ticket(team=team_dk)
    tickets.update_ticket(ticket, agent, status=Ticket.Status.SOLVED)
    ticket.refresh_from_db()
    assert ticket.response_due_at is None


def test_expected_response_follows_recent_first_responses_and_the_queue(hours, team_dk, agent):
    monday = at(2026, 11, 23, 9)
    for i in range(10):
        t = make_ticket(team=team_dk, email=f"k{i}@example.dk", now=monday - timedelta(days=7))
        Ticket.objects.filter(pk=t.pk).update(first_response_at=monday - timedelta(days=7) + timedelta(hours=1))
    estimate = services.expected_response(team_dk, now=monday)
    assert estimate.samples == 10
    assert estimate.median_s == 3600
    assert estimate.queue == 0
    assert estimate.seconds == 3600
    assert estimate.due == at(2026, 11, 23, 10)
    for i in range(40):
        make_ticket(team=team_dk, email=f"q{i}@example.dk", now=monday)
    busy = services.expected_response(team_dk, now=monday)
    assert busy.queue == 40
    assert busy.seconds > estimate.seconds, "a long queue means a longer wait"


def test_live_estimates_reuse_the_team_load_for_a_few_seconds(hours, team_dk, agent, monkeypatch):
    first = services.expected_response(team_dk)
    for i in range(3):
        make_ticket(team=team_dk, email=f"q{i}@example.dk")
    # Within LOAD_CACHE_SECONDS a live estimate reuses the counted queue; an estimate at a given time never does.
    assert services.expected_response(team_dk).queue == first.queue
    assert services.expected_response(team_dk, now=first.due).queue == first.queue + 3
    monkeypatch.setattr(services._LOADS, "seconds", 0)  # the seconds have passed
    assert services.expected_response(team_dk).queue == first.queue + 3


def test_auto_reply_sentence_when_open_and_when_closed(hours, team_dk):
    open_text = services.response_time_sentence(team_dk, "da", now=at(2026, 11, 23, 9))
    assert open_text == "Du kan forvente svar i dag inden kl. 11."  # the target, 2 business hours
    closed_text = services.response_time_sentence(team_dk, "en", now=at(2026, 11, 28, 10))
    assert "We are closed right now and open again Monday 30. November 08:00" in closed_text
    assert closed_text.endswith("You can expect an answer by 10:00 on Monday.")


@pytest.mark.parametrize(
    ("language", "promise"),
    [
        ("da", "Du kan forvente svar i morgen formiddag, inden kl. 10."),
        ("nb", "Du kan forvente svar i morgen formiddag, innen kl. 10."),
        ("en", "You can expect an answer tomorrow morning, by 10:00."),
    ],
)
def test_the_auto_reply_promises_the_tickets_answer_due_time_in_business_time(team_dk, language, promise):
    # Monday 13:55, the shop closes at 16:00, first answers are due within 4 business hours.
    OpeningHours.objects.create(team=team_dk, weekly=WEEK, holidays="DK", first_response_minutes=240)
    monday = at(2026, 11, 23, 13, 55)
    ticket = make_ticket(team=team_dk, now=monday, language=language)
    assert ticket.response_due_at == at(2026, 11, 24, 9, 55), "2 h 5 min on Monday, 1 h 55 min on Tuesday"
    _language, _subject, body = services.compose_auto_reply(ticket, now=monday)
    assert promise in body
    assert "ca." not in body and "about" not in body


def test_a_long_queue_promises_later_than_the_due_time_never_earlier(team_dk, agent):
    OpeningHours.objects.create(team=team_dk, weekly=WEEK, holidays="DK", first_response_minutes=60)
    monday = at(2026, 11, 23, 9)
    for i in range(30):
        make_ticket(team=team_dk, email=f"q{i}@example.dk", now=monday)
    ticket = make_ticket(team=team_dk, now=monday)
    promised = services.promised_due(ticket, now=monday)
    assert promised > ticket.response_due_at == at(2026, 11, 23, 10)
    assert promised == services.expected_response(team_dk, now=monday).due


def test_promised_times_in_words():
    from django.utils import translation

    monday = at(2026, 11, 23, 9)
    with translation.override("da"):
        assert words.deadline(at(2026, 11, 23, 14, 30), monday, CPH) == "i dag inden kl. 15"
        assert words.deadline(at(2026, 11, 24, 14), monday, CPH) == "i morgen inden kl. 14"
        assert words.deadline(at(2026, 11, 26, 11, 10), monday, CPH) == "på torsdag inden kl. 12"
        assert words.deadline(at(2026, 12, 7, 9), monday, CPH) == "den 7. december inden kl. 9"
    with translation.override("en"):
        assert words.deadline(at(2026, 11, 26, 11), monday, CPH) == "by 11:00 on Thursday"


def test_friendly_durations():
    from django.utils import translation

    with translation.override("en"):
        _check_durations()
    with translation.override("da"):
        assert words.duration(5 * 3600) == "5 timer"


def _check_durations():
    assert words.duration(60) == "15 minutes"
    assert words.duration(3000) == "1 hour"
    assert words.duration(5 * 3600) == "5 hours"
    assert words.duration(20 * 3600) == "3 working days"


def test_auto_reply_template_is_editable_and_unknown_placeholders_survive(team_dk, db):
    from wowdesk.replies.models import AutoReplyTemplate

    AutoReplyTemplate.objects.filter(language="da").update(subject="Tak [#{number}]", body="Hej {name}! {oops}")
    ticket = make_ticket(team=team_dk)
    language, subject, body = services.compose_auto_reply(ticket)
    assert (language, subject) == ("da", f"Tak [#{ticket.number}]")
    assert body == "Hej Kunde! {oops}"


def test_web_form_shows_opening_hours(client, hours):
    page = client.get("/support/", headers={"accept-language": "da"}).content.decode()
    assert "Åbningstider" in page
    assert "mandag" in page.lower()
    assert "08:00–16:00" in page


def test_utc_storage():
    assert at(2026, 1, 1, 12).astimezone(UTC).hour == 11


@pytest.mark.parametrize("closes", ["23:59", "24:00"])
def test_a_day_open_until_midnight_is_open_in_its_last_minute(closes):
    hours = BusinessHours.from_config("Europe/Copenhagen", {str(d): [["00:00", closes]] for d in range(7)})
    assert hours.is_open(datetime(2026, 11, 30, 23, 59, 30, tzinfo=CPH))
    assert hours.is_open(datetime(2026, 12, 1, 0, 0, 0, tzinfo=CPH))
    assert hours.seconds_between(at(2026, 11, 30, 23, 0), at(2026, 12, 1, 1, 0)) == pytest.approx(7200, abs=0.01)


def test_a_team_that_closes_at_a_minute_stays_closed_from_that_minute():
    hours = BusinessHours.from_config("Europe/Copenhagen", {"0": [["08:00", "15:59"]]})
    assert hours.is_open(at(2026, 11, 30, 15, 58))
    assert not hours.is_open(at(2026, 11, 30, 15, 59))
