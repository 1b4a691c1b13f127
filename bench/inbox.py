"""Inbox speed with 100,000 tickets: every view's render time (p50/p95/max), its SQL query count and peak memory.

Target: every inbox view under 100 ms p95 with 100,000 tickets (issue 20), and a constant number of queries.
Usage:
  .venv/bin/python bench/inbox.py                         # SQLite in a scratch var dir
  WOWDESK_DATABASE_URL=postgres://postgres@127.0.0.1:5432/wowdesk_bench .venv/bin/python bench/inbox.py
Options: --tickets N (default 100000), --rounds R (default 20), --only TEXT (only the views whose URL contains
TEXT, e.g. --only search).

The tickets are loaded once and kept (in WOWDESK_VAR_DIR, /tmp/wowdesk-bench by default, or in the database
of WOWDESK_DATABASE_URL): later runs on the same directory or database start measuring at once.

Over HTTP, through the server `make run` starts on the same data (the bench logs in as the bench users, whose
password is "x"; it times whole requests, so the figures include the server's queueing and the network):
  WOWDESK_VAR_DIR=/tmp/wowdesk-bench WOWDESK_PORT=8765 WOWDESK_SMTPD_PORT=8766 make run &
  WOWDESK_VAR_DIR=/tmp/wowdesk-bench .venv/bin/python bench/inbox.py --http http://127.0.0.1:8765
(make run loads the demo data, 2,000 tickets, once on top of the bench's.) The bench waits for the server to
answer (up to 180 s), then --settle seconds (20) for make run's timers to start, so it can be started right after
`make run &`; it reports the web server's CPU time per request (mean; the uvicorn listening on the URL's port, or
--server-pid), which waiting for a core on a shared machine does not inflate. For PostgreSQL, give both commands
the same WOWDESK_DATABASE_URL.
"""

import argparse
import gc
import http.client
import http.cookies
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
import urllib.parse
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

# The bench users' password (for --http, which logs in as they would).
PASSWORD = "x"  # noqa: S105


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
        lead = User.objects.create_user("bench-lead@example.com", PASSWORD, name="Bench Lead", role="lead")
        agent = User.objects.create_user("bench-agent@example.com", PASSWORD, name="Bench Agent", role="agent")
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


def measure(client: Client, url: str, rounds: int, server_pid: int = 0) -> tuple[list[float], list[float], int]:
    """Wall-clock times and this process's CPU times (ms) of `rounds` requests, and the number of queries. On a
    shared machine the wall clock includes waiting for a core; the CPU time does not (with SQLite it is all
    the work of the request; with PostgreSQL the database's share is in the wall time only). Over HTTP with
    `server_pid`, the CPU times are the server's: its mean per request, the same figure for every round (the
    kernel counts CPU time in ticks of 10 ms, too coarse for one request)."""
    client.get(url)  # warm caches
    times, cpu = [], []
    server_started = process_tree_cpu_ms(server_pid) if server_pid else 0.0
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    if server_pid:
        cpu = [(process_tree_cpu_ms(server_pid) - server_started) / rounds] * rounds
    if not isinstance(client, Client):  # over HTTP the queries are the server's
        return times, cpu, 0
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)
    return times, cpu, len(ctx.captured_queries)


def process_tree_cpu_ms(pid: int) -> float:
    """CPU time (user + system, ms) used so far by a process and its descendants (Linux /proc): the web
    server's own work for the requests, which a shared machine's waiting for a core does not inflate."""
    parents, cpu = {}, {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        child = int(stat.parent.name)
        parents[child] = int(fields[1])
        cpu[child] = int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    tree, todo = set(), [pid]
    while todo:
        current = todo.pop()
        tree.add(current)
        todo += [child for child, parent in parents.items() if parent == current and child not in tree]
    return sum(cpu.get(p, 0) for p in tree) * 1000 / os.sysconf("SC_CLK_TCK")


def wait_for_server(base_url: str, seconds: float) -> float:
    """Wait until the server answers its login page (make run takes 10-30 s to start on the 2-core machine);
    the seconds waited."""
    parts = urllib.parse.urlsplit(base_url)
    started = time.perf_counter()
    while True:
        try:
            connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=5)
            connection.request("GET", "/login/")
            if connection.getresponse().status == 200:
                return time.perf_counter() - started
        except OSError:
            pass
        if time.perf_counter() - started > seconds:
            raise SystemExit(f"{base_url} did not answer within {seconds:.0f} s")
        time.sleep(1)


def find_server_pid(port: int) -> int:
    """The process id of the uvicorn that make run started on this port (Linux /proc), or 0."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if any(b"uvicorn" in arg for arg in args) and b"--port" in args:
            at = args.index(b"--port")
            if at + 1 < len(args) and args[at + 1] == str(port).encode():
                return int(cmdline.parent.name)
    return 0


class HttpClient:
    """A logged-in browser, as far as the bench needs one: one kept-alive connection, the session cookie."""

    def __init__(self, base_url: str, email: str, password: str):
        parts = urllib.parse.urlsplit(base_url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=60)
        self.cookies: dict[str, str] = {}
        form = self.get("/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        body = urllib.parse.urlencode({"username": email, "password": password, "csrfmiddlewaretoken": token})
        answer = self.request("POST", "/login/", body, {"Content-Type": "application/x-www-form-urlencoded"})
        assert answer.status == 302 and "sessionid" in self.cookies, f"could not log in as {email}: {answer.status}"

    def request(self, method: str, path: str, body: str | None = None, headers: dict | None = None):
        headers = {**(headers or {}), "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        headers["Referer"] = f"http://{self.connection.host}:{self.connection.port}/login/"
        self.connection.request(method, path, body, headers)
        response = self.connection.getresponse()
        response.text = response.read().decode()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        response.status_code = response.status
        return response

    def get(self, path: str):
        return self.request("GET", path)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--only", default="", help="only the views whose URL contains this")
    parser.add_argument("--http", default="", help="base URL of a running server (make run) on the same data")
    parser.add_argument(
        "--server-pid",
        type=int,
        default=0,
        help="with --http: the web server's process id, for its CPU time (found by the URL's port if not given)",
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=20,
        help="with --http: seconds to wait once the server answers, before measuring (make run starts its timers "
        "and the webhook worker 10 s after the web server, and each takes a second or two of CPU to start)",
    )
    args = parser.parse_args()
    if args.rounds < 2:
        parser.error("--rounds must be at least 2 (a p95 needs two samples; --rounds 1 crashed after the load)")
    if args.http:  # make run migrates first: not both at once
        waited = wait_for_server(args.http, seconds=180)
        print(
            f"server answered after {waited:.0f} s; waiting {args.settle:.0f} s more for make run to settle", flush=True
        )
        time.sleep(args.settle)
        if not args.server_pid:
            args.server_pid = find_server_pid(urllib.parse.urlsplit(args.http).port or 80)
    call_command("migrate", verbosity=0)
    load(args.tickets)
    total = Ticket.objects.count()
    print(f"database: {connection.vendor}, {total} tickets, {Message.objects.count()} messages")
    category = Category.objects.first()
    worst = worst_cpu = 0.0
    # As the web server does after start-up (wowdesk/asgi.py): what is loaded by now is never garbage, so full
    # collections stop walking it (without this, one request in twenty took ~80-100 ms more: bench/followups.py).
    gc.freeze()
    if args.http:
        whose = f"the server's (process {args.server_pid} and children), mean" if args.server_pid else "this client's"
        print(f"over HTTP: {args.http} (wall-clock time of whole requests; cpu: {whose})")
    for email in ("bench-lead@example.com", "bench-agent@example.com"):
        if args.http:
            client = HttpClient(args.http, email, PASSWORD)
        else:
            client = Client()
            client.force_login(User.objects.get(email=email))
        urls = [reverse("inbox_view", args=[v]) for v in ("mine", "unassigned", "open", "all", "snoozed")]
        urls += [reverse("inbox_status", args=["solved"]), reverse("inbox_category", args=[category.pk])]
        urls += [reverse("inbox_view", args=["all"]) + "?page=50", reverse("search") + "?q=faktura"]
        urls = [url for url in urls if args.only in url]
        print(
            f"\n{email.split('@')[0]:<12} {'view':<28} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}"
            f" {'cpu p50':>8} {'cpu p95':>8}"
        )
        for url in urls:
            times, cpu, queries = measure(client, url, args.rounds, args.server_pid)
            p95 = statistics.quantiles(times, n=20)[18]
            worst = max(worst, p95)
            worst_cpu = max(worst_cpu, statistics.quantiles(cpu, n=20)[18])
            print(
                f"{'':<12} {url:<28} {statistics.median(times):8.1f} {p95:8.1f} {max(times):8.1f} {queries:8d}"
                f" {statistics.median(cpu):8.1f} {statistics.quantiles(cpu, n=20)[18]:8.1f}"
            )
    print(f"\nworst p95: {worst:.1f} ms (target < 100 ms): {'OK' if worst < 100 else 'MISSED'}")
    print(f"worst p95 of this process's CPU time: {worst_cpu:.1f} ms; load average {os.getloadavg()[0]:.1f}")
    if args.http:
        return
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
