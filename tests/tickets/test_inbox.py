"""Inbox views: the right tickets and counts, in a constant number of queries whatever the page size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.conftest import make_ticket
from wowdesk.tickets import services
from wowdesk.tickets.models import Category, Ticket


@pytest.fixture
def inbox_data(team_dk, team_no, agent, agent_no):
    billing = Category.objects.create(name="Billing")
    mine = make_ticket(team=team_dk, subject="Min sag", category=billing)
    services.update_ticket(mine, agent, assignee=agent)
    unassigned = make_ticket(team=team_dk, subject="Ingen ejer")
    solved = make_ticket(team=team_dk, subject="Løst sag")
    services.update_ticket(solved, agent, status=Ticket.Status.SOLVED)
    make_ticket(team=team_no, subject="Norsk sak", language="nb", category=billing)
    return {"mine": mine, "unassigned": unassigned, "solved": solved, "billing": billing}


def test_counts_and_views_for_an_agent(client, agent, inbox_data):
    counts = services.inbox_counts(agent)
    assert counts["mine"] == 1
    assert counts["unassigned"] == 1
    assert counts["open"] == 2
    assert counts["all"] == 3, "the Norwegian team's ticket is not counted for a Danish agent"
    assert counts["by_status"]["solved"] == 1
    assert counts["by_category"] == {inbox_data["billing"].pk: 1}
    client.force_login(agent)
    page = client.get(reverse("inbox_view", args=["unassigned"])).content.decode()
    assert "Ingen ejer" in page and "Min sag" not in page
    page = client.get(reverse("inbox_view", args=["mine"])).content.decode()
    assert "Min sag" in page and "Ingen ejer" not in page
    page = client.get(reverse("inbox_status", args=["solved"])).content.decode()
    assert "Løst sag" in page and "Min sag" not in page
    page = client.get(reverse("inbox_category", args=[inbox_data["billing"].pk])).content.decode()
    assert "Min sag" in page and "Norsk sak" not in page


def test_unknown_views_are_404_not_500(client, agent):
    client.force_login(agent)
    assert client.get("/inbox/nonsense/").status_code == 404
    assert client.get("/inbox/status/nonsense/").status_code == 404
    assert client.get("/inbox/category/999999/").status_code == 404
    assert client.get("/inbox/open/?page=abc").status_code == 200


def _queries(client, url) -> int:
    client.get(url)  # the first request of a minute also records that the user was seen
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("view", ["mine", "unassigned", "open", "all"])
def test_inbox_views_use_a_constant_number_of_queries(client, lead, team_dk, view):
    client.force_login(lead)
    categories = [Category.objects.create(name=f"Category {i}") for i in range(3)]
    first = make_ticket(team=team_dk, category=categories[0])
    services.update_ticket(first, lead, assignee=lead)  # every view shows at least one row
    url = reverse("inbox_view", args=[view])
    small = _queries(client, url)
    for i in range(60):
        t = make_ticket(team=team_dk, email=f"kunde{i}@example.dk", category=categories[i % 3])
        services.update_ticket(t, lead, assignee=lead, tags=[f"tag{i}"])
    categories += [Category.objects.create(name=f"More {i}") for i in range(5)]
    large = _queries(client, url)
    assert large == small, f"{view}: {small} queries with 1 ticket, {large} with a full page"
    assert large <= 10
