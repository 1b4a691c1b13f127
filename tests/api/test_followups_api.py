"""/api/v1/followups, /api/v1/callbacks, the promise figures in /reports/summary and the follow-up webhooks."""

from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests.conftest import make_ticket
from wowdesk.accounts.services import time_zone_for
from wowdesk.api.models import WebhookDelivery, WebhookSubscription
from wowdesk.followups import services
from wowdesk.followups.models import FollowUp


@pytest.fixture
def api(token_for, agent):
    return token_for(agent)


def test_create_list_filter_and_mark_done(api, agent, team_dk):
    ticket = make_ticket(team=team_dk)
    due = (timezone.now() + timedelta(days=1)).replace(microsecond=0)
    created = api.post("/api/v1/followups", {"ticket": ticket.pk, "due": due.isoformat(), "text": "Ring kunden"})
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["ticket"] == ticket.pk and body["state"] == "open" and body["source"] == "manual"
    assert body["owner"]["id"] == agent.pk
    listed = api.get("/api/v1/followups", {"ticket": ticket.pk, "state": "open"}).json()
    assert [f["id"] for f in listed["items"]] == [body["id"]] and listed["next_cursor"] is None
    assert set(listed["items"][0]) == {"id", "ticket", "due", "state", "text", "owner", "source"}
    done = api.post(f"/api/v1/followups/{body['id']}/done")
    assert done.status_code == 200 and done.json()["state"] == "done"
    assert api.get("/api/v1/followups", {"ticket": ticket.pk, "state": "open"}).json()["items"] == []
    again = api.post(f"/api/v1/followups/{body['id']}/done")
    assert again.status_code == 422


def test_a_due_time_in_the_past_is_refused_naming_due(api, team_dk):
    ticket = make_ticket(team=team_dk)
    past = (timezone.now() - timedelta(minutes=5)).isoformat()
    response = api.post("/api/v1/followups", {"ticket": ticket.pk, "due": past, "text": "x"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "due"]
    assert not FollowUp.objects.exists()


def test_another_teams_ticket_and_follow_up_are_out_of_reach(token_for, agent_no, agent, team_dk):
    ticket = make_ticket(team=team_dk)
    followup = services.create(ticket=ticket, due=timezone.now() + timedelta(days=1), text="x", actor=agent)
    api_no = token_for(agent_no)
    assert api_no.get("/api/v1/followups", {"ticket": ticket.pk}).json()["items"] == []
    assert api_no.post(f"/api/v1/followups/{followup.pk}/done").status_code == 404
    due = (timezone.now() + timedelta(days=1)).isoformat()
    refused = api_no.post("/api/v1/followups", {"ticket": ticket.pk, "due": due, "text": "x"})
    assert refused.status_code == 422 and refused.json()["detail"][0]["loc"] == ["body", "ticket"]


def test_callback_request_returns_the_new_ticket_and_names_a_bad_phone(api, team_dk):
    start = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    response = api.post(
        "/api/v1/callbacks",
        {"phone": "+47 412 34 567", "name": "Ola", "language": "nb", "window_start": start.isoformat()},
    )
    assert response.status_code == 201, response.content
    ticket = response.json()
    assert ticket["contact"]["phones"] == ["+4741234567"] and ticket["language"] == "nb"
    followup = FollowUp.objects.get(ticket_id=ticket["id"])
    assert followup.source == "callback"
    bad = api.post("/api/v1/callbacks", {"phone": "abc"})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "phone"]


def test_summary_counts_promises_due_and_kept(api, agent, team_dk):
    ticket = make_ticket(team=team_dk)
    now = timezone.now()
    kept = services.create(ticket=ticket, due=now + timedelta(hours=1), text="a", actor=agent, now=now)
    services.done(kept, actor=agent, now=now + timedelta(minutes=1))
    broken = services.create(ticket=ticket, due=now + timedelta(minutes=2), text="b", actor=agent, now=now)
    services.mark_broken(broken, now=now + timedelta(minutes=3))
    # The API's days are the token user's team's (Copenhagen), up to the day the last promise fell due there.
    zone = ZoneInfo(time_zone_for(agent))
    first, last = timezone.localdate(now, zone) - timedelta(days=1), timezone.localdate(now + timedelta(hours=1), zone)
    summary = api.get("/api/v1/reports/summary", {"from": first.isoformat(), "to": last.isoformat()}).json()
    assert (summary["promises_due"], summary["promises_kept"]) == (1 + 1, 1)


def test_due_and_broken_become_webhooks(agent, team_dk, settings):
    settings.WEBHOOK_ALLOW_PRIVATE = True
    WebhookSubscription.objects.create(
        url="http://127.0.0.1:9/hook", events=["followup.due", "followup.broken"], created_by=agent
    )
    ticket = make_ticket(team=team_dk)
    now = timezone.now()
    followup = services.create(ticket=ticket, due=now + timedelta(minutes=10), text="Ring", actor=agent, now=now)
    services.tick(now=now)
    services.tick(now=now + timedelta(minutes=11))
    events = list(WebhookDelivery.objects.order_by("pk").values_list("event", "payload"))
    assert [e for e, _p in events] == ["followup.due", "followup.broken"]
    assert events[1][1]["followup"]["id"] == followup.pk and events[1][1]["followup"]["state"] == "broken"
