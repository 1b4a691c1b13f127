from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .services import time_zone_for


@receiver(user_logged_in)
def remember_time_zone(sender, request, user, **kwargs):
    # Looked up once at login, so every later request can activate it without a query.
    request.session["time_zone"] = time_zone_for(user)
