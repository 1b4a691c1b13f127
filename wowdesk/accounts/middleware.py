"""Activate the signed-in user's interface language and their team's time zone for each request."""

import zoneinfo

from django.conf import settings
from django.utils import timezone, translation

from .services import seen


class UserPreferencesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        zone = settings.DEFAULT_TEAM_TIME_ZONE
        if user is not None and user.is_authenticated:
            seen(user)
            if user.language:
                translation.activate(user.language)
                request.LANGUAGE_CODE = user.language
            zone = request.session.get("time_zone") or zone
        timezone.activate(zoneinfo.ZoneInfo(zone))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
