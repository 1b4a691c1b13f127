from django.apps import AppConfig


class RepliesConfig(AppConfig):
    name = "wowdesk.replies"
    label = "replies"
    verbose_name = "Replies and auto-replies"

    def ready(self):
        from . import receivers  # noqa: F401
