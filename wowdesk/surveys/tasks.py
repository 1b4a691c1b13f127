"""Tasks queued before they moved into surveys/services.py are stored under this module's path: they still run."""

from .services import send_survey  # noqa: F401
