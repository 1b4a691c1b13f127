"""CPU time and SQL statements per new ticket's follow-up work, in one worker process (issue 20).

Creates --tickets new tickets (untimed; half as mail, half through the API's service, all to a team with 8
available agents, every one from a new address so every one gets an auto-reply), then runs the task worker
(`db_worker`, the command `serve` starts) in this process until the `mail,default` queues are empty, and
reports the worker's CPU time and SQL statements per follow-up task (routing, the auto-reply composed and sent
to a loopback SMTP server, webhooks, and the worker's own claiming and result writes). The SMTP server runs in
a process of its own, so its CPU is not counted. process_time moves far less with the machine's load than a
throughput figure does, so two commits can be compared on a busy machine.

Usage: .venv/bin/python bench/followup_cpu.py [--tickets 1000] [--capacity 30000] [--webhooks 1]   (SQLite, temporary)
       WOWDESK_DATABASE_URL=postgres://postgres@127.0.0.1:5432/wowdesk_x .venv/bin/python bench/followup_cpu.py
       (the database is emptied first; the database server's own CPU is not counted, the statements are)
       Instructions of the measured run (stable on a busy machine; divide valgrind's "Collected" by the tasks):
       PIPELINE_CALLGRIND=1 valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=/dev/null \
           .venv/bin/python bench/followup_cpu.py --tickets 100
"""

import argparse
import atexit
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=1000)
    parser.add_argument("--profile", help="write a cProfile of the measured worker run to this file")
    parser.add_argument(
        "--capacity",
        type=int,
        default=10,
        help="each agent's capacity (default 10: the first 80 tickets get an agent, the rest wait; a large one "
        "routes every ticket to an agent)",
    )
    parser.add_argument(
        "--webhooks",
        type=int,
        default=0,
        help="webhook subscriptions to ticket.created and ticket.updated (their deliveries are queued, not sent: "
        "the webhooks queue has its own worker)",
    )
    parser.add_argument(
        "--processes", type=int, default=0, help="run N worker processes at once instead (claiming contention)"
    )
    args = parser.parse_args()
    var = tempfile.mkdtemp(prefix="wowdesk-followupcpu-")
    os.environ["WOWDESK_VAR_DIR"] = var
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")
    os.environ["WOWDESK_AUTO_REPLY_LIMIT"] = "1000000"
    port = free_port()
    os.environ["WOWDESK_SMTP_URL"] = f"smtp://127.0.0.1:{port}"
    # The write lock's holds per task (wowdesk.sqlite's figures, read in this process; SQLite only).
    stats = tempfile.mkdtemp(prefix="wowdesk-followupcpu-stats-")
    atexit.register(shutil.rmtree, stats, True)  # registered first, so it runs after the backend's last write
    os.environ.setdefault("WOWDESK_SQLITE_STATS", stats)
    sink = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Sink", "-l", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
    )
    try:
        run(args.tickets, args.profile, args.processes, args.capacity, args.webhooks)
    finally:
        sink.terminate()
        sink.wait()
        shutil.rmtree(var, ignore_errors=True)


def run(count: int, profile: str | None = None, processes: int = 0, capacity: int = 10, webhooks: int = 0) -> None:
    import cProfile

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from wowdesk.accounts.models import Team, User
    from wowdesk.api.models import WebhookSubscription
    from wowdesk.hours.models import OpeningHours
    from wowdesk.mail import services as mail
    from wowdesk.mail.models import Mailbox, OutboundMail
    from wowdesk.tickets import services as tickets

    if connection.vendor == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    team = Team.objects.create(name="Bench", language="da")
    OpeningHours.objects.create(team=team, holidays="", weekly={str(d): [["00:00", "23:59"]] for d in range(7)})
    Mailbox.objects.create(address="support@example.com", team=team, language="da")
    now = timezone.now()
    for n in range(8):
        agent = User.objects.create_user(f"agent{n}@bench.dk", "x", name=f"Agent {n}", presence="available")
        agent.last_seen_at = now + timezone.timedelta(days=1)
        agent.capacity = capacity
        agent.save(update_fields=["last_seen_at", "capacity"])
        agent.teams.set([team])

    for n in range(webhooks):
        WebhookSubscription.objects.create(
            url=f"https://hooks{n}.example.com/", events=["ticket.created", "ticket.updated"]
        )

    def ingest(i: int) -> None:
        raw_mail = (
            f"From: Kunde {i} <m{i}@kunde.dk>\r\nTo: support@example.com\r\nSubject: Spørgsmål {i}\r\n"
            f"Message-ID: <cpu-{i}@kunde.dk>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHej, et spørgsmål.\r\n"
        ).encode()
        mail.ingest(raw_mail, ["support@example.com"], f"m{i}@kunde.dk")

    def api(i: int) -> None:
        tickets.open_ticket(
            email=f"a{i}@kunde.dk",
            name="Kunde",
            subject=f"Ordre {i}",
            body="Hvor er min ordre?",
            channel="api",
            team=team,
        )

    # Warm-up: the worker's first tasks import and compile what the rest reuse.
    for i in range(20):
        (ingest if i % 2 else api)(100_000 + i)
    call_command("db_worker", batch=True, interval=0, startup_delay=False, queue_name="mail,default", verbosity=0)
    for i in range(count):
        (ingest if i % 2 else api)(i)
    queued = DBTaskResult.objects.filter(status="READY", queue_name__in=["mail", "default"]).count()
    sent_before = OutboundMail.objects.filter(status="sent").count()
    statements = [0]

    def counter(execute, sql, params, many, context):
        statements[0] += 1
        return execute(sql, params, many, context)

    if processes:
        return run_processes(processes, queued)
    lock = sqlite_lock_figures()
    wall, cpu = time.perf_counter(), time.process_time()
    # CPU time, not wall time: the SMTP sink and the database wait are not the worker's cost.
    profiler = cProfile.Profile(time.process_time) if profile else None
    # Under `valgrind --tool=callgrind --instr-atstart=no`, count the instructions of the measured run alone.
    valgrind = bool(os.environ.get("PIPELINE_CALLGRIND"))
    if valgrind:
        subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], check=True, capture_output=True)
    with connection.execute_wrapper(counter):
        if profiler:
            profiler.enable()
        call_command("db_worker", batch=True, interval=0, startup_delay=False, queue_name="mail,default", verbosity=0)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    if valgrind:
        subprocess.run(["callgrind_control", "-i", "off", str(os.getpid())], check=True, capture_output=True)
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)
    sent = OutboundMail.objects.filter(status="sent").count() - sent_before
    failed = DBTaskResult.objects.filter(status="FAILED").count()
    print(f"database: {connection.vendor}; {count} new tickets, {queued} follow-up tasks, {sent} auto-replies sent")
    print(
        f"worker: {1000 * cpu / queued:.2f} ms CPU and {statements[0] / queued:.1f} SQL statements per task "
        f"({wall:.1f} s wall, {queued / wall:.0f} tasks/s in one process); failed tasks: {failed}"
    )
    if lock is not None:
        after = sqlite_lock_figures()
        transactions, alone, held = (after[i] - lock[i] for i in range(3))
        print(
            f"SQLite write lock: {transactions / queued:.2f} transactions and {alone / queued:.2f} single writes "
            f"per task, held {held / queued:.2f} ms per task (holds and single writes, in one process)"
        )


def sqlite_lock_figures() -> tuple[int, int, float] | None:
    """(transactions, single writes, ms the write lock was held by both) of this process so far, on SQLite."""
    from django.db import connection

    if connection.vendor != "sqlite" or not os.environ.get("WOWDESK_SQLITE_STATS"):
        return None
    from wowdesk.sqlite import base

    stats = base._process_stats()
    return len(stats.holds), len(stats.alone), sum(stats.holds) + sum(ms for ms, _end in stats.alone)


def run_processes(count: int, queued: int) -> None:
    """`count` worker processes (`db_worker --batch`, as `serve` starts them) on the same queue at once: the
    wall time, their CPU per task, whether any task was taken twice, and on PostgreSQL how often a session
    waited on a lock (pg_stat_activity, sampled every 20 ms), and how often on a task row while claiming: the
    contention SKIP LOCKED is there to avoid (the other waits are the tasks' own, e.g. routing's team lock)."""
    import resource
    import threading

    from django.db import connection
    from django_tasks_db.models import DBTaskResult

    done_before = DBTaskResult.objects.filter(status="SUCCESSFUL").count()
    connection.close()
    waits, samples = [], threading.Event()

    def sample_waits() -> None:
        from django.db import connection

        while not samples.wait(0.02):
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(*), count(*) FILTER (WHERE query LIKE '%%dbtaskresult%%') FROM pg_stat_activity"
                    " WHERE wait_event_type = 'Lock' AND datname = current_database()"
                )
                waits.append(cursor.fetchone())
        connection.close()

    sampler = threading.Thread(target=sample_waits)
    if connection.vendor == "postgresql":
        sampler.start()
    command = [sys.executable, "-m", "wowdesk", "db_worker", "--batch", "--interval", "0", "--no-startup-delay"]
    command += ["--queue-name", "mail,default", "--verbosity", "0"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    workers = [subprocess.Popen(command, cwd=ROOT) for _ in range(count)]
    for worker in workers:
        worker.wait()
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    samples.set()
    if sampler.is_alive():
        sampler.join()
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    done = DBTaskResult.objects.filter(status="SUCCESSFUL").count() - done_before
    twice = sum(len(ids) > 1 for ids in DBTaskResult.objects.values_list("worker_ids", flat=True))
    print(f"database: {connection.vendor}; {queued} follow-up tasks, {count} worker processes at once")
    print(
        f"workers: {done} tasks in {wall:.1f} s = {done / wall:.0f} tasks/s; {1000 * cpu / done:.2f} ms CPU per task "
        f"(start-up included); tasks taken twice: {twice}"
    )
    if waits:
        print(
            f"sessions waiting on a lock: in {sum(1 for w, _ in waits if w)} of {len(waits)} samples (at most "
            f"{max(w for w, _ in waits)}); waiting to claim a task: in {sum(1 for _, c in waits if c)} samples"
        )


if __name__ == "__main__":
    main()
