"""An agent who becomes available gets the waiting tickets a few at a time, and is told which."""

from datetime import timedelta

from django.test import override_settings
from django.urls import reverse

from tests.conftest import make_ticket, make_user
from wowdesk.routing import notices, services
from wowdesk.tickets.models import Ticket


def waiting(team, n):
    return [make_ticket(team=team, email=f"k{i}@kunde.dk", subject=f"Sag {i}") for i in range(n)]


def flash(response) -> str:
    """The notices at the top of the page."""
    page = response.content.decode()
    return page.split('<ul class="flash">', 1)[1].split("</ul>", 1)[0] if '<ul class="flash">' in page else ""


def mine(agent):
    return Ticket.objects.filter(assignee=agent).count()


@override_settings(ROUTING_ROUND_CAP=3)
def test_becoming_available_gives_a_few_waiting_tickets_per_round_oldest_first(team_dk):
    backlog = waiting(team_dk, 8)
    agent = make_user("late@example.com", teams=[team_dk])
    given = services.set_presence(agent, "available")
    assert [t.pk for t in given] == [t.pk for t in backlog[:3]], "the oldest three, at once"
    assert mine(agent) == 3
    services.tick()
    assert mine(agent) == 6, "the next round gives three more"
    services.tick()
    assert mine(agent) == 8


@override_settings(ROUTING_ROUND_CAP=2)
def test_the_cap_is_per_agent_so_two_agents_share_the_round(team_dk, team_no):
    waiting(team_dk, 6)
    first = make_user("first@example.com", teams=[team_dk, team_no])
    services.set_presence(first, "available")
    second = make_user("second@example.com", teams=[team_dk])
    services.set_presence(second, "available")
    assert (mine(first), mine(second)) == (2, 2)
    services.tick()
    assert (mine(first), mine(second)) == (3, 3)


def test_new_tickets_still_go_straight_to_an_available_agent(team_dk, agent):
    services.set_presence(agent, "available")
    ticket = make_ticket(team=team_dk)
    assert services.assign(ticket.pk) == agent


@override_settings(ROUTING_ROUND_CAP=3)
def test_the_agent_is_told_what_was_assigned_at_once_and_after_a_later_round(client, team_dk, agent, monkeypatch):
    monkeypatch.setattr(notices, "LOOK_EVERY", timedelta(0))
    backlog = waiting(team_dk, 5)
    client.force_login(agent)
    told = flash(client.post(reverse("presence"), {"presence": "available", "next": "/"}, follow=True))
    assert "Assigned to you" in told
    for ticket in backlog[:3]:
        assert f"#{ticket.number} {ticket.subject}" in told
    assert f"#{backlog[3].number}" not in told
    assert flash(client.get(reverse("inbox"))) == "", "told once"

    services.tick()  # in the background, a minute later
    told = flash(client.get(reverse("inbox")))
    assert f"#{backlog[3].number} {backlog[3].subject}; #{backlog[4].number} {backlog[4].subject}." in told
    assert f"#{backlog[0].number}" not in told
    assert flash(client.get(reverse("inbox"))) == ""
