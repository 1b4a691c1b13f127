from django.apps import AppConfig


class HoursConfig(AppConfig):
    name = "wowdesk.hours"
    label = "hours"
    verbose_name = "Opening hours"

    def ready(self):
        from . import receivers  # noqa: F401
