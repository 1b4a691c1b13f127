"""Drafts: a half-written reply is kept per agent and ticket, comes back, and is gone once sent."""

import re

import pytest
from django.urls import reverse

from tests.conftest import make_user
from wowdesk.tickets import services
from wowdesk.tickets.models import Draft


def save(client, ticket, body, kind="reply", seen=0):
    return client.post(reverse("ticket_draft", args=[ticket.number]), {"body": body, "kind": kind, "seen": seen})


def test_a_draft_is_kept_per_agent_and_comes_back_on_the_ticket_page(client, ticket, agent, team_dk):
    client.force_login(agent)
    assert save(client, ticket, "Hej Kunde, jeg har kigget på").status_code == 204
    assert save(client, ticket, "Hej Kunde, jeg har kigget på din konto").status_code == 204
    assert Draft.objects.get().body == "Hej Kunde, jeg har kigget på din konto"
    page = client.get(reverse("ticket", args=[ticket.number])).content.decode()
    assert "jeg har kigget på din konto</textarea>" in page
    assert "Your draft from" in page

    colleague = make_user("kollega@example.com", teams=[team_dk])
    client.force_login(colleague)
    page = client.get(reverse("ticket", args=[ticket.number])).content.decode()
    assert "jeg har kigget på din konto" not in page, "a draft is the agent's own"


def test_a_note_draft_comes_back_in_note_mode(client, ticket, agent):
    client.force_login(agent)
    save(client, ticket, "Kunden har ringet to gange", kind="note")
    page = client.get(reverse("ticket", args=[ticket.number])).content.decode()
    assert 'class="composer note-mode"' in page
    assert re.search(r'<input type="radio" name="kind" value="note"[^>]* checked', page), "the note radio is chosen"


def test_sending_clears_the_draft_and_a_late_save_does_not_bring_it_back(client, ticket, agent):
    client.force_login(agent)
    seen = ticket.messages.get().pk
    save(client, ticket, "Prøv at logge ud og ind igen.", seen=seen)
    client.post(
        reverse("ticket_message", args=[ticket.number]),
        {"kind": "reply", "body": "Prøv at logge ud og ind igen.", "status": "pending"},
    )
    assert not Draft.objects.exists()
    # The last save, typed before sending, arrives after the reply (two requests racing).
    assert save(client, ticket, "Prøv at logge ud og ind igen.", seen=seen).status_code == 204
    assert not Draft.objects.exists()


def test_emptying_the_box_removes_the_draft_and_reviewers_keep_none(client, ticket, agent, reviewer):
    client.force_login(agent)
    save(client, ticket, "Hej")
    save(client, ticket, "   ")
    assert not Draft.objects.exists()
    client.force_login(reviewer)
    assert save(client, ticket, "Hej").status_code == 403
    assert not Draft.objects.exists()


def test_notes_clear_the_draft_too(ticket, agent):
    services.save_draft(ticket, agent=agent, body="Husk moms", kind="note")
    services.add_note(ticket, author=agent, body="Husk moms")
    assert not Draft.objects.exists()


@pytest.mark.parametrize("kind", ["bogus", ""])
def test_an_unknown_kind_is_saved_as_a_reply(client, ticket, agent, kind):
    client.force_login(agent)
    assert save(client, ticket, "Hej", kind=kind).status_code == 204
    assert Draft.objects.get().kind == "outbound"
