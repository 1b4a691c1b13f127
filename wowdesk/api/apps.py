from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "wowdesk.api"
    label = "api"
    verbose_name = "API and webhooks"

    def ready(self):
        from . import receivers  # noqa: F401
