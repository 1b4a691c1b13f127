"""Use cases around users: preferences, the time zone they see."""

from django.conf import settings

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
