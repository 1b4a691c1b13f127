from django.apps import AppConfig


class MailConfig(AppConfig):
    name = "wowdesk.mail"
    label = "mail"
    verbose_name = "E-mail"

    def ready(self):
        from wowdesk.tickets import outbox

        from . import receivers  # noqa: F401
        from .services import CustomerMail

        outbox.register(CustomerMail())
