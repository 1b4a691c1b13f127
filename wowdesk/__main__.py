"""`python -m wowdesk COMMAND` runs a Django management command for this project."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["wowdesk", *sys.argv[1:]])


if __name__ == "__main__":
    main()
