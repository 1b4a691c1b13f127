"""A chat from a customer's own site to an agent and back, in Debian's chromium: the customer (a page on
another origin with the widget's script tag) sees the wait, the available agent gets the chat (told at once
on the inbox, which lists it without a reload), both write and see the other typing, the coach's hints show
in the agent's chat composer and its card follows the chat, the customer reloads mid-chat and continues, the
chat ends, and the transcript the customer asks for reaches a loopback SMTP server."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_main_flow import log_in
from tests.conftest import make_user
from tests.mail.conftest import Sink
from wowdesk.accounts.models import Team
from wowdesk.chat.models import Chat, Widget
from wowdesk.hours.models import OpeningHours
from wowdesk.replies.models import ReplyTemplate
from wowdesk.tickets.models import Ticket

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def run_queued_mail():
    from django_tasks_db.models import DBTaskResult

    from wowdesk.mail.tasks import deliver

    for row in DBTaskResult.objects.ready().filter(task_path=deliver.module_path):
        row.claim("tests")
        deliver.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.set_successful(None)


def test_a_customer_chats_with_an_agent_reloads_and_gets_the_transcript(asgi_server, new_page, shop, settings):
    sink = Sink()
    sink.controller.start()
    settings.SMTP_URL = f"smtp://127.0.0.1:{sink.port}"
    html, origin = shop
    team = Team.objects.create(name="Support Danmark", language="da")
    OpeningHours.objects.create(team=team, weekly={str(d): [["00:00", "23:59"]] for d in range(7)}, holidays="")
    widget = Widget.objects.create(name="Webshop", allowed_origins=origin, team=team)
    html["page"] = (
        '<!doctype html><html lang="da"><head><title>Webshop</title></head><body><h1>Webshop</h1>'
        f'<script src="{asgi_server}/chat/widget.js" data-key="{widget.public_key}" async></script></body></html>'
    ).encode()
    make_user("sofie@example.com", teams=[team], name="Sofie Sørensen")
    ReplyTemplate.objects.create(
        name="Tak for kvittering", language="da", body="Tak, {first_name}. Jeg har fået din kvittering."
    )
    ReplyTemplate.objects.create(name="Hilsen", language="da", body="Venlig hilsen, {agent_name}")

    agent, customer = new_page(), new_page()
    log_in(agent, asgi_server, "sofie@example.com")
    agent.select_option("#presence select", "available")
    expect(agent.locator("#presence select")).to_have_value("available")
    agent.goto(f"{asgi_server}/inbox/mine/")
    expect(agent.locator("table.tickets")).to_have_count(0)

    customer.goto(origin)
    customer.click(".wowdesk-chat .wdc-launch")
    expect(customer.locator(".wdc-status")).to_have_text("En medarbejder er her og svarer dig om et øjeblik.")
    customer.fill(".wdc-start input[name=name]", "Karen Kunde")
    customer.fill(".wdc-start input[name=email]", "karen@kunde.dk")
    customer.fill(".wdc-start textarea", "Hvor er min pakke?")
    customer.click(".wdc-start button[type=submit]")
    expect(customer.locator(".wdc-status")).to_have_text("Sofie er her")
    expect(customer.locator(".wdc-msg.customer")).to_have_text("DigHvor er min pakke?")

    # The agent, on the inbox, is told at once that the chat is theirs, and the row and count appear without
    # a reload; the notice leads to the chat.
    ticket = Ticket.objects.get(channel="chat")
    notice = agent.locator(".flash .assigned-notice")
    expect(notice).to_have_text(f"Assigned to you: #{ticket.number} Chat: Hvor er min pakke?")
    expect(agent.locator(f"#t{ticket.number}")).to_contain_text("Karen Kunde")
    expect(agent.locator("#inbox-views .view-link.active .count")).to_have_text("1")
    notice.locator("a").click()
    expect(agent).to_have_url(f"{asgi_server}/tickets/{ticket.number}/")
    expect(agent.locator(".message.inbound")).to_contain_text("Hvor er min pakke?")
    expect(agent.locator("#chat-pane")).to_be_visible()
    # Read state: the agent's page shows Karen's line, so her widget says it was read.
    expect(customer.locator(".wdc-msg.customer .wdc-read")).to_have_text("Læst")

    customer.locator(".wdc-chat textarea").press_sequentially("Ordre 1234")
    expect(agent.locator("#chat-typing")).to_have_text("The customer is typing…")
    customer.locator(".wdc-chat textarea").press("Enter")
    expect(agent.locator(".message.inbound").last).to_contain_text("Ordre 1234")

    # The coach reads the chat as the agent writes: the weak word is marked in the chat composer's hints,
    # the closing question is offered, and the BALA path on the card follows the chat without a reload.
    card = agent.locator("#coaching-card")
    expect(card).to_contain_text("once an agent has replied")
    agent.locator("#chat-body").press_sequentially("Men du kan måske prøve at genstarte appen.", delay=5)
    expect(customer.locator(".wdc-typing")).to_have_text("Sofie skriver …")
    hints = agent.locator("#chat-coach-hints")
    expect(hints.locator("mark.weak_word").first).to_have_text("måske")
    expect(hints).to_contain_text("Er der andet, jeg kan hjælpe dig med?")
    hints.locator("[data-insert]").click()
    expect(agent.locator("#chat-body")).to_have_value(
        "Men du kan måske prøve at genstarte appen.\n\nEr der andet, jeg kan hjælpe dig med?"
    )
    agent.locator("#chat-body").press("Enter")
    expect(customer.locator(".wdc-msg.agent")).to_contain_text("Er der andet, jeg kan hjælpe dig med?")
    expect(agent.locator(".message.outbound")).to_contain_text("Men du kan måske prøve at genstarte appen.")
    expect(agent.locator("#chat-read")).to_have_text("Seen by the customer")
    expect(hints).to_be_empty()
    expect(card.locator(".bala-path")).to_be_visible()

    # The customer reloads mid-chat: the same conversation comes back, and goes on.
    customer.reload()
    expect(customer.locator(".wdc-panel")).to_be_visible()
    expect(customer.locator(".wdc-msg")).to_have_count(3)
    # A file from the customer: the agent has it on the ticket, the customer a link to it.
    customer.set_input_files(
        ".wdc-file", files=[{"name": "kvittering.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 kvittering"}]
    )
    expect(customer.locator(".wdc-msg.customer .wdc-filelink")).to_have_text("📎 kvittering.pdf")
    expect(agent.locator(".message.inbound .attachments")).to_contain_text("kvittering.pdf")
    # A reply template from the chat pane's own picker: into the chat composer, and off to the customer.
    agent.locator("#chat-composer [data-template-search]").press_sequentially("kvittering")
    expect(agent.locator("#chat-template-list [data-template-option]")).to_have_count(1)
    # The search asks again 250 ms after the last key; a list swapped in after Enter would drop the choice.
    agent.wait_for_timeout(600)
    expect(agent.locator("#chat-template-list li.active")).to_contain_text("Tak for kvittering")
    agent.locator("#chat-composer [data-template-search]").press("Enter")
    expect(agent.locator("#chat-body")).to_have_value("Tak, Karen. Jeg har fået din kvittering.")
    agent.locator("#chat-body").press("Enter")
    expect(customer.locator(".wdc-msg.agent").last).to_contain_text("Tak, Karen. Jeg har fået din kvittering.")
    customer.locator(".wdc-chat textarea").fill("Tak for hjælpen")
    customer.locator(".wdc-chat textarea").press("Enter")
    expect(agent.locator(".message.inbound").last).to_contain_text("Tak for hjælpen")

    customer.click(".wdc-end")
    expect(customer.locator(".wdc-status")).to_have_text("Chatten er afsluttet.")
    expect(agent.locator("#chat-status")).to_have_text("The chat has ended.")
    customer.click(".wdc-transcript")
    expect(customer.locator(".wdc-note")).to_contain_text("karen@kunde.dk")
    run_queued_mail()
    try:
        (mail,) = sink.wait(1)
    finally:
        sink.controller.stop()
    assert mail["To"] == "karen@kunde.dk"
    text = mail.get_body(("plain",)).get_content()
    assert "Karen" not in mail["Subject"] and f"#{ticket.number}" in mail["Subject"]
    assert "Hvor er min pakke?" in text and "Tak for hjælpen" in text
    assert "Sofie: Men du kan måske prøve at genstarte appen." in text
    assert Chat.objects.get(ticket=ticket).transcript_sent_at is not None


def test_outside_opening_hours_the_widget_offers_a_message_or_a_callback_never_a_chat(asgi_server, new_page, shop):
    html, origin = shop
    team = Team.objects.create(name="Support Danmark", language="da")
    OpeningHours.objects.create(team=team, weekly={}, holidays="")  # closed all week
    widget = Widget.objects.create(name="Webshop", allowed_origins=origin, team=team)
    html["page"] = (
        '<!doctype html><html lang="da"><head><title>Webshop</title></head><body><h1>Webshop</h1>'
        f'<script src="{asgi_server}/chat/widget.js" data-key="{widget.public_key}" async></script></body></html>'
    ).encode()
    customer = new_page()
    customer.goto(origin)
    customer.click(".wowdesk-chat .wdc-launch")
    expect(customer.locator(".wdc-status")).to_contain_text("Vi har lukket lige nu.")
    expect(customer.locator(".wdc-start")).to_be_hidden()
    expect(customer.locator(".wdc-leave")).to_be_visible()
    customer.click(".wdc-to-callback")
    customer.fill(".wdc-callback input[name=name]", "Karen Kunde")
    customer.fill(".wdc-callback input[name=phone]", "20 12 34 56")
    customer.click(".wdc-callback button[type=submit]")
    expect(customer.locator(".wdc-note")).to_contain_text("Vi ringer dig mellem ")
    ticket = Ticket.objects.get()
    assert ticket.followups.get().source == "callback" and ticket.contact.phones == ["+4520123456"]
    assert not Chat.objects.exists()
