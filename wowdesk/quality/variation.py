"""Agent variation: the goal is not to remove it but to learn from it (seed 004). Per performance area, the
spread of each agent's review scores; each team's spread month by month; and who handles emotional
conversations best (review score and CSAT where the customer's first message was strongly negative)."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from wowdesk.accounts.models import User
from wowdesk.routing import services as routing
from wowdesk.surveys.models import Survey
from wowdesk.tickets.models import Ticket
from wowdesk.tickets.services import visible_tickets

from . import services
from .models import Answer, Review
from .queues import STRONGLY_NEGATIVE, first_customer_sentiment

EMOTIONAL_MINIMUM = 3  # conversations before an agent is ranked on emotional ones
# The sentiment of first messages is computed in Python (the coach's lexicon), so the newest this many
# conversations of the period are read: enough for a team's quarter, and the page stays quick.
EMOTIONAL_SCAN = 20_000


def spread(values: list[float]) -> tuple | None:
    """p10, p25, median, p75, p90 (nearest rank)."""
    if not values:
        return None
    ordered = sorted(values)
    n = len(ordered)
    return tuple(ordered[min(n - 1, int(p * n))] for p in (0.1, 0.25, 0.5, 0.75, 0.9))


def box(values: list[float]) -> dict | None:
    """A box plot on a 0-100 scale, as the reports page draws them."""
    s = spread(values)
    if s is None:
        return None
    p10, p25, p50, p75, p90 = s
    return {
        "left": p10,
        "whisker": p90 - p10,
        "box_left": p25,
        "box": p75 - p25,
        "median": p50,
        "spread": s,
        "n": len(values),
    }


def _reviews(user: User, start: datetime, end: datetime):
    return (
        services.visible_reviews(user)
        .exclude(source=Review.Source.CALIBRATION)
        .filter(created_at__gte=start, created_at__lt=end, agent__isnull=False)
    )


def area_scores_by_agent(*, user: User, start: datetime, end: datetime) -> list[dict]:
    """[{area: name, agents: [{agent, box}]}], areas by name across card versions, agents alphabetically."""
    reviews = list(_reviews(user, start, end).select_related("agent").only("pk", "scorecard_id", "agent"))
    by_review = defaultdict(dict)
    for review_id, qid, value in Answer.objects.filter(review__in=[r.pk for r in reviews]).values_list(
        "review_id", "question_id", "value"
    ):
        by_review[review_id][qid] = value
    cards = {}
    scores = defaultdict(lambda: defaultdict(list))  # area name -> agent -> [scores]
    people = {}
    for r in reviews:
        if r.scorecard_id not in cards:
            cards[r.scorecard_id] = services.card_structure(services.Scorecard.objects.get(pk=r.scorecard_id))
        for area in cards[r.scorecard_id]:
            s = services.weighted_score([area], by_review[r.pk])
            if s is not None:
                scores[area.name][r.agent_id].append(s)
                people[r.agent_id] = r.agent
    return [
        {
            "area": name,
            "agents": [
                {"agent": people[a], "box": box(v)}
                for a, v in sorted(agents.items(), key=lambda kv: people[kv[0]].name)
            ],
        }
        for name, agents in scores.items()
    ]


def team_spread_by_month(*, user: User, start: datetime, end: datetime) -> list[dict]:
    """[{team, months: [{month, box}]}]: how far apart a team's review scores are, month by month."""
    rows = (
        _reviews(user, start, end)
        .exclude(team=None)
        .exclude(score=None)
        .values_list("team__name", "created_at", "score")
    )
    grouped = defaultdict(lambda: defaultdict(list))
    for team, created, score in rows:
        grouped[team][timezone.localtime(created).date().replace(day=1)].append(score)
    return [
        {"team": team, "months": [{"month": m, "box": box(v)} for m, v in sorted(months.items())]}
        for team, months in sorted(grouped.items())
    ]


@dataclass
class EmotionalRow:
    agent: User
    conversations: int
    review_score: float | None
    csat: float | None  # share of CSAT 4-5 answers, 0..1
    skilled: bool


def emotional(*, user: User, start: datetime, end: datetime) -> list[EmotionalRow]:
    """Agents by how they do on conversations whose first customer message is strongly negative: review score
    and CSAT there, best first (at least EMOTIONAL_MINIMUM such conversations)."""
    agents = services.visible_agents(user)
    tickets = visible_tickets(user).filter(created_at__gte=start, created_at__lt=end, assignee__in=agents)
    newest = tickets.order_by("-created_at")[:EMOTIONAL_SCAN]
    assignees = dict(newest.values_list("pk", "assignee_id"))
    moods = first_customer_sentiment(newest.values("pk"))
    hard = {pk for pk, s in moods.items() if s <= STRONGLY_NEGATIVE}
    per_agent = defaultdict(list)
    for pk in hard:
        per_agent[assignees[pk]].append(pk)
    scores = defaultdict(list)
    for agent_id, score in (
        Review.objects.filter(ticket__in=hard)
        .exclude(source=Review.Source.CALIBRATION)
        .exclude(score=None)
        .values_list("agent_id", "score")
    ):
        scores[agent_id].append(score)
    csats = defaultdict(list)
    for agent_id, csat in Survey.objects.filter(ticket__in=hard, csat__isnull=False).values_list(
        "ticket__assignee_id", "csat"
    ):
        csats[agent_id].append(csat)
    skilled = routing.emotional_agent_ids()
    people = {u.pk: u for u in User.objects.filter(pk__in=per_agent)}
    out = [
        EmotionalRow(
            agent=people[a],
            conversations=len(ids),
            review_score=round(sum(scores[a]) / len(scores[a]), 1) if scores[a] else None,
            csat=sum(1 for c in csats[a] if c >= 4) / len(csats[a]) if csats[a] else None,
            skilled=a in skilled,
        )
        for a, ids in per_agent.items()
        if len(ids) >= EMOTIONAL_MINIMUM
    ]
    return sorted(out, key=lambda r: (-(r.review_score or 0) - 100 * (r.csat or 0), r.agent.name))


def set_emotional_skill(*, actor: User, agent: User, skilled: bool) -> None:
    """A lead gives an agent the "emotional" skill (routing prefers them for strongly negative first messages
    where the team has switched that on)."""
    services._require(actor.is_lead)
    with transaction.atomic():
        routing.set_emotional_skill(agent=agent, skilled=skilled)
        services._audit(actor, "skill.emotional", agent, agent=agent.pk, skilled=skilled)


def strongly_negative(ticket: Ticket) -> bool:
    return first_customer_sentiment([ticket.pk]).get(ticket.pk, 0) <= STRONGLY_NEGATIVE
