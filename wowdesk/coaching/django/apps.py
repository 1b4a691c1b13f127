from django.apps import AppConfig


class CoachingConfig(AppConfig):
    """The thin Django layer around the pure coaching library (wowdesk.coaching)."""

    name = "wowdesk.coaching.django"
    label = "coaching"
    verbose_name = "Coaching"
