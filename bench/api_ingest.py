"""Tickets created through POST /api/v1/tickets by concurrent clients: tickets/s and p50/p99 latency.

Target: at least 300 tickets/s on PostgreSQL on this 2-core machine, p99 under 100 ms.
Usage:
  .venv/bin/python bench/api_ingest.py [--seconds 20] [--clients 8] [--workers 2]
  WOWDESK_DATABASE_URL=postgres://postgres@127.0.0.1:5432/wowdesk_bench .venv/bin/python bench/api_ingest.py
The server runs as in production: `uvicorn wowdesk.asgi:application --workers N`, with persistent database
connections (WOWDESK_DB_CONN_MAX_AGE=60). Every created ticket does its full work: contact, ticket,
message, search document, SLA clock, audit trail, routing task and auto-reply rows.
"""

import argparse
import http.client
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = Path(tempfile.gettempdir()) / "wowdesk-apibench"
os.environ.setdefault("WOWDESK_VAR_DIR", str(VAR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")
os.environ["WOWDESK_DB_CONN_MAX_AGE"] = "60"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
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
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "wowdesk.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            "--no-access-log",
            "--lifespan",
            "off",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=os.environ.copy(),
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        latencies: list[float] = []
        errors: list[int] = []
        lock = threading.Lock()
        stop_at = time.monotonic() + args.seconds + 2  # 2 s of warm-up, not counted
        count_from = time.monotonic() + 2

        def client(n: int) -> None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            i = 0
            while time.monotonic() < stop_at:
                body = json.dumps(
                    {
                        "subject": f"Ordre {n}-{i} mangler",
                        "message": "Hej, hvor er min ordre?",
                        "contact": {"email": f"kunde{n}x{i % 500}@bench.dk", "name": "Bench Kunde"},
                    }
                )
                started = time.monotonic()
                conn.request(
                    "POST",
                    "/api/v1/tickets",
                    body,
                    {"Authorization": f"Bearer {raw}", "Content-Type": "application/json"},
                )
                response = conn.getresponse()
                response.read()
                elapsed = time.monotonic() - started
                if started >= count_from:
                    with lock:
                        if response.status == 201:
                            latencies.append(elapsed)
                        else:
                            errors.append(response.status)
                i += 1

        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        latencies.sort()
        rate = len(latencies) / args.seconds
        p50 = statistics.median(latencies) * 1000
        p99 = latencies[int(len(latencies) * 0.99)] * 1000
        print(
            f"database: {vendor}; uvicorn --workers {args.workers}; {args.clients} concurrent clients; "
            f"{args.seconds:.0f} s measured"
        )
        print(f"created: {len(latencies)} tickets, {rate:,.0f} tickets/s; errors: {len(errors)}")
        print(f"latency: p50 {p50:.0f} ms, p99 {p99:.0f} ms")
        ok = rate >= 300 and p99 < 100
        print(f"target (PostgreSQL) >= 300 tickets/s and p99 < 100 ms: {'OK' if ok else 'MISSED'}")
    finally:
        server.terminate()
        server.wait(timeout=15)


if __name__ == "__main__":
    main()
