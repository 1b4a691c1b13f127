"""`wowdesk coach [FILE|-]` (or `python -m wowdesk coach`): the same as `python -m wowdesk.coaching`."""

import sys

from django.core.management.base import BaseCommand

from wowdesk.coaching.__main__ import main


class Command(BaseCommand):
    help = "Analyse a conversation (JSON from FILE or standard input) with the conversation coach."

    def add_arguments(self, parser):
        parser.add_argument("source", nargs="?", default="-", help="a JSON file, or - for standard input")

    def handle(self, *args, source="-", **options):
        code = main([source])
        if code:
            sys.exit(code)
