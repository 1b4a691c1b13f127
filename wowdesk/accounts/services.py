"""Use cases around users: preferences, the time zone they see, when they were last seen."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import PresencePeriod, User


def time_zone_for(user: User) -> str:
    """Times are shown in the team's zone: the user's first team, else the default zone."""
    team = user.teams.order_by("name").first()
    return team.time_zone if team else settings.DEFAULT_TEAM_TIME_ZONE


def set_language(user: User, language: str) -> None:
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"unsupported language: {language}")
    user.language = language
    user.save(update_fields=["language"])


SEEN_EVERY = timedelta(seconds=60)


def seen(user: User, now=None) -> None:
    """The user did something: they are not idle (written at most once a minute). Routing reads
    `last_seen_at` to send new tickets only to agents who are there."""
    now = now or timezone.now()
    if user.last_seen_at is None or now - user.last_seen_at > SEEN_EVERY:
        User.objects.filter(pk=user.pk).update(last_seen_at=now)
        user.last_seen_at = now


def set_presence(user: User, presence: str, now=None) -> None:
    """Available, busy, away or offline, as the agent chose (routing hands out tickets by it)."""
    if presence not in User.Presence.values:
        raise ValueError(f"unknown presence: {presence}")
    now = now or timezone.now()
    with transaction.atomic():
        if presence != user.presence or not PresencePeriod.objects.filter(user=user, ended_at=None).exists():
            _next_period([user.pk], presence, now)
        user.presence, user.presence_changed_at, user.last_seen_at = presence, now, now
        user.save(update_fields=["presence", "presence_changed_at", "last_seen_at"])


def _next_period(user_ids: list[int], presence: str, now) -> None:
    """The users' open presence periods end now and a period in `presence` begins."""
    PresencePeriod.objects.filter(user_id__in=user_ids, ended_at=None).update(ended_at=now)
    PresencePeriod.objects.bulk_create(PresencePeriod(user_id=pk, presence=presence, started_at=now) for pk in user_ids)


def mark_idle_away(not_seen_since, now) -> int:
    """Available or busy agents not seen since then become away; returns how many."""
    # Read first: routing looks every round and nearly always finds nobody, and on SQLite the transaction took
    # the one write lock from BEGIN for that read (one write transaction per team per routing round).
    if not _idle(not_seen_since).exists():
        return 0
    return _mark_away(not_seen_since, now)


def _idle(not_seen_since):
    return User.objects.filter(
        presence__in=[User.Presence.AVAILABLE, User.Presence.BUSY], last_seen_at__lt=not_seen_since
    )


@transaction.atomic
def _mark_away(not_seen_since, now) -> int:
    idle = list(_idle(not_seen_since).values_list("pk", flat=True))
    if not idle:
        return 0
    # Their available time ends now, when it is noticed (at most AUTO_AWAY_MINUTES after they were last seen).
    _next_period(idle, User.Presence.AWAY, now)
    return User.objects.filter(pk__in=idle).update(presence=User.Presence.AWAY, presence_changed_at=now)


def agent_hours(start, end, team_id: int | None = None, now=None) -> float:
    """Hours agents were available between start and end (of one team's agents, or everyone's)."""
    now = now or timezone.now()
    periods = PresencePeriod.objects.filter(presence=User.Presence.AVAILABLE, started_at__lt=end).exclude(
        ended_at__lte=start
    )
    if team_id is not None:
        periods = periods.filter(user__teams=team_id)
    seconds = 0.0
    for began, ended in periods.values_list("started_at", "ended_at"):
        seconds += max(0.0, (min(ended or now, end, now) - max(began, start)).total_seconds())
    return seconds / 3600
