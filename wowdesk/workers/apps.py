from django.apps import AppConfig


class WorkersConfig(AppConfig):
    name = "wowdesk.workers"
    label = "workers"
    verbose_name = "Task workers"
