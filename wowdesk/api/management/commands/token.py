from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from wowdesk.accounts.models import User
from wowdesk.api.models import ApiToken


class Command(BaseCommand):
    help = (
        "API tokens: `token create --user EMAIL [--scope read|write|admin] [--name NAME]`, `token list`, "
        "`token revoke ID`."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create", help="create a token and print it (shown once)")
        create.add_argument("--user", required=True)
        create.add_argument("--scope", choices=ApiToken.Scope.values, default="read")
        create.add_argument("--name", default="")
        sub.add_parser("list", help="list tokens")
        revoke = sub.add_parser("revoke", help="revoke a token")
        revoke.add_argument("id", type=int)

    def handle(self, *args, action, **options):
        if action == "create":
            user = User.objects.filter(email=options["user"].strip().lower(), is_active=True).first()
            if user is None:
                raise CommandError(f"no active user with the e-mail {options['user']}")
            try:
                token, raw = ApiToken.issue(user, options["scope"], options["name"])
            except PermissionDenied as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(raw)
            self.stderr.write(
                f"token {token.pk} for {user.email}, scope {token.scope}: store it now, it is not shown again"
            )
        elif action == "list":
            for t in ApiToken.objects.select_related("user"):
                state = "revoked" if t.revoked_at else "active"
                self.stdout.write(f"{t.pk:5} {t.prefix}…  {t.user.email:30} {t.scope:6} {state:8} {t.name}")
        else:
            if not ApiToken.revoke(options["id"]):
                raise CommandError(f"no active token {options['id']}")
            self.stdout.write(f"token {options['id']} revoked")
