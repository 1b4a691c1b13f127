from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "wowdesk.reports"
    label = "reports"
    verbose_name = "Reports"
