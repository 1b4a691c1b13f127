import os

from django.core.management.base import BaseCommand

from wowdesk.mail.smtpd import serve


class Command(BaseCommand):
    help = "Run the SMTP listener for inbound mail (port WOWDESK_SMTPD_PORT, default 2525)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("WOWDESK_SMTPD_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("WOWDESK_SMTPD_PORT", "2525")))

    def handle(self, *args, host, port, **options):
        serve(host, port)
