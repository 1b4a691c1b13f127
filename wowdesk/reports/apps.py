from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "wowdesk.reports"
    label = "reports"
    verbose_name = "Reports"

    def ready(self):
        from . import aggregates  # noqa: F401  (registers the percentile aggregate on SQLite connections)
