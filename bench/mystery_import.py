"""Mystery-shopping import: 4,800 rows (a year of SeeYou's Kundeserviceprisen, seed 004) through the import page.

Target: 4,800 rows imported in under 30 s, all or nothing; a file with one bad row (the last) is checked in
full and imports nothing, with the row named.
Usage:
  .venv/bin/python bench/mystery_import.py                 # a fresh SQLite file in /tmp
  WOWDESK_DATABASE_URL=postgres://postgres@127.0.0.1:5432/wowdesk_mystery_bench .venv/bin/python bench/mystery_import.py
Options: --rows N (default 4800), half of them about tickets in wowdesk, half standalone inquiries.
The database is emptied first (flush), then a team, 8 agents and the tickets are bulk-inserted.
"""

import argparse
import csv
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
ARGS = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ARGS.add_argument("--rows", type=int, default=4800)
OPTIONS = ARGS.parse_args()
os.environ.setdefault("WOWDESK_DATABASE_URL", f"sqlite:///{tempfile.gettempdir()}/wowdesk-mystery-bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

settings.ALLOWED_HOSTS = ["*"]

from wowdesk.accounts.models import Team, User  # noqa: E402
from wowdesk.customers.models import Contact  # noqa: E402
from wowdesk.quality import services  # noqa: E402
from wowdesk.quality.models import Review, Scorecard  # noqa: E402
from wowdesk.tickets.models import Ticket  # noqa: E402

call_command("migrate", verbosity=0)
call_command("flush", interactive=False, verbosity=0)
rng = random.Random(4800)
now = timezone.now()
team = Team.objects.create(name="Kundeservice Norge", language="nb")
agents = [User.objects.create_user(f"agent{i}@bench.example", "pw", name=f"Agent {i}", role="agent") for i in range(8)]
for a in agents:
    a.teams.add(team)
reviewer = User.objects.create_user("reviewer@bench.example", "pw", name="Reviewer", role="reviewer")
contact = Contact.objects.create(email="kunde@bench.example", name="Kunde")
half = OPTIONS.rows // 2
Ticket.objects.bulk_create(
    Ticket(
        subject=f"Henvendelse {i}",
        team=team,
        assignee=rng.choice(agents),
        contact=contact,
        language="nb",
        created_at=now,
        updated_at=now,
    )
    for i in range(half)
)
numbers = list(Ticket.objects.values_list("number", flat=True))
services.ensure_default_scorecards()
card = Scorecard.objects.get(is_current=True, language="nb")
areas = services.card_structure(card)
questions = [q for a in areas for q in a.question_list]


def make_file(rows: int, bad_last: bool = False) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [
            "ticket",
            "reference",
            "evaluator",
            "agent",
            "channel",
            "date",
            *(f"q:{q.text}" for q in questions),
            *(f"comment:{a.name}" for a in areas),
        ]
    )
    for i in range(rows):
        standalone = i >= half
        writer.writerow(
            [
                "" if standalone else numbers[i % len(numbers)],
                f"KSP-{i:05d}" if standalone else "",
                f"Shopper {i % 40}",
                rng.choice(agents).email if standalone else "",
                rng.choice(["telefon", "chat", "e-post", "messenger"]) if standalone else "",
                f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}",
                *(
                    (rng.choice(["ja", "nei", "i.r."]) if q.kind == "yes_no" else str(rng.randint(1, 5)))
                    for q in questions
                ),
                *(
                    rng.choice(["Hyggelig og engasjert.", "Ingen hei eller velkommen.", "Avklarte behovet godt."])
                    for _a in areas
                ),
            ]
        )
    if bad_last:
        out.write(",,Shopper X,,,2026-02-30," + ",".join("kanskje" for _q in questions) + "\n")
    return out.getvalue().encode()


client = Client()
client.force_login(reviewer)
print(
    f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}, rows: {OPTIONS.rows}, "
    f"questions per row: {len(questions)}, comments per row: {len(areas)}"
)

data = make_file(OPTIONS.rows, bad_last=True)
upload = io.BytesIO(data)
upload.name = "bad.csv"
started = time.perf_counter()
response = client.post("/quality/import/", {"scorecard": card.pk, "file": upload})
bad_s = time.perf_counter() - started
assert response.status_code == 200 and b'id="import-errors"' in response.content
assert not Review.objects.exists(), "a file with a bad row imported something"
print(f"with one bad row (the last): {bad_s:6.2f} s, nothing imported, the row reported")

data = make_file(OPTIONS.rows)
upload = io.BytesIO(data)
upload.name = "good.csv"
started = time.perf_counter()
response = client.post("/quality/import/", {"scorecard": card.pk, "file": upload})
good_s = time.perf_counter() - started
imported = Review.objects.count()
assert response.status_code == 200 and imported == OPTIONS.rows, (response.status_code, imported)
print(
    f"all rows good:               {good_s:6.2f} s, {imported} reviews, "
    f"{Review.objects.filter(ticket=None).count()} standalone, {len(data) / 1024:.0f} KiB"
)
verdict = "OK" if good_s < 30 and bad_s < 30 else "TOO SLOW"
print(f"target: {OPTIONS.rows} rows under 30 s: {verdict}")
