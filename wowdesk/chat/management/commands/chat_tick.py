import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from wowdesk.chat.services import end_inactive


class Command(BaseCommand):
    help = "End chats silent for their widget's inactivity limit, once or every --loop seconds."

    def add_arguments(self, parser):
        parser.add_argument("--loop", type=float, default=0)

    def handle(self, *args, loop=0, **options):
        while True:
            close_old_connections()
            ended = end_inactive()
            if options["verbosity"] > 1 or not loop:
                self.stdout.write(f"ended {ended}")
            if not loop:
                return
            time.sleep(loop)
