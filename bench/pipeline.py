"""The whole pipeline under a steady intake (issue 20): does the follow-up work keep pace with new tickets?

A fixed rate of new tickets (half mails into wowdesk's SMTP listener, half `POST /api/v1/tickets`) for a fixed
time, against wowdesk started the way `make run` starts it (`python -m wowdesk serve`: uvicorn, the SMTP
listeners, WOWDESK_WORKERS task workers, the webhook worker and the timers) on a fresh database, with outbound
mail going to a loopback SMTP server (aiosmtpd) in this process. Every ticket comes from a new address, so
every one gets an auto-reply; a team with 8 available agents routes them (they are full after 80 tickets, and
routing keeps looking for a free one for every new ticket, as it does on a busy day).

Reported: the intake achieved; the follow-up rate (follow-up tasks finished per second, auto-replies arrived
per second); the backlog over time (tasks of the `mail,default` queues queued or running, sampled every
--sample seconds; its largest also as seconds of work: divided by the follow-up rate, or by the rate asked
when that is lower); the auto-reply latency p50/p99 from the acknowledgement (the 250 after the mail's DATA,
the API's 201) to the auto-reply's arrival at the loopback server; and the peak memory of `serve` and its
children.

Target on the 2-core machine: at 150 tickets/s for the whole run, the backlog stays under 2 s of work and the
auto-reply p99 under 1 s.

Usage:
  .venv/bin/python bench/pipeline.py [--rate 150] [--seconds 120] [--workers N]
  createdb -h 127.0.0.1 -U postgres wowdesk_pipebench   (once; the benchmark empties it each run)
  WOWDESK_DATABASE_URL=postgres://postgres@127.0.0.1:5432/wowdesk_pipebench .venv/bin/python bench/pipeline.py
  WOWDESK_DATABASE_URL=... .venv/bin/python bench/pipeline.py --new-database   (PostgreSQL: drops the database
      and creates it again first, as a team's first install finds it: migrated, nothing analysed. Without it
      the tables are emptied, and the planner's statistics of earlier runs stay)
  .venv/bin/python bench/pipeline.py --find-max --seconds 30   (steps up the rate on one server, --seconds each,
      until a step misses a target, then halves the gap twice; prints the highest rate that met both)
--workers sets WOWDESK_WORKERS for `serve` (default: serve's own default). The load comes from threads in this
process (one keep-alive connection each), which share the machine's two cores with wowdesk, as the loopback
SMTP server does.
"""

import argparse
import http.client
import itertools
import json
import os
import shutil
import signal
import smtplib
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from email.message import EmailMessage
from pathlib import Path

import sqlite_stats  # bench/sqlite_stats.py
from procs import cpu_seconds, free_port, tree, wait_for_port  # bench/procs.py

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = Path(os.environ.get("WOWDESK_VAR_DIR", Path(tempfile.gettempdir()) / "wowdesk-pipebench"))
os.environ.setdefault("WOWDESK_VAR_DIR", str(VAR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")

BACKLOG_TARGET_S = 2.0
P99_TARGET_S = 1.0
SETTLE_S = 12  # serve starts the timers and the webhook worker 10 s after the rest (serve.LATER)


def short(command: str) -> str:
    """uvicorn, db_worker mail,default, smtpd, ... from a command line."""
    words = command.split()
    if "uvicorn" in command:
        return "web (uvicorn)"
    if "db_worker" in words and "--queue-name" in words:
        return "db_worker " + words[words.index("--queue-name") + 1]
    for word in ("smtpd", "fetchmail", "routing_tick", "chat_tick", "followups_tick", "serve"):
        if word in words:
            return word
    return words[0] if words else "?"


class Sink:
    """The loopback SMTP server the auto-replies go to: when each arrived, by recipient."""

    def __init__(self):
        self.arrivals: dict[str, float] = {}
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        now = time.monotonic()
        with self.lock:
            for rcpt in envelope.rcpt_tos:
                self.arrivals.setdefault(rcpt.lower(), now)
        return "250 OK"


def tree_rss(pid: int) -> tuple[int, int]:
    """(total RSS, largest single RSS) in bytes of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    total = largest = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            with open(f"/proc/{p}/status") as f:
                rss = next(int(line.split()[1]) * 1024 for line in f if line.startswith("VmRSS:"))
        except (OSError, StopIteration):
            continue
        total += rss
        largest = max(largest, rss)
    return total, largest


def setup_database(new: bool = False) -> tuple[int, str, str]:
    """A fresh database with a team, its mailbox, 8 available agents and an API token: (team id, token, vendor).
    `new`: on PostgreSQL the database is dropped and created again (emptying it keeps pg_statistic)."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    if connection.vendor == "postgresql" and new:
        name = connection.ops.quote_name(connection.settings_dict["NAME"])
        connection.close()
        with connection._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
            cursor.execute(f"CREATE DATABASE {name}")
    elif connection.vendor == "postgresql":
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)
    from wowdesk.accounts.models import Team, User
    from wowdesk.api.models import ApiToken
    from wowdesk.hours.models import OpeningHours
    from wowdesk.mail.models import Mailbox

    team = Team.objects.create(name="Bench", language="da")
    OpeningHours.objects.create(team=team, holidays="", weekly={str(d): [["00:00", "23:59"]] for d in range(7)})
    Mailbox.objects.create(address="support@example.com", team=team, language="da")
    now = timezone.now()
    for n in range(8):
        agent = User.objects.create_user(
            f"agent{n}@bench.dk", "x", name=f"Agent {n}", presence="available", presence_changed_at=now
        )
        agent.last_seen_at = now + timezone.timedelta(days=1)  # stays "seen" for the whole run
        agent.save(update_fields=["last_seen_at"])
        agent.teams.set([team])
    lead = User.objects.create_user("pipe-bench@example.com", "x", name="Bench", role="lead")
    lead.teams.set([team])
    token, raw = ApiToken.issue(lead, "write", "bench")
    token.rate_limit = 10**9
    token.save()
    vendor = connection.vendor
    connection.close()
    return team.pk, raw, vendor


def database_backends() -> dict[int, float]:
    """{pid: CPU seconds} of the PostgreSQL backends serving this database, from /proc (a server on this machine):
    the database's own share of the work, which the serve processes' CPU does not include. {} on SQLite."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return {pid: cpu_seconds(pid) for (pid,) in cursor.fetchall()}


class Counts:
    """Read from the database in the sampler's thread: follow-up tasks queued or running, and finished."""

    def __init__(self):
        from django_tasks_db.models import DBTaskResult

        self.tasks = DBTaskResult.objects.filter(queue_name__in=["mail", "default"])

    def backlog(self) -> int:
        # Ready to run now (a retry waiting for its time is not backlog), or taken by a worker and not finished.
        return self.tasks.ready().count() + self.tasks.filter(status="RUNNING").count()

    def finished(self) -> int:
        return self.tasks.filter(status__in=["SUCCESSFUL", "FAILED"]).count()

    def failed(self) -> int:
        return self.tasks.filter(status="FAILED").count()


def run_step(args, *, rate: float, seconds: float, tag: str, team: int, token: str, ports, sink, serve_pid):
    """One period of steady intake at `rate`; returns its figures."""
    from django.db import connection

    web_port, smtpd_port = ports
    total = int(rate * seconds)
    # Ticket i is due at start + i / rate; even numbers come by mail, odd ones through the API.
    mail_numbers = list(range(0, total, 2))
    api_numbers = list(range(1, total, 2))
    acks: dict[str, float] = {}
    late: list[float] = []
    errors: list[str] = []
    shed = {"smtp": 0, "api": 0}  # refused by wowdesk's admission (451 4.3.2 / 503): not sent again here
    lock = threading.Lock()
    start = time.monotonic() + 0.5

    def address(i: int) -> str:
        return f"kunde-{tag}-{i}@bench.dk"

    def mail(i: int) -> bytes:
        msg = EmailMessage()
        msg["From"] = f"Kunde {i} <{address(i)}>"
        msg["To"] = "support@example.com"
        msg["Subject"] = f"Spørgsmål {tag}-{i} om min faktura"
        msg["Message-ID"] = f"<{tag}-{i}@bench.dk>"
        msg.set_content(f"Hej\n\nJeg har et spørgsmål om faktura {i}. Hvad gør jeg?\n\nVenlig hilsen\nKunde {i}")
        return msg.as_bytes()

    def api_body(i: int) -> str:
        return json.dumps(
            {
                "subject": f"Ordre {tag}-{i} mangler",
                "message": "Hej, hvor er min ordre? Den skulle være kommet i går.",
                "contact": {"email": address(i), "name": f"Kunde {i}"},
                "team": team,
            }
        )

    def wait_turn(i: int) -> bool:
        """Wait for ticket i's time; False when the intake period is over (a server that cannot keep up does
        not make the run longer: the tickets it had no time for are not sent, and the intake rate shows it)."""
        due = start + i / rate
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        elif time.monotonic() > start + seconds:
            return False
        elif delay < -0.05:
            with lock:
                late.append(-delay)
        return True

    def smtp_sender(queue):
        smtp = smtplib.SMTP("127.0.0.1", smtpd_port, timeout=30)
        try:
            for i in queue:
                raw = mail(i)
                if not wait_turn(i):
                    continue
                sent = False
                for attempt in (1, 2):  # again on a new connection: the same Message-ID is stored once
                    try:
                        smtp.sendmail(address(i), ["support@example.com"], raw)
                        sent = True
                        break
                    except smtplib.SMTPDataError as exc:
                        if exc.smtp_code == 451 and b"4.3.2" in exc.smtp_error:
                            with lock:
                                shed["smtp"] += 1
                            break
                        with lock:
                            errors.append(f"smtp {i}: {exc}")
                        break
                    except (smtplib.SMTPException, OSError) as exc:
                        if attempt == 2:
                            with lock:
                                errors.append(f"smtp {i}: {exc}")
                        smtp.close()
                        smtp = smtplib.SMTP("127.0.0.1", smtpd_port, timeout=30)
                if not sent:
                    continue
                with lock:
                    acks[address(i)] = time.monotonic()
        finally:
            try:
                smtp.quit()
            except (smtplib.SMTPException, OSError):
                pass

    def api_sender(queue):
        conn = http.client.HTTPConnection("127.0.0.1", web_port, timeout=30)
        for i in queue:
            body = api_body(i)
            # The key makes the one retry below safe: a keep-alive connection the server closed while it idled
            # (uvicorn after 5 s, at low rates) fails the first try, and a retry never makes a second ticket.
            headers = {
                "Authorization": f"Bearer {token}",
                "Content-Type": "application/json",
                "Idempotency-Key": f"{tag}-{i}",
            }
            if not wait_turn(i):
                continue
            for attempt in (1, 2):
                try:
                    conn.request("POST", "/api/v1/tickets", body, headers)
                    response = conn.getresponse()
                    response.read()
                    break
                except (OSError, http.client.HTTPException) as exc:
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", web_port, timeout=30)
                    if attempt == 2:
                        with lock:
                            errors.append(f"api {i}: {exc}")
                        response = None
            if response is None:
                continue
            if response.status == 503:
                with lock:
                    shed["api"] += 1
                continue
            if response.status != 201:
                with lock:
                    errors.append(f"api {i}: HTTP {response.status}")
                continue
            with lock:
                acks[address(i)] = time.monotonic()

    # Each sender thread takes the next ticket of its channel when it is free; a ticket that finds every
    # sender busy goes late, and the intake achieved shows it.
    mail_queue, api_queue = iter(mail_numbers), iter(api_numbers)
    shared = threading.Lock()

    def take(queue):
        while True:
            with shared:
                i = next(queue, None)
            if i is None:
                return
            yield i

    threads = [threading.Thread(target=smtp_sender, args=(take(mail_queue),), daemon=True) for _ in range(args.senders)]
    threads += [threading.Thread(target=api_sender, args=(take(api_queue),), daemon=True) for _ in range(args.senders)]

    counts = Counts()
    samples: list[tuple[float, int, int, int, int]] = []  # (t, backlog, finished, auto-replies, rss)
    peak = [0, 0]
    sampling = threading.Event()

    def sample() -> None:
        finished = counts.finished()
        with sink.lock:
            arrived = len(sink.arrivals)
        rss, largest = tree_rss(serve_pid)
        peak[0], peak[1] = max(peak[0], rss), max(peak[1], largest)
        samples.append((time.monotonic() - start, counts.backlog(), finished, arrived, rss))

    def sampler() -> None:
        while not sampling.wait(args.sample):
            sample()
        connection.close()

    finished_before = counts.finished()
    with sink.lock:
        arrived_before = len(sink.arrivals)
    sampler_thread = threading.Thread(target=sampler, daemon=True)
    sampler_thread.start()
    processes = tree(serve_pid)
    cpu_before = {pid: cpu_seconds(pid) for pid in processes}
    backends_before = database_backends()
    window_start = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    window = (window_start, time.time())
    cpu_during = {pid: cpu_seconds(pid) - cpu_before[pid] for pid in processes}
    # Backends alive at the end (the pool's and the workers' connections are kept): what each used since the start
    # of the intake, or since it connected.
    backends = {pid: used - backends_before.get(pid, 0.0) for pid, used in database_backends().items()}
    intake_end = time.monotonic()
    intake_elapsed = max(seconds, intake_end - start)
    finished_at_end = counts.finished()
    wanted = set(acks)
    drain_deadline = time.monotonic() + args.drain
    while time.monotonic() < drain_deadline:
        with sink.lock:
            if wanted <= sink.arrivals.keys():
                break
        time.sleep(0.1)
    sampling.set()
    sampler_thread.join()
    sample()
    with sink.lock:
        arrivals = dict(sink.arrivals)
    latencies = sorted(arrivals[a] - t for a, t in acks.items() if a in arrivals)
    missing = len(wanted - arrivals.keys())
    last_arrival = max((arrivals[a] for a in wanted if a in arrivals), default=intake_end)
    follow_elapsed = max(intake_elapsed, last_arrival - start)
    during = [s for s in samples if s[0] <= intake_elapsed + 0.01]
    # Skip the first sample window: the queue starts empty.
    backlogs = [s[1] for s in during] or [0]
    result = {
        "rate": rate,
        "asked": total,
        "acked": len(acks),
        "errors": errors,
        "intake": len(acks) / intake_elapsed,
        "late_p99": sorted(late)[int(len(late) * 0.99)] if late else 0.0,
        "late": len(late),
        "tasks_done": finished_at_end - finished_before,
        "task_rate": (finished_at_end - finished_before) / intake_elapsed,
        "replies": len(latencies),
        "reply_rate": (len(arrivals) - arrived_before) / follow_elapsed,
        "missing": missing,
        "p50": statistics.median(latencies) if latencies else float("inf"),
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] if latencies else float("inf"),
        "max": latencies[-1] if latencies else float("inf"),
        "backlog_max": max(backlogs),
        "backlog_end": backlogs[-1],
        "samples": samples,
        "peak_rss": peak[0],
        "peak_largest": peak[1],
        "failed": counts.failed(),
        "elapsed": intake_elapsed,
        "shed": dict(shed),
        "window": window,
        "cpu": {},
    }
    for pid, used in cpu_during.items():
        kind = short(processes[pid])
        result["cpu"][kind] = result["cpu"].get(kind, 0.0) + used
    result["database_cpu"] = sum(max(0.0, used) for used in backends.values()) if backends else None
    if getattr(args, "stats", None):
        time.sleep(2.5)  # every process writes its figures at least every 2 s while it writes
        result["lock"] = sqlite_stats.summary(args.stats, *window)
    # Seconds of work: how long the workers take to clear the largest backlog at the pace they kept (at the
    # rate asked, when they keep up; slower when they do not).
    result["backlog_s"] = result["backlog_max"] / max(min(rate, result["task_rate"]), 0.1)
    result["ok"] = (
        result["backlog_s"] < BACKLOG_TARGET_S
        and result["p99"] < P99_TARGET_S
        and not missing
        and not errors
        and result["intake"] >= 0.97 * rate
    )
    connection.close()
    return result


def report(r: dict, verbose: bool = True) -> None:
    mib = 1024 * 1024
    print(
        f"intake: asked {r['rate']:.0f} tickets/s for {r['elapsed']:.0f} s ({r['asked']}), acknowledged {r['acked']} "
        f"= {r['intake']:.1f}/s; late starts {r['late']} (p99 {r['late_p99'] * 1000:.0f} ms); errors {len(r['errors'])}"
        + (f" (first: {r['errors'][0]})" if r["errors"] else "")
    )
    print(
        f"shed by wowdesk (SMTP 451 4.3.2, API 503; not sent again): {r['shed']['smtp']} mails, {r['shed']['api']} API"
    )
    print(
        f"follow-up: {r['tasks_done']} tasks finished during the intake = {r['task_rate']:.1f}/s; "
        f"auto-replies {r['reply_rate']:.1f}/s; failed tasks {r['failed']}"
    )
    if verbose:
        print("backlog over time (tasks of mail,default queued or running; t in s from the start):")
        line = []
        for t, backlog, _finished, _arrived, _rss in r["samples"]:
            line.append(f"{t:5.0f}:{backlog:>5}")
        for chunk in range(0, len(line), 8):
            print("   " + "  ".join(line[chunk : chunk + 8]))
    print(
        f"backlog: max {r['backlog_max']} tasks = {r['backlog_s']:.2f} s of work "
        f"at {min(r['rate'], r['task_rate']):.0f} tasks/s "
        f"(target < {BACKLOG_TARGET_S:.0f} s: {'OK' if r['backlog_s'] < BACKLOG_TARGET_S else 'MISSED'}); "
        f"at the end of the intake {r['backlog_end']}"
    )
    met = r["p99"] < P99_TARGET_S and not r["missing"]
    print(
        f"auto-reply latency (ack -> loopback SMTP), {r['replies']}/{r['acked']} arrived: "
        f"p50 {r['p50'] * 1000:.0f} ms, p99 {r['p99'] * 1000:.0f} ms, max {r['max'] * 1000:.0f} ms "
        f"(target p99 < {P99_TARGET_S * 1000:.0f} ms: {'OK' if met else 'MISSED'})"
    )
    print(
        f"peak memory of serve and its children: {r['peak_rss'] / mib:.0f} MiB in all, "
        f"largest process {r['peak_largest'] / mib:.0f} MiB"
    )
    acked = max(r["acked"], 1)
    print(
        f"server CPU during the intake per acknowledged ticket: {sum(r['cpu'].values()) / acked * 1000:.1f} ms ("
        + ", ".join(
            f"{k} {v / acked * 1000:.1f}" for k, v in sorted(r["cpu"].items(), key=lambda kv: -kv[1]) if v > 0.05
        )
        + ")"
    )
    if r.get("database_cpu") is not None:
        per_ticket = r["database_cpu"] / acked * 1000
        print(f"PostgreSQL backends' CPU during the intake per acknowledged ticket: {per_ticket:.1f} ms")
    if r.get("lock"):
        print("SQLite write lock during the intake, by process kind (WOWDESK_SQLITE_STATS):")
        print("\n".join(r["lock"]))
    print(f"=> {r['rate']:.0f} tickets/s: {'MEETS both targets' if r['ok'] else 'MISSES'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rate", type=float, default=150, help="new tickets per second (half mail, half API)")
    parser.add_argument("--seconds", type=float, default=120, help="how long the intake lasts")
    parser.add_argument("--workers", type=int, help="WOWDESK_WORKERS for serve (default: serve's own)")
    parser.add_argument("--senders", type=int, default=8, help="sender threads per channel")
    parser.add_argument("--sample", type=float, default=3, help="seconds between backlog samples")
    parser.add_argument("--drain", type=float, default=20, help="seconds to wait for the last auto-replies")
    parser.add_argument(
        "--new-database",
        action="store_true",
        help="PostgreSQL: drop and create the database first (a new install: no statistics), instead of emptying it",
    )
    parser.add_argument("--find-max", action="store_true", help="step the rate up to the highest that meets both")
    parser.add_argument("--start-rate", type=float, default=100, help="first rate of --find-max")
    parser.add_argument(
        "--shed-after",
        type=float,
        help="WOWDESK_INTAKE_SHED_AFTER for serve: refuse intake while the oldest follow-up waited longer (0: never)",
    )
    args = parser.parse_args()
    started = time.monotonic()
    if "WOWDESK_DATABASE_URL" not in os.environ:
        shutil.rmtree(VAR, ignore_errors=True)
    VAR.mkdir(parents=True, exist_ok=True)
    team, token, vendor = setup_database(new=args.new_database)

    from aiosmtpd.controller import Controller

    sink = Sink()
    sink_port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=sink_port)
    controller.start()
    web_port, smtpd_port = free_port(), free_port()
    env = {
        **os.environ,
        "WOWDESK_SMTP_URL": f"smtp://127.0.0.1:{sink_port}",
        "WOWDESK_SMTPD_PORT": str(smtpd_port),
        "WOWDESK_AUTO_REPLY_LIMIT": "1000000",
    }
    if args.workers:
        env["WOWDESK_WORKERS"] = str(args.workers)
    if args.shed_after is not None:
        env["WOWDESK_INTAKE_SHED_AFTER"] = str(args.shed_after)
    stats = VAR / "sqlite-stats"  # each process's SQLite write-lock waits and holds (wowdesk.sqlite)
    if vendor == "sqlite":
        shutil.rmtree(stats, ignore_errors=True)
        stats.mkdir(parents=True)
        env["WOWDESK_SQLITE_STATS"] = str(stats)
    serve = subprocess.Popen(
        [sys.executable, "-m", "wowdesk", "serve", "--port", str(web_port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(VAR / "serve.log", "ab"),  # noqa: SIM115 (open while serve runs)
        start_new_session=True,
    )
    try:
        serve_started = time.monotonic()
        deadline = serve_started + 120  # a loaded machine starts a dozen processes slowly
        wait_for_port(web_port, deadline)
        wait_for_port(smtpd_port, deadline)
        time.sleep(max(0.0, serve_started + SETTLE_S - time.monotonic()))
        workers = env.get("WOWDESK_WORKERS", "serve's default")
        knobs = " ".join(
            f"{k}={env[k]}"
            for k in ("WOWDESK_INTAKE_SHED_AFTER", "WOWDESK_SQLITE_TURNS", "WOWDESK_SQLITE_WORKERS_FIRST")
            if k in env
        )
        new = " (new)" if args.new_database and vendor == "postgresql" else ""
        print(
            f"database: {vendor}{new}; "
            f"python -m wowdesk serve (WOWDESK_WORKERS={workers}{' ' + knobs if knobs else ''}), "
            f"{args.senders} SMTP + {args.senders} API sender threads; setup {time.monotonic() - started:.0f} s"
        )
        args.stats = stats if vendor == "sqlite" else None
        common = {"team": team, "token": token, "ports": (web_port, smtpd_port), "sink": sink, "serve_pid": serve.pid}
        # Warm-up, not counted: each process's first tickets import and compile what the rest reuse.
        run_step(args, rate=5, seconds=2, tag="w", **common)
        # The timers' and the webhook worker's first rounds (started 10 s after the rest) take seconds of CPU:
        # measured from when serve's processes are quiet (at most 90 s), as bench/make_run.py does.
        settle_until = time.monotonic() + 90
        while time.monotonic() < settle_until:
            processes = tree(serve.pid)
            cpu = sum(cpu_seconds(pid) for pid in processes)
            time.sleep(1)
            if len(processes) >= 10 and sum(cpu_seconds(pid) for pid in processes) - cpu < 0.15:
                break
        if not args.find_max:
            report(run_step(args, rate=args.rate, seconds=args.seconds, tag="r", **common))
        else:
            results = {}
            step = itertools.count()

            def trial(rate: float) -> bool:
                rate = round(rate)
                if rate in results:  # the search came back to a rate it has measured
                    return results[rate]["ok"]
                # Each step starts with an empty queue: what a step before left is not this one's backlog.
                counts, until = Counts(), time.monotonic() + 120
                while counts.backlog() and time.monotonic() < until:
                    time.sleep(1)
                print(f"\n--- {rate} tickets/s for {args.seconds:.0f} s")
                results[rate] = run_step(args, rate=rate, seconds=args.seconds, tag=f"s{next(step)}", **common)
                report(results[rate], verbose=False)
                return results[rate]["ok"]

            rate, good, bad = args.start_rate, 0.0, None
            while trial(rate):
                good, rate = rate, rate * 1.5
            bad = rate
            for _ in range(2):
                mid = (good + bad) / 2
                if trial(mid):
                    good = mid
                else:
                    bad = mid
            print(
                f"\nhighest rate that met both targets for {args.seconds:.0f} s: "
                + (f"{round(good)} tickets/s" if good else f"none (from {args.start_rate:.0f}/s)")
            )
        print(f"total time: {time.monotonic() - started:.0f} s")
    finally:
        serve.send_signal(signal.SIGINT)  # serve stops its children
        try:
            serve.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(serve.pid, signal.SIGKILL)
        controller.stop()


if __name__ == "__main__":
    main()
