"""The coach while an agent writes, clicked through in Debian's chromium."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_main_flow import log_in
from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import Team

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_live_hints_while_typing_and_the_coaching_card(live_server, page):
    team = Team.objects.create(name="Support Danmark", language="da")
    make_user("mette@example.com", teams=[team], name="Mette Kjær")
    ticket = make_ticket(team=team, subject="Appen lukker ned", body="Appen lukker hele tiden ned.")
    log_in(page, live_server.url, "mette@example.com")
    page.goto(f"{live_server.url}/tickets/{ticket.number}/")
    expect(page.locator("#coaching-card")).to_contain_text("once an agent has replied")

    page.locator("#composer textarea").press_sequentially("Men du kan måske prøve at opdatere appen.", delay=5)
    hints = page.locator("#coach-hints")
    expect(hints.locator("mark.weak_word").first).to_have_text("måske")
    expect(hints.locator("mark.but_opener")).to_have_text("Men")
    expect(hints).to_contain_text("Er der andet, jeg kan hjælpe dig med?")

    # The hint helps but never blocks: "Add it" puts the closing question into the reply, and it sends.
    hints.locator("[data-insert]").click()
    expect(page.locator("#composer textarea")).to_have_value(
        "Men du kan måske prøve at opdatere appen.\n\nEr der andet, jeg kan hjælpe dig med?"
    )
    page.click("#composer button[type=submit]")
    expect(page.locator(".message.outbound")).to_contain_text("Er der andet, jeg kan hjælpe dig med?")
    card = page.locator("#coaching-card")
    expect(card.locator(".bala-path")).to_contain_text("Solution")
    expect(card).to_contain_text("What went well")
