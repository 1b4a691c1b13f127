"""Logging filters for the server log."""

import logging


class ForbiddenOnOneLine(logging.Filter):
    """A refused request (403) is routine: log the one line Django writes ("Forbidden (Permission denied):
    /reports/"), not the traceback of the PermissionDenied that led to it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = None
            record.exc_text = None
        return True
