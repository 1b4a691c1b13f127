"""The callback request on the public support page."""

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from wowdesk.followups.models import FollowUp
from wowdesk.followups.services import request_callback
from wowdesk.hours.business import BusinessHours
from wowdesk.tickets.models import Ticket


def test_callback_form_makes_a_ticket_with_its_follow_up(client, team_dk):
    page = client.get(reverse("portal_contact")).content.decode()
    assert 'id="callback"' in page
    response = client.post(reverse("portal_callback"), {"name": "Jens", "phone": "20 12 34 56"})
    assert response.status_code == 200 and 'id="callback-thanks"' in response.content.decode()
    followup = FollowUp.objects.get()
    assert followup.source == "callback" and followup.ticket.contact.phones == ["+4520123456"]


def test_a_bad_phone_number_is_named_and_the_answers_are_kept(client, team_dk):
    response = client.post(reverse("portal_callback"), {"name": "Jens Hansen", "phone": "ring mig"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "ring mig is not a phone number" in page and 'value="Jens Hansen"' in page
    assert not Ticket.objects.exists()


def test_the_form_offers_windows_in_the_teams_opening_hours_and_keeps_the_chosen_one(client, team_dk):
    page = client.get(reverse("portal_contact")).content.decode()
    values = re.findall(r'<option value="([^"]+)">', page)
    windows = [tuple(datetime.fromisoformat(v) for v in value.split("/")) for value in values]
    hours = BusinessHours.for_team(team_dk)
    assert windows and all(hours.is_open(start) and end - start <= timedelta(hours=2) for start, end in windows)
    assert len({start.date() for start, _ in windows}) == 3  # the next three open days
    assert windows == sorted(windows) and windows[0][0] > timezone.now()
    start, end = windows[1]
    response = client.post(reverse("portal_callback"), {"phone": "+47 412 34 567", "window": values[1]})
    assert response.status_code == 200
    followup = FollowUp.objects.get()
    assert (followup.due, followup.window_end) == (start, end)


def test_a_window_that_is_not_a_window_is_named(client, team_dk):
    response = client.post(reverse("portal_callback"), {"phone": "20 12 34 56", "window": "i morgen/tidligt"})
    assert response.status_code == 400 and not Ticket.objects.exists()
    assert 'id="cb-window"' in response.content.decode()


def test_the_callbacks_view_lists_requests_by_their_window(client, team_dk, agent):
    cph = ZoneInfo("Europe/Copenhagen")
    day = timezone.now().astimezone(cph).date() + timedelta(days=1)
    while day.weekday() >= 4:  # Monday to Thursday: open 8-16
        day += timedelta(days=1)
    later = request_callback(phone="20 12 34 57", window_start=datetime.combine(day, time(14), tzinfo=cph))
    sooner = request_callback(phone="20 12 34 58", window_start=datetime.combine(day, time(9), tzinfo=cph))
    client.force_login(agent)
    page = client.get(reverse("callbacks")).content.decode()
    assert page.index("+4520123458") < page.index("+4520123457")
    assert sooner.number and later.number
