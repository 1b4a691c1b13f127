"""Scorecards, the review page with AutoQA, the agent's view strengths first, and who may see what."""

import re

import pytest
from django.test import Client

from tests.conftest import make_user
from tests.quality.conftest import conversation
from wowdesk.accounts.models import User
from wowdesk.quality import services
from wowdesk.quality.models import Answer, QualityEvent, Review, Scorecard

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def answers_for(card, ticket=None, **by_autoqa):
    """Every question of the card answered: the AutoQA ones given (code -> (value, comment)), the others as the
    coach pre-filled them (with `ticket`), else n.a."""
    coach = services.prefill(scorecard=card, ticket=ticket) if ticket else {}
    out = []
    for area in services.card_structure(card):
        for q in area.question_list:
            p = coach.get(q.pk)
            default = ("na" if p is None or p.value is None else p.value, "")
            value, comment = by_autoqa.get(q.autoqa, default) if q.autoqa else default
            out.append({"question": q.pk, "value": value, "comment": comment})
    return out


def test_the_default_card_ships_in_danish_norwegian_and_english_built_on_bala(reviewer):
    client_for(reviewer).get("/quality/scorecards/")
    cards = {c.language: c for c in Scorecard.objects.filter(is_current=True)}
    assert set(cards) == {"da", "nb", "en"}
    areas = [a.name for a in services.card_structure(cards["da"])]
    assert areas == ["Modtagelse", "Behov", "Løsning og sprog", "Afslutning og løfter", "Det lille ekstra"]
    measured = {q.autoqa for a in services.card_structure(cards["en"]) for q in a.question_list} - {""}
    assert measured == {c.value for c in services.Question.AutoQA}


def test_a_lead_creates_a_scorecard_and_editing_it_keeps_old_reviews_on_their_version(lead, reviewer, agent, team_dk):
    client = client_for(lead)
    response = client.post(
        "/quality/scorecards/new/",
        {
            "name": "Chat card",
            "language": "da",
            "channel": "",
            "team": str(team_dk.pk),
            "area-0-name": "Modtagelse",
            "area-0-weight": "2",
            "area-0-q-0-text": "Hilser kunden",
            "area-0-q-0-kind": "yes_no",
            "area-0-q-0-weight": "1",
            "area-0-q-0-autoqa": "greeting",
            "area-0-q-1-text": "Tone",
            "area-0-q-1-kind": "scale",
            "area-0-q-1-weight": "1",
            "area-0-q-1-autoqa": "",
            "area-1-name": "",
        },
    )
    assert response.status_code == 302
    card = Scorecard.objects.get(name="Chat card")
    assert card.team == team_dk and card.version == 1
    ticket = conversation(team_dk, agent)
    assert services.scorecard_for(ticket) == card
    tone = services.card_structure(card)[0].question_list[1]
    review = services.save_review(
        actor=reviewer, ticket=ticket, scorecard=card, answers=[{"question": tone.pk, "value": 4}], comments={}
    )
    spec = services.scorecard_spec(card)
    spec["areas"][0]["questions"][1]["text"] = "Personlig tone"
    spec["team"] = team_dk
    new = services.update_scorecard(actor=lead, scorecard=card, spec=spec)
    assert (new.version, new.key) == (2, card.key)
    card.refresh_from_db()
    assert not card.is_current
    review.refresh_from_db()
    assert review.scorecard == card
    assert review.answers.get().question.text == "Tone"
    assert QualityEvent.objects.filter(kind="scorecard.versioned").exists()


def test_the_editor_names_the_field_that_is_wrong(lead):
    response = client_for(lead).post(
        "/quality/scorecards/new/", {"name": "X", "area-0-name": "Need", "area-0-weight": "99", "area-0-q-0-text": "Q"}
    )
    assert response.status_code == 200
    assert "areas.0.weight" in response.content.decode()
    assert not Scorecard.objects.filter(name="X").exists()


def test_only_leads_edit_scorecards(reviewer, agent):
    assert client_for(reviewer).get("/quality/scorecards/new/").status_code == 403
    assert client_for(agent).get("/quality/scorecards/").status_code == 403


def test_the_review_page_shows_the_conversation_and_the_coachs_answers_with_evidence(reviewer, agent, team_dk):
    ticket = conversation(team_dk, agent)
    page = client_for(reviewer).get(f"/quality/tickets/{ticket.number}/review/").content.decode()
    assert "Hvad sker der, når du logger ind?" in page  # the conversation beside the card
    # The coach's open question and weak words are quoted as evidence, and its answers are pre-selected.
    assert "<mark>Hvad sker der, når du logger ind?</mark>" in page
    assert "<mark>tror</mark>" in page and "<mark>måske</mark>" in page
    card = services.scorecard_for(ticket)
    questions = {q.autoqa: q for a in services.card_structure(card) for q in a.question_list if q.autoqa}
    assert re.search(rf'name="q-{questions["open_questions"].pk}" value="1" checked', page)
    assert re.search(rf'name="q-{questions["no_weak_words"].pk}" value="0" checked', page)


def test_overriding_the_coach_needs_a_comment_and_is_kept_beside_its_answer(reviewer, agent, team_dk):
    ticket = conversation(team_dk, agent)
    card = services.scorecard_for(ticket)
    questions = {q.autoqa: q for a in services.card_structure(card) for q in a.question_list if q.autoqa}
    client = client_for(reviewer)
    page = client.get(f"/quality/tickets/{ticket.number}/review/").content.decode()
    form = dict(re.findall(r'name="(q-\d+)" value="([^"]+)" checked', page))
    weak = f"q-{questions['no_weak_words'].pk}"
    form[weak] = "1"  # the reviewer finds "tror" harmless here
    response = client.post(f"/quality/tickets/{ticket.number}/review/", form)
    assert response.status_code == 200
    assert "Say why you differ from the coach." in response.content.decode()
    assert not Review.objects.exists()
    form[f"{weak}-comment"] = "Said kindly, the customer was reassured"
    response = client.post(f"/quality/tickets/{ticket.number}/review/", form)
    review = Review.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/quality/reviews/{review.pk}/"
    answer = review.answers.get(question=questions["no_weak_words"])
    assert (answer.value, answer.suggested, answer.overridden) == (1, 0, True)
    assert answer.evidence == ["tror", "måske"]
    assert review.agent == agent and review.reviewer == reviewer and review.score is not None


def test_the_agent_sees_the_review_strengths_first_and_reacts(reviewer, agent, team_dk):
    ticket = conversation(team_dk, agent)
    card = services.scorecard_for(ticket)
    review = services.save_review(
        actor=reviewer,
        ticket=ticket,
        scorecard=card,
        answers=answers_for(card, ticket, open_questions=("yes", ""), no_weak_words=("no", ""), greeting=("yes", "")),
        comments={str(services.card_structure(card)[1].pk): "Fine open question"},
    )
    client = client_for(agent)
    page = client.get(f"/quality/reviews/{review.pk}/").content.decode()
    assert page.index("What went well") < page.index("To work on")
    strengths = page[page.index('id="strengths"') : page.index('id="to-work-on"')]
    assert "Finder behovet med åbne spørgsmål" in strengths and "Fine open question" in strengths
    assert "Bruger stærke ord" in page[page.index('id="to-work-on"') :]
    response = client.post(f"/quality/reviews/{review.pk}/react/", {"reaction": "discuss", "comment": "Let us talk"})
    assert response.status_code == 302
    review.refresh_from_db()
    assert (review.reaction, review.reaction_comment) == ("discuss", "Let us talk")
    # The reviewer sees the reaction; only the agent may react.
    assert "Let us talk" in client_for(reviewer).get(f"/quality/reviews/{review.pk}/").content.decode()
    assert client_for(reviewer).post(f"/quality/reviews/{review.pk}/react/", {"reaction": "agree"}).status_code == 403


def test_agents_see_only_their_own_reviews_and_leads_their_teams(reviewer, agent, agent_no, team_dk, team_no):
    lead_dk = make_user("lead.dk@example.com", role=User.Role.LEAD, teams=[team_dk])
    mine = conversation(team_dk, agent)
    theirs = conversation(team_no, agent_no, email="kunde@example.no")
    reviews = {}
    for ticket in (mine, theirs):
        card = services.scorecard_for(ticket) or services.ensure_default_scorecards()[0]
        reviews[ticket.pk] = services.save_review(
            actor=reviewer, ticket=ticket, scorecard=card, answers=answers_for(card, ticket), comments={}
        )
    assert list(services.visible_reviews(agent)) == [reviews[mine.pk]]
    assert list(services.visible_reviews(lead_dk)) == [reviews[mine.pk]]
    assert set(services.visible_reviews(reviewer)) == set(reviews.values())
    assert client_for(agent).get(f"/quality/reviews/{reviews[theirs.pk].pk}/").status_code == 404
    assert client_for(lead_dk).get(f"/quality/reviews/{reviews[theirs.pk].pk}/").status_code == 404
    # Agents do not review, and nobody reviews a conversation they cannot see.
    assert client_for(agent).get(f"/quality/tickets/{mine.number}/review/").status_code == 403
    assert client_for(agent_no).get(f"/quality/agents/{agent.pk}/").status_code == 404


def test_a_reviewer_reviews_but_still_changes_no_ticket(reviewer, agent, team_dk):
    ticket = conversation(team_dk, agent)
    client = client_for(reviewer)
    assert client.get("/quality/").status_code == 302
    assert client.get("/quality/queues/").status_code == 200
    response = client.post(f"/tickets/{ticket.number}/properties/", {"status": "closed"})
    assert response.status_code in (302, 403)
    ticket.refresh_from_db()
    assert ticket.status != "closed"


def test_scores_are_weighted_and_na_counts_for_nothing(reviewer, agent, team_dk):
    ticket = conversation(team_dk, agent)
    card = services.create_scorecard(
        actor=None,
        spec={
            "name": "Two areas",
            "areas": [
                {
                    "name": "A",
                    "weight": 3,
                    "questions": [{"text": "yes?", "kind": "yes_no"}, {"text": "na?", "kind": "yes_no"}],
                },
                {"name": "B", "weight": 1, "questions": [{"text": "scale", "kind": "scale", "weight": 2}]},
            ],
        },
    )
    q = [q for a in services.card_structure(card) for q in a.question_list]
    review = services.save_review(
        actor=reviewer,
        ticket=ticket,
        scorecard=card,
        answers=[
            {"question": q[0].pk, "value": "ja"},
            {"question": q[1].pk, "value": "n.a."},
            {"question": q[2].pk, "value": 3},
        ],
    )
    # A: 100 (the n.a. question is left out), B: (3-1)/4 = 50; weighted 3:1.
    assert review.score == 87.5
    assert Answer.objects.get(review=review, question=q[1]).value is None


def test_the_ticket_page_has_a_quality_panel_to_review_or_nominate(reviewer, agent, agent_no, team_dk):
    ticket = conversation(team_dk, agent)
    card = services.scorecard_for(ticket)
    review = services.save_review(actor=reviewer, ticket=ticket, scorecard=card, answers=answers_for(card, ticket))
    assert (
        f"/quality/tickets/{ticket.number}/panel/"
        in client_for(agent).get(f"/tickets/{ticket.number}/").content.decode()
    )
    panel = client_for(reviewer).get(f"/quality/tickets/{ticket.number}/panel/").content.decode()
    assert 'id="quality-review-link"' in panel and f"/quality/reviews/{review.pk}/" in panel
    panel = client_for(agent).get(f"/quality/tickets/{ticket.number}/panel/").content.decode()
    assert 'id="quality-review-link"' not in panel and f"/quality/wow/nominate/{ticket.number}/" in panel
    assert f"/quality/reviews/{review.pk}/" in panel  # the agent's own review
    assert client_for(agent_no).get(f"/quality/tickets/{ticket.number}/panel/").status_code == 404


def test_answers_are_read_in_danish_norwegian_and_english():
    yes_no = services.Question(kind="yes_no")
    scale = services.Question(kind="scale")
    assert [services.parse_value(yes_no, v, "f") for v in ("ja", "Nej", "nei", "yes", "i.r.", "n.a.", "", None)] == [
        1,
        0,
        0,
        1,
        None,
        None,
        None,
        None,
    ]
    assert services.parse_value(scale, " 4 ", "f") == 4
    with pytest.raises(services.QualityInputError) as error:
        services.parse_value(scale, "6", "answers.3.value")
    assert error.value.field == "answers.3.value"
