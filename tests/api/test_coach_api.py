import json

from django.test import Client
from django.urls import reverse

URL = "/api/v1/coach/analyze"
BODY = {
    "language": "en",
    "sent_at": "2026-11-20T10:00:00+01:00",
    "turns": [
        {"speaker": "customer", "text": "My export fails."},
        {"speaker": "agent", "text": "Hi Sarah. What do you see? We will call you tomorrow."},
    ],
}


def post(client, body):
    return client.post(URL, json.dumps(body), content_type="application/json")


def test_coach_endpoint_needs_a_login(client, db):
    assert post(client, BODY).status_code == 401


def test_coach_endpoint_returns_the_analysis(client, agent):
    client.force_login(agent)
    response = post(client, BODY)
    assert response.status_code == 200
    data = response.json()
    assert data["language"] == "en"
    assert data["turns"][1]["questions"] == [{"text": "What do you see?", "kind": "open"}]
    assert data["promises"] == [{"turn": 1, "text": "We will call you tomorrow.", "due": "2026-11-21T17:00:00+01:00"}]


def test_coach_endpoint_names_the_bad_field(client, agent):
    client.force_login(agent)
    response = post(client, {"turns": [{"speaker": "robot", "text": "x"}]})
    assert response.status_code == 422
    assert "speaker" in json.dumps(response.json())
    response = client.post(URL, "{broken", content_type="application/json")
    assert response.status_code in (400, 422)


def test_coach_endpoint_checks_csrf_for_browser_sessions(agent):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(agent)
    assert post(strict, BODY).status_code in (401, 403)


def test_openapi_schema_and_docs(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/coach/analyze" in schema["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 302
    page = client.get(docs["Location"])
    assert page.status_code == 200
    assert "swagger" in page.content.decode().lower()
    assert reverse("api_docs") == "/api/docs"
