"""An agent sets themselves away in the header and stops receiving new tickets (Debian's chromium)."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_main_flow import log_in
from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import Team
from wowdesk.routing import services
from wowdesk.tickets.models import Ticket

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_agent_who_goes_away_gets_no_new_tickets(live_server, page):
    team = Team.objects.create(name="Support Danmark", language="da")
    mette = make_user("mette@example.com", teams=[team], name="Mette Kjær")
    make_user("jonas@example.com", teams=[team], name="Jonas Holm")
    log_in(page, live_server.url, "mette@example.com")
    page.select_option("#presence select", "available")
    expect(page.locator("#presence select")).to_have_value("available")
    first = make_ticket(team=team, subject="Første sag")
    assert services.assign(first.pk) == mette, "available: she gets the ticket"

    page.select_option("#presence select", "away")
    expect(page.locator("#presence select")).to_have_value("away")
    mette.refresh_from_db()
    assert mette.presence == "away"
    second = make_ticket(team=team, subject="Anden sag", email="b@kunde.dk")
    assert services.assign(second.pk) is None, "away: the ticket waits in Unassigned"
    assert Ticket.objects.get(pk=second.pk).assignee is None
    page.click("a.view-link:has-text('Unassigned')")
    expect(page.locator("table.tickets")).to_contain_text("Anden sag")
