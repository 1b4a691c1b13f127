"""Review queues: conversations picked by rule, so a reviewer never has to hunt.

Each queue lists conversations of the last QUEUE_DAYS with an agent's reply that nobody has reviewed yet,
newest first, at most QUEUE_SIZE:
- random: a random sample of SAMPLE_PER_AGENT conversations per agent per week (stable: the same on reload,
  drawn by a hash of the conversation and the week, so two reviewers see the same sample);
- low_satisfaction: CSAT 1-2 or an NPS detractor (0-6);
- reopened: the customer came back after it was solved;
- long_handling: handling time in the top 10 % of the period;
- negative_start: the first customer message is strongly negative (the coach's sentiment <= -0.5);
- possible_wow: CSAT 5 or NPS 9-10 with a positive comment.
"""

import hashlib
from collections import defaultdict
from datetime import timedelta

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wowdesk.coaching.sentiment import sentiment
from wowdesk.surveys.models import Survey
from wowdesk.tickets.models import Message, Ticket
from wowdesk.tickets.services import visible_tickets

from .models import Review

QUEUE_DAYS = 30
QUEUE_SIZE = 50
SAMPLE_PER_AGENT = 2
STRONGLY_NEGATIVE = -0.5
POSITIVE_COMMENT = 0.3
# Sentiment is computed in Python per first message; the newest this many conversations are read.
SENTIMENT_SCAN = 3000

RULES = {
    "random": (_("Random sample"), _("A few conversations per agent per week, drawn at random.")),
    "low_satisfaction": (_("Low CSAT or NPS detractor"), _("The customer answered CSAT 1-2 or NPS 0-6.")),
    "reopened": (_("Reopened"), _("The customer came back after the case was solved.")),
    "long_handling": (_("Long handling"), _("Handling time in the top 10 % of the period.")),
    "negative_start": (_("Strongly negative start"), _("The customer's first message was strongly negative.")),
    "possible_wow": (_("Possible WOW"), _("High satisfaction with a positive comment.")),
}


def _language(code: str) -> str:
    return code if code in ("da", "nb", "en") else "en"


def first_customer_sentiment(ticket_ids) -> dict[int, float]:
    """The coach's sentiment (-1..1) of each conversation's first customer message."""
    firsts = {}
    rows = (
        Message.objects.filter(ticket__in=ticket_ids, kind=Message.Kind.INBOUND)
        .order_by("ticket_id", "created_at", "pk")
        .values_list("ticket_id", "body_text", "ticket__language")
    )
    for ticket_id, body, language in rows:
        if ticket_id not in firsts:
            firsts[ticket_id] = sentiment(body[:5000], _language(language))
    return firsts


def _candidates(user, now):
    reviewed = Review.objects.filter(ticket=OuterRef("pk")).exclude(source=Review.Source.CALIBRATION)
    replied = Message.objects.filter(ticket=OuterRef("pk"), kind=Message.Kind.OUTBOUND)
    return (
        visible_tickets(user)
        .filter(created_at__gte=now - timedelta(days=QUEUE_DAYS))
        .filter(Exists(replied))
        .exclude(Exists(reviewed))
        .select_related("assignee", "team")
    )


def _week(moment) -> str:
    year, week, _day = timezone.localtime(moment).isocalendar()
    return f"{year}-W{week:02d}"


def _draw(ticket_id: int, week: str) -> str:
    return hashlib.sha256(f"{ticket_id}:{week}".encode()).hexdigest()


def queue(*, user, rule: str, now=None) -> list[Ticket]:
    if rule not in RULES:
        raise KeyError(rule)
    now = now or timezone.now()
    tickets = _candidates(user, now)
    if rule == "random":
        groups = defaultdict(list)
        for pk, assignee_id, created_at in tickets.exclude(assignee=None).values_list(
            "pk", "assignee_id", "created_at"
        ):
            groups[(assignee_id, _week(created_at))].append(pk)
        picked = [
            pk
            for (_agent, week), items in groups.items()
            for pk in sorted(items, key=lambda pk: _draw(pk, week))[:SAMPLE_PER_AGENT]
        ]
        chosen = tickets.filter(pk__in=picked)
    elif rule == "low_satisfaction":
        chosen = tickets.filter(Q(survey__csat__lte=2) | Q(survey__nps__lte=6))
    elif rule == "reopened":
        chosen = tickets.filter(reopen_count__gt=0)
    elif rule == "long_handling":
        recent = visible_tickets(user).filter(created_at__gte=now - timedelta(days=QUEUE_DAYS), handling_s__gt=0)
        durations = sorted(recent.values_list("handling_s", flat=True))
        if not durations:
            return []
        p90 = durations[min(len(durations) - 1, int(0.9 * len(durations)))]
        chosen = tickets.filter(handling_s__gte=max(p90, 1))
    elif rule == "negative_start":
        ids = list(tickets.order_by("-created_at").values_list("pk", flat=True)[:SENTIMENT_SCAN])
        scores = first_customer_sentiment(ids)
        chosen = tickets.filter(pk__in=[pk for pk, s in scores.items() if s <= STRONGLY_NEGATIVE])
    else:  # possible_wow
        happy = (
            Survey.objects.filter(ticket__in=tickets.values("pk"))
            .filter(Q(csat__gte=5) | Q(nps__gte=9))
            .exclude(comment="")
        )
        ids = [
            ticket_id
            for ticket_id, comment, language in happy.values_list("ticket_id", "comment", "language")[:SENTIMENT_SCAN]
            if sentiment(comment[:5000], _language(language)) >= POSITIVE_COMMENT
        ]
        chosen = tickets.filter(pk__in=ids)
    return list(chosen.order_by("-created_at", "-pk")[:QUEUE_SIZE])


def counts(*, user, now=None) -> dict[str, int]:
    return {rule: len(queue(user=user, rule=rule, now=now)) for rule in RULES}
