from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "wowdesk.portal"
    label = "portal"
    verbose_name = "Customer portal"
