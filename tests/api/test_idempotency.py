"""Idempotency-Key (issue 13, item 9): a key replays the first answer only for the same token, method, path
and body; anything else is a named 422, never a 500 and never someone else's result."""

import pytest

from wowdesk.customers.models import Contact
from wowdesk.tickets.models import Message, Ticket

NEW_TICKET = {"subject": "Printer", "message": "Den virker ikke", "contact": {"email": "p@example.dk"}}


def _header_error(response):
    assert response.status_code == 422, response.content
    detail = response.json()["detail"][0]
    assert detail["loc"] == ["header", "Idempotency-Key"], detail
    return detail["msg"]


def test_a_repeated_request_gets_the_first_answer_and_a_changed_body_a_422(token_for, agent, team_dk):
    api = token_for(agent)
    first = api.post("/api/v1/tickets", NEW_TICKET, **{"Idempotency-Key": "k-1"})
    again = api.post("/api/v1/tickets", NEW_TICKET, **{"Idempotency-Key": "k-1"})
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json()["id"] == first.json()["id"]
    changed = api.post("/api/v1/tickets", {**NEW_TICKET, "subject": "Scanner"}, **{"Idempotency-Key": "k-1"})
    assert "different request" in _header_error(changed)
    assert Ticket.objects.count() == 1


def test_a_key_is_new_again_after_24_hours(token_for, agent, team_dk):
    from datetime import timedelta

    from django.utils import timezone

    from wowdesk.api.models import IdempotencyRecord

    api = token_for(agent)
    first = api.post("/api/v1/tickets", NEW_TICKET, **{"Idempotency-Key": "k-1"})
    IdempotencyRecord.objects.update(created_at=timezone.now() - timedelta(hours=24, minutes=1))
    later = api.post("/api/v1/tickets", {**NEW_TICKET, "subject": "Scanner"}, **{"Idempotency-Key": "k-1"})
    assert (first.status_code, later.status_code) == (201, 201)
    assert later.json()["id"] != first.json()["id"] and later.json()["subject"] == "Scanner"
    again = api.post("/api/v1/tickets", {**NEW_TICKET, "subject": "Scanner"}, **{"Idempotency-Key": "k-1"})
    assert again.json()["id"] == later.json()["id"]  # the new request's answer is kept for the next 24 h
    assert IdempotencyRecord.objects.count() == 1


def test_a_key_is_scoped_to_the_token_and_the_endpoint(token_for, agent, team_dk):
    api = token_for(agent)
    ticket = api.post("/api/v1/tickets", NEW_TICKET, **{"Idempotency-Key": "same"}).json()
    contact = api.post("/api/v1/contacts", {"email": "c@example.dk"}, **{"Idempotency-Key": "same"})
    assert contact.status_code == 201 and contact.json()["email"] == "c@example.dk"
    note = api.post(
        f"/api/v1/tickets/{ticket['id']}/messages", {"kind": "note", "body": "x"}, **{"Idempotency-Key": "same"}
    )
    assert note.status_code == 201 and note.json()["kind"] == "note"
    other_token = token_for(agent)
    second = other_token.post("/api/v1/tickets", NEW_TICKET, **{"Idempotency-Key": "same"})
    assert second.status_code == 201 and second.json()["id"] != ticket["id"]
    assert (Ticket.objects.count(), Contact.objects.filter(email="c@example.dk").count()) == (2, 1)
    assert Message.objects.filter(kind="note").count() == 1


def test_keys_are_whole_up_to_255_characters_and_longer_ones_are_refused(token_for, agent, team_dk):
    api = token_for(agent)
    common = "x" * 250
    one = api.post("/api/v1/tickets", NEW_TICKET, **{"Idempotency-Key": common + "aaaaa"})
    two = api.post("/api/v1/tickets", NEW_TICKET, **{"Idempotency-Key": common + "bbbbb"})
    assert one.json()["id"] != two.json()["id"], "two keys that differ after 200 characters are two keys"
    assert "255" in _header_error(api.post("/api/v1/tickets", NEW_TICKET, **{"Idempotency-Key": "k" * 256}))
    assert Ticket.objects.count() == 2


@pytest.mark.parametrize("path", ["/api/v1/contacts", "/api/v1/tickets"])
def test_a_browser_session_keeps_its_own_keys(client, agent, team_dk, path):
    import json

    client.force_login(agent)
    body = {"email": "s@example.dk"} if path.endswith("contacts") else NEW_TICKET
    answers = [
        client.post(path, json.dumps(body), content_type="application/json", headers={"Idempotency-Key": "s-1"})
        for _ in range(2)
    ]
    assert [a.status_code for a in answers] == [201, 201]
    assert answers[0].json()["id"] == answers[1].json()["id"]
