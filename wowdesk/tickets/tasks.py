"""Tasks queued before they moved into tickets/services.py are stored under this module's path: they still run."""

from .services import announce_created  # noqa: F401
