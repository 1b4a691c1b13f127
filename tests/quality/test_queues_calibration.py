"""Review queues by rule, and calibration rounds with Krippendorff's alpha."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.quality.conftest import conversation, survey
from wowdesk.quality import calibration, queues, services
from wowdesk.quality.models import Review
from wowdesk.tickets.models import Ticket

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_each_queue_picks_conversations_by_its_rule(reviewer, agent, team_dk):
    calm = conversation(team_dk, agent, email="a@example.dk")
    unhappy = conversation(team_dk, agent, email="b@example.dk")
    survey(unhappy, csat=1)
    detractor = conversation(team_dk, agent, email="c@example.dk")
    survey(detractor, nps=3)
    reopened = conversation(team_dk, agent, email="d@example.dk")
    Ticket.objects.filter(pk=reopened.pk).update(reopen_count=1)
    angry = conversation(
        team_dk,
        agent,
        email="e@example.dk",
        body="Det er fuldstændig uacceptabelt og elendigt! Jeg er rasende og skuffet.",
    )
    slow = conversation(team_dk, agent, email="f@example.dk")
    Ticket.objects.filter(pk=slow.pk).update(handling_s=3600)
    Ticket.objects.filter(pk__in=[calm.pk, unhappy.pk]).update(handling_s=60)
    wow = conversation(team_dk, agent, email="g@example.dk")
    survey(wow, csat=5, comment="Tusind tak, fantastisk god og venlig hjælp!")

    def picked(rule):
        return {t.pk for t in queues.queue(user=reviewer, rule=rule)}

    assert picked("low_satisfaction") == {unhappy.pk, detractor.pk}
    assert picked("reopened") == {reopened.pk}
    assert picked("negative_start") == {angry.pk}
    assert slow.pk in picked("long_handling") and calm.pk not in picked("long_handling")
    assert picked("possible_wow") == {wow.pk}
    # The random sample: a few per agent per week, the same on every load.
    sample = picked("random")
    assert 1 <= len(sample) <= 2 * 2 and sample == picked("random")
    # A reviewed conversation leaves the queues.
    card = services.scorecard_for(unhappy)
    services.save_review(
        actor=reviewer, ticket=unhappy, scorecard=card, answers=[_coach_answers(card, unhappy)[0]], comments={}
    )
    assert picked("low_satisfaction") == {detractor.pk}
    page = client_for(reviewer).get("/quality/queues/low_satisfaction/").content.decode()
    assert f"/quality/tickets/{detractor.number}/review/" in page
    assert client_for(reviewer).get("/quality/queues/nonsense/").status_code == 404


def test_an_agents_queue_holds_only_what_they_may_see(lead, agent, agent_no, team_dk, team_no):
    mine = conversation(team_dk, agent)
    survey(mine, csat=1)
    theirs = conversation(team_no, agent_no, email="kunde@example.no")
    survey(theirs, csat=1)
    lead_dk = lead
    assert {t.pk for t in queues.queue(user=lead_dk, rule="low_satisfaction")} == {mine.pk, theirs.pk}


def _coach_answers(card, ticket):
    coach = services.prefill(scorecard=card, ticket=ticket)
    return [
        {"question": q.pk, "value": coach[q.pk].value if q.pk in coach and coach[q.pk].value is not None else "na"}
        for a in services.card_structure(card)
        for q in a.question_list
    ]


def test_two_reviewers_calibrate_five_conversations_blind_and_see_their_alpha(
    reviewer, reviewer2, lead, agent, team_dk
):
    conversations = [conversation(team_dk, agent, email=f"k{i}@example.dk") for i in range(5)]
    card = services.scorecard_for(conversations[0])
    client = client_for(lead)
    response = client.post(
        "/quality/calibration/",
        {
            "name": "November",
            "scorecard": str(card.pk),
            "tickets": " ".join(str(t.number) for t in conversations),
            "reviewers": [str(reviewer.pk), str(reviewer2.pk)],
        },
    )
    round_ = calibration.CalibrationRound.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/quality/calibration/{round_.pk}/"
    tone = next(q for a in services.card_structure(card) for q in a.question_list if q.kind == "scale")
    for who, tones in ((reviewer, [5, 4, 3, 2, 1]), (reviewer2, [5, 4, 3, 1, 2])):
        for ticket, value in zip(conversations, tones, strict=True):
            answers = [a if a["question"] != tone.pk else {**a, "value": value} for a in _coach_answers(card, ticket)]
            services.save_review(actor=who, ticket=ticket, scorecard=card, answers=answers, calibration=round_)
            if who == reviewer and ticket == conversations[0]:
                # Blind: after one of five, the reviewer sees no agreement and no other answers.
                page = client_for(reviewer).get(f"/quality/calibration/{round_.pk}/").content.decode()
                assert 'id="blind"' in page and "α" not in page
    result = calibration.result(user=reviewer, round_=round_)
    assert result.complete and result.revealed
    by_question = {qa.question.pk: qa for qa in result.questions}
    # The tone answers differ on two conversations: ordinal alpha below 1, and both places are listed.
    assert 0.5 < by_question[tone.pk].alpha < 1
    assert [t.pk for t, _given in by_question[tone.pk].differences] == [conversations[3].pk, conversations[4].pk]
    # The coach's answers are the same for both: full agreement there.
    assert all(qa.alpha in (None, 1.0) for pk, qa in by_question.items() if pk != tone.pk)
    page = client_for(reviewer2).get(f"/quality/calibration/{round_.pk}/").content.decode()
    assert 'id="overall-alpha"' in page and f"{by_question[tone.pk].alpha:.2f}" in page
    # Calibration scores are the reviewers' exercise: the agent never sees them as reviews.
    assert not services.visible_reviews(agent).exists()
    assert Review.objects.filter(calibration=round_).count() == 10


def test_alpha_is_one_for_full_agreement_and_none_without_pairs():
    assert calibration.alpha([[1, 0, 1], [1, 0, 1]], "nominal") == 1.0
    assert calibration.alpha([[1, None], [None, 0]], "nominal") is None
    assert calibration.alpha([[1, 0, 1, 0], [0, 1, 0, 1]], "nominal") < 0


def test_a_round_needs_two_reviewers_and_conversations(lead, reviewer, agent, team_dk):
    ticket = conversation(team_dk, agent)
    card = services.scorecard_for(ticket)
    with pytest.raises(services.QualityInputError) as error:
        calibration.create_round(actor=lead, name="R", scorecard=card, tickets=[ticket], reviewers=[reviewer])
    assert error.value.field == "reviewers"
    with pytest.raises(services.QualityInputError) as error:
        calibration.create_round(actor=lead, name="R", scorecard=card, tickets=[], reviewers=[reviewer, lead])
    assert error.value.field == "tickets"


def test_queues_look_back_thirty_days(reviewer, agent, team_dk):
    old = conversation(team_dk, agent, now=timezone.now() - timedelta(days=40))
    survey(old, csat=1)
    assert queues.queue(user=reviewer, rule="low_satisfaction") == []
