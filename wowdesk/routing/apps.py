from django.apps import AppConfig


class RoutingConfig(AppConfig):
    name = "wowdesk.routing"
    label = "routing"
    verbose_name = "Routing and presence"

    def ready(self):
        from . import receivers  # noqa: F401
