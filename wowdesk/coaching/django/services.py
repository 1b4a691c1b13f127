"""Coaching inside the product: the card on a ticket, live hints for a draft, and summaries for leads."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from wowdesk.accounts.models import User
from wowdesk.coaching import analyze
from wowdesk.coaching.messages import CLOSING_SUGGESTION
from wowdesk.tickets.models import Message, Ticket

from .advice import in_language
from .models import TicketCoaching

BALA_STEPS = [
    ("need", _("Need")),
    ("need_accept", _("Need confirmed")),
    ("solution", _("Solution")),
    ("solution_accept", _("Solution confirmed")),
]
FINDING_LABELS = {
    "weak_word": _("Weak words"),
    "strong_word": _("Strong words"),
    "but_opener": _("'But' openers"),
    "risky_agreement": _("Risky agreement"),
    "presumptive_question": _("Presumptive questions"),
    "rule_phrase": _("Rule phrases"),
    "acknowledgement": _("Acknowledged feelings"),
    "open_question": _("Open questions"),
    "solution_before_need_accept": _("Solution before the need was confirmed"),
    "no_solution_accept": _("Solution not confirmed"),
    "no_greeting": _("No greeting"),
    "no_closing_question": _("No closing question"),
    "only_closed_questions": _("Only closed questions"),
}
IMPROVE_CODES = {
    "weak_word",
    "but_opener",
    "risky_agreement",
    "presumptive_question",
    "rule_phrase",
    "solution_before_need_accept",
    "no_solution_accept",
    "no_greeting",
    "no_closing_question",
    "only_closed_questions",
}


# The ticket's channel as the coach knows it: e-mail replies get the e-mail structure check, chat and phone
# keep BALA. Web forms are answered by e-mail; SMS and API conversations are read as chat.
COACH_CHANNEL = {"email": "email", "web": "email", "chat": "chat", "phone": "phone", "sms": "chat", "api": None}


def conversation_input(
    messages, language: str, zone: ZoneInfo | None = None, draft: str | None = None, channel: str | None = None
) -> dict:
    """The coach's input for a ticket: customer and agent messages in order (internal notes are left out).

    Times are given in the team's zone, so "i morgen kl. 10" falls due at 10:00 where the team works.
    """
    zone = zone or ZoneInfo(settings.DEFAULT_TEAM_TIME_ZONE)
    turns = [
        {
            "speaker": "customer" if m.kind == Message.Kind.INBOUND else "agent",
            "text": m.body_text,
            "sent_at": m.created_at.astimezone(zone).isoformat(),
        }
        for m in messages
        if m.kind != Message.Kind.NOTE
    ]
    if draft is not None:
        turns.append({"speaker": "agent", "text": draft, "sent_at": timezone.now().astimezone(zone).isoformat()})
    return {"language": language, "channel": COACH_CHANNEL.get(channel or ""), "sent_at": None, "turns": turns}


def team_zone(ticket: Ticket) -> ZoneInfo:
    return ZoneInfo(ticket.team.time_zone if ticket.team_id else settings.DEFAULT_TEAM_TIME_ZONE)


def _ticket_messages(ticket: Ticket):
    return list(ticket.messages.exclude(kind=Message.Kind.NOTE).only("kind", "body_text", "created_at"))


def analyze_ticket(ticket: Ticket, draft: str | None = None) -> dict:
    """The one analysis of a ticket's conversation (with a draft reply at its end, for live hints): the card
    and the hints are both made from it, so they never disagree."""
    return analyze(
        conversation_input(_ticket_messages(ticket), ticket.language, team_zone(ticket), draft, ticket.channel)
    )


COUNTED_CODES = ("weak_word", "but_opener", "risky_agreement", "presumptive_question", "rule_phrase", "acknowledgement")


def counted_findings(result: dict) -> list[dict]:
    """Every word-level finding the score counts, in conversation order, each with its turn."""
    return [
        {"turn": index, "code": f["code"], "label": FINDING_LABELS[f["code"]], "text": f["text"], "advice": f["advice"]}
        for index, turn in enumerate(result["turns"])
        for f in turn["findings"]
        if f["code"] in COUNTED_CODES
    ]


@dataclass
class Card:
    steps: list
    score: int
    strengths: list
    improvements: list
    promises: list
    analysed: bool
    findings: list  # every word-level finding the score counts
    mail: dict | None  # the e-mail structure check of the last reply (e-mail tickets)


MAIL_CHECKS = [
    ("greeting_name", _("Greets the customer by name")),
    ("acknowledges", _("Acknowledges the matter")),
    ("answer_or_next_step", _("Answer or next step")),
    ("invites_reply", _("Invites an answer")),
    ("closing", _("Closing line")),
]


def coaching_card(ticket: Ticket, result: dict | None = None, advice_language: str | None = None) -> Card:
    """The BALA path of the conversation, strengths first, then at most two things to improve, and every
    finding the score counts: the advice in `advice_language` (the agent's; default the conversation's),
    the words quoted from the conversation as written."""
    result = result if result is not None else analyze_ticket(ticket)
    source, target = result["language"], advice_language or result["language"]
    analysed = any(t["speaker"] == "agent" for t in result["turns"])
    steps = [(code, label, result["bala"][code]) for code, label in BALA_STEPS]
    promises = [p for p in result["promises"]]
    for p in promises:
        p["due"] = datetime.fromisoformat(p["due"]) if p["due"] else None
    return Card(
        steps=steps,
        score=result["score"],
        strengths=[in_language(text, source, target) for text in result["strengths"][:3]],
        improvements=[in_language(text, source, target) for text in result["improvements"][:2]],
        promises=promises,
        analysed=analysed,
        findings=[{**f, "advice": in_language(f["advice"], source, target)} for f in counted_findings(result)],
        mail=[(label, result["mail"][code]) for code, label in MAIL_CHECKS] if result.get("mail") else None,
    )


@dataclass
class Hints:
    marked: SafeString
    problems: list
    good: list
    suggest_closing: str | None
    score: int  # the conversation's score once this reply is sent: what the card will show
    improvements: list  # the card's things to improve once this reply is sent


def draft_hints(ticket: Ticket, draft: str, advice_language: str | None = None) -> Hints:
    """Hints for a reply being written: what to improve, with the words marked in the draft. Made from the
    same analysis the card shows once the reply is sent (the conversation with the draft at its end). The
    advice is in `advice_language` (the agent's); the suggested closing question in the ticket's language, as
    it goes to the customer."""
    result = analyze_ticket(ticket, draft=draft)
    source, target = result["language"], advice_language or result["language"]
    turn = result["turns"][-1]
    for finding in turn["findings"]:
        finding["advice"] = in_language(finding["advice"], source, target)
    problems = [f for f in turn["findings"] if f["polarity"] == "improve"]
    good = [f for f in turn["findings"] if f["polarity"] == "good" and f["code"] != "strong_word"]
    pieces, position = [], 0
    for f in sorted(problems, key=lambda f: f["start"]):
        if f["start"] < position:
            continue
        pieces.append(escape(draft[position : f["start"]]))
        pieces.append(
            f'<mark class="{f["code"]}" title="{escape(f["advice"])}">{escape(draft[f["start"] : f["end"]])}</mark>'
        )
        position = f["end"]
    pieces.append(escape(draft[position:]))
    suggest = None
    if turn["phase"] in ("solution", "solution_accept") and "no_closing_question" in result["conversation_findings"]:
        suggest = CLOSING_SUGGESTION[result["language"]]
    # Every piece is escaped above; only our own <mark> tags are added.
    marked = mark_safe("".join(pieces))  # noqa: S308
    return Hints(
        marked=marked,
        problems=problems,
        good=good[:1],
        suggest_closing=suggest,
        score=result["score"],
        improvements=[in_language(text, source, target) for text in result["improvements"][:2]],
    )


# --- summaries for leads ---------------------------------------------------------------------------


def _agent_for(ticket: Ticket, last_author_id: int | None) -> int | None:
    return ticket.assignee_id or last_author_id


def refresh_stale(since: datetime | None = None, limit: int = 5000) -> int:
    """Analyse tickets whose conversation changed since their last analysis. Returns how many."""
    tickets = Ticket.objects.filter(messages__kind=Message.Kind.OUTBOUND).distinct()
    if since is not None:
        tickets = tickets.filter(updated_at__gte=since)
    stale = tickets.filter(Q(coaching__isnull=True) | Q(coaching__analyzed_at__lt=F("updated_at")))
    stale = list(
        stale.select_related("team").only("pk", "language", "channel", "assignee_id", "updated_at", "team__time_zone")[
            :limit
        ]
    )
    if not stale:
        return 0
    by_ticket = defaultdict(list)
    for m in (
        Message.objects.filter(ticket__in=[t.pk for t in stale])
        .exclude(kind=Message.Kind.NOTE)
        .only("ticket_id", "kind", "body_text", "created_at", "author_id")
        .order_by("ticket_id", "created_at", "pk")
    ):
        by_ticket[m.ticket_id].append(m)
    now = timezone.now()
    rows = []
    for ticket in stale:
        messages = by_ticket[ticket.pk]
        result = analyze(conversation_input(messages, ticket.language, team_zone(ticket), channel=ticket.channel))
        counts = Counter(f["code"] for t in result["turns"] for f in t["findings"])
        counts.update(result["conversation_findings"])
        last_author = next((m.author_id for m in reversed(messages) if m.kind == Message.Kind.OUTBOUND), None)
        rows.append(
            TicketCoaching(
                ticket_id=ticket.pk,
                agent_id=_agent_for(ticket, last_author),
                score=result["score"],
                bala=result["bala"],
                conversation_findings=result["conversation_findings"],
                finding_counts=dict(counts),
                agent_turns=sum(1 for t in result["turns"] if t["speaker"] == "agent"),
                conversation_at=messages[-1].created_at if messages else ticket.updated_at,
                analyzed_at=now,
            )
        )
    TicketCoaching.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["ticket"],
        update_fields=[
            "agent",
            "score",
            "bala",
            "conversation_findings",
            "finding_counts",
            "agent_turns",
            "conversation_at",
            "analyzed_at",
        ],
    )
    return len(rows)


@dataclass
class AgentSummary:
    agent: User
    tickets: int
    average_score: float
    top_improvements: list
    top_strengths: list
    trend: list  # [(week start, average score)]
    bala_rates: dict


def agent_summaries(start: datetime, end: datetime, agents=None) -> list[AgentSummary]:
    """Per agent over a period: how often each practice was met, frequent findings and the weekly trend.

    Agents come in alphabetical order: this is for coaching conversations, never a ranking.
    """
    refresh_stale(since=start)
    rows = TicketCoaching.objects.filter(conversation_at__gte=start, conversation_at__lt=end, agent__isnull=False)
    if agents is not None:
        rows = rows.filter(agent__in=agents)
    grouped = defaultdict(list)
    for row in rows.only("agent_id", "score", "bala", "conversation_findings", "finding_counts", "conversation_at"):
        grouped[row.agent_id].append(row)
    people = {u.pk: u for u in User.objects.filter(pk__in=grouped)}
    out = []
    for agent_id, items in grouped.items():
        counts = Counter()
        for item in items:
            counts.update(item.finding_counts)
        weeks = defaultdict(list)
        for item in items:
            local = timezone.localtime(item.conversation_at).date()
            weeks[local - timedelta(days=local.weekday())].append(item.score)
        trend = [(week, round(sum(s) / len(s))) for week, s in sorted(weeks.items())]
        rates = {
            code: round(100 * sum(1 for i in items if i.bala.get(code)) / len(items)) for code, _label in BALA_STEPS
        }
        out.append(
            AgentSummary(
                agent=people[agent_id],
                tickets=len(items),
                average_score=round(sum(i.score for i in items) / len(items)),
                top_improvements=[(FINDING_LABELS[c], n) for c, n in counts.most_common() if c in IMPROVE_CODES][:3],
                top_strengths=[
                    (FINDING_LABELS[c], n)
                    for c, n in counts.most_common()
                    if c in FINDING_LABELS and c not in IMPROVE_CODES
                ][:2],
                trend=trend,
                bala_rates=rates,
            )
        )
    return sorted(out, key=lambda s: s.agent.name)
