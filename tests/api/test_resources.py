"""The REST API per resource, with its permission boundaries, pagination, idempotency and errors."""

import json
import time

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.conftest import make_ticket
from wowdesk.api.models import ApiToken
from wowdesk.customers.models import Contact
from wowdesk.tickets.models import Category, Message, Ticket


def test_no_token_bad_token_and_revoked_token_are_401(client, agent, token_for, team_dk, db):
    assert client.get("/api/v1/tickets").status_code == 401
    assert client.get("/api/v1/tickets", headers={"Authorization": "Bearer wd_nonsense"}).status_code == 401
    api = token_for(agent)
    assert api.get("/api/v1/tickets").status_code == 200
    ApiToken.objects.update(revoked_at="2026-01-01T00:00:00Z")
    assert api.get("/api/v1/tickets").status_code == 401


def test_revoking_narrowing_deactivating_or_demoting_counts_on_the_very_next_request(token_for, lead, team_dk):
    from wowdesk.accounts.models import User

    api = token_for(lead, scope="admin")
    assert api.get("/api/v1/webhooks").status_code == 200  # the token is now known to this process
    User.objects.filter(pk=lead.pk).update(role=User.Role.AGENT)
    assert api.get("/api/v1/webhooks").status_code == 403, "an agent's token cannot manage webhooks"
    User.objects.filter(pk=lead.pk).update(role=User.Role.LEAD)
    assert api.get("/api/v1/webhooks").status_code == 200
    ApiToken.objects.update(scope="read")
    assert api.get("/api/v1/webhooks").status_code == 403
    assert api.get("/api/v1/teams").status_code == 200
    User.objects.filter(pk=lead.pk).update(is_active=False)
    assert api.get("/api/v1/teams").status_code == 401
    User.objects.filter(pk=lead.pk).update(is_active=True)
    assert api.get("/api/v1/teams").status_code == 200
    ApiToken.objects.update(revoked_at="2026-01-01T00:00:00Z")
    assert api.get("/api/v1/teams").status_code == 401


def test_a_post_with_a_wrong_token_is_401_and_a_session_without_csrf_token_403(agent, db):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    body = json.dumps({"subject": "x", "message": "y", "contact": {"email": "k@kunde.dk"}})
    for headers in ({}, {"Authorization": "Bearer wd_nonsense"}):
        response = browser.post("/api/v1/tickets", body, content_type="application/json", headers=headers)
        assert response.status_code == 401, response.content
    browser.force_login(agent)
    response = browser.post("/api/v1/tickets", body, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_tokens_are_stored_hashed(agent):
    token, raw = ApiToken.issue(agent, "read")
    assert raw.startswith("wd_")
    assert raw not in token.key_hash
    assert not ApiToken.objects.filter(key_hash=raw).exists()


def test_create_ticket_creates_the_contact_and_returns_the_ticket(token_for, agent, team_dk):
    api = token_for(agent)
    response = api.post(
        "/api/v1/tickets",
        {
            "subject": "Ordre 1234 mangler",
            "message": "Hej, hvor er min ordre?",
            "contact": {"email": "Ny.Kunde@Example.dk", "name": "Ny Kunde"},
        },
    )
    assert response.status_code == 201
    data = response.json()
    assert data["number"] > 1000
    assert data["status"] == "new"
    assert data["channel"] == "api"
    assert data["team"] == team_dk.pk
    assert data["contact"]["email"] == "ny.kunde@example.dk"
    assert Contact.objects.filter(email="ny.kunde@example.dk", name="Ny Kunde").exists()
    assert Ticket.objects.get(pk=data["id"]).messages.get().body_text == "Hej, hvor er min ordre?"


def test_read_and_update_a_ticket(token_for, agent, team_dk):
    billing = Category.objects.create(name="Billing")
    ticket = make_ticket(team=team_dk)
    api = token_for(agent)
    assert api.get(f"/api/v1/tickets/{ticket.pk}").json()["subject"] == ticket.subject
    response = api.patch(
        f"/api/v1/tickets/{ticket.pk}",
        {"status": "open", "assignee": agent.pk, "category": billing.pk, "priority": "high", "tags": ["vip"]},
    )
    assert response.status_code == 200
    data = response.json()
    assert (data["status"], data["assignee"]["id"], data["category"], data["priority"], data["tags"]) == (
        "open",
        agent.pk,
        billing.pk,
        "high",
        ["vip"],
    )
    assert api.patch(f"/api/v1/tickets/{ticket.pk}", {"priority": "low"}).json()["tags"] == ["vip"], (
        "fields left out stay as they are"
    )


def test_agent_of_team_a_cannot_read_team_bs_ticket(token_for, agent, agent_no, team_dk, team_no):
    ticket_b = make_ticket(team=team_no, language="nb")
    api = token_for(agent)
    assert api.get(f"/api/v1/tickets/{ticket_b.pk}").status_code == 404
    assert api.patch(f"/api/v1/tickets/{ticket_b.pk}", {"status": "solved"}).status_code == 404
    assert api.get(f"/api/v1/tickets/{ticket_b.pk}/messages").status_code == 404
    assert ticket_b.pk not in [t["id"] for t in api.get("/api/v1/tickets").json()["items"]]
    assert token_for(agent_no).get(f"/api/v1/tickets/{ticket_b.pk}").status_code == 200


def test_scopes_are_enforced(token_for, agent, team_dk):
    ticket = make_ticket(team=team_dk)
    reader = token_for(agent, "read")
    assert reader.get(f"/api/v1/tickets/{ticket.pk}").status_code == 200
    assert reader.patch(f"/api/v1/tickets/{ticket.pk}", {"status": "open"}).status_code == 403
    assert (
        reader.post("/api/v1/tickets", {"subject": "x", "message": "y", "contact": {"email": "a@b.dk"}}).status_code
        == 403
    )
    assert token_for(agent, "write").get("/api/v1/webhooks").status_code == 403


def test_a_reviewer_never_writes_through_the_api(token_for, reviewer, team_dk, client):
    import json

    ticket = make_ticket(team=team_dk)
    for scope in ("write", "admin"):
        with pytest.raises(PermissionDenied):
            ApiToken.issue(reviewer, scope)
    # A write token from before the user became a reviewer: checked against the role at use time.
    reviewer.role = "agent"
    reviewer.save(update_fields=["role"])
    api = token_for(reviewer, "write")
    reviewer.role = "reviewer"
    reviewer.save(update_fields=["role"])
    new_ticket = {"subject": "x", "message": "y", "contact": {"email": "ny@example.dk"}}
    assert api.get(f"/api/v1/tickets/{ticket.pk}").status_code == 200
    assert api.patch(f"/api/v1/tickets/{ticket.pk}", {"status": "solved"}).status_code == 403
    assert api.post("/api/v1/tickets", new_ticket).status_code == 403
    assert api.post("/api/v1/contacts", {"email": "ny@example.dk"}).status_code == 403
    assert api.post(f"/api/v1/tickets/{ticket.pk}/messages", {"kind": "note", "body": "x"}).status_code == 403
    # The tokens page offers a reviewer read tokens only, and refuses a posted write scope.
    client.force_login(reviewer)
    page = client.get(reverse("api_tokens")).content.decode()
    assert 'value="read"' in page and 'value="write"' not in page and 'value="admin"' not in page
    assert client.post(reverse("api_tokens"), {"scope": "write"}).status_code == 403
    assert not ApiToken.objects.filter(user=reviewer, scope="write").exclude(pk=api.token.pk).exists()
    # ... and a reviewer's browser session reads the API but does not write through it.
    assert client.get(f"/api/v1/tickets/{ticket.pk}").status_code == 200
    posted = client.post("/api/v1/tickets", json.dumps(new_ticket), content_type="application/json")
    assert posted.status_code == 403
    assert Ticket.objects.count() == 1


def test_the_token_command_refuses_a_scope_above_the_role(reviewer):
    import pytest

    with pytest.raises(CommandError, match="allows tokens up to 'read'"):
        call_command("token", "create", "--user", reviewer.email, "--scope", "write")


def test_messages_reply_note_and_inbound(token_for, agent, team_dk):
    ticket = make_ticket(team=team_dk)
    api = token_for(agent)
    reply = api.post(f"/api/v1/tickets/{ticket.pk}/messages", {"kind": "reply", "body": "Hvad ser du?"})
    assert reply.status_code == 201
    assert reply.json()["kind"] == "outbound"
    assert api.post(f"/api/v1/tickets/{ticket.pk}/messages", {"kind": "note", "body": "VIP"}).json()["kind"] == "note"
    assert (
        api.post(f"/api/v1/tickets/{ticket.pk}/messages", {"kind": "inbound", "body": "Jeg ser en fejl"}).json()["kind"]
        == "inbound"
    )
    listed = api.get(f"/api/v1/tickets/{ticket.pk}/messages").json()["items"]
    assert [m["kind"] for m in listed] == ["inbound", "outbound", "note", "inbound"]
    ticket.refresh_from_db()
    assert ticket.status == "open", "the customer's answer opened the pending ticket"
    events = api.get(f"/api/v1/tickets/{ticket.pk}/events").json()["items"]
    assert events[0]["kind"] == "created"


def test_contacts_organizations_teams_categories(token_for, agent, team_dk):
    Category.objects.create(name="Billing")
    api = token_for(agent)
    created = api.post("/api/v1/contacts", {"email": "ida@kunde.dk", "name": "Ida", "phones": ["+4512345678"]})
    assert created.status_code == 201
    again = api.post("/api/v1/contacts", {"email": "IDA@kunde.dk"})
    assert again.status_code == 200
    assert again.json()["id"] == created.json()["id"]
    assert api.get("/api/v1/contacts", {"email": "ida@kunde.dk"}).json()["items"][0]["phones"] == ["+4512345678"]
    assert api.get(f"/api/v1/contacts/{created.json()['id']}").status_code == 200
    assert api.get("/api/v1/contacts/999999").status_code == 404
    assert api.get("/api/v1/organizations").json() == {"items": [], "next_cursor": None}
    assert [t["name"] for t in api.get("/api/v1/teams").json()] == ["Support Danmark"]
    assert [c["name"] for c in api.get("/api/v1/categories").json()] == ["Billing"]


def test_cursor_pagination_is_stable_under_inserts(token_for, lead, team_dk):
    for i in range(25):
        make_ticket(team=team_dk, email=f"k{i}@kunde.dk", subject=f"Sag {i}")
    api = token_for(lead)
    seen, cursor, rounds = [], None, 0
    while True:
        params = {"limit": 10, **({"cursor": cursor} if cursor else {})}
        body = api.get("/api/v1/tickets", params).json()
        seen += [t["id"] for t in body["items"]]
        cursor = body["next_cursor"]
        if not cursor:
            break
        # Someone adds tickets while we page: each is seen exactly once, nothing is skipped or repeated.
        make_ticket(team=team_dk, email=f"new{rounds}@kunde.dk", subject=f"Ny {rounds}")
        rounds += 1
    assert len(seen) == len(set(seen))
    assert set(seen) == set(Ticket.objects.values_list("pk", flat=True))
    assert api.get("/api/v1/tickets", {"limit": 101}).status_code == 422
    bad = api.get("/api/v1/tickets", {"cursor": "!!nonsense"})
    assert bad.status_code == 422
    assert "cursor" in str(bad.json())


def test_filters(token_for, lead, agent, team_dk, team_no):
    a = make_ticket(team=team_dk, subject="Faktura mangler")
    make_ticket(team=team_no, subject="Pakke borte", language="nb", email="n@kunde.no")
    api = token_for(lead)
    assert [t["id"] for t in api.get("/api/v1/tickets", {"team": team_dk.pk}).json()["items"]] == [a.pk]
    assert [t["id"] for t in api.get("/api/v1/tickets", {"q": "faktura"}).json()["items"]] == [a.pk]
    assert api.get("/api/v1/tickets", {"status": "new,open"}).json()["items"]
    assert api.get("/api/v1/tickets", {"status": "bogus"}).status_code == 422
    assert api.get("/api/v1/tickets", {"assignee": "none"}).json()["items"]
    assert api.get("/api/v1/tickets", {"assignee": "me"}).json()["items"] == []
    assert api.get("/api/v1/tickets", {"updated_since": "2999-01-01T00:00:00Z"}).json()["items"] == []


def test_idempotency_key_returns_the_first_result(token_for, agent, team_dk):
    api = token_for(agent)
    body = {"subject": "Hjælp", "message": "Hej", "contact": {"email": "same@kunde.dk"}}
    first = api.post("/api/v1/tickets", body, **{"Idempotency-Key": "abc-123"})
    second = api.post("/api/v1/tickets", body, **{"Idempotency-Key": "abc-123"})
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert Ticket.objects.count() == 1
    api.post("/api/v1/tickets", body, **{"Idempotency-Key": "other"})
    assert Ticket.objects.count() == 2


def test_errors_name_the_field_and_nothing_is_500(token_for, agent, team_dk):
    api = token_for(agent)
    cases = [
        ({"subject": "", "message": "x", "contact": {"email": "a@b.dk"}}, "subject"),
        ({"subject": "x", "message": "x", "contact": {"email": "not-an-email"}}, "email"),
        ({"subject": "x", "message": "x", "contact": {"email": "a@b.dk"}, "team": 99999}, "team"),
        ({"subject": "x", "message": "x", "contact": {"email": "a@b.dk"}, "priority": "asap"}, "priority"),
        ({"message": "x", "contact": {"email": "a@b.dk"}}, "subject"),
    ]
    for body, field in cases:
        response = api.post("/api/v1/tickets", body)
        assert response.status_code == 422, (body, response.content)
        assert field in str(response.json()), (field, response.json())
    ticket = make_ticket(team=team_dk)
    assert api.patch(f"/api/v1/tickets/{ticket.pk}", {"status": "open"}).status_code == 200
    back = api.patch(f"/api/v1/tickets/{ticket.pk}", {"status": "new"})
    assert back.status_code == 422
    assert "cannot go back to new" in back.json()["detail"][0]["msg"]
    assert api.patch(f"/api/v1/tickets/{ticket.pk}", {"assignee": 987654}).status_code == 422
    assert api.get("/api/v1/tickets/99999999999999999999").status_code in (404, 422)
    assert api.post(f"/api/v1/tickets/{ticket.pk}/messages", {"kind": "shout", "body": "x"}).status_code == 422


def test_rate_limit_answers_429_with_retry_after(token_for, agent, db):
    api = token_for(agent)
    ApiToken.objects.update(rate_limit=3)
    if time.time() % 60 > 55:  # windows are calendar minutes: start in a fresh one, not across the boundary
        time.sleep(60.5 - time.time() % 60)
    codes = [api.get("/api/v1/teams").status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200]
    assert codes[3] == 429
    response = api.get("/api/v1/teams")
    assert 0 < int(response["Retry-After"]) <= 60


def test_token_command_in_process(agent, capsys):
    from django.core.management import call_command

    call_command("token", "create", "--user", agent.email, "--scope", "write", "--name", "crm")
    raw = capsys.readouterr().out.strip()
    assert raw.startswith("wd_")
    token = ApiToken.objects.get()
    assert (token.scope, token.name, token.user) == ("write", "crm", agent)
    call_command("token", "revoke", str(token.pk))
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert Message.objects.count() == 0
