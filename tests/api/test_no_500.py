"""Inputs that once answered 500 (issue 13): each answers 4xx with a JSON message naming the field, or
succeeds. Never Django's HTML "Server Error"."""

import pytest

HUGE = "9" * 30


@pytest.fixture
def api(token_for, lead):
    return token_for(lead, "write")


def _json_error(response, status=422):
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    return response.json()


@pytest.mark.parametrize("field", ["team", "assignee", "category"])
def test_a_huge_id_in_a_ticket_filter_is_a_named_422(api, ticket, field):
    body = _json_error(api.get("/api/v1/tickets", {field: HUGE}))
    assert body["detail"][0]["loc"][-1] == field


def test_a_time_before_the_calendar_starts_in_utc_is_a_named_422(api, ticket):
    body = _json_error(api.get("/api/v1/tickets", {"updated_since": "0001-01-01T00:00:00+14:00"}))
    assert body["detail"][0]["loc"][-1] == "updated_since"


def test_a_huge_team_in_the_report_summary_is_a_named_422(api, ticket):
    body = _json_error(api.get("/api/v1/reports/summary", {"from": "2026-01-01", "to": "2026-01-31", "team": HUGE}))
    assert body["detail"][0]["loc"][-1] == "team"


NEW_TICKET = {"subject": "Hej", "message": "Hej", "contact": {"email": "nul@example.dk", "name": "Nul"}}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**NEW_TICKET, "subject": "a\x00b"}, "subject"),
        ({**NEW_TICKET, "message": "a\x00b"}, "message"),
        ({**NEW_TICKET, "contact": {"email": "nul@example.dk", "name": "N\x00ul"}}, "name"),
    ],
)
def test_a_nul_character_in_a_new_ticket_is_a_named_422(api, team_dk, body, field):
    result = _json_error(api.post("/api/v1/tickets", body))
    assert result["detail"][0]["loc"][-1] == field


def test_a_nul_character_in_a_message_or_tag_is_a_named_422(api, ticket):
    result = _json_error(api.post(f"/api/v1/tickets/{ticket.pk}/messages", {"kind": "note", "body": "a\x00b"}))
    assert result["detail"][0]["loc"][-1] == "body"
    result = _json_error(api.patch(f"/api/v1/tickets/{ticket.pk}", {"tags": ["ok", "b\x00d"]}))
    assert "tags" in result["detail"][0]["loc"]


def test_a_nul_character_in_a_query_is_a_named_422(api, ticket):
    for path, field in [("/api/v1/tickets", "channel"), ("/api/v1/contacts", "email"), ("/api/v1/tickets", "q")]:
        result = _json_error(api.get(path, {field: "e\x00mail"}))
        assert result["detail"][0]["loc"][-1] == field


def test_reassigning_a_ticket_away_from_yourself_answers_with_the_saved_ticket(token_for, agent, team_no, lead):
    from tests.conftest import make_ticket

    ticket = make_ticket(team=team_no)  # outside the agent's team: seen only while assigned to them
    ticket.assignee = agent
    ticket.save(update_fields=["assignee"])
    response = token_for(agent).patch(f"/api/v1/tickets/{ticket.pk}", {"assignee": lead.pk})
    assert response.status_code == 200, response.content
    assert response.json()["assignee"]["id"] == lead.pk
    ticket.refresh_from_db()
    assert ticket.assignee == lead


def test_team_true_is_refused_not_taken_as_team_one(api, team_dk):
    result = _json_error(api.post("/api/v1/tickets", {**NEW_TICKET, "team": True}))
    assert result["detail"][0]["loc"][-1] == "team"


def test_a_blank_inbound_message_is_refused_like_a_blank_reply(api, ticket):
    for kind in ("inbound", "reply", "note"):
        result = _json_error(api.post(f"/api/v1/tickets/{ticket.pk}/messages", {"kind": kind, "body": " \n\t "}))
        assert result["detail"][0]["loc"][-1] == "body"
    assert ticket.messages.count() == 1


def test_an_unexpected_error_under_api_is_a_json_500_with_an_id_and_logged(api, ticket, monkeypatch, caplog):
    from wowdesk.api import tickets

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(tickets, "ticket_out", broken)
    with caplog.at_level("ERROR", logger="wowdesk.api"):
        response = api.get("/api/v1/tickets")
    body = _json_error(response, status=500)
    assert body["id"] in body["detail"]
    assert body["id"] in caplog.text and "a bug" in caplog.text


def test_a_huge_id_in_a_path_is_a_named_422(api, ticket):
    for path in (f"/api/v1/tickets/{HUGE}", f"/api/v1/contacts/{HUGE}", f"/api/v1/tickets/{HUGE}/messages"):
        body = _json_error(api.get(path))
        assert body["detail"][0]["loc"][0] == "path", path
    body = _json_error(api.get("/api/v1/tickets", {"cursor": "djE6OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5"}))  # v1:9999…
    assert body["detail"][0]["loc"][-1] == "cursor"
