"""Two agents on the same ticket in Debian's chromium, over the ASGI server's WebSocket: each sees the other
viewing and replying within a second, and a reply sent by one appears on the other's page without a reload,
with a warning because she was writing too."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_main_flow import log_in
from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_two_agents_on_one_ticket_see_each_other_and_each_others_reply(asgi_server, new_page):
    team = Team.objects.create(name="Support Danmark", language="da")
    make_user("sofie@example.com", teams=[team], name="Sofie Sørensen")
    make_user("mette@example.com", teams=[team], name="Mette Kjær")
    ticket = make_ticket(team=team, subject="Kan ikke logge ind")

    sofie, mette = new_page(), new_page()
    log_in(sofie, asgi_server, "sofie@example.com")
    log_in(mette, asgi_server, "mette@example.com")
    sofie.goto(f"{asgi_server}/tickets/{ticket.number}/")
    mette.goto(f"{asgi_server}/tickets/{ticket.number}/")
    expect(mette.locator("#colleagues")).to_have_text("Sofie Sørensen is viewing", timeout=1000)
    expect(sofie.locator("#colleagues")).to_have_text("Mette Kjær is viewing", timeout=1000)

    sofie.fill("#composer textarea", "Hej, prøv at")
    sofie.locator("#composer textarea").press_sequentially(" nulstille")
    expect(mette.locator("#colleagues")).to_have_text("Sofie Sørensen is replying", timeout=1000)

    mette.fill("#composer textarea", "Jeg har nulstillet din adgangskode.")
    mette.click("#composer button[type=submit]")
    expect(mette.locator(".message.outbound")).to_contain_text("nulstillet din adgangskode")
    # Sofie's page, never reloaded: the reply, the warning over her own draft, the new status and assignee.
    expect(sofie.locator(".message.outbound")).to_contain_text("nulstillet din adgangskode")
    expect(sofie.locator("#arrived-while-writing")).to_be_visible()
    expect(sofie.locator("#ticket-status")).to_have_text("Pending")
    expect(sofie.locator("#id_assignee option:checked")).to_have_text("Mette Kjær")
    assert sofie.locator("#composer textarea").input_value() == "Hej, prøv at nulstille", "her draft is kept"
