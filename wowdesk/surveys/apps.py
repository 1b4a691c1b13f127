from django.apps import AppConfig


class SurveysConfig(AppConfig):
    name = "wowdesk.surveys"
    label = "surveys"
    verbose_name = "Surveys"

    def ready(self):
        from . import receivers  # noqa: F401
