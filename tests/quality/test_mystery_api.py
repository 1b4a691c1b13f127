"""Mystery-shopping import (all or nothing, a report per bad row), the API and the CSV export."""

import csv
import io
import json

import pytest
from django.test import Client

from tests.conftest import make_user
from tests.quality.conftest import conversation
from wowdesk.accounts.models import User
from wowdesk.quality import mystery, services
from wowdesk.quality.models import Review, Scorecard

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def card(db):
    services.ensure_default_scorecards()
    return Scorecard.objects.get(is_current=True, language="nb")


def mystery_csv(card, rows) -> str:
    questions = [q for a in services.card_structure(card) for q in a.question_list]
    areas = services.card_structure(card)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(
        [
            "ticket",
            "reference",
            "evaluator",
            "agent",
            "channel",
            "date",
            f"q:{questions[0].text}",
            f"q:{questions[1].pk}",
            f"comment:{areas[0].name}",
        ]
    )
    writer.writerows(rows)
    return out.getvalue()


def test_a_mystery_shopping_file_imports_as_reviews(reviewer, agent, team_dk, card):
    ticket = conversation(team_dk, agent)
    data = mystery_csv(
        card,
        [
            [f"#{ticket.number}", "", "Shopper 7", "", "", "2026-11-02", "ja", "4", "Hyggelig velkomst"],
            ["", "KSP-0001", "Shopper 8", agent.email, "messenger", "2026-11-03", "nei", "2", "Ingen hei"],
        ],
    )
    result = mystery.import_csv(actor=reviewer, data=data.encode(), scorecard=card)
    assert result.ok and result.imported == 2
    first, second = Review.objects.order_by("pk")
    assert (first.ticket, first.agent, first.source, first.evaluator) == (ticket, agent, "mystery", "Shopper 7")
    assert (second.ticket, second.reference, second.channel, second.agent) == (None, "KSP-0001", "messenger", agent)
    assert list(first.comments.values()) == ["Hyggelig velkomst"]
    assert first.score == 87.5 and second.score == 12.5  # (yes + 4 of 1-5) / 2; (no + 2 of 1-5) / 2
    # The agent sees the evaluation of their conversation, strengths first like any review.
    assert set(services.visible_reviews(agent)) == {first, second}


def test_one_bad_row_imports_nothing_and_every_bad_row_is_reported(reviewer, agent, team_dk, card):
    ticket = conversation(team_dk, agent)
    data = mystery_csv(
        card,
        [
            [str(ticket.number), "", "S1", "", "", "", "ja", "3", ""],
            ["999999", "", "S2", "", "", "", "ja", "3", ""],
            ["", "", "S3", "nobody@example.com", "", "2026-13-40", "kanskje", "9", ""],
        ],
    )
    result = mystery.import_csv(actor=reviewer, data=data.encode(), scorecard=card)
    assert not result.ok and not Review.objects.exists()
    assert {(e["line"], e["column"]) for e in result.errors} >= {
        (3, "ticket"),
        (4, "reference"),
        (4, "agent"),
        (4, "date"),
        (4, f"q:{services.card_structure(card)[0].question_list[0].text}"),
    }
    page = (
        client_for(reviewer)
        .post("/quality/import/", {"scorecard": str(card.pk), "file": io.BytesIO(data.encode())})
        .content.decode()
    )
    assert 'id="import-errors"' in page and "No ticket with this number." in page
    assert not Review.objects.exists()


def test_the_import_page_imports_and_agents_cannot_import(reviewer, agent, team_dk, card):
    ticket = conversation(team_dk, agent)
    upload = io.BytesIO(mystery_csv(card, [[str(ticket.number), "", "S1", "", "", "", "yes", "5", "Fint"]]).encode())
    upload.name = "shop.csv"
    response = client_for(reviewer).post("/quality/import/", {"scorecard": str(card.pk), "file": upload})
    assert response.status_code == 200 and Review.objects.count() == 1
    assert client_for(agent).get("/quality/import/").status_code == 403


def api(user) -> Client:
    return client_for(user)


def post_json(client, path, body, **headers):
    return client.post(path, json.dumps(body), content_type="application/json", headers=headers)


def test_the_api_lists_creates_and_versions_scorecards(lead, agent, card):
    client = api(lead)
    listed = client.get("/api/v1/scorecards").json()["items"]
    assert {c["language"] for c in listed} == {"da", "nb", "en"}
    body = {
        "name": "API card",
        "language": "en",
        "areas": [
            {
                "name": "Need",
                "weight": 2,
                "questions": [
                    {"text": "Open questions", "autoqa": "open_questions"},
                    {"text": "Tone", "kind": "scale"},
                ],
            }
        ],
    }
    created = post_json(client, "/api/v1/scorecards", body, **{"Idempotency-Key": "card-1"})
    assert created.status_code == 201
    again = post_json(client, "/api/v1/scorecards", body, **{"Idempotency-Key": "card-1"})
    assert again.json()["id"] == created.json()["id"] and Scorecard.objects.filter(name="API card").count() == 1
    body["areas"][0]["questions"][1]["autoqa"] = "greeting"
    bad = post_json(client, "/api/v1/scorecards", body)
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "areas.0.questions.1.autoqa"]
    body["areas"][0]["questions"][1]["autoqa"] = ""
    body["name"] = "API card v2"
    version = post_json(client, f"/api/v1/scorecards/{created.json()['id']}/versions", body)
    assert version.status_code == 201 and version.json()["version"] == 2
    assert post_json(api(agent), "/api/v1/scorecards", body).status_code == 403


def test_the_api_takes_a_review_and_scopes_the_list(reviewer, agent, agent_no, team_dk, team_no, card):
    ticket = conversation(team_dk, agent)
    card = services.scorecard_for(ticket)
    areas = services.card_structure(card)
    coach = services.prefill(scorecard=card, ticket=ticket)
    answers = [
        {"question": q.pk, "value": coach[q.pk].value if q.pk in coach else None}
        for a in areas
        for q in a.question_list
    ]
    body = {"ticket": ticket.pk, "scorecard": card.pk, "answers": answers, "comments": {areas[0].name: "Varm velkomst"}}
    client = api(reviewer)
    created = post_json(client, "/api/v1/reviews", body, **{"Idempotency-Key": "r-1"})
    assert created.status_code == 201, created.content
    review = created.json()
    assert review["agent"]["id"] == agent.pk and review["comments"] == {str(areas[0].pk): "Varm velkomst"}
    assert any(a["suggested_by_coach"] and a["evidence"] for a in review["answers"])
    assert post_json(client, "/api/v1/reviews", body, **{"Idempotency-Key": "r-1"}).json()["id"] == review["id"]
    assert Review.objects.count() == 1
    # Errors name the field.
    wrong = post_json(
        client, "/api/v1/reviews", {**body, "answers": [{"question": answers[0]["question"], "value": "maybe"}]}
    )
    assert wrong.status_code == 422 and wrong.json()["detail"][0]["loc"] == ["body", "answers.0.value"]
    missing = post_json(client, "/api/v1/reviews", {**body, "ticket": 987654})
    assert missing.status_code == 422 and missing.json()["detail"][0]["loc"] == ["body", "ticket"]
    # Scope: the agent sees their own review, a colleague in another team does not; agents do not review.
    assert [r["id"] for r in api(agent).get("/api/v1/reviews").json()["items"]] == [review["id"]]
    assert api(agent_no).get("/api/v1/reviews").json()["items"] == []
    assert api(agent_no).get(f"/api/v1/reviews/{review['id']}").status_code == 404
    assert post_json(api(agent), "/api/v1/reviews", body).status_code == 403


def test_a_reviewers_read_token_reads_reviews_but_does_not_write(reviewer, agent, team_dk, card):
    from wowdesk.api.models import ApiToken

    ticket = conversation(team_dk, agent)
    _token, raw = ApiToken.issue(reviewer, "read")
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    assert client.get("/api/v1/reviews").status_code == 200
    response = client.post(
        "/api/v1/reviews",
        json.dumps({"ticket": ticket.pk, "scorecard": card.pk, "answers": [{"question": 1, "value": None}]}),
        content_type="application/json",
    )
    assert response.status_code == 403


def test_the_api_imports_a_mystery_file_all_or_nothing(reviewer, agent, team_dk, card):
    ticket = conversation(team_dk, agent)
    client = api(reviewer)
    good = mystery_csv(card, [[str(ticket.number), "", "S1", "", "", "", "ja", "3", ""]])
    response = post_json(
        client, "/api/v1/reviews/import", {"scorecard": card.pk, "csv": good}, **{"Idempotency-Key": "imp"}
    )
    assert response.status_code == 201 and response.json() == {"imported": 1}
    bad = mystery_csv(
        card, [[str(ticket.number), "", "S1", "", "", "", "ja", "3", ""], ["", "", "S2", "", "", "", "ja", "3", ""]]
    )
    response = post_json(client, "/api/v1/reviews/import", {"scorecard": card.pk, "csv": bad})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "csv", 3, "reference"]
    assert Review.objects.count() == 1


def test_reviews_export_as_csv_with_a_column_per_area(reviewer, agent, team_dk, card):
    ticket = conversation(team_dk, agent)
    mystery.import_csv(
        actor=reviewer,
        data=mystery_csv(card, [[str(ticket.number), "", "=HYPERLINK(1)", "", "", "", "ja", "3", "Fint"]]),
        scorecard=card,
    )
    response = client_for(reviewer).get("/quality/reviews/?format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header, row = rows
    assert header[:3] == ["review", "created_at", "source"] and "area:Mottakelse" in header
    assert row[header.index("evaluator")] == "'=HYPERLINK(1)"
    assert row[header.index("comment:Mottakelse")] == "Fint"
    assert row[header.index("area:Mottakelse")] == "75.0"


def test_a_lead_sees_only_their_teams_in_the_api(reviewer, agent, agent_no, team_dk, team_no, card):
    lead_no = make_user("lead.no@example.com", role=User.Role.LEAD, teams=[team_no])
    ticket = conversation(team_dk, agent)
    mystery.import_csv(
        actor=reviewer,
        data=mystery_csv(card, [[str(ticket.number), "", "S", "", "", "", "ja", "3", ""]]),
        scorecard=card,
    )
    assert api(lead_no).get("/api/v1/reviews").json()["items"] == []
