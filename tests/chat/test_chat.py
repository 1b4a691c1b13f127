"""Live chat over the widget's WebSocket and the agent's chat pane (Channels' WebsocketCommunicator against
wowdesk.asgi): a customer starts a chat on an allowed site, an available agent with a free chat seat gets it,
both write, the customer resumes after a reload; bad input is refused with a clear error and changes nothing."""

from zoneinfo import ZoneInfo

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client
from django.utils import timezone

from tests.conftest import make_ticket, make_user
from wowdesk.asgi import application
from wowdesk.chat import services
from wowdesk.chat.models import AgentChatLimit, Chat, Widget
from wowdesk.hours.models import OpeningHours
from wowdesk.routing import services as routing
from wowdesk.tickets.models import Message, Ticket

pytestmark = pytest.mark.django_db(transaction=True)

SHOP = "https://shop.example.dk"


def run(scenario):
    return async_to_sync(scenario)()


def always_open(team):
    OpeningHours.objects.create(team=team, weekly={str(d): [["00:00", "23:59"]] for d in range(7)}, holidays="")


def never_open(team):
    OpeningHours.objects.create(team=team, weekly={}, holidays="")


def available(agent):
    agent.presence, agent.last_seen_at = "available", timezone.now()
    agent.save(update_fields=["presence", "last_seen_at"])
    return agent


@pytest.fixture
def widget(team_dk):
    always_open(team_dk)
    return Widget.objects.create(name="Webshop", allowed_origins=f"{SHOP}\nhttps://www.example.dk", team=team_dk)


def customer(widget, origin=SHOP) -> WebsocketCommunicator:
    return WebsocketCommunicator(application, f"/ws/chat/{widget.public_key}/", headers=[(b"origin", origin.encode())])


def agent_pane(user, number) -> WebsocketCommunicator:
    client = Client()
    client.force_login(user)
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    return WebsocketCommunicator(
        application, f"/ws/chat/agent/{number}/", headers=[(b"origin", b"http://testserver"), (b"cookie", cookie)]
    )


async def next_of(socket, kind):
    """The next message of this type (typing indicators and the like may come in between)."""
    for _ in range(10):
        message = await socket.receive_json_from(timeout=2)
        if message["type"] == kind:
            return message
    raise AssertionError(f"no {kind}")


def test_a_chat_from_start_to_reply_and_resume_after_a_reload(widget, team_dk):
    sofie = available(make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen"))

    async def scenario():
        page = customer(widget)
        assert (await page.connect())[0]
        await page.send_json_to({"type": "hello", "language": "da"})
        ready = await page.receive_json_from(timeout=2)
        assert ready["type"] == "ready" and ready["chat"] is True
        assert ready["text"] == "En medarbejder er her og svarer dig om et øjeblik."
        await page.send_json_to(
            {"type": "start", "name": "Karen", "email": "karen@kunde.dk", "body": "Hvor er min pakke?"}
        )
        started = await next_of(page, "started")
        assert started["agent"] == "Sofie"
        assert [m["body"] for m in started["messages"]] == ["Hvor er min pakke?"]
        ticket = await sync_to_async(Ticket.objects.get)(channel="chat")
        assert ticket.assignee_id == sofie.pk and ticket.language == "da"

        pane = await sync_to_async(agent_pane)(sofie, ticket.number)
        assert (await pane.connect())[0]
        assert (await pane.receive_json_from(timeout=2)) == {
            "type": "state",
            "status": "waiting",
            "read_by_customer": None,
        }
        await page.send_json_to({"type": "typing"})
        assert await next_of(pane, "typing") == {"type": "typing"}
        await pane.send_json_to({"type": "typing"})
        assert (await next_of(page, "typing"))["name"] == "Sofie"
        await pane.send_json_to({"type": "message", "body": "Den er på vej, den kommer i morgen."})
        answer = await next_of(page, "message")
        assert answer["message"]["from"] == "agent"
        assert answer["message"]["name"] == "Sofie"
        assert answer["message"]["body"] == "Den er på vej, den kommer i morgen."
        await page.send_json_to({"type": "message", "body": "Tak!"})
        assert (await next_of(page, "message"))["message"]["body"] == "Tak!"
        await page.disconnect()

        # A reload: a new connection with the token the widget kept continues the same conversation.
        again = customer(widget)
        assert (await again.connect())[0]
        await again.send_json_to({"type": "hello", "token": started["token"], "language": "da"})
        resumed = await next_of(again, "resumed")
        assert resumed["status"] == "active" and resumed["agent"] == "Sofie"
        assert [m["body"] for m in resumed["messages"]] == [
            "Hvor er min pakke?",
            "Den er på vej, den kommer i morgen.",
            "Tak!",
        ]
        await again.send_json_to({"type": "end"})
        assert await next_of(again, "ended") == {"type": "ended", "by": "customer"}
        assert await next_of(pane, "ended") == {"type": "ended", "by": "customer"}
        await again.send_json_to({"type": "message", "body": "En ting mere"})
        refused = await next_of(again, "error")
        assert refused["code"] == "chat_ended"
        await again.disconnect()
        await pane.disconnect()

    run(scenario)
    ticket = Ticket.objects.get(channel="chat")
    chat = Chat.objects.get(ticket=ticket)
    assert (chat.status, chat.ended_by) == ("ended", "customer")
    assert chat.answered_at is not None
    assert ticket.status == "solved"
    assert list(ticket.messages.values_list("kind", flat=True)) == ["inbound", "outbound", "inbound"]
    # In the team's language: the flag is for its agents.
    assert ticket.messages.first().flags == ["e-mailadresse opgivet i chatten, ikke bekræftet"]
    # Chat lines are not mailed one by one: the customer had them in the chat.
    from wowdesk.mail.models import OutboundMail

    assert not OutboundMail.objects.filter(ticket=ticket).exists()


def test_bad_input_gets_a_clear_error_and_changes_nothing(widget, team_dk, settings):
    settings.CHAT_MAX_MESSAGE_CHARS = 100
    available(make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen"))

    async def scenario():
        foreign = customer(widget, origin="https://evil.example")
        assert (await foreign.connect())[0]
        refused = await foreign.receive_json_from(timeout=2)
        assert refused["code"] == "origin_not_allowed"
        assert (await foreign.receive_output(timeout=2))["type"] == "websocket.close"

        unknown = WebsocketCommunicator(application, "/ws/chat/no-such-key/", headers=[(b"origin", SHOP.encode())])
        assert (await unknown.connect())[0]
        assert (await unknown.receive_json_from(timeout=2))["code"] == "unknown_widget"

        page = customer(widget)
        assert (await page.connect())[0]
        await page.send_json_to({"type": "hello", "token": "eyJjaGF0Ijo1fQ:forged:signature", "language": "en"})
        forged = await page.receive_json_from(timeout=2)
        assert forged == {
            "type": "error",
            "code": "bad_token",
            "error": "This chat session is not valid. Start a new chat.",
        }
        await page.send_json_to({"type": "message", "body": "hello?"})
        assert (await page.receive_json_from(timeout=2))["code"] == "no_chat"
        await page.send_json_to({"type": "start", "email": "karen@kunde.dk", "body": "x" * 101})
        too_long = await page.receive_json_from(timeout=2)
        assert too_long["code"] == "message_too_long"
        assert "at most 100 characters" in too_long["error"]
        await page.send_json_to({"type": "start", "body": "Hej"})
        assert (await page.receive_json_from(timeout=2))["code"] == "email_required"
        await page.send_json_to({"type": "start", "email": "not an address", "body": "Hej"})
        assert (await page.receive_json_from(timeout=2))["code"] == "bad_email"
        await page.send_to(text_data="not json")
        assert (await page.receive_json_from(timeout=2))["code"] == "bad_json"
        await page.disconnect()

    run(scenario)
    assert not Ticket.objects.exists()
    assert not Message.objects.exists()


def test_a_token_of_another_widget_opens_nothing(widget, team_dk):
    available(make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen"))
    chat = services.start_chat(widget=widget, body="Hej", email="karen@kunde.dk")
    other = Widget.objects.create(name="Andet site", allowed_origins=SHOP, team=team_dk)
    token = services.token_for(chat)
    with pytest.raises(services.ChatError) as refused:
        services.chat_for_token(other, token)
    assert refused.value.code == "bad_token"
    assert services.chat_for_token(widget, token) == chat


def test_chats_go_to_available_agents_with_a_free_chat_seat(widget, team_dk):
    sofie = available(make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen"))
    mette = available(make_user("mette@example.com", teams=[team_dk], name="Mette Kjær"))
    make_user("jonas@example.com", teams=[team_dk], name="Jonas Away")  # offline: never gets a chat
    AgentChatLimit.objects.create(agent=mette, max_chats=1)
    owners = [
        services.start_chat(widget=widget, body=f"Chat {n}", email=f"k{n}@kunde.dk").ticket.assignee for n in range(5)
    ]
    # Fewest running chats first; Mette's limit is 1, Sofie's the default 3; the fifth waits.
    assert owners == [sofie, mette, sofie, sofie, None]
    waiting = Chat.objects.get(status="waiting", ticket__assignee=None)
    # Routing leaves chats to the chat app, even with a free general capacity.
    assert routing.assign(waiting.ticket_id) is None
    # A chat ends: its seat goes to the waiting one.
    services.end_chat(Chat.objects.filter(ticket__assignee=sofie).first(), by="agent", agent=sofie)
    waiting.ticket.refresh_from_db()
    assert waiting.ticket.assignee == sofie


def test_outside_opening_hours_the_widget_offers_to_leave_a_message(team_dk):
    never_open(team_dk)
    widget = Widget.objects.create(name="Webshop", allowed_origins=SHOP, team=team_dk)
    available(make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen"))

    async def scenario():
        page = customer(widget)
        assert (await page.connect())[0]
        await page.send_json_to({"type": "hello", "language": "en"})
        ready = await page.receive_json_from(timeout=2)
        assert ready["chat"] is False
        assert ready["text"] == "We are closed right now. Leave a message and we will answer you by e-mail."
        await page.send_json_to({"type": "start", "email": "karen@kunde.dk", "body": "Hej"})
        assert (await page.receive_json_from(timeout=2))["code"] == "chat_unavailable"
        await page.send_json_to(
            {"type": "leave_message", "name": "Karen", "email": "karen@kunde.dk", "body": "Ring mig op i morgen"}
        )
        left = await page.receive_json_from(timeout=2)
        assert left["type"] == "message_left"
        return left["number"]

    number = run(scenario)
    ticket = Ticket.objects.get(number=number)
    assert (ticket.channel, ticket.team, ticket.contact.email) == ("web", team_dk, "karen@kunde.dk")
    assert not Chat.objects.exists()


def test_outside_opening_hours_the_widget_offers_a_callback_in_the_next_opening(team_dk):
    from wowdesk.followups.models import FollowUp

    never_open(team_dk)
    widget = Widget.objects.create(name="Webshop", allowed_origins=SHOP, team=team_dk)

    async def scenario():
        page = customer(widget)
        assert (await page.connect())[0]
        await page.send_json_to({"type": "hello", "language": "da"})
        assert (await page.receive_json_from(timeout=2))["chat"] is False
        await page.send_json_to({"type": "callback", "name": "Karen", "phone": "ring mig"})
        refused = await page.receive_json_from(timeout=2)
        await page.send_json_to({"type": "callback", "name": "Karen", "phone": "20 12 34 56", "email": "karen@"})
        bad_email = await page.receive_json_from(timeout=2)
        await page.send_json_to(
            {"type": "callback", "name": "Karen", "phone": "20 12 34 56", "email": "karen@kunde.dk"}
        )
        requested = await page.receive_json_from(timeout=2)
        await page.disconnect()
        return refused, bad_email, requested

    refused, bad_email, requested = run(scenario)
    assert refused["code"] == "bad_phone" and "ring mig" in refused["error"]
    assert bad_email["code"] == "bad_email"
    assert requested["type"] == "callback_requested"
    assert requested["text"].startswith("Vi ringer dig mellem ")
    ticket = Ticket.objects.get(number=requested["number"])
    assert (ticket.team, ticket.contact.email, ticket.contact.phones) == (team_dk, "karen@kunde.dk", ["+4520123456"])
    assert Ticket.objects.count() == 1  # the refused requests made nothing
    callback = FollowUp.objects.get(ticket=ticket)
    assert callback.source == "callback" and callback.window_end > callback.due


def test_with_nobody_available_the_widget_offers_to_leave_a_message(widget, team_dk):
    make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen")  # offline

    async def scenario():
        page = customer(widget)
        assert (await page.connect())[0]
        await page.send_json_to({"type": "hello", "language": "nb"})
        return await page.receive_json_from(timeout=2)

    ready = run(scenario)
    assert ready["chat"] is False
    assert ready["text"].startswith("Ingen kan chatte akkurat nå.")


def test_all_seats_taken_shows_the_expected_wait(widget, team_dk):
    sofie = available(make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen"))
    AgentChatLimit.objects.create(agent=sofie, max_chats=1)
    services.start_chat(widget=widget, body="Første", email="a@kunde.dk")

    async def scenario():
        page = customer(widget)
        assert (await page.connect())[0]
        await page.send_json_to({"type": "hello", "language": "en"})
        return await page.receive_json_from(timeout=2)

    ready = run(scenario)
    assert ready["chat"] is True and ready["wait_s"] > 0
    assert ready["text"].startswith("All our agents are busy. Expected wait: about ")


def test_the_widget_script_is_served_in_three_languages(client):
    response = client.get("/chat/widget.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    body = response.content.decode()
    for text in ('"Chat with us"', '"Chat med os"', '"Chat med oss"'):
        assert text in body


def test_an_agent_pane_only_for_agents_who_may_see_the_chat(widget, team_dk, team_no):
    available(make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen"))
    ola = make_user("ola@example.com", teams=[team_no], name="Ola Nordmann")
    chat = services.start_chat(widget=widget, body="Hej", email="karen@kunde.dk")
    mail_ticket = make_ticket(team=team_dk)
    sofie = chat.ticket.assignee

    async def scenario():
        other_team = await sync_to_async(agent_pane)(ola, chat.ticket.number)
        assert await other_team.connect() == (False, 4404)
        not_a_chat = await sync_to_async(agent_pane)(sofie, mail_ticket.number)
        assert await not_a_chat.connect() == (False, 4404)
        pane = await sync_to_async(agent_pane)(sofie, chat.ticket.number)
        assert (await pane.connect())[0]
        await pane.receive_json_from(timeout=2)
        await pane.send_json_to({"type": "message", "body": "   "})
        assert (await pane.receive_json_from(timeout=2))["code"] == "empty_message"
        await pane.disconnect()

    run(scenario)
    assert chat.ticket.messages.count() == 1


def test_a_silent_chat_ends_by_itself_and_an_unanswered_one_stays_open(widget, team_dk):
    sofie = available(make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen"))
    answered = services.start_chat(widget=widget, body="Hej", email="a@kunde.dk")
    services.agent_message(answered, agent=sofie, body="Hej, hvad kan jeg hjælpe med?")
    missed = services.start_chat(widget=widget, body="Er der nogen?", email="b@kunde.dk")
    later = timezone.now() + timezone.timedelta(minutes=widget.inactivity_minutes - 1)
    assert services.end_inactive(later) == 0
    assert services.end_inactive(later + timezone.timedelta(minutes=2)) == 2
    answered.refresh_from_db()
    missed.refresh_from_db()
    assert (answered.status, answered.ended_by, answered.ticket.status) == ("ended", "inactivity", "solved")
    # Nobody answered: the customer still gets an answer, by mail.
    assert (missed.status, missed.answered_at, missed.ticket.status) == ("ended", None, "open")
    # The answered chat is solved, so its customer gets the same survey as for a mail; the missed one not yet.
    from wowdesk.surveys.models import Survey

    assert list(Survey.objects.values_list("ticket_id", flat=True)) == [answered.ticket_id]


def test_the_transcript_goes_once_by_mail_to_a_loopback_smtp_server(widget, team_dk, settings):
    from tests.mail.conftest import Sink
    from wowdesk.mail.models import OutboundMail
    from wowdesk.mail.services import deliver_now

    sofie = available(make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen"))
    chat = services.start_chat(widget=widget, body="Hvor er min pakke?", email="karen@kunde.dk", language="da")
    services.agent_message(chat, agent=sofie, body="Den kommer i morgen.")
    from wowdesk.tickets.services import add_note

    add_note(chat.ticket, author=sofie, body="Intern: kunden har klaget før")
    token = services.token_for(chat)

    async def scenario():
        page = customer(widget)
        assert (await page.connect())[0]
        await page.send_json_to({"type": "hello", "token": token, "language": "da"})
        await next_of(page, "resumed")
        await page.send_json_to({"type": "transcript"})
        assert (await next_of(page, "error"))["code"] == "chat_running"
        await page.send_json_to({"type": "end"})
        await next_of(page, "ended")
        await page.send_json_to({"type": "transcript"})
        assert await next_of(page, "transcript_sent") == {"type": "transcript_sent", "email": "karen@kunde.dk"}
        await page.send_json_to({"type": "transcript"})  # a second click sends nothing more
        await next_of(page, "transcript_sent")
        await page.disconnect()

    run(scenario)
    (outbound,) = OutboundMail.objects.filter(kind="transcript")
    sink = Sink()
    sink.controller.start()
    try:
        settings.SMTP_URL = f"smtp://127.0.0.1:{sink.port}"
        deliver_now(outbound)
        (mail,) = sink.wait(1)
    finally:
        sink.controller.stop()
    assert mail["To"] == "karen@kunde.dk"
    assert mail["Subject"] == f"Din chat med os [#{chat.ticket.number}]"
    text = mail.get_body(("plain",)).get_content()
    assert "Dig: Hvor er min pakke?" in text
    assert "Sofie: Den kommer i morgen." in text
    assert "Intern" not in text


def test_chats_are_listed_by_the_api_with_their_lines_as_messages(widget, team_dk):
    from tests.api.conftest import ApiClient
    from wowdesk.api.models import ApiToken

    sofie = available(make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen"))
    chat = services.start_chat(widget=widget, body="Hej", email="karen@kunde.dk")
    services.agent_message(chat, agent=sofie, body="Hej Karen")
    make_ticket(team=team_dk, subject="En mail")
    api = ApiClient(ApiToken.issue(sofie, "read")[1])
    listed = api.get("/api/v1/tickets", {"channel": "chat"})
    assert listed.status_code == 200
    body = listed.json()
    items = body["items"] if isinstance(body, dict) else body
    assert [(t["number"], t["channel"]) for t in items] == [(chat.ticket.number, "chat")]
    messages = api.get(f"/api/v1/tickets/{chat.ticket.pk}/messages").json()
    lines = messages["items"] if isinstance(messages, dict) else messages
    assert [m["body_text"] for m in lines] == ["Hej", "Hej Karen"]


def test_chat_wait_and_missed_chats_are_on_the_dashboard_and_in_the_summary_api(widget, team_dk, lead, client):
    from datetime import timedelta

    from tests.api.conftest import ApiClient
    from wowdesk.api.models import ApiToken

    sofie = available(make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen"))
    # The report's days are the lead's team's (Copenhagen); the chats start today there, even just after midnight.
    local_now = timezone.localtime(timezone.now(), ZoneInfo("Europe/Copenhagen"))
    start = max(local_now - timedelta(minutes=3), local_now.replace(hour=0, minute=0, second=0, microsecond=0))
    for n, wait_s in enumerate([20, 40, 90]):
        chat = services.start_chat(widget=widget, body="Hej", email=f"k{n}@kunde.dk", now=start)
        services.agent_message(chat, agent=sofie, body="Hej!", now=start + timedelta(seconds=wait_s))
    missed = services.start_chat(widget=widget, body="Hallo?", email="m@kunde.dk", now=start)
    services.end_chat(missed, by="customer", now=start + timedelta(minutes=2))
    today = local_now.date().isoformat()
    api = ApiClient(ApiToken.issue(lead, "read")[1])
    summary = api.get("/api/v1/reports/summary", {"from": today, "to": today}).json()
    assert (summary["chats"], summary["missed_chats"], summary["chat_wait_median_s"]) == (4, 1, 40)
    client.force_login(lead)
    page = client.get("/reports/").content.decode()
    assert 'id="kpi-chats">4<' in page
    assert "1 missed" in page


def test_a_customer_sends_a_file_the_agent_gets_it_and_only_the_signed_link_opens_it(widget, team_dk, settings):
    import base64

    from django.core.files.uploadedfile import SimpleUploadedFile

    from wowdesk.tickets.services import reply

    sofie = available(make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen"))
    chat = services.start_chat(widget=widget, body="Se billedet", email="karen@kunde.dk")
    settings.MAX_ATTACHMENT_BYTES = 1000
    token = services.token_for(chat)

    async def scenario():
        page = customer(widget)
        assert (await page.connect())[0]
        await page.send_json_to({"type": "hello", "token": token, "language": "en"})
        resumed = await next_of(page, "resumed")
        assert resumed["max_file_bytes"] == 1000
        data = base64.b64encode(b"%PDF-1.4 kvittering").decode()
        await page.send_json_to(
            {"type": "file", "name": "kvittering.pdf", "content_type": "application/pdf", "data": data}
        )
        sent = (await next_of(page, "message"))["message"]
        too_big = base64.b64encode(b"x" * 1500).decode()
        await page.send_json_to({"type": "file", "name": "stor.bin", "data": too_big})
        refused = await next_of(page, "error")
        await page.send_json_to({"type": "file", "name": "rod.bin", "data": "not base64!"})
        garbled = await next_of(page, "error")
        # The agent sends a file with the ticket's composer: it reaches the widget as a link, not by mail.
        label = SimpleUploadedFile("returlabel.pdf", b"%PDF label", content_type="application/pdf")
        await sync_to_async(reply)(
            chat.ticket, author=sofie, body="Her er en returlabel", attachments=[label], status="open"
        )
        from_agent = (await next_of(page, "message"))["message"]
        await page.disconnect()
        return sent, refused, garbled, from_agent

    sent, refused, garbled, from_agent = run(scenario)
    assert from_agent["from"] == "agent" and [f["name"] for f in from_agent["files"]] == ["returlabel.pdf"]
    assert (sent["from"], sent["body"]) == ("customer", "kvittering.pdf")
    (file,) = sent["files"]
    assert (file["name"], file["size"]) == ("kvittering.pdf", 19)
    assert (refused["code"], refused["error"]) == ("file_too_large", "A file can be at most 0.0 MB.")
    assert garbled["code"] == "bad_file"
    message = chat.ticket.messages.get(pk=sent["id"])
    assert [a.filename for a in message.attachments.all()] == ["kvittering.pdf"]
    assert chat.ticket.messages.count() == 3  # the refused files made nothing

    link = file["url"].removeprefix(settings.BASE_URL.rstrip("/"))
    download = Client().get(link)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 kvittering"
    assert download["Content-Disposition"].startswith("attachment")
    assert Client().get(link[:-6] + "forged/").status_code == 404
    # The agent has it on the ticket like any attachment.
    agent = Client()
    agent.force_login(sofie)
    assert "kvittering.pdf" in agent.get(f"/tickets/{chat.ticket.number}/").content.decode()


def test_read_state_goes_both_ways_and_survives_a_reload(widget, team_dk):
    sofie = available(make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen"))
    chat = services.start_chat(widget=widget, body="Hej", email="karen@kunde.dk")
    first = chat.ticket.messages.get()
    answer = services.agent_message(chat, agent=sofie, body="Hej Karen, hvad kan jeg gøre?")
    token = services.token_for(chat)

    async def scenario():
        page = customer(widget)
        assert (await page.connect())[0]
        await page.send_json_to({"type": "hello", "token": token, "language": "da"})
        assert (await next_of(page, "resumed"))["read_by_agent"] is None
        pane = await sync_to_async(agent_pane)(sofie, chat.ticket.number)
        assert (await pane.connect())[0]
        assert (await next_of(pane, "state"))["read_by_customer"] is None
        # The agent's page shows Karen's line: her widget says it was read.
        await pane.send_json_to({"type": "read", "id": first.pk})
        assert await next_of(page, "read") == {"type": "read", "by": "agent", "id": first.pk}
        # Karen's widget shows the answer: the agent's pane says it was seen.
        await page.send_json_to({"type": "read", "id": answer.pk})
        assert await next_of(pane, "read") == {"type": "read", "by": "customer", "id": answer.pk}
        # Read state only grows: an older id changes nothing and tells nobody.
        await page.send_json_to({"type": "read", "id": first.pk})
        assert await pane.receive_nothing(timeout=0.3)
        await page.send_json_to({"type": "read", "id": "x"})
        assert (await next_of(page, "error"))["code"] == "bad_message"
        await page.disconnect()
        again = customer(widget)
        assert (await again.connect())[0]
        await again.send_json_to({"type": "hello", "token": token, "language": "da"})
        assert (await next_of(again, "resumed"))["read_by_agent"] == first.pk
        await again.disconnect()
        await pane.disconnect()

    run(scenario)
    chat.refresh_from_db()
    assert (chat.agent_read_id, chat.customer_read_id) == (first.pk, answer.pk)


def test_chats_per_agent_hour_count_the_hours_agents_were_available(widget, team_dk, team_no, lead, client):
    from datetime import timedelta

    from tests.api.conftest import ApiClient
    from wowdesk.accounts.services import mark_idle_away, set_presence
    from wowdesk.api.models import ApiToken

    now = timezone.now()
    sofie = available(make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen"))
    mette = make_user("mette@example.com", teams=[team_dk], name="Mette Kjær")
    for n in range(3):
        chat = services.start_chat(widget=widget, body="Hej", email=f"k{n}@kunde.dk", now=now - timedelta(minutes=20))
        services.agent_message(chat, agent=sofie, body="Hej!", now=now - timedelta(minutes=19))
    services.start_chat(widget=widget, body="Hallo?", email="m@kunde.dk", now=now - timedelta(minutes=2))
    # Sofie was available for an hour; Mette for 25 minutes, until she was idle and routing's tick noticed.
    set_presence(sofie, "available", now=now - timedelta(hours=2))
    set_presence(sofie, "offline", now=now - timedelta(hours=1))
    set_presence(mette, "available", now=now - timedelta(minutes=30))
    assert mark_idle_away(not_seen_since=now - timedelta(minutes=10), now=now - timedelta(minutes=5)) == 1
    mette.refresh_from_db()
    assert mette.presence == "away"

    # The report's days are the lead's team's (Copenhagen), whatever the hour in UTC.
    local_today = timezone.localdate(timezone=ZoneInfo("Europe/Copenhagen"))
    yesterday, today = (local_today - timedelta(days=1)).isoformat(), local_today.isoformat()
    api = ApiClient(ApiToken.issue(lead, "read")[1])
    summary = api.get("/api/v1/reports/summary", {"from": yesterday, "to": today}).json()
    # 3 answered chats in 1 h 25 min of available agents (the unanswered one is no agent's work yet).
    assert summary["chats_per_agent_hour"] == round(3 / (85 / 60), 2) == 2.12
    other_team = api.get("/api/v1/reports/summary", {"from": yesterday, "to": today, "team": team_no.pk})
    assert other_team.json()["chats_per_agent_hour"] is None  # no chats and no agent-hours there
    client.force_login(lead)
    page = client.get("/reports/", {"from": yesterday, "to": today}).content.decode()
    assert 'id="kpi-chats-per-hour">2.12<' in page
    assert "1.4 agent-hours" in page
