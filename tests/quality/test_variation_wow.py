"""Agent variation (per-area spread, team spread, emotional conversations and the routing option) and WOW."""

from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from tests.conftest import make_ticket, make_user
from tests.quality.conftest import conversation, survey
from wowdesk.accounts.models import User
from wowdesk.accounts.services import time_zone_for
from wowdesk.quality import services, variation
from wowdesk.routing import services as routing
from wowdesk.routing.models import AgentSkill, RoutingPolicy

pytestmark = pytest.mark.django_db

ANGRY = "Det er fuldstændig uacceptabelt og elendigt! Jeg er rasende og skuffet."


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def review(reviewer, ticket, tone: int):
    card = services.scorecard_for(ticket)
    coach = services.prefill(scorecard=card, ticket=ticket)
    answers = []
    for area in services.card_structure(card):
        for q in area.question_list:
            if q.pk in coach:
                answers.append({"question": q.pk, "value": coach[q.pk].value})
            else:
                answers.append({"question": q.pk, "value": tone if q.kind == "scale" else "yes"})
    return services.save_review(actor=reviewer, ticket=ticket, scorecard=card, answers=answers)


def test_the_variation_page_shows_each_agents_spread_per_area_and_who_handles_emotions_best(
    reviewer, lead, agent, team_dk
):
    calm_agent = make_user("calm@example.com", teams=[team_dk], name="Carl Calm")
    for i, tone in enumerate([5, 4, 5]):
        t = conversation(team_dk, calm_agent, body=ANGRY, email=f"c{i}@example.dk")
        review(reviewer, t, tone)
        survey(t, csat=5)
    for i, tone in enumerate([2, 1, 3]):
        t = conversation(team_dk, agent, body=ANGRY, email=f"a{i}@example.dk")
        review(reviewer, t, tone)
        survey(t, csat=2)
    now = timezone.now()
    start = now.replace(year=now.year - 1)
    areas = {a["area"]: a for a in variation.area_scores_by_agent(user=reviewer, start=start, end=now)}
    tone_rows = {r["agent"].name: r["box"] for r in areas["Modtagelse"]["agents"]}
    assert tone_rows["Carl Calm"]["median"] > tone_rows["Mette Agent"]["median"]
    best = variation.emotional(user=reviewer, start=start, end=now)
    assert [r.agent.name for r in best] == ["Carl Calm", "Mette Agent"]
    assert best[0].csat == 1.0 and best[1].csat == 0.0
    teams = variation.team_spread_by_month(user=reviewer, start=start, end=now)
    assert teams[0]["team"] == team_dk.name and teams[0]["months"][0]["box"]["n"] == 6
    page = client_for(lead).get("/quality/variation/").content.decode()
    assert "Carl Calm" in page and 'class="boxplot"' in page
    # A lead gives Carl the skill "emotional" from the page.
    response = client_for(lead).post("/quality/variation/", {"agent": str(calm_agent.pk), "skilled": "1"})
    assert response.status_code == 302
    assert AgentSkill.objects.get(agent=calm_agent).emotional
    assert client_for(reviewer).post("/quality/variation/", {"agent": str(agent.pk), "skilled": "1"}).status_code == 403


def test_routing_prefers_emotional_agents_only_where_the_team_switched_it_on(team_dk):
    now = timezone.now()
    plain = make_user("plain@example.com", teams=[team_dk], name="A Plain")
    skilled = make_user("skilled@example.com", teams=[team_dk], name="B Skilled")
    for user in (plain, skilled):
        routing.set_presence(user, User.Presence.AVAILABLE, now=now)
    routing.set_emotional_skill(agent=skilled, skilled=True)
    policy = RoutingPolicy.objects.create(team=team_dk, mode=RoutingPolicy.Mode.LEAST_OPEN)
    # Off by default: the fewest-open rule (ties by id) picks the plain agent.
    angry = make_ticket(team=team_dk, body=ANGRY, email="x@example.dk")
    assert routing.assign(angry.pk, now=now) == plain
    policy.prefer_emotional = True
    policy.save()
    angry2 = make_ticket(team=team_dk, body=ANGRY, email="y@example.dk")
    calm = make_ticket(team=team_dk, body="Hej, hvordan ændrer jeg min adresse?", email="z@example.dk")
    assert routing.assign(angry2.pk, now=now) == skilled
    # A calm ticket follows the team's rule as before: one open each, the tie goes to the lower id.
    assert routing.assign(calm.pk, now=now) == plain
    assert not RoutingPolicy._meta.get_field("prefer_emotional").default


def test_wow_nomination_suggestion_award_and_the_agents_page_shows_wow_first(reviewer, lead, agent, team_dk):
    praised = conversation(team_dk, agent)
    survey(praised, csat=5, comment="Mette var fantastisk, tusind tak for den gode hjælp!")
    suggestions = services.praise_suggestions(user=lead)
    assert [s["ticket"] for s in suggestions] == [praised]
    client = client_for(agent)  # anyone may nominate
    response = client.post(
        f"/quality/wow/nominate/{praised.number}/", {"reason": "Found the real need and called back"}
    )
    assert response.status_code == 302
    moment = services.visible_wow(lead).get()
    assert moment.agent == agent and services.praise_suggestions(user=lead) == []
    assert client.post(f"/quality/wow/nominate/{praised.number}/", {"reason": " "}).status_code == 200
    assert client.post("/quality/wow/", {"moment": str(moment.pk)}).status_code == 403
    assert client_for(lead).post("/quality/wow/", {"moment": str(moment.pk)}).status_code == 302
    moment.refresh_from_db()
    # The month is the lead's, in their team's zone (the request runs in it): on the last evening of a month in
    # UTC it is already the next month in Copenhagen.
    assert moment.award_month == timezone.localdate(timezone=ZoneInfo(time_zone_for(lead))).replace(day=1)
    review(reviewer, praised, 5)
    page = client.get(f"/quality/agents/{agent.pk}/").content.decode()
    assert page.index('id="wow-moments"') < page.index('id="best-reviews"') < page.index('id="all-reviews"')
    assert "Found the real need and called back" in page
    assert client.get("/quality/").status_code == 302


def test_every_quality_page_opens_for_the_roles_that_reach_it(reviewer, lead, agent, team_dk):
    ticket = conversation(team_dk, agent)
    review(reviewer, ticket, 4)
    for user in (reviewer, lead):
        client = client_for(user)
        for path in (
            "/quality/queues/",
            "/quality/reviews/",
            "/quality/calibration/",
            "/quality/variation/",
            "/quality/wow/",
            "/quality/scorecards/",
            "/quality/import/",
            f"/quality/agents/{agent.pk}/",
        ):
            assert client.get(path).status_code == 200, (user.role, path)
    client = client_for(agent)
    assert client.get(f"/quality/agents/{agent.pk}/").status_code == 200
    assert client.get("/quality/wow/").status_code == 200
    for path in ("/quality/queues/", "/quality/reviews/", "/quality/calibration/", "/quality/variation/"):
        assert client.get(path).status_code == 403, path
