import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from wowdesk.followups.services import tick


class Command(BaseCommand):
    help = "Follow-up reminders, broken promises and snoozed tickets coming back, once or every --loop seconds."

    def add_arguments(self, parser):
        parser.add_argument("--loop", type=float, default=0)

    def handle(self, *args, loop=0, **options):
        while True:
            close_old_connections()
            result = tick()
            if options["verbosity"] > 1 or not loop:
                self.stdout.write(f"{result}")
            if not loop:
                return
            time.sleep(loop)
