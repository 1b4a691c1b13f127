"""AutoQA: what the coach can measure in a conversation, as pre-filled answers with the words it found.

The analysis is the coach's own (coaching.django.services.analyze_ticket, the one the ticket's coaching card
shows), so a pre-filled answer never disagrees with the card. A reviewer confirms or overrides each one.
"""

from datetime import datetime

from django.utils import timezone

from wowdesk.coaching.django.services import analyze_ticket
from wowdesk.tickets.models import Message, Ticket

YES, NO = 1, 0


def _agent_questions(result: dict, kind: str, phases: tuple[str, ...] | None = None) -> list[str]:
    return [
        q["text"]
        for turn in result["turns"]
        if turn["speaker"] == "agent" and (phases is None or turn["phase"] in phases)
        for q in turn["questions"]
        if q["kind"] == kind
    ]


def _findings(result: dict, code: str) -> list[str]:
    return [
        f["text"]
        for turn in result["turns"]
        if turn["speaker"] == "agent"
        for f in turn["findings"]
        if f["code"] == code
    ]


def _first_agent_line(ticket: Ticket) -> str:
    first = ticket.messages.filter(kind=Message.Kind.OUTBOUND).order_by("created_at", "pk").first()
    return first.body_text.strip().splitlines()[0][:160] if first and first.body_text.strip() else ""


def _promises(ticket: Ticket, result: dict, now: datetime) -> tuple[int | None, list[str]]:
    """Kept: a later reply (or the ticket solved) by the time each promise fell due. A promise not yet due
    with nothing done is not judged (n.a.)."""
    promises = [p for p in result["promises"] if p.get("due")]
    if not promises:
        return None, []
    replies = list(
        ticket.messages.filter(kind=Message.Kind.OUTBOUND).order_by("created_at").values_list("created_at", flat=True)
    )
    evidence, verdicts = [], []
    for p in promises:
        due = datetime.fromisoformat(p["due"])
        turn_time = None
        agent_turns = [i for i, t in enumerate(result["turns"]) if t["speaker"] == "agent"]
        if p["turn"] in agent_turns and agent_turns.index(p["turn"]) < len(replies):
            turn_time = replies[agent_turns.index(p["turn"])]
        followed = any(turn_time is not None and turn_time < r <= due for r in replies)
        followed = followed or (ticket.solved_at is not None and ticket.solved_at <= due)
        if followed:
            verdicts.append(YES)
        elif due < now:
            verdicts.append(NO)
        evidence.append(f"{p['text']} ({timezone.localtime(due):%Y-%m-%d %H:%M})")
    if not verdicts:
        return None, evidence
    return (YES if all(v == YES for v in verdicts) else NO), evidence


def measure(ticket: Ticket, now: datetime | None = None) -> dict[str, dict]:
    """{AutoQA code: {"value": 1 | 0 | None, "evidence": [quoted words]}} for a ticket's conversation.
    Nothing is measured before the agent has written (an empty dict)."""
    result = analyze_ticket(ticket)
    if not any(t["speaker"] == "agent" for t in result["turns"]):
        return {}
    now = now or timezone.now()
    findings = set(result["conversation_findings"])
    open_questions = _agent_questions(result, "open")
    closed = _agent_questions(result, "closed")
    closing = _agent_questions(result, "closed", ("closing",)) or _agent_questions(result, "open", ("closing",))
    solution_checks = _agent_questions(result, "closed", ("solution_accept",))
    weak = _findings(result, "weak_word")
    greeting = "no_greeting" not in findings
    promise_value, promise_evidence = _promises(ticket, result, now)
    return {
        "greeting": {"value": YES if greeting else NO, "evidence": [_first_agent_line(ticket)] if greeting else []},
        "open_questions": {"value": YES if open_questions else NO, "evidence": open_questions[:3]},
        "need_confirmed": {
            "value": YES if result["bala"].get("need_accept") else NO,
            "evidence": closed[:1] if result["bala"].get("need_accept") else [],
        },
        "solution_confirmed": {
            "value": YES if result["bala"].get("solution_accept") else NO,
            "evidence": solution_checks[-1:] if result["bala"].get("solution_accept") else [],
        },
        "closing_question": {
            "value": NO if "no_closing_question" in findings else YES,
            "evidence": [] if "no_closing_question" in findings else closing[-1:],
        },
        "no_weak_words": {"value": NO if weak else YES, "evidence": weak[:5]},
        "promises_kept": {"value": promise_value, "evidence": promise_evidence},
    }
