"""Expected response times, auto-replies and opening hours as customers see them.

The expected response time (docs/mail.md) is computed from live data at the moment it is sent:

    median   = median first-response time of the team's tickets from the last 14 days, in business
               seconds (the team's target when there are fewer than 5 such tickets)
    rate     = first responses per agent per business hour in those 14 days (1 when unknown)
    queue    = the team's tickets that still wait for a first answer
    agents   = the team's agents who can take tickets now (at least 1)
    wait     = queue / (agents x rate) hours
    expected = max(median, wait), counted in business hours from now

median, rate, queue and agents are reused for up to LOAD_CACHE_SECONDS by a live estimate.
"""

import functools
import statistics
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS  # Django's own translated weekday names
from django.utils.translation import gettext as _

from wowdesk import languages
from wowdesk.accounts.models import User
from wowdesk.db import CompiledLookup
from wowdesk.hours import words
from wowdesk.hours.business import BusinessHours
from wowdesk.hours.models import OpeningHours
from wowdesk.hours.sla import DEFAULT_FIRST_MINUTES
from wowdesk.process_cache import ProcessCache
from wowdesk.tickets import outbox
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Ticket, TicketEvent

from . import defaults
from .models import AutoReplyTemplate, ReplyTemplate

WINDOW = timedelta(days=14)
MIN_SAMPLES = 5


@dataclass
class ResponseEstimate:
    seconds: float  # business seconds from now
    due: datetime
    open_now: bool
    opens_at: datetime | None
    median_s: float
    queue: int
    agents: int
    samples: int


def available_agents(team) -> int:
    """Agents of the team who can take tickets now; presence narrows this down once it exists."""
    agents = User.objects.filter(teams=team, is_active=True, role__in=[User.Role.AGENT, User.Role.LEAD])
    if hasattr(User, "presence"):
        agents = agents.filter(presence="available")
    return max(1, agents.count())


@dataclass(frozen=True)
class TeamLoad:
    """What the estimate takes from the database: the team's recent answers, its agents and its queue."""

    median_s: float
    samples: int
    rate: float  # first responses per agent per business hour
    agents: int
    queue: int


# A busy team gets several new tickets a second, and each auto-reply needs the estimate. Its load figures
# change slowly, so a live estimate reuses them for LOAD_CACHE_SECONDS in each process: counting the queue
# anew for every new ticket made the follow-up work of a ticket grow with the queue (bench/api_ingest.py
# --drain). The time-dependent part (opening hours, the due time) is computed fresh every time.
LOAD_CACHE_SECONDS = 10
_LOADS = ProcessCache(LOAD_CACHE_SECONDS)


def forget_team_loads() -> None:
    _LOADS.clear()


def team_load(team, hours: BusinessHours, now: datetime) -> TeamLoad:
    config = OpeningHours.objects.filter(team=team).first() if team else None
    target_s = 60 * (config.first_response_minutes if config else DEFAULT_FIRST_MINUTES)
    recent = list(
        Ticket.objects.filter(team=team, created_at__gte=now - WINDOW, first_response_at__isnull=False)
        .order_by("-created_at")
        .values_list("created_at", "first_response_at")[:300]
    )
    samples = [hours.seconds_between(created, answered) for created, answered in recent]
    median_s = statistics.median(samples) if len(samples) >= MIN_SAMPLES else target_s
    agents = available_agents(team) if team else 1
    open_hours = hours.seconds_between(now - WINDOW, now) / 3600
    rate = len(samples) / (open_hours * agents) if samples and open_hours else 1.0
    queue = Ticket.objects.filter(
        team=team, status__in=[Ticket.Status.NEW, Ticket.Status.OPEN], first_response_at__isnull=True
    ).count()
    return TeamLoad(median_s=median_s, samples=len(samples), rate=rate, agents=agents, queue=queue)


def expected_response(team, now: datetime | None = None) -> ResponseEstimate:
    """The expected response time for a new inquiry to `team`; at `now`, or live (with load figures up to
    LOAD_CACHE_SECONDS old) when `now` is not given."""
    hours = BusinessHours.for_team(team)
    if now is None:
        now = timezone.now()
        load = _LOADS.get(team.pk if team else None, lambda: team_load(team, hours, now))
    else:
        load = team_load(team, hours, now)
    wait_s = load.queue / (load.agents * max(load.rate, 0.1)) * 3600
    seconds = max(load.median_s, wait_s)
    return ResponseEstimate(
        seconds=seconds,
        due=hours.add(now, seconds),
        open_now=hours.is_open(now),
        opens_at=hours.next_opening(now),
        median_s=load.median_s,
        queue=load.queue,
        agents=load.agents,
        samples=load.samples,
    )


def promised_due(ticket: Ticket, now: datetime | None = None, estimate: ResponseEstimate | None = None) -> datetime:
    """When we promise a new ticket's customer an answer: its answer-due time (the SLA clock, in the team's
    business hours), or the live estimate if the queue makes that later. Both are business time added to
    the same moment by the team's BusinessHours, so the promise never undercuts the due time an agent sees.
    `estimate`: expected_response(ticket.team, now), when the caller has it."""
    estimate = estimate or expected_response(ticket.team, now)
    return max(filter(None, [ticket.response_due_at, estimate.due]))


def response_time_sentence(
    team, language: str, now: datetime | None = None, due: datetime | None = None, estimate=None
) -> str:
    """What a customer is told to expect. `due`: the promised moment (a new ticket's, see promised_due); the
    live estimate for the team when not given. `estimate`: expected_response(team, now), when the caller has it."""
    estimate = estimate or expected_response(team, now)
    zone = BusinessHours.for_team(team).zone
    due = due or estimate.due
    now = now or timezone.now()
    with translation.override(language):
        when = words.deadline(due, now, zone)
        if estimate.open_now:
            return _("You can expect an answer %(when)s.") % {"when": when}
        opens = words.moment(estimate.opens_at, zone) if estimate.opens_at else "?"
        return _("We are closed right now and open again %(opens)s. You can expect an answer %(when)s.") % {
            "opens": opens,
            "when": when,
        }


def opening_hours_lines(team, language: str) -> list[tuple[str, str]]:
    week = tuple((day, tuple(spans)) for day, spans in BusinessHours.for_team(team).describe())
    return list(_week_lines(week, language))


# The lines depend only on the week and the language, and every auto-reply shows them: written once for each.
# Written per auto-reply (the language switched, the weekdays' names and "closed" translated, seven days
# formatted) they were 5 % of the worker's CPU per new ticket (bench/cpu_sampler.py over bench/followup_cpu.py).
@functools.lru_cache(maxsize=256)
def _week_lines(week: tuple, language: str) -> tuple[tuple[str, str], ...]:
    with translation.override(language):
        lines = []
        for day, spans in week:
            text = ", ".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in spans) if spans else _("closed")
            lines.append((str(WEEKDAYS[day]), text))
        return tuple(lines)


@dataclass
class OpeningStatus:
    open_now: bool
    opens_at: datetime | None
    lines: list


def opening_status(team, language: str) -> OpeningStatus:
    hours = BusinessHours.for_team(team)
    now = timezone.now()
    return OpeningStatus(hours.is_open(now), hours.next_opening(now), opening_hours_lines(team, language))


class SafeFormat(dict):
    def __missing__(self, key):  # an unknown {placeholder} in an edited template stays as it is
        return "{" + key + "}"


# Read for every new ticket's auto-reply (in a worker): compiled once (wowdesk/db.py), not built per ticket.
_AUTO_REPLY_TEMPLATE = CompiledLookup(lambda lang: AutoReplyTemplate.objects.filter(language=lang).order_by()[:1])


def compose_auto_reply(ticket: Ticket, now: datetime | None = None) -> tuple[str, str, str]:
    """(language, subject, body) of the auto-reply for a new ticket, in the customer's language."""
    language = languages.first_of(ticket.contact.language, ticket.language)
    template = _AUTO_REPLY_TEMPLATE.first(language)
    subject, body = (template.subject, template.body) if template else defaults.AUTO_REPLIES[language]
    hours = "\n".join(f"  {day}: {text}" for day, text in opening_hours_lines(ticket.team, language))
    # One estimate for the promised moment and the sentence (each read it afresh before: 2 % of the worker's CPU).
    estimate = expected_response(ticket.team, now)
    values = SafeFormat(
        first_name=ticket.contact.first_name,
        ticket_number=ticket.number,
        name=ticket.contact.first_name,  # {name} and {number}: what auto-reply templates said before
        number=ticket.number,
        subject=ticket.subject,
        response_time=response_time_sentence(
            ticket.team, language, now, due=promised_due(ticket, now, estimate), estimate=estimate
        ),
        opening_hours=hours,
    )
    return language, subject.format_map(values), body.format_map(values)


def auto_reply_to(ticket: Ticket) -> str | None:
    """Send the auto-reply for a new ticket, unless the sender had too many this hour. Returns why not.

    Runs in a worker (see tickets.tasks.announce_created), once the ticket is committed. Decided, composed
    and sent here; mail only delivers it (tickets.outbox). A temporary SMTP failure retries with backoff."""
    limit = settings.AUTO_REPLY_LIMIT_PER_HOUR
    # A run of this task before (its worker died) may have written the auto-reply already: outbox.send then
    # finishes that one, and it is not counted against the limit a second time.
    this_hour = outbox.sent_since(ticket.contact.email, outbox.AUTO_REPLY, timezone.now() - timedelta(hours=1))
    if this_hour >= limit and not outbox.made_for(ticket, outbox.AUTO_REPLY):
        # Stored as a code, shown in each reader's language (TicketEvent labels).
        tickets.record_event(ticket, TicketEvent.Kind.AUTO_REPLY, new=TicketEvent.AUTO_REPLY_RATE_LIMITED)
        return f"rate limit: {limit} auto-replies per hour"
    _language, subject, body = compose_auto_reply(ticket)
    status = outbox.send(ticket, kind=outbox.AUTO_REPLY, subject=subject, body=body)
    # queued, outbox, sent or failed: a code, shown in the reader's language
    tickets.record_event(ticket, TicketEvent.Kind.AUTO_REPLY, new=status)
    return None


def send_auto_reply(outbound_id: int) -> None:
    """Send an auto-reply reserved by an older version (by the task of the same name)."""
    ticket, status = outbox.send_reserved(outbound_id, lambda ticket: compose_auto_reply(ticket)[1:])
    tickets.record_event(ticket, TicketEvent.Kind.AUTO_REPLY, new=status)


# --- reply templates ---------------------------------------------------------------------------------


def find_templates(ticket: Ticket, query: str = "", limit: int = 12):
    """Templates matching the words typed, the ticket's language first."""
    templates = ReplyTemplate.objects.all()
    for word in query.split()[:5]:
        templates = templates.filter(Q(name__icontains=word) | Q(body__icontains=word))
    first = Case(When(language=ticket.language, then=Value(0)), default=Value(1), output_field=IntegerField())
    return list(templates.annotate(other_language=first).order_by("other_language", "name")[:limit])


def render_template(template, ticket: Ticket, agent) -> str:
    language = template.language
    values = SafeFormat(
        first_name=ticket.contact.first_name,
        ticket_number=ticket.number,
        agent_name=agent.name if agent else "",
        response_time=response_time_sentence(ticket.team, language),
        opening_hours="\n".join(f"  {day}: {text}" for day, text in opening_hours_lines(ticket.team, language)),
    )
    return template.body.format_map(values)


def apply_template(template, ticket: Ticket, agent) -> str:
    """The template's text for the composer; its category and tags are set on the ticket right away (the
    status it sets is chosen in the composer and applied when the reply is sent)."""
    changes = {}
    if template.set_category_id:
        changes["category"] = template.set_category
    if template.add_tags:
        existing = list(ticket.tags.values_list("name", flat=True))
        changes["tags"] = existing + tickets.parse_tags(template.add_tags)
    if changes:
        tickets.update_ticket(ticket, agent, **changes)
    return render_template(template, ticket, agent)
