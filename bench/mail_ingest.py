"""Mail ingestion speed through the real SMTP listener, and auto-reply latency to a sink SMTP server.

Targets on the 2-core machine with SQLite: at least 200 mails/s from SMTP to a committed ticket, and
auto-reply p99 under 2 s from the 250 to arrival at the sink.

Usage: .venv/bin/python bench/mail_ingest.py [--mails 2000] [--clients 6] [--listeners 2] [--latency-mails 200]
       (WOWDESK_DATABASE_URL=postgres://... to run it on PostgreSQL; the database is emptied first)
Two listeners by default: one per core, sharing the port, as `serve` starts them (WOWDESK_SMTPD_LISTENERS).
Phase 1 sends --mails mails from --clients concurrent SMTP connections, as fast as they are accepted.
Phase 2 sends --latency-mails at 20 mails/s and times each auto-reply, from the 250 to its arrival.
"""

import argparse
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = Path(tempfile.gettempdir()) / "wowdesk-mailbench"
os.environ.setdefault("WOWDESK_VAR_DIR", str(VAR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink:
    def __init__(self):
        self.arrivals: dict[str, float] = {}
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        msg = message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.arrivals[str(msg["In-Reply-To"])] = time.monotonic()
        return "250 OK"


def make_mail(i: int, tag: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"Kunde {i} <kunde{i}@bench-{tag}.dk>"
    msg["To"] = "support@example.com"
    msg["Subject"] = f"Spørgsmål nummer {i} om min faktura"
    msg["Message-ID"] = f"<{tag}-{i}@bench.dk>"
    msg.set_content(f"Hej\n\nJeg har et spørgsmål om faktura {i}. Hvad gør jeg?\n\nVenlig hilsen\nKunde {i}")
    return msg


def main() -> None:
    import smtplib

    parser = argparse.ArgumentParser()
    parser.add_argument("--mails", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--latency-mails", type=int, default=200)
    parser.add_argument("--listeners", type=int, default=2, help="SMTP listener processes sharing the port")
    args = parser.parse_args()
    if "WOWDESK_DATABASE_URL" not in os.environ:
        shutil.rmtree(VAR, ignore_errors=True)
    VAR.mkdir(parents=True, exist_ok=True)

    import django

    django.setup()
    from aiosmtpd.controller import Controller
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    from wowdesk.accounts.models import Team, User
    from wowdesk.hours.models import OpeningHours
    from wowdesk.mail.models import InboundMail, Mailbox

    team = Team.objects.create(name="Bench", language="da")
    OpeningHours.objects.create(team=team, holidays="", weekly={str(d): [["00:00", "23:59"]] for d in range(7)})
    Mailbox.objects.create(address="support@example.com", team=team, language="da")
    User.objects.create_user("bench@example.com", "x", name="Bench Agent").teams.set([team])
    connection.close()

    sink = Sink()
    sink_port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=sink_port)
    controller.start()
    smtp_port = free_port()
    env = {**os.environ, "WOWDESK_SMTP_URL": f"smtp://127.0.0.1:{sink_port}", "WOWDESK_AUTO_REPLY_LIMIT": "100"}
    # N listener processes share the port (SO_REUSEPORT): the production way to use every core.
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "wowdesk", "smtpd", "--port", str(smtp_port)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        for _ in range(args.listeners)
    ]
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", smtp_port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

        # Phase 1: throughput, no worker running (auto-replies wait in the queue).
        # Mails are rendered before the clock starts, so the clients spend their time on SMTP only.
        rendered = {i: make_mail(i, "t").as_bytes() for i in range(args.mails)}

        def client(numbers):
            with smtplib.SMTP("127.0.0.1", smtp_port) as smtp:
                for i in numbers:
                    smtp.sendmail(f"kunde{i}@bench-t.dk", ["support@example.com"], rendered[i])

        chunks = [range(c, args.mails, args.clients) for c in range(args.clients)]
        started = time.perf_counter()
        with ThreadPoolExecutor(args.clients) as pool:
            list(pool.map(client, chunks))
        elapsed = time.perf_counter() - started
        stored = InboundMail.objects.filter(dedupe_key__startswith="<t-").count()
        rate = args.mails / elapsed
        print(
            f"database: {connection.vendor}; {args.listeners} listener processes, {args.clients} concurrent "
            f"SMTP clients, {args.mails} mails"
        )
        print(
            f"ingest: {rate:,.0f} mails/s from SMTP to a committed ticket ({elapsed:.1f} s; {stored} stored)"
            f"   target >= 200: {'OK' if rate >= 200 else 'MISSED'}"
        )

        # Drain the auto-replies queued in phase 1 before measuring latency.
        for _ in range(2):
            procs.append(
                subprocess.Popen(
                    [sys.executable, "-m", "wowdesk", "db_worker", "--interval", "0.05", "--no-startup-delay"],
                    env=env,
                    cwd=ROOT,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        drain_start = time.perf_counter()
        while len(sink.arrivals) < args.mails and time.perf_counter() - drain_start < 300:
            time.sleep(0.2)
        drained = time.perf_counter() - drain_start
        print(
            f"auto-replies for phase 1: {len(sink.arrivals)} delivered by 2 workers in {drained:.1f} s "
            f"({len(sink.arrivals) / drained:,.0f}/s)"
        )

        # Phase 2: latency at a steady 20 mails/s.
        accepted = {}
        with smtplib.SMTP("127.0.0.1", smtp_port) as smtp:
            for i in range(args.latency_mails):
                msg = make_mail(i, "l")
                smtp.send_message(msg)
                accepted[msg["Message-ID"]] = time.monotonic()
                time.sleep(0.05)
        wait_until = time.monotonic() + 30
        while any(mid not in sink.arrivals for mid in accepted) and time.monotonic() < wait_until:
            time.sleep(0.05)
        latencies = sorted(sink.arrivals[mid] - t for mid, t in accepted.items() if mid in sink.arrivals)
        p50 = statistics.median(latencies)
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        print(
            f"auto-reply latency (250 -> sink), {len(latencies)}/{len(accepted)} arrived: "
            f"p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms   target p99 < 2000 ms: "
            f"{'OK' if p99 < 2 and len(latencies) == len(accepted) else 'MISSED'}"
        )
        print(
            f"peak RSS of this benchmark process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB"
        )
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            proc.wait(timeout=10)
        controller.stop()


if __name__ == "__main__":
    main()
