"""The main flow, clicked through in Debian's chromium: a customer writes, an agent answers."""

import re

import pytest
from playwright.sync_api import expect

from tests.conftest import make_user
from wowdesk.accounts.models import Team
from wowdesk.tickets.models import Message, Ticket

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page, base, email):
    page.goto(f"{base}/login/")
    page.fill("#id_username", email)
    page.fill("#id_password", "pw-for-tests-1")
    page.click("button[type=submit]")
    expect(page.locator(".topbar .who")).to_be_visible()


def test_customer_submits_form_agent_assigns_replies_and_finds_it(live_server, page):
    team = Team.objects.create(name="Support Danmark", language="da")
    make_user("mette@example.com", teams=[team], name="Mette Kjær")
    base = live_server.url

    # The customer writes through the public web form.
    page.goto(f"{base}/support/")
    page.fill("#id_name", "Søren Østergård")
    page.fill("#id_email", "soren@example.dk")
    page.fill("#id_subject", "Fakturaen mangler 🧾")
    page.fill("#id_message", "Jeg har ikke fået min faktura for oktober.")
    page.click("#inquiry button[type=submit]")
    number = page.locator("#ticket-number").inner_text().lstrip("#")
    ticket = Ticket.objects.get(number=int(number))

    # The agent finds it under Unassigned and takes it.
    log_in(page, base, "mette@example.com")
    page.click("a.view-link:has-text('Unassigned')")
    expect(page.locator("h1")).to_contain_text("Unassigned")
    page.click("text=Fakturaen mangler 🧾")
    expect(page.locator(".message.inbound")).to_contain_text("faktura for oktober")
    page.click("[data-shortcut=assign]")
    expect(page.locator("#id_assignee option:checked")).to_have_text("Mette Kjær")

    # Replies; the ticket then waits on the customer.
    page.keyboard.press("r")
    expect(page.locator("#composer textarea")).to_be_focused()
    page.keyboard.type("Hvilken e-mailadresse bruger du til fakturaer?")
    page.click("#composer button[type=submit]")
    expect(page.locator("#ticket-status")).to_have_text("Pending")
    expect(page.locator(".message.outbound")).to_contain_text("Hvilken e-mailadresse")
    assert Message.objects.filter(ticket=ticket, kind="outbound").count() == 1

    # Search finds it by a word from the customer's message.
    page.fill("#search-q", "oktober")
    page.keyboard.press("Enter")
    expect(page.locator("table.tickets")).to_contain_text("Fakturaen mangler")


def test_inline_property_change_saves_without_reload(live_server, page):
    team = Team.objects.create(name="Support Danmark", language="da")
    agent = make_user("mette@example.com", teams=[team], name="Mette Kjær")
    from tests.conftest import make_ticket

    ticket = make_ticket(team=team)
    log_in(page, live_server.url, agent.email)
    page.goto(f"{live_server.url}/tickets/{ticket.number}/")
    with page.expect_response(lambda r: "/properties/" in r.url):
        page.select_option("#id_priority", "urgent")
    expect(page.locator("#properties")).to_contain_text("Saved.")
    # htmx's default shows a new panel at once but binds its form 20 ms later (the settle delay): a change made
    # in between sent nothing, and CI once timed out here. base.html sets the delay to 0; this guards it.
    expect(page.locator("#properties")).not_to_have_class(re.compile("htmx-added"))
    ticket.refresh_from_db()
    assert ticket.priority == "urgent"
    page.fill("#id_tags", "vip, faktura")
    with page.expect_response(lambda r: "/properties/" in r.url):
        page.locator("#id_tags").blur()
    expect(page.locator("#id_tags")).to_have_value("faktura, vip")
    assert sorted(ticket.tags.values_list("name", flat=True)) == ["faktura", "vip"]
    page.once("dialog", lambda dialog: dialog.accept())  # nobody replied yet: solving asks first
    page.keyboard.press("s")
    expect(page.locator("#ticket-status")).to_have_text(re.compile("Solved"))
