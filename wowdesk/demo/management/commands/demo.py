from django.core.management.base import BaseCommand, CommandError

from wowdesk.demo.services import DEMO_LOGINS, DEMO_PASSWORD, is_loaded, load_demo


class Command(BaseCommand):
    help = "Load demo data: 3 teams, 8 agents, 200 customers and 2,000 tickets over the last 90 days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing if demo data is already there (as `make run` does; `serve` then lists the logins).",
        )
        parser.add_argument("--tickets", type=int, default=2000)

    def handle(self, *args, if_empty=False, tickets=2000, verbosity=1, **options):
        if is_loaded():
            if if_empty:
                return
            raise CommandError("Demo data is already loaded (admin@example.com exists).")
        if verbosity:
            self.stdout.write(f"Loading demo data ({tickets:,} tickets), once")
        result = load_demo(tickets=tickets)
        if verbosity:
            self.stdout.write(
                self.style.SUCCESS(f"Loaded {result['tickets']} tickets with {result['messages']} messages.")
            )
        if verbosity and not if_empty:
            for email, role in DEMO_LOGINS:
                self.stdout.write(f"  {email:45} {role:9} password: {DEMO_PASSWORD}")
