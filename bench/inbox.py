"""Inbox speed with 100,000 tickets: every view's render time (p50/p95/max), its SQL query count and peak memory.

Target: every inbox view under 100 ms p95 with 100,000 tickets (issue 20), and a constant number of queries.
Usage:
  .venv/bin/python bench/inbox.py                         # SQLite in a scratch var dir
  WOWDESK_DATABASE_URL=postgres://postgres@127.0.0.1:5432/wowdesk_bench .venv/bin/python bench/inbox.py
Options: --tickets N (default 100000), --rounds R (default 20).
"""

import argparse
import gc
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("WOWDESK_VAR_DIR", str(Path(tempfile.gettempdir()) / "wowdesk-bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from wowdesk.accounts.models import Team, User  # noqa: E402
from wowdesk.customers.models import Contact  # noqa: E402
from wowdesk.tickets import search  # noqa: E402
from wowdesk.tickets.models import Category, Message, Ticket  # noqa: E402


def load(n: int) -> None:
    have = Ticket.objects.count()
    if have >= n:
        return
    print(f"loading {n - have} tickets ...", flush=True)
    started = time.perf_counter()
    rng = random.Random(1)
    teams = list(Team.objects.all()) or [
        Team.objects.create(name=f"Team {i}", language=lang) for i, lang in enumerate(["da", "nb", "en"])
    ]
    categories = list(Category.objects.all()) or [Category.objects.create(name=f"Category {i}") for i in range(8)]
    if not User.objects.filter(email="bench-agent@example.com").exists():
        lead = User.objects.create_user("bench-lead@example.com", "x", name="Bench Lead", role="lead")
        agent = User.objects.create_user("bench-agent@example.com", "x", name="Bench Agent", role="agent")
        agent.teams.set([teams[0]])
        lead.teams.set(teams)
    agents = list(User.objects.filter(role__in=["agent", "lead"]))
    contacts = list(Contact.objects.all()[:2000]) or Contact.objects.bulk_create(
        [Contact(name=f"Customer {i}", email=f"customer{i}@example.com", language="da") for i in range(2000)]
    )
    now = timezone.now()
    statuses = ["new", "open", "pending", "solved", "closed"]
    batch = 5000
    for start in range(have, n, batch):
        rows = []
        for _ in range(min(batch, n - start)):
            created = now - timedelta(minutes=rng.randint(0, 365 * 24 * 60))
            rows.append(
                Ticket(
                    subject=f"Bench ticket about invoice {rng.randint(1, 99999)}",
                    status=rng.choices(statuses, weights=[5, 10, 10, 35, 40])[0],
                    contact=rng.choice(contacts),
                    team=rng.choice(teams),
                    category=rng.choice(categories),
                    assignee=rng.choice(agents + [None] * 3),
                    language="da",
                    created_at=created,
                    updated_at=created + timedelta(hours=rng.randint(0, 48)),
                )
            )
        rows = Ticket.objects.bulk_create(rows)
        Message.objects.bulk_create(
            [
                Message(
                    ticket=t,
                    kind="inbound",
                    contact=t.contact,
                    body_text="Hej, jeg mangler min faktura.",
                    created_at=t.created_at,
                )
                for t in rows
            ]
        )
        search.index_tickets([t.pk for t in rows])
    if connection.vendor == "postgresql":
        # What autovacuum does within a minute of a bulk load: statistics, and the visibility map that lets
        # the inbox count and walk its indexes without reading table rows.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE tickets_ticket")
    print(f"loaded in {time.perf_counter() - started:.0f} s", flush=True)


def measure(client: Client, url: str, rounds: int) -> tuple[list[float], list[float], int]:
    """Wall-clock times and this process's CPU times (ms) of `rounds` requests, and the number of queries. On a
    shared machine the wall clock includes waiting for a core; the CPU time does not (with SQLite it is all
    the work of the request; with PostgreSQL the database's share is in the wall time only)."""
    client.get(url)  # warm caches
    times, cpu = [], []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return times, cpu, len(ctx.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    load(args.tickets)
    total = Ticket.objects.count()
    print(f"database: {connection.vendor}, {total} tickets, {Message.objects.count()} messages")
    category = Category.objects.first()
    worst = worst_cpu = 0.0
    # As the web server does after start-up (wowdesk/asgi.py): what is loaded by now is never garbage, so full
    # collections stop walking it (without this, one request in twenty took ~80-100 ms more: bench/followups.py).
    gc.freeze()
    for email in ("bench-lead@example.com", "bench-agent@example.com"):
        client = Client()
        client.force_login(User.objects.get(email=email))
        urls = [reverse("inbox_view", args=[v]) for v in ("mine", "unassigned", "open", "all")]
        urls += [reverse("inbox_status", args=["solved"]), reverse("inbox_category", args=[category.pk])]
        urls += [reverse("inbox_view", args=["all"]) + "?page=50", reverse("search") + "?q=faktura"]
        print(
            f"\n{email.split('@')[0]:<12} {'view':<28} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}"
            f" {'cpu p50':>8} {'cpu p95':>8}"
        )
        for url in urls:
            times, cpu, queries = measure(client, url, args.rounds)
            p95 = statistics.quantiles(times, n=20)[18]
            worst = max(worst, p95)
            worst_cpu = max(worst_cpu, statistics.quantiles(cpu, n=20)[18])
            print(
                f"{'':<12} {url:<28} {statistics.median(times):8.1f} {p95:8.1f} {max(times):8.1f} {queries:8d}"
                f" {statistics.median(cpu):8.1f} {statistics.quantiles(cpu, n=20)[18]:8.1f}"
            )
    print(f"\nworst p95: {worst:.1f} ms (target < 100 ms): {'OK' if worst < 100 else 'MISSED'}")
    print(f"worst p95 of this process's CPU time: {worst_cpu:.1f} ms; load average {os.getloadavg()[0]:.1f}")
    # Memory in a separate pass: tracemalloc slows Python down and must not colour the timings.
    tracemalloc.start()
    for url in urls:
        client.get(url)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak Python allocations while rendering one view: {peak / 1024 / 1024:.1f} MiB")
    print(f"peak RSS of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
