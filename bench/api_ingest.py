"""Tickets created through POST /api/v1/tickets by concurrent clients: tickets/s and p50/p99 latency.

Target: at least 300 tickets/s on PostgreSQL on this 2-core machine, p99 under 100 ms.
Usage:
  .venv/bin/python bench/api_ingest.py [--seconds 20] [--clients 8] [--workers 2] [--server gunicorn|uvicorn|serve]
  createdb -h 127.0.0.1 -U postgres wowdesk_apibench   (once; the benchmark empties it each run)
  WOWDESK_DATABASE_URL=postgres://postgres@%2Fvar%2Frun%2Fpostgresql/wowdesk_apibench \
      .venv/bin/python bench/api_ingest.py     (PostgreSQL on this host, through its Unix socket, as documented)
The server runs as documented for production (docs/api.md): `gunicorn wowdesk.wsgi:application --workers N`
with wowdesk's connection pool; `--server uvicorn` runs `uvicorn wowdesk.asgi:application` instead, and
`--server serve` runs `python -m wowdesk serve`, what `make run` starts (its task workers, SMTP listeners and
timers run during the measurement, as they do for someone trying wowdesk).
The load comes from `wrk` (Debian package `wrk`) when it is installed, otherwise from Python threads, which
take a good share of the same two cores. Every created ticket does its full work in the request: contact,
ticket, message, search document, SLA clock, audit trail and the task row that routes it, sends the
auto-reply and the webhooks after the commit. No task worker runs during the measurement; afterwards
`--drain N` starts N workers and reports how fast they do that follow-up work for the tickets created.
"""

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from procs import free_port, wait_for_port  # bench/procs.py

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = Path(os.environ.get("WOWDESK_VAR_DIR", Path(tempfile.gettempdir()) / "wowdesk-apibench"))
os.environ.setdefault("WOWDESK_VAR_DIR", str(VAR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")
os.environ["WOWDESK_DB_CONN_MAX_AGE"] = "60"
# No task worker runs while the API is measured, so the intake's admission would refuse every create with 503 once
# the first task had waited 10 s: off (bench/pipeline.py measures intake and follow-ups together, with it on).
os.environ["WOWDESK_INTAKE_SHED_AFTER"] = "0"


def drain(workers: int) -> None:
    """Start task workers and time them through the queued follow-up work (routing, auto-reply to the local
    outbox, webhooks) of every ticket created."""
    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    pending = DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"])
    queued = pending.count()
    connection.close()
    command = [sys.executable, "-m", "wowdesk", "db_worker", "--interval", "0.05", "--no-startup-delay"]
    procs = [
        subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(workers)
    ]
    started = time.monotonic()
    try:
        while pending.exists() and time.monotonic() - started < 600:
            time.sleep(0.5)
        elapsed = time.monotonic() - started
        failed = DBTaskResult.objects.filter(status="FAILED").count()
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=15)
    print(
        f"follow-up work: {queued} tasks done by {workers} workers in {elapsed:.1f} s ({queued / elapsed:,.0f}/s); ",
        end="",
    )
    print(f"failed: {failed}")


def ticket_count() -> int:
    from django.db import connection

    from wowdesk.tickets.models import Ticket

    count = Ticket.objects.count()
    connection.close()
    return count


def body(n: int, i: int) -> str:
    contact = {"email": f"kunde{n}x{i % 500}@bench.dk", "name": "Bench Kunde"}
    return json.dumps({"subject": f"Ordre {n}-{i} mangler", "message": "Hej, hvor er min ordre?", "contact": contact})


WRK_SCRIPT = """
counter = 0
request = function()
  counter = counter + 1
  local body = string.format('{"subject":"Ordre %d mangler","message":"Hej, hvor er min ordre?",'
    .. '"contact":{"email":"kunde%d@bench.dk","name":"Bench Kunde"}}', counter, counter % 500)
  return wrk.format("POST", "/api/v1/tickets", nil, body)
end
"""


def wrk_load(port: int, raw: str, seconds: float, clients: int) -> tuple[float, int, float, float]:
    """(tickets/s, errors, p50 ms, p99 ms) from wrk: one thread, `clients` connections."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    out = subprocess.run(
        ["wrk", "-t1", f"-c{clients}", f"-d{seconds:.0f}s", "--latency", "-s", script.name]
        + ["-H", f"Authorization: Bearer {raw}", "-H", "Content-Type: application/json"]
        + [f"http://127.0.0.1:{port}/api/v1/tickets"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)

    def ms(label: str) -> float:
        value = re.search(rf"^\s*{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.MULTILINE)
        return float(value.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[value.group(2)]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return rate, int(errors.group(1)) if errors else 0, ms("50%"), ms("99%")


def python_load(port: int, raw: str, seconds: float, clients: int) -> tuple[float, int, float, float]:
    """(tickets/s, errors, p50 ms, p99 ms) from `clients` Python threads, each with a keep-alive connection."""
    latencies: list[float] = []
    errors: list[int] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = 0
        while time.monotonic() < stop_at:
            started = time.monotonic()
            headers = {"Authorization": f"Bearer {raw}", "Content-Type": "application/json"}
            conn.request("POST", "/api/v1/tickets", body(n, i), headers)
            response = conn.getresponse()
            response.read()
            elapsed = time.monotonic() - started
            with lock:
                (latencies if response.status == 201 else errors).append(elapsed)
            i += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    p50 = statistics.median(latencies) * 1000
    p99 = latencies[int(len(latencies) * 0.99)] * 1000
    return len(latencies) / seconds, len(errors), p50, p99


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--server", choices=["gunicorn", "uvicorn", "serve"], default="gunicorn")
    parser.add_argument("--python-clients", action="store_true", help="load from Python threads, not wrk")
    parser.add_argument("--drain", type=int, default=0, help="then time N task workers doing the follow-up work")
    args = parser.parse_args()
    if "WOWDESK_DATABASE_URL" not in os.environ:
        shutil.rmtree(VAR, ignore_errors=True)
    VAR.mkdir(parents=True, exist_ok=True)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    from wowdesk.accounts.models import Team, User
    from wowdesk.api.models import ApiToken

    team = Team.objects.create(name="Bench", language="da")
    user = User.objects.create_user("api-bench@example.com", "x", name="Bench", role="lead")
    user.teams.set([team])
    token, raw = ApiToken.issue(user, "write", "bench")
    token.rate_limit = 10**9
    token.save()
    vendor = connection.vendor
    connection.close()

    port = free_port()
    if args.server == "gunicorn":
        command = ["gunicorn", "wowdesk.wsgi:application", "--bind", f"127.0.0.1:{port}", "--workers"]
        command += [str(args.workers), "--log-level", "warning"]
    elif args.server == "uvicorn":
        command = ["uvicorn", "wowdesk.asgi:application", "--host", "127.0.0.1", "--port", str(port), "--workers"]
        command += [str(args.workers), "--no-access-log", "--lifespan", "off", "--log-level", "warning"]
    else:
        command = ["wowdesk", "serve", "--port", str(port)]
    env = {**os.environ, "WOWDESK_SMTPD_PORT": str(free_port())}
    server = subprocess.Popen(
        [sys.executable, "-m", *command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL if args.server == "serve" else None,
    )
    try:
        deadline = time.monotonic() + 120  # a loaded machine starts a dozen processes slowly
        wait_for_port(port, deadline)
        use_wrk = shutil.which("wrk") and not args.python_clients
        load = wrk_load if use_wrk else python_load
        load(port, raw, 2, args.clients)  # warm-up, not counted
        before = ticket_count()
        rate, errors, p50, p99 = load(port, raw, args.seconds, args.clients)
        created = ticket_count() - before
        server_name = args.server if args.server == "serve" else f"{args.server} --workers {args.workers}"
        print(
            f"database: {vendor}; {server_name}; "
            f"{args.clients} concurrent clients "
            f"({'wrk' if use_wrk else 'Python threads'}); {args.seconds:.0f} s measured"
        )
        print(f"created: {created} tickets, {rate:,.0f} tickets/s; errors: {errors}")
        print(f"latency: p50 {p50:.0f} ms, p99 {p99:.0f} ms")
        ok = rate >= 300 and p99 < 100
        print(f"target (PostgreSQL) >= 300 tickets/s and p99 < 100 ms: {'OK' if ok else 'MISSED'}")
        if args.drain:
            drain(args.drain)
    finally:
        server.send_signal(signal.SIGINT if args.server == "serve" else signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
