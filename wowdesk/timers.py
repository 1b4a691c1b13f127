"""The timer processes `serve` runs (fetching IMAP mail, routing's round, follow-up reminders, ending silent
chats): each is a management command that does one round of its app's service, once or every --loop seconds.
The loop is here once; the commands say only what a round is."""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections


class TimerCommand(BaseCommand):
    """Subclasses set `help` and implement `round()`, which returns the lines to print."""

    def add_arguments(self, parser):
        parser.add_argument("--loop", type=float, default=0, help="run a round every N seconds until stopped")

    def round(self) -> list[str]:
        raise NotImplementedError

    def handle(self, *args, loop=0, **options):
        while True:
            lines = self.round()
            if options["verbosity"] > 1 or not loop:
                for line in lines:
                    self.stdout.write(line)
            if not loop:
                return
            time.sleep(loop)
            # A long-running loop must not keep a broken or stale connection into the next round.
            close_old_connections()
