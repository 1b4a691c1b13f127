"""Use cases around users: preferences, the time zone they see, when they were last seen."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import User


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
    user.presence, user.presence_changed_at, user.last_seen_at = presence, now, now
    user.save(update_fields=["presence", "presence_changed_at", "last_seen_at"])


def mark_idle_away(not_seen_since, now) -> int:
    """Available or busy agents not seen since then become away; returns how many."""
    return User.objects.filter(
        presence__in=[User.Presence.AVAILABLE, User.Presence.BUSY], last_seen_at__lt=not_seen_since
    ).update(presence=User.Presence.AWAY, presence_changed_at=now)
