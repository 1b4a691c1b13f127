"""The live inbox over a real WebSocket (`/ws/inbox/`, Channels' WebsocketCommunicator against wowdesk.asgi):
an agent's inbox hears of new and changed tickets they may see (and only those), is told at once when a
ticket is given to them by someone else, and asks the permission-checked inbox view again for its counts
and rows."""

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from tests.conftest import make_ticket, make_user
from wowdesk.accounts.models import User
from wowdesk.asgi import application
from wowdesk.tickets import services

pytestmark = pytest.mark.django_db(transaction=True)


def inbox_socket(user, origin: str = "http://testserver") -> WebsocketCommunicator:
    headers = [(b"origin", origin.encode())]
    if user is not None:
        client = Client()
        client.force_login(user)
        headers.append((b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode()))
    return WebsocketCommunicator(application, "/ws/inbox/", headers=headers)


def run(scenario):
    return async_to_sync(scenario)()


async def events(socket, wait: float = 0.5) -> list[dict]:
    """Everything the socket heard until it has been quiet for `wait` seconds."""
    heard = []
    while not await socket.receive_nothing(timeout=wait):
        heard.append(await socket.receive_json_from(timeout=1))
    return heard


def test_an_agent_hears_of_new_and_changed_tickets_of_their_teams_only(team_dk, team_no):
    sofie = make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen")
    ola = make_user("ola@example.com", teams=[team_no], name="Ola Nordmann")
    lead = make_user("lene@example.com", role=User.Role.LEAD, name="Lene Lead")

    async def scenario():
        sofies = await sync_to_async(inbox_socket)(sofie)
        olas = await sync_to_async(inbox_socket)(ola)
        leads = await sync_to_async(inbox_socket)(lead)
        for socket in (sofies, olas, leads):
            assert (await socket.connect())[0]
        ticket = await sync_to_async(make_ticket)(team=team_dk)
        assert {"type": "inbox"} in await events(sofies)
        assert {"type": "inbox"} in await events(leads)  # a lead sees every team
        assert await olas.receive_nothing(timeout=0.3)  # another team's ticket: not a word
        await sync_to_async(services.update_ticket)(ticket, sofie, priority="high")
        assert {"type": "inbox"} in await events(sofies)
        await sync_to_async(make_ticket)(team=team_no, language="nb")
        assert {"type": "inbox"} in await events(olas)
        assert await sofies.receive_nothing(timeout=0.3)
        for socket in (sofies, olas, leads):
            await socket.disconnect()

    run(scenario)


def test_a_ticket_given_to_an_agent_by_someone_else_is_announced_to_them_alone(team_dk):
    sofie = make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen")
    mette = make_user("mette@example.com", teams=[team_dk], name="Mette Kjær")
    lead = make_user("lene@example.com", role=User.Role.LEAD, teams=[team_dk], name="Lene Lead")
    ticket = make_ticket(team=team_dk)
    other = make_ticket(team=team_dk, subject="Faktura")

    async def scenario():
        sofies = await sync_to_async(inbox_socket)(sofie)
        mettes = await sync_to_async(inbox_socket)(mette)
        assert (await sofies.connect())[0] and (await mettes.connect())[0]
        await sync_to_async(services.update_ticket)(ticket, lead, assignee=sofie)
        assert {"type": "assigned", "number": ticket.number} in await events(sofies)
        assert {"type": "assigned", "number": ticket.number} not in await events(mettes)
        # Taking a ticket yourself is no news to you.
        await sync_to_async(services.update_ticket)(other, mette, assignee=mette)
        heard = await events(mettes)
        assert {"type": "inbox"} in heard and not [e for e in heard if e["type"] == "assigned"]
        for socket in (sofies, mettes):
            await socket.disconnect()

    run(scenario)


def test_only_signed_in_users_on_our_own_pages_get_an_inbox_socket(team_dk):
    sofie = make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen")

    async def scenario():
        assert await inbox_socket(None).connect() == (False, 4401)
        foreign = await sync_to_async(inbox_socket)(sofie, origin="https://evil.example")
        assert (await foreign.connect())[0] is False

    run(scenario)


def test_the_live_inbox_asks_the_inbox_view_again_for_counts_and_rows(client, team_dk, team_no):
    sofie = make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen")
    mine = make_ticket(team=team_dk, subject="Pakken er væk")
    make_ticket(team=team_no, subject="Norsk sak", language="nb")
    client.force_login(sofie)
    page = client.get("/inbox/").content.decode()
    assert 'data-live-url="/inbox/?live=1"' in page
    assert 'src="/static/tickets/inbox.js"' in page and 'data-socket="/ws/inbox/"' in page
    live = client.get("/inbox/?live=1", HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in live
    assert f'id="t{mine.number}"' in live and "Pakken er væk" in live
    assert "Norsk sak" not in live
    assert 'id="inbox-views"' in live and '<span class="count">1</span>' in live
    # Search results stay as they are: no live refresh replaces them.
    assert "data-live-url" not in client.get("/search/", {"q": "pakken"}).content.decode()


def test_the_assigned_notice_is_only_for_the_agent_the_ticket_is_given_to(client, team_dk):
    sofie = make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen")
    mette = make_user("mette@example.com", teams=[team_dk], name="Mette Kjær")
    ticket = make_ticket(team=team_dk, subject="Pakken er væk")
    services.update_ticket(ticket, None, assignee=sofie)
    client.force_login(sofie)
    notice = client.get(f"/tickets/{ticket.number}/live/assigned/").content.decode()
    assert f'href="/tickets/{ticket.number}/"' in notice
    assert f"Assigned to you: #{ticket.number} Pakken er væk" in notice
    client.force_login(mette)
    assert client.get(f"/tickets/{ticket.number}/live/assigned/").status_code == 404
