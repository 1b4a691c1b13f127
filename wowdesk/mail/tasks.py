"""Tasks queued before they moved into mail/services.py are stored under this module's path: they still run."""

from .services import deliver  # noqa: F401
