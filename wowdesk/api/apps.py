from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "wowdesk.api"
    label = "api"
    verbose_name = "API and webhooks"

    def ready(self):
        from wowdesk.workers import housekeeping

        from . import common, receivers  # noqa: F401

        housekeeping.register(common.prune_expired_keys)
