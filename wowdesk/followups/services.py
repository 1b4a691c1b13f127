"""Follow-ups: create, keep, move and break promises; snooze; calls and callbacks; the reminder round.

A follow-up closes as kept when the agent does what it said: a reply or a logged call on the ticket after the
follow-up was made, by its due time. The reminder round (`python -m wowdesk followups_tick --loop 60`,
started by `serve`) reminds the owner before due, marks follow-ups left open past due as broken, and wakes
snoozed tickets.
"""

import contextvars
import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wowdesk.accounts.models import Team, User
from wowdesk.coaching import analyze
from wowdesk.customers import services as customers
from wowdesk.customers.phones import mobile_number, normalize_phone
from wowdesk.hours.business import BusinessHours
from wowdesk.tickets import outbox
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Message, Ticket, TicketEvent

from .models import FollowUp, Notification
from .signals import followup_broken, followup_due

State, Source = FollowUp.State, FollowUp.Source

# While a "can't make it" notice or a "we tried" message goes out, the reply must not count as keeping the
# follow-up it is about (see receivers.on_reply).
_TELLING = contextvars.ContextVar("followups_telling", default=False)


def is_telling() -> bool:
    """True while a notice or call log is being written (its text is ours, not a new promise)."""
    return _TELLING.get()


# How many follow-ups one round handles per step; the rest wait for the next round (a minute later).
ROUND_BATCH = 500


def remind_before() -> timedelta:
    return timedelta(minutes=settings.FOLLOWUP_REMIND_MINUTES)


def _zone(ticket_or_team) -> ZoneInfo:
    team = ticket_or_team.team if isinstance(ticket_or_team, Ticket) else ticket_or_team
    return ZoneInfo(team.time_zone if team is not None else settings.DEFAULT_TEAM_TIME_ZONE)


def _stamp(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M")


# --- who may see and change follow-ups --------------------------------------------------------------


def visible_followups(user: User) -> QuerySet[FollowUp]:
    """Leads see every team's follow-ups; agents their own and their teams' (those without an owner)."""
    rows = FollowUp.objects.all()
    if not user.is_authenticated or not user.is_active:
        return rows.none()
    if user.sees_all_teams:
        return rows
    return rows.filter(Q(owner=user) | Q(owner__isnull=True, team__in=user.teams.values("pk")))


def get_visible(user: User, pk: int) -> FollowUp:
    """FollowUp.DoesNotExist for a follow-up on a ticket this user may not see."""
    followup = FollowUp.objects.select_related("ticket__contact", "ticket__team", "owner").get(pk=pk)
    if not tickets.visible_tickets(user).filter(pk=followup.ticket_id).exists():
        raise FollowUp.DoesNotExist
    return followup


def _ensure_open(followup: FollowUp) -> None:
    if followup.state != State.OPEN:
        raise ValidationError(_("This follow-up is already %(state)s.") % {"state": followup.get_state_display()})


# --- creating and closing ---------------------------------------------------------------------------


@transaction.atomic
def create(
    *,
    ticket: Ticket,
    due: datetime,
    text: str,
    actor: User | None,
    source: str = Source.MANUAL,
    owner: User | None | bool = False,
    window_end: datetime | None = None,
    now=None,
) -> FollowUp:
    """A new open follow-up. `owner`: False (the default) for the ticket's assignee, else the acting agent;
    None for the team. A due time in the past is refused (ValidationError naming `due`)."""
    if actor is not None:
        tickets.ensure_can_work(actor, ticket)
    now = now or timezone.now()
    if due is None or timezone.is_naive(due):
        raise ValidationError({"due": _("Give the due time with its time zone.")})
    if due <= now:
        raise ValidationError({"due": _("A follow-up must be due in the future.")})
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Say what you will follow up on.")})
    if owner is False:
        owner = ticket.assignee or (actor if actor is not None and actor.can_work_tickets else None)
    followup = FollowUp.objects.create(
        ticket=ticket,
        due=due,
        text=text[:500],
        source=source,
        owner=owner,
        team=ticket.team,
        created_by=actor,
        created_at=now,
        window_end=window_end,
    )
    tickets.record_event(ticket, TicketEvent.Kind.FOLLOWUP, actor, new=f"{_stamp(due, _zone(ticket))} {text}", at=now)
    return followup


def deadline(followup: FollowUp) -> datetime:
    """When the promise is broken: the due time, or for a callback the end of its window."""
    return followup.window_end or followup.due


def _close(followup: FollowUp, state: str, actor: User | None, now, note: str = "") -> FollowUp:
    followup.state = state
    followup.closed_at = now
    followup.kept = state == State.DONE and now <= deadline(followup)
    followup.save(update_fields=["state", "closed_at", "kept"])
    label = followup.get_state_display() + (f" ({note})" if note else "")
    tickets.record_event(followup.ticket, TicketEvent.Kind.FOLLOWUP, actor, old=followup.text[:100], new=label, at=now)
    return followup


def _locked(followup: FollowUp) -> FollowUp:
    return FollowUp.objects.select_for_update(of=("self",)).select_related("ticket__team").get(pk=followup.pk)


@transaction.atomic
def done(followup: FollowUp, *, actor: User | None, now=None) -> FollowUp:
    if actor is not None:
        tickets.ensure_can_work(actor, followup.ticket)
    followup = _locked(followup)
    _ensure_open(followup)
    return _close(followup, State.DONE, actor, now or timezone.now())


@transaction.atomic
def cancel(followup: FollowUp, *, actor: User | None, now=None) -> FollowUp:
    if actor is not None:
        tickets.ensure_can_work(actor, followup.ticket)
    followup = _locked(followup)
    _ensure_open(followup)
    return _close(followup, State.CANCELLED, actor, now or timezone.now())


@transaction.atomic
def move(followup: FollowUp, *, due: datetime, actor: User | None, now=None) -> FollowUp:
    if actor is not None:
        tickets.ensure_can_work(actor, followup.ticket)
    now = now or timezone.now()
    if due <= now:
        raise ValidationError({"due": _("A follow-up must be due in the future.")})
    followup = _locked(followup)
    _ensure_open(followup)
    old = followup.due
    if followup.window_end is not None:  # a callback's window moves with it
        followup.window_end += due - old
    followup.due, followup.reminded_at = due, None
    followup.save(update_fields=["due", "window_end", "reminded_at"])
    zone = _zone(followup.ticket)
    tickets.record_event(
        followup.ticket, TicketEvent.Kind.FOLLOWUP, actor, old=_stamp(old, zone), new=_stamp(due, zone), at=now
    )
    return followup


@transaction.atomic
def mark_broken(followup: FollowUp, *, now=None) -> FollowUp:
    """Due and nothing done: the promise is broken. Shown on the ticket, counted, announced."""
    now = now or timezone.now()
    followup = _locked(followup)
    _ensure_open(followup)
    _close(followup, State.BROKEN, None, now)
    recipients = [followup.owner] if followup.owner_id else _team_watchers(followup.team_id)
    _notify(recipients, followup, Notification.Kind.BROKEN, now)
    followup_broken.send(sender=FollowUp, followup=followup)
    return followup


def keep_by_action(ticket: Ticket, *, at: datetime, actor: User | None) -> int:
    """The agent replied or called: open follow-ups made before it are done (kept if on time)."""
    if _TELLING.get():
        return 0
    kept = 0
    for followup in (
        FollowUp.objects.select_for_update(of=("self",))
        .select_related("ticket__team")
        .filter(ticket=ticket, state=State.OPEN, created_at__lt=at)
        .exclude(source=Source.SNOOZE)
    ):
        _close(followup, State.DONE, actor, at)
        kept += 1
    return kept


# --- quick picks ("follow up on ...") ---------------------------------------------------------------

QUICK_PICKS = [
    ("2h", gettext_lazy("in 2 hours")),
    ("tomorrow", gettext_lazy("tomorrow morning")),
    ("3d", gettext_lazy("in 3 days")),
    ("week", gettext_lazy("next week")),
]


def quick_pick(code: str, team: Team | None, now=None) -> datetime:
    """The due time a quick pick stands for, in the team's business hours."""
    now = now or timezone.now()
    hours = BusinessHours.for_team(team)
    local = now.astimezone(hours.zone)

    def morning(day) -> datetime:
        start = datetime.combine(day, time(9, 0), tzinfo=hours.zone)
        return hours.next_opening(start) or start

    if code == "2h":
        return hours.add(now, 2 * 3600)
    if code == "tomorrow":
        return morning(local.date() + timedelta(days=1))
    if code == "3d":
        moment = local + timedelta(days=3)
        return hours.next_opening(moment) or moment
    if code == "week":
        return morning(local.date() + timedelta(days=7 - local.weekday()))
    raise ValidationError({"due": _("Unknown quick pick: %(code)s") % {"code": code}})


def quick_picks(team: Team | None, now=None) -> list[tuple[str, str, datetime]]:
    return [(code, label, quick_pick(code, team, now)) for code, label in QUICK_PICKS]


# --- promises found by the coach --------------------------------------------------------------------


def promises_in(ticket: Ticket, text: str, sent_at: datetime | None = None) -> list[dict]:
    """Promises with a due time in an agent's text ("jeg ringer dig i morgen kl. 10"), from the coach's
    analysis; due times resolve in the team's zone. [{"text", "due": aware datetime}]"""
    if not text.strip():
        return []
    sent_at = (sent_at or timezone.now()).astimezone(_zone(ticket))
    result = analyze(
        {
            "language": ticket.language if ticket.language in ("da", "nb", "en") else None,
            "sent_at": sent_at.isoformat(),
            "turns": [{"speaker": "agent", "text": text}],
        }
    )
    found = []
    for promise in result["promises"]:
        if promise.get("due"):
            due = datetime.fromisoformat(promise["due"])
            if due > sent_at:
                found.append({"text": promise["text"].strip(), "due": due})
    return found


def create_from_message(message: Message, context: dict) -> list[FollowUp]:
    """Follow-ups for the promises in a sent reply or note, except those the agent unticked in the composer
    (proposed there but not kept)."""
    proposed = {t.strip() for t in context.get("proposed_promises", [])}
    kept = {t.strip() for t in context.get("kept_promises", [])}
    skipped = proposed - kept
    created = []
    for promise in promises_in(message.ticket, message.body_text, message.created_at):
        if promise["text"] in skipped:
            continue
        created.append(
            create(
                ticket=message.ticket,
                due=promise["due"],
                text=promise["text"],
                actor=message.author,
                source=Source.PROMISE,
                owner=message.author,
                now=message.created_at,
            )
        )
    return created


# --- snooze -----------------------------------------------------------------------------------------


@transaction.atomic
def snooze(ticket: Ticket, *, until: datetime, actor: User, now=None) -> FollowUp:
    """The ticket leaves the inbox views and returns by itself at `until` (or when the customer writes)."""
    now = now or timezone.now()
    ticket = tickets.snooze(ticket, until=until, actor=actor, now=now)
    return create(
        ticket=ticket, due=until, text=_("Snoozed ticket comes back"), actor=actor, source=Source.SNOOZE, now=now
    )


def end_snoozes(ticket: Ticket, *, now=None) -> int:
    """The customer wrote (tickets woke the ticket): its snooze follow-ups are done."""
    now = now or timezone.now()
    ended = 0
    for followup in FollowUp.objects.select_for_update(of=("self",)).filter(
        ticket=ticket, state=State.OPEN, source=Source.SNOOZE
    ):
        _close(followup, State.DONE, None, now, note=_("the customer wrote"))
        ended += 1
    return ended


@transaction.atomic
def wake(followup: FollowUp, *, now=None) -> None:
    now = now or timezone.now()
    followup = _locked(followup)
    if followup.state != State.OPEN:
        return
    tickets.wake(followup.ticket, now=now)
    _close(followup, State.DONE, None, now)


# --- calls, notices and callbacks -------------------------------------------------------------------

CALL_OUTCOMES = {
    "reached": gettext_lazy("reached"),
    "no_answer": gettext_lazy("no answer"),
    "wrong_number": gettext_lazy("wrong number"),
}

_CALL_WORDS = re.compile(r"\b(ring|call|opkald|oppringning)", re.IGNORECASE)

NOTICES = {
    "da": {
        "call": "Vi når desværre ikke at ringe dig {today}som lovet. Vi ringer {day} mellem {start} og {end}.",
        "other": "Vi når desværre ikke at vende tilbage til dig {today}som lovet. Du hører fra os {day} "
        "mellem {start} og {end}.",
        "today": "i dag ",
        "tomorrow": "i morgen",
        "on": "på {weekday}",
        "weekdays": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
        "tried": "Vi har forsøgt at ringe dig, men fik ikke fat i dig. Vi prøver igen. Venlig hilsen {team}",
    },
    "nb": {
        "call": "Vi rekker dessverre ikke å ringe deg {today}som lovet. Vi ringer {day} mellom {start} og {end}.",
        "other": "Vi rekker dessverre ikke å komme tilbake til deg {today}som lovet. Du hører fra oss {day} "
        "mellom {start} og {end}.",
        "today": "i dag ",
        "tomorrow": "i morgen",
        "on": "på {weekday}",
        "weekdays": ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"],
        "tried": "Vi har prøvd å ringe deg, men fikk ikke tak i deg. Vi prøver igjen. Vennlig hilsen {team}",
    },
    "en": {
        "call": "Unfortunately we cannot call you {today}as promised. We will call you {day} between {start} and "
        "{end}.",
        "other": "Unfortunately we cannot get back to you {today}as promised. You will hear from us {day} "
        "between {start} and {end}.",
        "today": "today ",
        "tomorrow": "tomorrow",
        "on": "on {weekday}",
        "weekdays": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        "tried": "We tried to call you but could not reach you. We will try again. Kind regards, {team}",
    },
}
# The new window a notice offers: the next business morning, this long.
NOTICE_WINDOW = timedelta(hours=2)


def _hour(moment: datetime, language: str) -> str:
    if moment.minute == 0:
        return str(moment.hour)
    return f"{moment.hour}:{moment.minute:02d}" if language == "en" else f"{moment.hour}.{moment.minute:02d}"


def _language(ticket: Ticket) -> str:
    language = ticket.contact.language or ticket.language
    return language if language in NOTICES else "en"


def next_window(ticket: Ticket, now=None) -> tuple[datetime, datetime]:
    """The next business morning after today: where a promise we cannot keep today moves to."""
    start = quick_pick("tomorrow", ticket.team, now)
    return start, start + NOTICE_WINDOW


def notice_text(followup: FollowUp, start: datetime, end: datetime, now=None) -> str:
    now = now or timezone.now()
    language = _language(followup.ticket)
    words = NOTICES[language]
    zone = _zone(followup.ticket)
    today = now.astimezone(zone).date()
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    if local_start.date() == today + timedelta(days=1):
        day = words["tomorrow"]
    else:
        day = words["on"].format(weekday=words["weekdays"][local_start.weekday()])
    kind = "call" if _CALL_WORDS.search(followup.text) else "other"
    return words[kind].format(
        today=words["today"] if followup.due.astimezone(zone).date() == today else "",
        day=day,
        start=_hour(local_start, language),
        end=_hour(local_end, language),
    )


def _tell_customer(ticket: Ticket, actor: User, text: str, now) -> Message:
    """A message to the customer by SMS where the contact has a mobile number, else by e-mail. It does not
    keep the ticket's follow-ups (it says we could not keep them)."""
    via = "sms" if mobile_number(ticket.contact) else "email"
    status = ticket.status if ticket.status != Ticket.Status.NEW else Ticket.Status.OPEN
    token = _TELLING.set(True)
    try:
        return tickets.reply(ticket, author=actor, body=text, status=status, via=via, now=now)
    finally:
        _TELLING.reset(token)


@transaction.atomic
def cant_make_it(followup: FollowUp, *, actor: User, now=None) -> Message:
    """One click: the customer is told in their language that we cannot make it, and when we will; the
    follow-up moves to the end of that window. The notice is a message on the ticket."""
    tickets.ensure_can_work(actor, followup.ticket)
    now = now or timezone.now()
    followup = _locked(followup)
    _ensure_open(followup)
    start, end = next_window(followup.ticket, now)
    message = _tell_customer(followup.ticket, actor, notice_text(followup, start, end, now), now)
    old = followup.due
    if followup.window_end is not None:  # a callback keeps a window: the new one
        followup.due, followup.window_end = start, end
    else:
        followup.due = end
    followup.reminded_at, followup.notices = None, followup.notices + 1
    followup.save(update_fields=["due", "window_end", "reminded_at", "notices"])
    zone = _zone(followup.ticket)
    tickets.record_event(
        followup.ticket,
        TicketEvent.Kind.FOLLOWUP,
        actor,
        old=_stamp(old, zone),
        new=_("customer told; moved to %(when)s") % {"when": _stamp(end, zone)},
        at=now,
    )
    return message


@transaction.atomic
def log_call(ticket: Ticket, *, outcome: str, actor: User, text: str = "", now=None) -> Message:
    """An agent logs a call and its outcome as a note on the ticket. Reached or no answer: the call was made,
    so open follow-ups are done; no answer also tells the customer we tried. Wrong number: they are
    cancelled (they cannot be kept on this number)."""
    if outcome not in CALL_OUTCOMES:
        raise ValidationError({"outcome": _("Choose reached, no answer or wrong number.")})
    now = now or timezone.now()
    label = CALL_OUTCOMES[outcome]
    body = _("Call: %(outcome)s") % {"outcome": label} + (f"\n\n{text.strip()}" if text.strip() else "")
    token = _TELLING.set(True)  # the note itself keeps nothing; the outcome decides below
    try:
        note = tickets.add_note(ticket, author=actor, body=body, now=now)
    finally:
        _TELLING.reset(token)
    tickets.record_event(ticket, TicketEvent.Kind.CALL, actor, new=str(label), at=now)
    if outcome == "wrong_number":
        for followup in (
            FollowUp.objects.select_for_update(of=("self",))
            .filter(ticket=ticket, state=State.OPEN)
            .exclude(source=Source.SNOOZE)
        ):
            _close(followup, State.CANCELLED, actor, now, note=str(label))
    else:
        keep_by_action(ticket, at=now + timedelta(microseconds=1), actor=actor)
    if outcome == "no_answer":
        team = ticket.team.name if ticket.team_id else ""
        _tell_customer(ticket, actor, NOTICES[_language(ticket)]["tried"].format(team=team).strip(), now)
    return note


@transaction.atomic
def request_callback(
    *,
    phone: str,
    name: str = "",
    email: str = "",
    language: str = "",
    window_start: datetime | None = None,
    window_end: datetime | None = None,
    team: Team | None = None,
    channel: str = Ticket.Channel.WEB,
    now=None,
) -> Ticket:
    """A customer asks to be called back: a ticket in the Callbacks view with its own follow-up, due at the
    start of the window (by default the team's next opening). Bad input names its field."""
    now = now or timezone.now()
    number = normalize_phone(phone, field="phone")
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError({"email": _("Enter an e-mail address like name@example.com.")}) from None
    if language and language not in NOTICES:
        raise ValidationError({"language": _("Choose da, nb or en.")})
    language = language or (team.language if team else "") or "da"
    team = team or tickets.default_team_for(language)
    hours = BusinessHours.for_team(team)
    for field, moment in (("window_start", window_start), ("window_end", window_end)):
        if moment is not None and not now.year - 1 <= moment.year <= now.year + 1:
            raise ValidationError({field: _("Choose a time within the coming year.")})
    if window_start is None:
        window_start = hours.next_opening(now + timedelta(minutes=15)) or now + timedelta(hours=1)
    if window_end is None:
        window_end = window_start + NOTICE_WINDOW
    if timezone.is_naive(window_start) or timezone.is_naive(window_end):
        raise ValidationError({"window_start": _("Give the time with its time zone.")})
    if window_end <= now:
        raise ValidationError({"window_end": _("The window must end in the future.")})
    if window_end <= window_start:
        raise ValidationError({"window_end": _("The window must end after it starts.")})
    window_start = max(window_start, now + timedelta(seconds=1))
    if not hours.is_open(window_start):
        # The window keeps its length and starts when the team is open.
        opening = hours.next_opening(window_start) or window_start
        window_start, window_end = opening, opening + (window_end - window_start)
    contact = customers.contact_for_phone(number, email=email, name=name, language=language)
    local = window_start.astimezone(hours.zone)
    body = _("Please call me back on %(phone)s between %(start)s and %(end)s.") % {
        "phone": number,
        "start": local.strftime("%Y-%m-%d %H:%M"),
        "end": window_end.astimezone(hours.zone).strftime("%H:%M"),
    }
    ticket = tickets.open_ticket(
        contact=contact,
        subject=_("Callback request: %(phone)s") % {"phone": number},
        body=body,
        channel=channel,
        language=language,
        team=team,
        auto_reply=False,
        now=now,
    )
    create(
        ticket=ticket,
        due=window_start,
        text=_("Call the customer back on %(phone)s") % {"phone": number},
        actor=None,
        source=Source.CALLBACK,
        owner=None,
        window_end=window_end,
        now=now,
    )
    return ticket


# The windows the support page offers a customer who asks to be called back: two hours each, in the team's
# opening hours, on its next few open days.
CALLBACK_SLOT = timedelta(hours=2)
CALLBACK_DAYS = 3


def callback_windows(team: Team | None, now=None, *, days: int = CALLBACK_DAYS) -> list[tuple[datetime, datetime]]:
    """The (start, end) windows to choose from: each open interval of the team's next `days` open days cut into
    CALLBACK_SLOT pieces (a shorter last one is kept if it is at least half a slot), from 15 minutes on."""
    now = now or timezone.now()
    hours = BusinessHours.for_team(team)
    earliest = now + timedelta(minutes=15)
    day = earliest.astimezone(hours.zone).date()
    windows, open_days = [], 0
    for _tried in range(31):  # a month finds `days` open days past any holiday season
        found = False
        for opens, closes in hours.intervals(day):
            start = opens
            while start < closes:
                end = min(start + CALLBACK_SLOT, closes)
                if start >= earliest and end - start >= CALLBACK_SLOT / 2:
                    windows.append((start, end))
                    found = True
                start = end
        open_days += found
        if open_days >= days:
            break
        day += timedelta(days=1)
    return windows


def callbacks(user: User) -> QuerySet[FollowUp]:
    """Open callback requests, ordered by their window."""
    return (
        visible_followups(user)
        .filter(source=Source.CALLBACK, state=State.OPEN)
        .select_related("ticket__contact", "owner")
        .order_by("due", "pk")
    )


# --- the due list and counts ------------------------------------------------------------------------


def _scope(user: User, scope: str) -> QuerySet[FollowUp]:
    if scope == "mine" or not user.sees_all_teams:
        return FollowUp.objects.filter(owner=user) if scope == "mine" else visible_followups(user)
    return FollowUp.objects.all()


def due_list(user: User, view: str = "due", scope: str = "mine", now=None, limit: int = 50) -> list[FollowUp]:
    """Follow-ups by due time: "due" (broken promises still owed, then open ones overdue or due today),
    "upcoming", or recent "broken" ones."""
    now = now or timezone.now()
    rows = _scope(user, scope).select_related("ticket__contact", "owner")
    if view == "broken":
        return list(rows.filter(state=State.BROKEN).order_by("-due", "-pk")[:limit])
    if view == "upcoming":
        return list(rows.filter(state=State.OPEN, due__gt=_end_of_day(user, now)).order_by("due", "pk")[:limit])
    owed = list(still_owed(rows, now).order_by("due", "pk")[:limit])
    due = rows.filter(state=State.OPEN, due__lte=_end_of_day(user, now)).order_by("due", "pk")
    return owed + list(due[: limit - len(owed)])


# A broken promise is still owed to the customer: it stays overdue until the ticket gets a reply or a logged
# call after it broke, or is solved, for at most this long (then it is history, counted as broken).
OWED_FOR = timedelta(days=7)


def still_owed(rows: QuerySet[FollowUp], now) -> QuerySet[FollowUp]:
    """Of `rows`, the broken promises nobody has acted on since they broke, on tickets still in progress."""
    after = {"ticket": OuterRef("ticket_id"), "created_at__gt": OuterRef("closed_at")}
    replied = Message.objects.filter(kind=Message.Kind.OUTBOUND, **after)
    called = TicketEvent.objects.filter(kind=TicketEvent.Kind.CALL, **after)
    return (
        rows.filter(state=State.BROKEN, closed_at__gte=now - OWED_FOR, closed_at__lte=now)
        .filter(ticket__status__in=(Ticket.Status.NEW, Ticket.Status.OPEN, Ticket.Status.PENDING))
        .exclude(source=Source.SNOOZE)
        .exclude(Exists(replied))
        .exclude(Exists(called))
    )


def _end_of_day(user: User, now) -> datetime:
    team = user.teams.first() if user.is_authenticated else None
    zone = _zone(team)
    local = now.astimezone(zone)
    return datetime.combine(local.date() + timedelta(days=1), time(0), tzinfo=zone)


@dataclass
class Counts:
    overdue: int
    today: int
    own_overdue: int
    callbacks: int
    unread: int = 0


def counts(user: User, now=None) -> Counts:
    """What the sidebar and the header show: follow-ups the user sees that are overdue (open past due, or
    broken and still owed: still_owed) or due later today, the user's own overdue ones, and open callback
    requests."""
    now = now or timezone.now()
    eod = _end_of_day(user, now)
    visible = visible_followups(user)
    # Only the rows counted are read: those due by the end of today, open callbacks and the last week's broken
    # ones, each its own index range, not every open follow-up (bench/followups.py: 100,000 open ones). One
    # query with `due < eod OR source = callback` made SQLite walk all 100,000 open rows: 330 ms, against
    # 0.6 + 0.4 ms for the two ranges.
    result = visible.filter(state=State.OPEN, due__lt=eod).aggregate(
        overdue=Count("pk", filter=Q(due__lt=now)),
        today=Count("pk", filter=Q(due__gte=now)),
        own_overdue=Count("pk", filter=Q(due__lt=now, owner=user)),
    )
    result["callbacks"] = visible.filter(state=State.OPEN, source=Source.CALLBACK).count()
    owed = still_owed(visible, now).aggregate(all=Count("pk"), own=Count("pk", filter=Q(owner=user)))
    result["overdue"] += owed["all"]
    result["own_overdue"] += owed["own"]
    return Counts(**result)


def request_counts(request) -> Counts:
    """counts() once per request (the sidebar and the header both show them), with unread reminders."""
    if not hasattr(request, "_followup_counts"):
        found = counts(request.user)
        found.unread = Notification.objects.filter(user=request.user, read_at__isnull=True).count()
        request._followup_counts = found
    return request._followup_counts


def notifications(user: User, limit: int = 20) -> list[Notification]:
    return list(
        Notification.objects.filter(user=user).select_related("followup__ticket").order_by("-created_at", "-pk")[:limit]
    )


def mark_read(user: User, now=None) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).update(read_at=now or timezone.now())


# --- the reminder round -----------------------------------------------------------------------------


def _team_watchers(team_id: int | None) -> list[User]:
    """Who hears about a follow-up when its owner cannot: the team's leads and its agents who are in."""
    if team_id is None:
        return list(User.objects.filter(is_active=True, role=User.Role.LEAD))
    members = User.objects.filter(is_active=True, teams=team_id).exclude(role=User.Role.REVIEWER)
    return [
        m
        for m in members
        if m.role in (User.Role.LEAD, User.Role.ADMIN) or m.presence in (User.Presence.AVAILABLE, User.Presence.BUSY)
    ]


def _notify(users, followup: FollowUp, kind: str, now) -> None:
    Notification.objects.bulk_create(
        [Notification(user=u, followup=followup, kind=kind, created_at=now) for u in {u.pk: u for u in users}.values()]
    )


def _remind(followup: FollowUp, now) -> None:
    owner = followup.owner
    present = owner is not None and owner.is_active and owner.presence in (User.Presence.AVAILABLE, User.Presence.BUSY)
    recipients = [owner] if present else _team_watchers(followup.team_id)
    _notify(recipients, followup, Notification.Kind.DUE_SOON, now)
    zone = _zone(followup.ticket)
    for user in recipients:
        if user.role in (User.Role.LEAD, User.Role.ADMIN) or user == owner:
            outbox.notify(
                followup.ticket,
                to_address=user.email,
                subject=f"[#{followup.ticket.number}] "
                + _("Follow-up due at %(when)s") % {"when": followup.due.astimezone(zone).strftime("%H:%M")},
                body=_("Due %(when)s on ticket #%(number)s (%(subject)s):\n\n%(text)s\n\n%(url)s")
                % {
                    "when": _stamp(followup.due, zone),
                    "number": followup.ticket.number,
                    "subject": followup.ticket.subject,
                    "text": followup.text,
                    "url": f"{settings.BASE_URL.rstrip('/')}/tickets/{followup.ticket.number}/",
                },
            )
    followup.reminded_at = now
    followup.save(update_fields=["reminded_at"])
    followup_due.send(sender=FollowUp, followup=followup)


def tick(now=None) -> dict:
    """One round: remind owners of follow-ups due within the lead time, break those past due, wake
    snoozed tickets whose time has come. Each follow-up in its own transaction."""
    now = now or timezone.now()
    result = {"reminded": 0, "broken": 0, "woken": 0}
    open_ = FollowUp.objects.filter(state=State.OPEN)
    for followup in list(open_.filter(source=Source.SNOOZE, due__lte=now).select_related("ticket")[:ROUND_BATCH]):
        wake(followup, now=now)
        result["woken"] += 1
    for followup in list(
        open_.filter(due__lte=now)
        .filter(Q(window_end__isnull=True) | Q(window_end__lte=now))
        .exclude(source=Source.SNOOZE)
        .select_related("ticket", "owner")[:ROUND_BATCH]
    ):
        mark_broken(followup, now=now)
        result["broken"] += 1
    soon = open_.filter(due__gt=now, due__lte=now + remind_before(), reminded_at__isnull=True).exclude(
        source=Source.SNOOZE
    )
    for followup in list(soon.select_related("ticket__team", "owner")[:ROUND_BATCH]):
        with transaction.atomic():
            _remind(followup, now)
        result["reminded"] += 1
    return result


# --- measured ---------------------------------------------------------------------------------------


def keeping(start: datetime, end: datetime, *, team: int | None = None, tickets_qs=None) -> dict:
    """Promise-keeping over a period: promises settled in it (done or broken), those kept on time, and the
    rate, overall and per agent. Snoozes are not promises; cancelled ones do not count."""
    rows = FollowUp.objects.filter(
        source__in=FollowUp.PROMISES, state__in=(State.DONE, State.BROKEN), closed_at__gte=start, closed_at__lt=end
    )
    if team is not None:
        rows = rows.filter(team_id=team)
    if tickets_qs is not None:
        rows = rows.filter(ticket__in=tickets_qs.values("pk"))
    total = rows.aggregate(
        due=Count("pk"), kept=Count("pk", filter=Q(kept=True)), told=Count("pk", filter=Q(notices__gt=0))
    )
    by_agent = list(
        rows.values("owner__name", "owner_id")
        .annotate(due=Count("pk"), kept=Count("pk", filter=Q(kept=True)))
        .order_by("owner__name")
    )
    for row in by_agent:
        row["rate"] = row["kept"] / row["due"] if row["due"] else None
    return {
        "promises_due": total["due"],
        "promises_kept": total["kept"],
        "promises_told": total["told"],
        "promise_rate": total["kept"] / total["due"] if total["due"] else None,
        "by_agent": by_agent,
    }


def ticket_panel(ticket: Ticket) -> list[FollowUp]:
    """The ticket's follow-ups: open ones first by due time, then the closed ones, latest first."""
    rows = list(ticket.followups.select_related("owner"))
    open_ = sorted((f for f in rows if f.state == State.OPEN), key=lambda f: (f.due, f.pk))
    closed = sorted((f for f in rows if f.state != State.OPEN), key=lambda f: f.closed_at or f.due, reverse=True)
    return open_ + closed


def can_see(user: User, ticket: Ticket) -> None:
    if not tickets.visible_tickets(user).filter(pk=ticket.pk).exists():
        raise PermissionDenied
