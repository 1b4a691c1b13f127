from django.apps import AppConfig


class SmsConfig(AppConfig):
    name = "wowdesk.sms"
    label = "sms"
    verbose_name = "SMS"

    def ready(self):
        from . import receivers  # noqa: F401
