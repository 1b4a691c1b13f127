"""Demo data for quality: the default scorecards, about 300 reviews over the 90 days (agents differ, some
answers overridden with a why, a comment per area, some reactions), a mystery-shopping batch, a calibration
round of five conversations scored by the reviewer and the lead, WOW nominations with last month's award,
and the skill 'emotional' for the agent who does best with upset customers.

Rows are bulk-inserted from the coach's stored analysis (TicketCoaching, made just before by refresh_stale), so
the AutoQA answers are the coach's own without analysing each conversation again."""

import random
from datetime import timedelta

from wowdesk.accounts.models import User
from wowdesk.coaching.django.models import TicketCoaching
from wowdesk.quality import services
from wowdesk.quality.models import Answer, CalibrationRound, Review, Scorecard, WowMoment
from wowdesk.routing.models import AgentSkill
from wowdesk.tickets.models import Ticket

REVIEWS = 300
# How each demo agent tends to score on the questions a reviewer judges (1-5): agents differ (seed 004).
AGENT_LEVEL = [4.4, 3.1, 3.9, 4.6, 2.8, 3.6, 4.1, 3.3]
# Comments per area: what went well where the area scored well, what to work on where it did not.
COMMENTS = {
    "da": (
        [
            "Venlig og personlig modtagelse.",
            "Fandt behovet med gode åbne spørgsmål.",
            "Løsningen var klar og enkel.",
            "Et lille ekstra: tilbød at følge op i morgen.",
        ],
        [
            "Husk at bekræfte, at løsningen virker.",
            "Spring ikke direkte til løsningen: spørg først.",
            "Undgå 'prøve' og 'måske' i løsningen.",
        ],
    ),
    "nb": (
        [
            "Hyggelig og engasjert.",
            "Avklarte behovet godt.",
            "Løsningen kom tydelig fram.",
            "Fikk følelsen av å bli sett og hørt.",
        ],
        ["Ingen hei eller velkommen.", "Spurte ikke om løsningen virket.", "Svarte kort uten å avklare behovet."],
    ),
    "en": (
        [
            "Warm, personal welcome.",
            "Found the real need with open questions.",
            "Clear solution in plain words.",
            "Went the extra mile with a follow-up.",
        ],
        [
            "Check that the solution worked before closing.",
            "Ask before you solve: the need was assumed.",
            "Weak words ('try', 'maybe') made the answer sound unsure.",
        ],
    ),
}
OVERRIDE_WHY = {
    "da": "Ordet blev brugt venligt, kunden blev beroliget",
    "nb": "Ordet ble brukt vennlig, kunden ble beroliget",
    "en": "Said kindly; the customer was reassured",
}
WOW_REASONS = {
    "da": "Ringede kunden op dagen efter for at høre, om alt virkede: det havde kunden ikke bedt om.",
    "nb": "Tilbød å sende en ny faktura med én gang og ringte tilbake som lovet.",
    "en": "Spotted that the customer's renewal was due and sorted it in the same reply.",
}


def coach_values(coaching: TicketCoaching) -> dict[str, int | None]:
    findings = set(coaching.conversation_findings)
    counts = coaching.finding_counts
    return {
        "greeting": 0 if "no_greeting" in findings else 1,
        "open_questions": 1 if counts.get("open_question") else 0,
        "need_confirmed": 1 if coaching.bala.get("need_accept") else 0,
        "solution_confirmed": 1 if coaching.bala.get("solution_accept") else 0,
        "closing_question": 0 if "no_closing_question" in findings else 1,
        "no_weak_words": 0 if counts.get("weak_word") else 1,
        "promises_kept": None,
    }


def _review_rows(
    rng, ticket, coaching, card, areas, reviewer, level, created, source=Review.Source.REVIEW, round_=None, noise=0.6
):
    auto = coach_values(coaching)
    values, answers = {}, []
    for area in areas:
        for q in area.question_list:
            suggested = auto.get(q.autoqa) if q.autoqa else None
            comment = ""
            if q.autoqa:
                value = suggested
                if suggested is not None and rng.random() < 0.06:  # the reviewer differs from the coach, and says why
                    value, comment = 1 - suggested, OVERRIDE_WHY[card.language]
            elif q.kind == "scale":
                value = max(1, min(5, round(rng.gauss(level, noise))))
            else:
                value = 1 if rng.random() < (level - 1) / 4 else 0
            values[q.pk] = value
            answers.append(
                Answer(
                    question=q,
                    value=value,
                    suggested=suggested,
                    suggested_by_coach=suggested is not None,
                    comment=comment,
                )
            )
    good, work_on = COMMENTS[card.language]
    comments = {
        str(a.pk): rng.choice(good if (services.weighted_score([a], values) or 0) >= 70 else work_on)
        for a in areas
        if rng.random() < 0.7
    }
    review = Review(
        scorecard=card,
        ticket=ticket,
        agent_id=ticket.assignee_id,
        team_id=ticket.team_id,
        reviewer=reviewer,
        source=source,
        calibration=round_,
        channel=ticket.channel,
        comments=comments,
        score=services.weighted_score(areas, values),
        conversation_at=ticket.updated_at,
        created_at=created,
    )
    return review, answers


def load_quality(rng: random.Random, now) -> dict:
    services.ensure_default_scorecards()
    cards = {c.language: c for c in Scorecard.objects.filter(is_current=True, team=None)}
    structure = {lang: services.card_structure(card) for lang, card in cards.items()}
    reviewer = User.objects.get(email="reviewer@example.com")
    lead = User.objects.get(email="lead@example.com")
    agents = list(User.objects.filter(role=User.Role.AGENT).order_by("email"))
    level = {a.pk: AGENT_LEVEL[i % len(AGENT_LEVEL)] for i, a in enumerate(agents)}
    coached = {
        c.ticket_id: c
        for c in TicketCoaching.objects.filter(ticket__assignee__in=agents, ticket__status__in=["solved", "closed"])
    }
    tickets = list(Ticket.objects.filter(pk__in=coached).order_by("pk"))
    rng.shuffle(tickets)
    calibration_tickets = [t for t in tickets if t.language == "da"][:5]
    reviewed = [t for t in tickets if t not in calibration_tickets][:REVIEWS]
    reviews, answer_lists = [], []
    for ticket in reviewed:
        created = min(now, ticket.updated_at + timedelta(hours=rng.uniform(2, 96)))
        review, answers = _review_rows(
            rng,
            ticket,
            coached[ticket.pk],
            cards[ticket.language],
            structure[ticket.language],
            lead if rng.random() < 0.25 else reviewer,
            level[ticket.assignee_id],
            created,
        )
        if rng.random() < 0.3:
            review.reaction = rng.choice([Review.Reaction.AGREE, Review.Reaction.AGREE, Review.Reaction.DISCUSS])
            review.reacted_at = created + timedelta(hours=3)
        reviews.append(review)
        answer_lists.append(answers)
    # A mystery-shopping batch (SeeYou's evaluators), a fifth of them about inquiries outside wowdesk.
    for i, ticket in enumerate(tickets[REVIEWS + 5 : REVIEWS + 45]):
        created = min(now, ticket.updated_at + timedelta(days=2))
        review, answers = _review_rows(
            rng,
            ticket,
            coached[ticket.pk],
            cards[ticket.language],
            structure[ticket.language],
            None,
            level[ticket.assignee_id],
            created,
            source=Review.Source.MYSTERY,
        )
        review.reviewer, review.evaluator = None, f"SeeYou Mystery Shopper {i % 6 + 1}"
        if i % 5 == 0:
            review.ticket, review.reference, review.channel = None, f"KSP-{2026}-{i:04d}", "telefon"
        reviews.append(review)
        answer_lists.append(answers)
    # A calibration round: the reviewer and the lead scored the same five Danish conversations blind.
    round_ = CalibrationRound.objects.create(name="Kalibrering: november", scorecard=cards["da"], created_by=lead)
    round_.tickets.set(calibration_tickets)
    round_.reviewers.set([reviewer, lead])
    for who in (reviewer, lead):
        for ticket in calibration_tickets:
            review, answers = _review_rows(
                rng,
                ticket,
                coached[ticket.pk],
                cards["da"],
                structure["da"],
                who,
                level[ticket.assignee_id],
                now - timedelta(days=2),
                source=Review.Source.CALIBRATION,
                round_=round_,
                noise=0.5,
            )
            reviews.append(review)
            answer_lists.append(answers)
    reviews = Review.objects.bulk_create(reviews, batch_size=500)
    for review, answers in zip(reviews, answer_lists, strict=True):
        for answer in answers:
            answer.review = review
    Answer.objects.bulk_create([a for answers in answer_lists for a in answers], batch_size=2000)
    # WOW: nominations from the best reviewed conversations, and last month's award.
    best = sorted(
        (r for r in reviews if r.ticket_id and r.source == Review.Source.REVIEW), key=lambda r: -(r.score or 0)
    )
    moments = WowMoment.objects.bulk_create(
        WowMoment(
            ticket_id=r.ticket_id,
            agent_id=r.agent_id,
            nominated_by=lead if i % 2 else reviewer,
            reason=WOW_REASONS[cards_language(r, cards)],
        )
        for i, r in enumerate(best[:6])
    )
    if moments:
        last_month = (now.date().replace(day=1) - timedelta(days=1)).replace(day=1)
        WowMoment.objects.filter(pk=moments[0].pk).update(award_month=last_month)
    # The agent who does best with upset customers has the skill "emotional" (the routing option stays off).
    AgentSkill.objects.update_or_create(agent=agents[3], defaults={"emotional": True})
    return {"reviews": len(reviews)}


def cards_language(review: Review, cards: dict) -> str:
    return next(lang for lang, card in cards.items() if card.pk == review.scorecard_id)
