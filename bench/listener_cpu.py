"""CPU time of the SMTP listener process per received mail, and of one routing round (issue 20).

The listener: a fresh database, `python -m wowdesk smtpd` (--listeners processes sharing the port), --mails
mails over loopback from --clients connections, no task worker; the CPU of the listener processes from /proc
(bench/procs.py), which moves far less with the machine's load than a rate does.
The routing round (--routing N): routing.services.tick() in this process with 8 agents at capacity and N
tickets of one team waiting, twice.

Usage: .venv/bin/python bench/listener_cpu.py [--mails 1000] [--clients 4] [--listeners 1] [--routing 1300]
       (WOWDESK_DATABASE_URL=postgres://... for PostgreSQL; that database is emptied first)
Compare commits by running it from a worktree of each, alternately, several times (`python -m wowdesk` is
started from the current directory).
"""

import argparse
import os
import shutil
import smtplib
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage
from pathlib import Path

from procs import cpu_seconds, free_port, wait_for_port  # bench/procs.py

ROOT = Path.cwd()
sys.path.insert(0, str(ROOT))


def make_mail(i: int, tag: str) -> bytes:
    msg = EmailMessage()
    msg["From"] = f"Kunde {i} <kunde{i}@bench-{tag}.dk>"
    msg["To"] = "support@example.com"
    msg["Subject"] = f"Spørgsmål {tag}-{i} om min faktura"
    msg["Message-ID"] = f"<{tag}-{i}@bench.dk>"
    msg.set_content(f"Hej\n\nJeg har et spørgsmål om faktura {i}. Hvad gør jeg?\n\nVenlig hilsen\nKunde {i}")
    return msg.as_bytes()


def setup_database():
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    from wowdesk.accounts.models import Team
    from wowdesk.mail.models import Mailbox

    team = Team.objects.create(name="Bench", language="da")
    Mailbox.objects.create(address="support@example.com", team=team, language="da")
    return team


def listener(args) -> None:
    from django.db import connection

    from wowdesk.mail.models import InboundMail

    connection.close()
    port = free_port()
    command = [sys.executable, "-m", "wowdesk", "smtpd", "--port", str(port)]
    procs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL) for _ in range(args.listeners)]
    try:
        deadline = time.monotonic() + 30
        wait_for_port(port, deadline)
        tag = str(int(time.time()))
        rendered = {f"w{tag}": {i: make_mail(i, f"w{tag}") for i in range(60)}}
        rendered[tag] = {i: make_mail(i, tag) for i in range(args.mails)}

        def send(numbers, batch):
            with smtplib.SMTP("127.0.0.1", port) as smtp:
                for i in numbers:
                    smtp.sendmail(f"kunde{i}@bench-{batch}.dk", ["support@example.com"], rendered[batch][i])

        def send_all(batch, count):
            with ThreadPoolExecutor(args.clients) as pool:
                list(pool.map(lambda c: send(range(c, count, args.clients), batch), range(args.clients)))

        send_all(f"w{tag}", 60)  # warm-up: imports, compiled statements, the mailbox cache
        time.sleep(0.5)
        before = {p.pid: cpu_seconds(p.pid) for p in procs}
        started = time.perf_counter()
        send_all(tag, args.mails)
        elapsed = time.perf_counter() - started
        used = sum(cpu_seconds(p.pid) - before[p.pid] for p in procs)
        stored = InboundMail.objects.filter(dedupe_key__startswith=f"<{tag}-").count()
        print(
            f"{connection.vendor}: SMTP listener CPU {1000 * used / args.mails:.2f} ms per mail ({args.mails} mails, "
            f"{stored} stored, {args.listeners} listener(s), {args.clients} clients, {elapsed:.1f} s)"
        )
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(10)


def routing(team, waiting: int) -> None:
    from django.db import connection
    from django.utils import timezone

    from wowdesk.accounts.models import User
    from wowdesk.routing import services
    from wowdesk.tickets import services as tickets
    from wowdesk.tickets.models import Ticket

    now = timezone.now()
    agents = []
    for n in range(8):
        agent = User.objects.create_user(
            f"agent{n}@bench.dk", "x", name=f"Agent {n}", presence="available", presence_changed_at=now
        )
        User.objects.filter(pk=agent.pk).update(last_seen_at=now + timezone.timedelta(days=1))
        agent.teams.set([team])
        agents.append(agent)
    for i in range(80 + waiting):
        ticket = tickets.open_ticket(email=f"r{i}@kunde.dk", subject=f"Sag {i}", body="Hej", channel="email", team=team)
        if i < 80:  # capacity 10 each: all 8 are full
            Ticket.objects.filter(pk=ticket.pk).update(assignee=agents[i % 8])
    for attempt in ("first", "second"):
        started = time.process_time()
        result = services.tick()
        print(
            f"{connection.vendor}: routing round ({attempt}) with {waiting} tickets waiting and every agent full: "
            f"{1000 * (time.process_time() - started):.1f} ms CPU ({result})"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mails", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--listeners", type=int, default=1)
    parser.add_argument("--routing", type=int, default=0, help="also time a routing round with N tickets waiting")
    args = parser.parse_args()
    var = tempfile.mkdtemp(prefix="wowdesk-listenercpu-")
    os.environ["WOWDESK_VAR_DIR"] = var
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")
    try:
        team = setup_database()
        if args.mails:
            listener(args)
        if args.routing:
            routing(team, args.routing)
    finally:
        shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    main()
