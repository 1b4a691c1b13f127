from django.apps import AppConfig


class FollowupsConfig(AppConfig):
    name = "wowdesk.followups"
    label = "followups"
    verbose_name = "Follow-ups"

    def ready(self):
        from . import receivers  # noqa: F401
