"""Presence and assignment: who can take a ticket now, and who gets it.

Only available agents who were seen within AUTO_AWAY_MINUTES get new tickets; away, busy and offline
agents never do. Among those who speak the ticket's language, take its category and are under their
capacity, the team's policy picks one (round-robin, or fewest open tickets). Nobody fits: the ticket
waits in Unassigned until someone becomes available.

Two workers assigning at once: the ticket row, the team's policy row and the candidates' rows are locked
(SELECT ... FOR UPDATE on PostgreSQL; SQLite runs one write transaction at a time), so a ticket gets one
agent and nobody goes over capacity.
"""

from collections import Counter
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, F, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from wowdesk.accounts import services as accounts
from wowdesk.accounts.models import Team, User
from wowdesk.coaching.sentiment import sentiment
from wowdesk.db import CompiledQuery
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Category, Ticket

from .models import AgentSkill, RoutingPolicy

Presence = User.Presence


def idle_limit() -> timedelta:
    return timedelta(minutes=settings.AUTO_AWAY_MINUTES)


def round_cap() -> int:
    """At most this many waiting tickets go to one agent per round, so an agent who becomes available gets
    the backlog a few at a time (the next round is a minute later, see tick) instead of all at once."""
    return settings.ROUTING_ROUND_CAP


def set_presence(user: User, presence: str, now=None) -> list[Ticket]:
    """Set the agent's presence. Becoming available hands out one round of the teams' waiting tickets at
    once; returns the tickets this agent got from it, so they can be told."""
    now = now or timezone.now()
    accounts.set_presence(user, presence, now)
    if presence != Presence.AVAILABLE:
        return []
    # Only for this agent: colleagues already available get theirs in the regular rounds (see tick).
    return [ticket for ticket, _agent in assign_round(list(user.teams.values_list("pk", flat=True)), now, user.pk)]


def expire_idle(now=None) -> int:
    """Available or busy agents not seen for AUTO_AWAY_MINUTES become away."""
    now = now or timezone.now()
    return accounts.mark_idle_away(now - idle_limit(), now)


def policy_for(team: Team) -> RoutingPolicy:
    return RoutingPolicy.objects.filter(team=team).first() or RoutingPolicy(team=team)


def open_counts(agent_ids) -> dict[int, int]:
    return dict(
        Ticket.objects.filter(assignee__in=agent_ids, is_active=True).values_list("assignee").annotate(n=Count("pk"))
    )


def _may_take(team_id: int, seen_after) -> Q:
    """Who may get a ticket of the team now: an active agent or lead of it, available and seen since
    `seen_after` (now - idle_limit()). One condition for the choice (eligible_agents: _CANDIDATES, and
    the ORM under the locks) and for its confirmation under the locks (_still_fits)."""
    return Q(
        teams=team_id,
        is_active=True,
        role__in=[User.Role.AGENT, User.Role.LEAD],
        presence=Presence.AVAILABLE,
        last_seen_at__gte=seen_after,
    )


def _under_capacity(team, seen_after):
    """Those of _may_take who are under their capacity, each with `open` (their active tickets)."""
    return (
        User.objects.filter(_may_take(team, seen_after))
        .annotate(
            open=Coalesce(
                Subquery(
                    Ticket.objects.filter(assignee=OuterRef("pk"), is_active=True)
                    .order_by()
                    .values("assignee")
                    .annotate(n=Count("pk"))
                    .values("n")
                ),
                0,
            )
        )
        .filter(open__lt=F("capacity"))
    )


_TAKES = AgentSkill.categories.through

# Who may get a new ticket, in one statement compiled once (wowdesk/db.py): the agents of _may_take under their
# capacity, with their open tickets, their skills row (select_related), whether they list categories at all
# (`limited`) and whether they take the ticket's category (`takes`; category 0, which no category has, when the
# ticket has none). On a busy day every agent is full and it finds nobody in one statement. When someone is free,
# the candidates, their skills and the skills' categories were three more statements built by the ORM (a prefetch
# each): 13 % of the worker's CPU for a ticket that gets an agent (bench/followup_cpu.py --capacity 30000).
_CANDIDATES = CompiledQuery(
    lambda team, seen_after, category: (
        _under_capacity(team, seen_after)
        .select_related("skills")
        .annotate(
            limited=Exists(_TAKES.objects.filter(agentskill=OuterRef("skills"))),
            takes=Exists(_TAKES.objects.filter(agentskill=OuterRef("skills"), category=category)),
        )
        .order_by("pk")
    ),
    team=int,
    seen_after=datetime,
    category=int,
)


def eligible_agents(ticket: Ticket, now=None, lock: bool = False, skip=(), only: int | None = None) -> list[User]:
    """Agents who may get this ticket now, each with `.open_tickets` set. `skip`: agent ids left out;
    `only`: this agent or nobody."""
    now = now or timezone.now()
    if not lock:
        # Read outside the transaction; assign confirms the chosen agent's count under the locks (_still_fits).
        fit = []
        for agent in _CANDIDATES(team=ticket.team_id, seen_after=now - idle_limit(), category=ticket.category_id or 0):
            if agent.pk in skip or (only is not None and agent.pk != only):
                continue
            if agent.spoken_languages and ticket.language not in agent.spoken_languages:
                continue
            if agent.limited and ticket.category_id and not agent.takes:
                continue
            agent.open_tickets = agent.open
            fit.append(agent)
        return fit
    agents = (
        User.objects.exclude(pk__in=skip)
        .filter(**({"pk": only} if only else {}))
        .filter(_may_take(ticket.team_id, now - idle_limit()))
        .order_by("pk")
    )
    agents = User.objects.select_for_update().filter(pk__in=list(agents.values_list("pk", flat=True)))
    agents = agents.prefetch_related("skills__categories").order_by("pk")
    fit = []
    for agent in agents:
        if agent.spoken_languages and ticket.language not in agent.spoken_languages:
            continue
        skills = getattr(agent, "skills", None)  # None when the agent has no skills row
        categories = list(skills.categories.all()) if skills else []
        if categories and ticket.category_id and ticket.category_id not in {c.pk for c in categories}:
            continue
        fit.append(agent)
    counts = open_counts([a.pk for a in fit])
    for agent in fit:
        agent.open_tickets = counts.get(agent.pk, 0)
    return [a for a in fit if a.open_tickets < a.capacity]


# The coach's sentiment of a first customer message at or below this is "strongly negative" (as quality's queues).
STRONGLY_NEGATIVE = -0.5


def starts_strongly_negative(ticket: Ticket) -> bool:
    first = (
        ticket.messages.filter(kind="inbound").order_by("created_at", "pk").values_list("body_text", flat=True).first()
    )
    language = ticket.language if ticket.language in ("da", "nb", "en") else "en"
    return first is not None and sentiment(first[:5000], language) <= STRONGLY_NEGATIVE


def emotional_agent_ids() -> set[int]:
    return set(AgentSkill.objects.filter(emotional=True).values_list("agent_id", flat=True))


def set_emotional_skill(*, agent: User, skilled: bool) -> None:
    AgentSkill.objects.update_or_create(agent=agent, defaults={"emotional": skilled})


def choose(policy: RoutingPolicy, agents: list[User], ticket: Ticket | None = None) -> User | None:
    if not agents:
        return None
    if policy.prefer_emotional and ticket is not None and starts_strongly_negative(ticket):
        skilled = [a for a in agents if getattr(getattr(a, "skills", None), "emotional", False)]
        agents = skilled or agents
    if policy.mode == RoutingPolicy.Mode.ROUND_ROBIN:
        after = policy.last_assigned_id or 0
        later = [a for a in agents if a.pk > after]
        return (later or agents)[0]
    return min(agents, key=lambda a: (a.open_tickets, a.pk))


# Read for every new ticket (its follow-up task): compiled once (wowdesk/db.py).
_POLICY = CompiledQuery(lambda team: RoutingPolicy.objects.filter(team_id=team).order_by("pk")[:1], team=int)


def _routable(ticket: Ticket | None) -> bool:
    # Chats are routed by the chat app, by free chat seats.
    return (
        ticket is not None
        and not ticket.assignee_id
        and ticket.is_active
        and ticket.team_id is not None
        and ticket.channel != Ticket.Channel.CHAT
    )


# The statements of a new ticket's assignment under the locks, compiled once (wowdesk/db.py): built by the ORM they
# were about a third of routing's CPU for a ticket that gets an agent (bench/followup_cpu.py, CPU-time sampler).
_LOCKED_TICKET = CompiledQuery(lambda ticket: Ticket.objects.select_for_update().filter(pk=ticket)[:1], ticket=int)
_LOCKED_POLICY = CompiledQuery(
    lambda team: RoutingPolicy.objects.select_for_update().filter(team_id=team).order_by("pk")[:1], team=int
)
_STILL_MAY_TAKE = CompiledQuery(
    lambda team, seen_after, agent: (
        User.objects.select_for_update(of=("self",))
        .filter(_may_take(team, seen_after), pk=agent)
        .order_by("pk")
        .values_list("pk")[:1]
    ),
    team=int,
    seen_after=datetime,
    agent=int,
)
# open_counts() of one agent.
_OPEN_OF = CompiledQuery(lambda agent: Ticket.objects.filter(assignee=agent, is_active=True), count=True, agent=int)


def _still_fits(agent: User, ticket: Ticket, now) -> bool:
    """Whether the agent chosen before the transaction may still get the ticket, with the same open tickets as
    then (their row locked first, so nobody else's assignment to them is counted half). Otherwise the choice
    is made again under the locks."""
    fits = _STILL_MAY_TAKE(team=ticket.team_id, seen_after=now - idle_limit(), agent=agent.pk)
    return bool(fits) and _OPEN_OF(agent=agent.pk) == agent.open_tickets


def assign(ticket_id: int, now=None, skip=(), only: int | None = None, *, ticket: Ticket | None = None) -> User | None:
    """Give one unassigned ticket to an agent by its team's policy. Returns the agent, or None.
    `skip`: ids of agents who must not get it (they had their share of this round). `ticket`: the ticket as
    the caller just read it (the new-ticket task), so it is not read again.

    The choice is made before the transaction and confirmed inside it (ticket, policy and the agent's row
    locked; the agent still available, in the team, with the open tickets counted before), so the locks are
    held for the writes: on SQLite a transaction holds the one write lock from BEGIN, and the candidates, their
    skills and loads and the first message's sentiment were read inside it (issue 20). When anything the
    choice rests on changed meanwhile, it is made again under the locks, as before."""
    now = now or timezone.now()
    if ticket is None or ticket.pk != ticket_id:
        ticket = Ticket.objects.filter(pk=ticket_id).first()
    if not _routable(ticket):
        return None
    policy = _POLICY.first(team=ticket.team_id) or RoutingPolicy(team_id=ticket.team_id)
    if policy.mode == RoutingPolicy.Mode.MANUAL:
        return None
    chosen = choose(policy, eligible_agents(ticket, now, skip=skip, only=only), ticket)
    if chosen is None:
        return None
    with transaction.atomic():
        locked = _LOCKED_TICKET.first(ticket=ticket_id)
        if not _routable(locked):
            return None
        current = _LOCKED_POLICY.first(team=locked.team_id) or RoutingPolicy(team_id=locked.team_id)
        unchanged = (
            (locked.team_id, locked.language, locked.category_id)
            == (ticket.team_id, ticket.language, ticket.category_id)
            and (current.pk, current.mode, current.last_assigned_id, current.prefer_emotional)
            == (policy.pk, policy.mode, policy.last_assigned_id, policy.prefer_emotional)
            and _still_fits(chosen, locked, now)
        )
        if not unchanged:
            if current.mode == RoutingPolicy.Mode.MANUAL:
                return None
            chosen = choose(current, eligible_agents(locked, now, lock=True, skip=skip, only=only), locked)
            if chosen is None:
                return None
        tickets.update_ticket(locked, None, assignee=chosen, now=now, savepoint=False)
        if current.pk:
            current.last_assigned = chosen
            current.save(update_fields=["last_assigned"])
        return chosen


def assign_waiting(
    team_id: int, now=None, given: Counter | None = None, only: int | None = None
) -> list[tuple[Ticket, User]]:
    """One round for one team: its waiting tickets, oldest first, each to whoever fits and has had fewer
    than round_cap() tickets this round (`given` counts them across the teams of one round). Stops when
    nobody fits. Returns what went to whom."""
    expire_idle(now)
    given = Counter() if given is None else given
    cap = round_cap()
    assigned = []
    # Chats are routed by the chat app (free chat seats), not here.
    waiting = (
        Ticket.objects.filter(team_id=team_id, is_active=True, assignee__isnull=True)
        .exclude(channel=Ticket.Channel.CHAT)
        .order_by("created_at")
    )
    for ticket_id in waiting.values_list("pk", flat=True)[:500]:
        full = [agent_id for agent_id, n in given.items() if n >= cap]
        agent = assign(ticket_id, now, skip=full, only=only)
        if agent is None:
            break
        given[agent.pk] += 1
        assigned.append((ticket_id, agent))
    tickets_by_id = Ticket.objects.in_bulk([ticket_id for ticket_id, _agent in assigned])
    return [(tickets_by_id[ticket_id], agent) for ticket_id, agent in assigned]


def assign_round(team_ids, now=None, only: int | None = None) -> list[tuple[Ticket, User]]:
    """One round over several teams, with one per-agent cap across them. `only`: for this agent alone."""
    given = Counter()
    return [pair for team_id in team_ids for pair in assign_waiting(team_id, now, given, only)]


def hand_back_absent(team: Team, now=None) -> int:
    """With the team's hand-back set: tickets of agents away or offline that long go back to the queue."""
    now = now or timezone.now()
    policy = policy_for(team)
    if not policy.hand_back_after_minutes:
        return 0
    cutoff = now - timedelta(minutes=policy.hand_back_after_minutes)
    absent = User.objects.filter(
        teams=team, presence__in=[Presence.AWAY, Presence.OFFLINE], presence_changed_at__lt=cutoff
    )
    taken = 0
    for ticket in Ticket.objects.filter(
        team=team, assignee__in=absent, status__in=[Ticket.Status.NEW, Ticket.Status.OPEN]
    ):
        tickets.update_ticket(ticket, None, assignee=None, now=now)
        taken += 1
    if taken:
        assign_waiting(team.pk, now)
    return taken


def overview(user: User, now=None) -> dict:
    """What a lead watches: active tickets by status and category, the unassigned queue, who is available."""
    now = now or timezone.now()
    expire_idle(now)
    visible = tickets.visible_tickets(user).filter(is_active=True)
    by_status = dict(visible.values_list("status").annotate(n=Count("pk")))
    rows = visible.values("category").annotate(
        active=Count("pk"), unassigned=Count("pk", filter=Q(assignee__isnull=True)), oldest=Min("created_at")
    )
    names = {category.pk: category.label() for category in Category.objects.all()}
    categories = sorted(
        ({"name": names.get(r["category"], ""), "id": r["category"], **r} for r in rows),
        key=lambda r: (r["name"] == "", r["name"]),
    )
    oldest = visible.filter(assignee__isnull=True).select_related("contact").order_by("created_at").first()
    agents = list(
        User.objects.filter(is_active=True, role__in=[User.Role.AGENT, User.Role.LEAD])
        .filter(Q(teams__in=user.teams.all()) if not user.sees_all_teams else Q())
        .distinct()
        .order_by("name")
    )
    counts = open_counts([a.pk for a in agents])
    for agent in agents:
        agent.open_tickets = counts.get(agent.pk, 0)
    return {
        "by_status": by_status,
        "categories": categories,
        "oldest": oldest,
        "agents": agents,
        "available": [a for a in agents if a.presence == Presence.AVAILABLE],
        "now": now,
    }


def tick(now=None) -> dict:
    """The periodic round (`python -m wowdesk routing_tick --loop 60`, started by `serve`): idle agents become
    away, long-absent agents' tickets are handed back, and waiting tickets go to whoever is available."""
    now = now or timezone.now()
    result = {"away": expire_idle(now), "handed_back": 0, "assigned": 0}
    for policy in RoutingPolicy.objects.exclude(hand_back_after_minutes=None).select_related("team"):
        result["handed_back"] += hand_back_absent(policy.team, now)
    waiting = Ticket.objects.filter(is_active=True, assignee__isnull=True).exclude(team=None).exclude(channel="chat")
    # order_by(): with Ticket's default ordering DISTINCT was over (team, updated_at, id), one row per waiting
    # ticket, and the round ran once per waiting ticket instead of once per team: 3.8 s of CPU for one round over
    # 1,330 waiting tickets of one team (bench/pipeline.py at 20/s for 70 s; 3.5 ms per ticket on SQLite in the
    # 150/s run), 9 statements and a write transaction each, all to find again that every agent was full.
    team_ids = list(waiting.order_by().values_list("team_id", flat=True).distinct())
    result["assigned"] = len(assign_round(team_ids, now))
    return result
