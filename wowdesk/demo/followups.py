"""Demo data for follow-ups: 90 days of promises kept, kept late and broken (agents differ, so the dashboard's
promise-keeping rate and its per-agent table have something to say), open follow-ups due today and later, a
few broken promises still owed, snoozed tickets, and callback requests in the coming windows, one of them
called without an answer (so the customer's "we tried" SMS waits in /outbox/).

The history is bulk-inserted like the tickets it belongs to; what is open now goes through followups.services,
so it is what an agent would have made (history entries, owners, windows from the team's opening hours)."""

import random
from datetime import datetime, time, timedelta

from django.db.models import Max, Q

from wowdesk.accounts.models import User
from wowdesk.followups import services
from wowdesk.followups.models import FollowUp
from wowdesk.hours.business import BusinessHours
from wowdesk.tickets.models import Message, Ticket

# How often each demo agent (in AGENTS order) keeps a promise on time.
KEEPING = [0.95, 0.78, 0.9, 0.97, 0.7, 0.87, 0.92, 0.82]
PROMISES = {
    "da": [
        "Ringer kunden i morgen kl. 10 om sagen",
        "Sender den nye faktura inden fredag",
        "Vender tilbage, når teknikerne har svaret",
        "Ringer og hører, om løsningen virker",
    ],
    "nb": [
        "Ringer kunden i morgen kl. 10",
        "Sender ny faktura før fredag",
        "Kommer tilbake når teknikerne har svart",
        "Ringer og hører om løsningen virker",
    ],
    "en": [
        "Call the customer tomorrow at 10",
        "Send the corrected invoice by Friday",
        "Get back once the technicians have answered",
        "Call to check that the fix worked",
    ],
}
RETRY = {
    "da": "Ring igen: intet svar første gang",
    "nb": "Ring igjen: ikke svar første gang",
    "en": "Call again: no answer the first time",
}
CALLERS = [
    ("Jens Hansen", "+45 20 12 34 56", "da"),
    ("Mette Poulsen", "+45 31 22 45 67", "da"),
    ("Kari Johansen", "+47 412 34 567", "nb"),
    ("Per Olsen", "+47 934 56 789", "nb"),
    ("Sarah Jones", "+45 28 76 54 32", "en"),
]


def _history(rng: random.Random, agents: list[User], now) -> int:
    """Settled promises over the 90 days: on time, late, or broken (a third of those told in time)."""
    keeping = {agent.pk: KEEPING[i % len(KEEPING)] for i, agent in enumerate(agents)}
    tickets = list(
        Ticket.objects.filter(status__in=("solved", "closed"), assignee__isnull=False, first_response_at__isnull=False)
        .order_by("pk")
        .values_list("pk", "team_id", "assignee_id", "language", "first_response_at")
    )
    rows = []
    for pk, team_id, owner_id, language, answered in rng.sample(tickets, min(400, len(tickets))):
        due = answered + timedelta(hours=rng.choice([2, 4, 20, 24, 48, 72]))
        if due >= now - timedelta(hours=1):
            continue
        row = FollowUp(
            ticket_id=pk,
            due=due,
            owner_id=owner_id,
            team_id=team_id,
            text=rng.choice(PROMISES[language or "da"]),
            source=rng.choices(["promise", "manual"], weights=[7, 3])[0],
            created_by_id=owner_id,
            created_at=answered,
        )
        if rng.random() < keeping.get(owner_id, 0.85):
            row.state, row.kept = "done", True
            row.closed_at = answered + (due - answered) * rng.uniform(0.3, 0.98)
        elif rng.random() < 0.5:
            row.state, row.kept = "done", False
            row.closed_at = due + timedelta(minutes=rng.randint(20, 300))
        else:
            row.state, row.kept, row.closed_at = "broken", False, due
            row.notices = 1 if rng.random() < 0.35 else 0
        rows.append(row)
    FollowUp.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def _tomorrow_at(hours: BusinessHours, now, days: int, hour: int) -> datetime:
    local = now.astimezone(hours.zone)
    day = local.date() + timedelta(days=days)
    return hours.next_opening(datetime.combine(day, time(hour), tzinfo=hours.zone)) or now + timedelta(days=days)


def _open_now(rng: random.Random, agents: list[User], now) -> dict:
    """What the agents have on their plate now: for each agent a few follow-ups due today and later (one due in
    20 minutes, so the first reminder round has something to say), a broken promise still owed for some,
    and a snoozed ticket for some."""
    made = {"open": 0, "owed": 0, "snoozed": 0}
    last_reply = Max("messages__created_at", filter=Q(messages__kind=Message.Kind.OUTBOUND))
    for i, agent in enumerate(agents):
        waiting = list(
            Ticket.objects.filter(assignee=agent, status__in=("open", "pending"))
            .select_related("team")
            .annotate(replied=last_reply)
            .order_by("-updated_at")[:8]
        )
        if len(waiting) < 4:
            continue
        hours = BusinessHours.for_team(waiting[0].team)
        texts = PROMISES[waiting[0].language or "da"]
        dues = [
            now + timedelta(minutes=20),
            now + timedelta(hours=rng.uniform(1.5, 5)),
            _tomorrow_at(hours, now, 1, 10),
            _tomorrow_at(hours, now, rng.randint(2, 6), rng.choice([9, 11, 14])),
        ]
        for ticket, due in zip(waiting, dues, strict=False):
            services.create(ticket=ticket, due=due, text=rng.choice(texts), actor=agent, source="promise", now=now)
            made["open"] += 1
        rest = waiting[4:]
        # A promise that broke this morning, with no answer since: the agent's header shows it as overdue.
        owed = next((t for t in rest if t.replied and t.replied < now - timedelta(hours=6)), None)
        if owed is not None and i % 2 == 0:
            due = now - timedelta(hours=rng.uniform(1, 5))
            followup = services.create(
                ticket=owed,
                due=due,
                text=texts[0],
                actor=agent,
                source="promise",
                now=max(owed.replied, due - timedelta(days=1)),
            )
            services.mark_broken(followup, now=due)
            made["owed"] += 1
            rest = [t for t in rest if t != owed]
        pending = next((t for t in rest if t.status == "pending"), None)
        if pending is not None and i % 3 != 2:
            services.snooze(pending, until=_tomorrow_at(hours, now, rng.randint(1, 3), 9), actor=agent, now=now)
            made["snoozed"] += 1
    return made


def _callbacks(rng: random.Random, agents: list[User], now) -> int:
    """Callback requests from the support page in the team's coming windows; the first one was called
    without an answer, so it was texted that we tried."""
    made = 0
    for n, (name, phone, language) in enumerate(CALLERS):
        team = next(a.teams.first() for a in agents if a.teams.first().language == language)
        windows = services.callback_windows(team, now)
        start, end = windows[min(n, len(windows) - 1)] if windows else (None, None)
        ticket = services.request_callback(
            phone=phone, name=name, language=language, window_start=start, window_end=end, team=team, now=now
        )
        made += 1
        if n == 0:
            agent = next(a for a in agents if a.teams.filter(pk=team.pk).exists())
            services.log_call(ticket, outcome="no_answer", actor=agent, now=now)
            services.create(
                ticket=ticket,
                due=_tomorrow_at(BusinessHours.for_team(team), now, 1, 10),
                text=RETRY[language],
                actor=agent,
                source="callback",
                owner=None,
                now=now,
            )
    return made


def load_followups(rng: random.Random, now) -> dict:
    agents = list(User.objects.filter(role=User.Role.AGENT).order_by("pk"))
    return {
        "settled": _history(rng, agents, now),
        **_open_now(rng, agents, now),
        "callbacks": _callbacks(rng, agents, now),
    }
