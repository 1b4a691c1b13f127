import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from wowdesk.mail.imap import fetch_all


class Command(BaseCommand):
    help = "Fetch new mail from every mailbox with IMAP configured (once, or every --loop seconds)."

    def add_arguments(self, parser):
        parser.add_argument("--loop", type=float, default=0, help="keep fetching every N seconds")

    def handle(self, *args, loop=0, **options):
        while True:
            for address, result in fetch_all().items():
                self.stdout.write(f"{address}: {result}")
            if not loop:
                return
            close_old_connections()  # a long-running loop must not keep a broken or stale connection
            time.sleep(loop)
