"""An agent who switches to Available in the header gets a few waiting tickets and is told which."""

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from tests.browser.test_main_flow import log_in
from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import Team
from wowdesk.tickets.models import Ticket

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@override_settings(ROUTING_ROUND_CAP=3)
def test_switching_to_available_assigns_a_few_and_says_which(live_server, page):
    team = Team.objects.create(name="Support Danmark", language="da")
    agent = make_user("mette@example.com", teams=[team], name="Mette Kjær")
    backlog = [make_ticket(team=team, email=f"k{i}@kunde.dk", subject=f"Sag nummer {i}") for i in range(11)]
    log_in(page, live_server.url, agent.email)
    page.select_option("#presence select", "available")
    notice = page.locator(".flash li")
    expect(notice).to_contain_text("Assigned to you")
    for ticket in backlog[:3]:
        expect(notice).to_contain_text(f"#{ticket.number} Sag nummer")
    expect(notice).not_to_contain_text(f"#{backlog[3].number}")
    assert Ticket.objects.filter(assignee=agent).count() == 3
