"""The live ticket page over a real WebSocket (Channels' WebsocketCommunicator against wowdesk.asgi): a
colleague's presence, new messages and changed properties arrive without a reload, and only for agents who
may see the ticket."""

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.db import transaction
from django.test import Client

from tests.conftest import make_ticket, make_user
from wowdesk.asgi import application
from wowdesk.tickets import services

pytestmark = pytest.mark.django_db(transaction=True)


def session_of(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def socket_for(
    session: str | None, number: int, origin: str = "http://testserver", query: str = ""
) -> WebsocketCommunicator:
    headers = [(b"origin", origin.encode())]
    if session:
        headers.append((b"cookie", f"sessionid={session}".encode()))
    return WebsocketCommunicator(application, f"/ws/tickets/{number}/{query}", headers=headers)


def run(scenario):
    return async_to_sync(scenario)()


def test_a_colleague_on_the_same_ticket_is_seen_viewing_then_replying_then_gone(team_dk):
    sofie = make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen")
    mette = make_user("mette@example.com", teams=[team_dk], name="Mette Kjær")
    ticket = make_ticket(team=team_dk)
    sofies, mettes = session_of(sofie), session_of(mette)

    async def scenario():
        first = socket_for(sofies, ticket.number)
        assert (await first.connect())[0]
        second = socket_for(mettes, ticket.number)
        assert (await second.connect())[0]
        # Each learns of the other at once: Sofie hears Mette arrive, Mette is told Sofie is here already.
        assert await first.receive_json_from(timeout=1) == {
            "type": "presence",
            "agent": {"id": mette.pk, "name": "Mette Kjær"},
            "state": "viewing",
        }
        assert await second.receive_json_from(timeout=1) == {
            "type": "presence",
            "agent": {"id": sofie.pk, "name": "Sofie Sørensen"},
            "state": "viewing",
        }
        await first.send_json_to({"type": "replying"})
        seen = await second.receive_json_from(timeout=1)
        assert (seen["agent"]["name"], seen["state"]) == ("Sofie Sørensen", "replying")
        await first.disconnect()
        gone = await second.receive_json_from(timeout=1)
        assert (gone["agent"]["id"], gone["state"]) == (sofie.pk, "left")
        await second.send_json_to({"type": "shouting"})
        assert (await second.receive_json_from(timeout=1))["type"] == "error"
        await second.disconnect()

    run(scenario)


def test_new_messages_and_changes_reach_an_open_page_once_committed(team_dk):
    sofie = make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen")
    mette = make_user("mette@example.com", teams=[team_dk], name="Mette Kjær")
    ticket = make_ticket(team=team_dk)
    sofies = session_of(sofie)

    async def scenario():
        page = socket_for(sofies, ticket.number)
        assert (await page.connect())[0]
        reply = await sync_to_async(services.reply)(ticket, author=mette, body="Prøv at nulstille koden.")
        assert await page.receive_json_from(timeout=1) == {
            "type": "message",
            "id": reply.pk,
            "kind": "outbound",
            "author_id": mette.pk,
        }
        changed = await page.receive_json_from(timeout=1)
        assert changed["type"] == "changed"
        assert {"status", "assignee"} <= set(changed["fields"])
        await sync_to_async(services.update_ticket)(ticket, mette, priority="high")
        assert await page.receive_json_from(timeout=1) == {"type": "changed", "fields": ["priority"]}
        await page.disconnect()

    run(scenario)


def test_a_rolled_back_change_is_never_announced(team_dk):
    sofie = make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen")
    ticket = make_ticket(team=team_dk)
    sofies = session_of(sofie)

    def reply_then_fail():
        with transaction.atomic():
            services.reply(ticket, author=sofie, body="Never sent")
            raise RuntimeError("the transaction fails after the reply")

    def fail_after_reply():
        with pytest.raises(RuntimeError):
            reply_then_fail()

    async def scenario():
        page = socket_for(sofies, ticket.number)
        assert (await page.connect())[0]
        await sync_to_async(fail_after_reply)()
        assert await page.receive_nothing(timeout=0.3)
        await page.disconnect()

    run(scenario)


def test_only_agents_who_may_see_the_ticket_get_a_socket(team_dk, team_no):
    ola = make_user("ola@example.com", teams=[team_no], name="Ola Nordmann")
    sofie = make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen")
    ticket = make_ticket(team=team_dk)
    sofies, olas = session_of(sofie), session_of(ola)

    async def scenario():
        anonymous = socket_for(None, ticket.number)
        assert await anonymous.connect() == (False, 4401)
        other_team = socket_for(olas, ticket.number)
        assert await other_team.connect() == (False, 4404)
        missing = socket_for(sofies, 999999)
        assert await missing.connect() == (False, 4404)
        # Another site's page must not use the agent's cookie (cross-site WebSocket hijacking).
        foreign = socket_for(sofies, ticket.number, origin="https://evil.example")
        assert (await foreign.connect())[0] is False

    run(scenario)


def test_the_live_fragments_keep_the_ticket_pages_permissions(client, team_dk, team_no):
    sofie = make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen")
    ola = make_user("ola@example.com", teams=[team_no], name="Ola Nordmann")
    ticket = make_ticket(team=team_dk)
    message = services.add_note(ticket, author=sofie, body="Kunden ringer i morgen")
    client.force_login(sofie)
    fragment = client.get(f"/tickets/{ticket.number}/live/messages/{message.pk}/")
    assert fragment.status_code == 200
    assert "Kunden ringer i morgen" in fragment.content.decode()
    assert 'data-status="new"' in client.get(f"/tickets/{ticket.number}/live/properties/").content.decode()
    client.force_login(ola)
    assert client.get(f"/tickets/{ticket.number}/live/messages/{message.pk}/").status_code == 404
    assert client.get(f"/tickets/{ticket.number}/live/properties/").status_code == 404


def test_a_page_that_connects_late_is_told_of_the_messages_it_missed(team_dk):
    # The page was rendered with the first message; the customer wrote twice before its socket opened (or
    # while it reconnected): the socket names both, so the page fetches them without a reload.
    sofie = make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen")
    ticket = make_ticket(team=team_dk)
    shown = ticket.messages.get().pk
    missed = [services.add_inbound_message(ticket, body=f"Er der nyt? {i}").pk for i in (1, 2)]
    sofies = session_of(sofie)

    async def scenario():
        late = socket_for(sofies, ticket.number, query=f"?after={shown}")
        assert (await late.connect())[0]
        told = [await late.receive_json_from(timeout=1) for _ in missed]
        assert [(m["type"], m["id"], m["kind"]) for m in told] == [("message", pk, "inbound") for pk in missed]
        assert await late.receive_nothing(timeout=0.2)
        await late.disconnect()
        # Without `after` (or with the newest id) nothing is repeated.
        fresh = socket_for(sofies, ticket.number)
        assert (await fresh.connect())[0]
        assert await fresh.receive_nothing(timeout=0.2)
        await fresh.disconnect()

    run(scenario)
