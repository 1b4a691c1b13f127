"""CPU time of the web server process per ticket created through POST /api/v1/tickets (from /proc, so a loaded
machine moves it far less than a throughput figure): `uvicorn wowdesk.asgi:application` with one worker, as
`make run` serves, and `--clients` keep-alive Python clients in this process.

Usage: .venv/bin/python bench/api_server_cpu.py [--tickets 1000] [--clients 4] [--root CHECKOUT]
  SQLite in a temporary directory; WOWDESK_DATABASE_URL=postgres://... for PostgreSQL (the benchmark empties it).
  --root runs the server from another checkout (with this venv), to compare two commits alternately.
"""

import argparse
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from procs import cpu_seconds, free_port, wait_for_port  # bench/procs.py

ROOT = Path(__file__).resolve().parent.parent

SETUP = """
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
print(connection.vendor, raw)
"""


def create_tickets(port: int, raw: str, tickets: int, clients: int) -> None:
    def client(n: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Authorization": f"Bearer {raw}", "Content-Type": "application/json"}
        for i in range(tickets // clients):
            contact = {"email": f"kunde{n}x{i % 50}@bench.dk", "name": "Bench Kunde"}
            body = {"subject": f"Ordre {n}-{i} mangler", "message": "Hej, hvor er min ordre?", "contact": contact}
            conn.request("POST", "/api/v1/tickets", json.dumps(body), headers)
            response = conn.getresponse()
            response.read()
            if response.status != 201:
                raise RuntimeError(f"HTTP {response.status}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()
    var = tempfile.mkdtemp(prefix="wowdesk-apiservercpu-")
    env = {**os.environ, "WOWDESK_VAR_DIR": var, "DJANGO_SETTINGS_MODULE": "wowdesk.settings"}
    try:
        setup = subprocess.run(
            [sys.executable, "-c", SETUP], cwd=args.root, env=env, capture_output=True, text=True, check=True
        )
        vendor, raw = setup.stdout.split()[-2:]
        port = free_port()
        command = ["uvicorn", "wowdesk.asgi:application", "--port", str(port), "--no-access-log", "--lifespan", "off"]
        server = subprocess.Popen([sys.executable, "-m", *command, "--log-level", "warning"], cwd=args.root, env=env)
        try:
            deadline = time.monotonic() + 120
            wait_for_port(port, deadline)
            create_tickets(port, raw, 200, args.clients)  # warm-up, not counted
            before = cpu_seconds(server.pid)
            create_tickets(port, raw, args.tickets, args.clients)
            spent = cpu_seconds(server.pid) - before
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        print(
            f"{args.root}: {vendor}, uvicorn 1 worker, {args.clients} clients: "
            f"server CPU {1000 * spent / args.tickets:.2f} ms per API create ({args.tickets} creates)"
        )
    finally:
        shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    main()
