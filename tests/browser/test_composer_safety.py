"""The composer's safety nets, clicked through: note mode is unmistakable, an empty send leaves the text box so
a shortcut is never typed into a reply, solving without a reply asks first, a reply can be undone for a few
seconds (and its mail then never goes), and a half-written reply is kept as a draft."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_main_flow import log_in
from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import Team
from wowdesk.mail.models import OutboundMail
from wowdesk.tickets.models import Draft, Message, Ticket

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def opened(live_server, page):
    team = Team.objects.create(name="Support Danmark", language="da")
    agent = make_user("mette@example.com", teams=[team], name="Mette Kjær")
    ticket = make_ticket(team=team)
    log_in(page, live_server.url, agent.email)
    page.goto(f"{live_server.url}/tickets/{ticket.number}/")
    return ticket, agent


def test_note_mode_is_unmistakable_and_a_shortcut_after_an_empty_send_is_not_typed(opened, page):
    ticket, _agent = opened
    send = page.locator("#composer button[type=submit]")
    expect(send).to_have_text("Send")
    page.click("#composer button[type=submit]")  # nothing written yet
    expect(page.locator("#composer-empty")).to_be_visible()
    expect(page.locator("#composer textarea")).not_to_be_focused()
    page.keyboard.press("n")
    expect(page.locator("#composer")).to_have_class(re.compile("note-mode"))
    expect(page.locator("#composer textarea")).to_have_value("")
    expect(send).to_have_text("Add note")
    expect(page.locator("#composer .note-banner")).to_be_visible()
    colours = send.evaluate("b => getComputedStyle(b).backgroundColor")
    page.keyboard.type("Kunden har ringet")
    page.keyboard.press("Escape")  # out of the box: keys are shortcuts again
    page.keyboard.press("r")
    expect(send).to_have_text("Send")
    assert send.evaluate("b => getComputedStyle(b).backgroundColor") != colours
    expect(page.locator("#composer textarea")).to_have_value("Kunden har ringet")
    assert not Message.objects.filter(ticket=ticket).exclude(kind="inbound").exists()


def test_solving_without_a_reply_asks_first(opened, page):
    ticket, _agent = opened
    asked = []

    def answer(dialog):
        asked.append(dialog.message)
        dialog.dismiss() if len(asked) == 1 else dialog.accept()

    page.on("dialog", answer)
    page.keyboard.press("s")
    page.wait_for_timeout(500)
    assert "no reply" in asked[0]
    assert Ticket.objects.get(pk=ticket.pk).status != "solved", "dismissed: nothing happens"
    page.keyboard.press("s")
    expect(page.locator("#ticket-status")).to_have_text("Solved")


def test_a_reply_can_be_undone_within_seconds_and_its_mail_never_goes(opened, page, settings):
    ticket, agent = opened
    page.fill("#composer textarea", "Hej Kunde, her er svaret til en anden kunde.")
    page.click("#composer button[type=submit]")
    expect(page.locator("#undo-bar")).to_be_visible()
    expect(page.locator("#ticket-status")).to_have_text("Pending")
    expect(page.locator("#composer textarea")).not_to_be_focused()
    message = Message.objects.get(ticket=ticket, kind="outbound")
    assert OutboundMail.objects.get(message=message).status == "queued"
    page.click("#undo-bar button")
    expect(page.locator(".flash")).to_contain_text("not sent")
    expect(page.locator(".message.outbound")).to_have_count(0)
    expect(page.locator("#composer textarea")).to_have_value("Hej Kunde, her er svaret til en anden kunde.")
    expect(page.locator("#ticket-status")).to_have_text("New")
    assert not OutboundMail.objects.exists(), "the waiting mail went with the reply"
    assert Ticket.objects.get(pk=ticket.pk).first_response_at is None


def test_the_undo_goes_away_when_the_mail_is_on_its_way(opened, page, settings):
    settings.REPLY_UNDO_SECONDS = 2
    ticket, _agent = opened
    page.fill("#composer textarea", "Prøv igen nu.")
    page.click("#composer button[type=submit]")
    expect(page.locator("#undo-bar")).to_be_visible()
    expect(page.locator("#undo-bar")).to_have_count(0, timeout=5000)


def test_a_half_written_reply_is_there_when_the_agent_comes_back_and_gone_once_sent(opened, page, live_server):
    ticket, agent = opened
    page.click("#composer textarea")
    page.keyboard.type("Hej Kunde, jeg har nulstillet")
    expect(page.locator("#draft-state")).to_have_text("Draft saved.")
    page.goto(f"{live_server.url}/inbox/")
    page.goto(f"{live_server.url}/tickets/{ticket.number}/")
    expect(page.locator("#composer textarea")).to_have_value("Hej Kunde, jeg har nulstillet")
    expect(page.locator("#draft-state")).to_contain_text("Your draft from")
    page.click("#composer textarea")
    page.keyboard.press("End")
    page.keyboard.type(" din adgangskode.")
    page.click("#composer button[type=submit]")
    expect(page.locator(".message.outbound")).to_contain_text("nulstillet din adgangskode")
    page.wait_for_timeout(1500)  # a late draft save, had one been pending, would have arrived by now
    assert not Draft.objects.filter(agent=agent).exists()
    page.reload()
    expect(page.locator("#composer textarea")).to_have_value("")
