"""A change made in place (htmx) that the server refuses shows why, next to the field, and the field goes back
to its saved value, instead of silently showing a value that was never saved."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_main_flow import log_in
from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import Team
from wowdesk.tickets import services
from wowdesk.tickets.models import Ticket

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reopening_a_closed_ticket_shows_the_reason_at_the_field_and_restores_it(live_server, page):
    team = Team.objects.create(name="Support Danmark", language="da")
    agent = make_user("mette@example.com", teams=[team], name="Mette Kjær")
    ticket = make_ticket(team=team)
    services.update_ticket(ticket, agent, status=Ticket.Status.CLOSED)
    log_in(page, live_server.url, agent.email)
    page.goto(f"{live_server.url}/tickets/{ticket.number}/")

    with page.expect_response(lambda r: "/properties/" in r.url) as response:
        page.select_option("#id_status", "open")
    assert response.value.status == 400
    alert = page.locator("#properties [role=alert]")
    expect(alert).to_contain_text("A closed ticket is final")
    # Right under the status field, where the change was made.
    expect(page.locator("#id_status + [role=alert]")).to_be_visible()
    expect(page.locator("#id_status")).to_have_value("closed")
    assert Ticket.objects.get(pk=ticket.pk).status == "closed"


def test_a_failure_without_a_message_from_the_server_is_shown_and_the_field_restored(live_server, page):
    team = Team.objects.create(name="Support Danmark", language="da")
    agent = make_user("mette@example.com", teams=[team], name="Mette Kjær")
    ticket = make_ticket(team=team)
    log_in(page, live_server.url, agent.email)
    page.goto(f"{live_server.url}/tickets/{ticket.number}/")
    # Meanwhile a lead moves the ticket to another team: the agent can no longer change it (a 404).
    Ticket.objects.filter(pk=ticket.pk).update(team=Team.objects.create(name="Norge", language="nb"))

    with page.expect_response(lambda r: "/properties/" in r.url) as response:
        page.select_option("#id_priority", "urgent")
    assert response.value.status == 404
    expect(page.locator("#properties [role=alert]")).to_contain_text("Not saved")
    expect(page.locator("#id_priority")).to_have_value("normal")
    assert Ticket.objects.get(pk=ticket.pk).priority == "normal"
