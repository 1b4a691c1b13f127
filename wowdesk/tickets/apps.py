from django.apps import AppConfig


class TicketsConfig(AppConfig):
    name = "wowdesk.tickets"
    label = "tickets"
    verbose_name = "Tickets"

    def ready(self):
        from . import receivers  # noqa: F401
