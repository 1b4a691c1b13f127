"""`make run` under load: 8 clients creating tickets through POST /api/v1/tickets (issue 20, part 2).

Target: p99 under 200 ms on SQLite. Starts wowdesk as `make run` does, on a fresh SQLite database in a scratch
directory (migrate, the demo data, then `python -m wowdesk serve`: the web server, the task workers, the SMTP
listener and, after 10 s, the timers), waits until it answers, warms up for 2 s, then loads it for N seconds.
Prints tickets/s, p50/p95/p99, the CPU the server's processes used per created ticket, and the peak memory
(sum of the RSS of serve and all its processes, sampled every 0.2 s, and each process's own peak).

Usage (about a minute with the defaults):
  .venv/bin/python bench/make_run.py [--seconds 20] [--clients 8] [--no-demo]
Extra environment is passed to serve as it would be by `make run` (e.g. WOWDESK_WEB_WORKERS=2 together with
WOWDESK_REDIS_URL=redis://127.0.0.1:6379/0). The load comes from `wrk` (Debian package `wrk`) when it is
installed, otherwise from Python threads in this process (which then take a share of the same cores).
"""

import argparse
import http.client
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import sqlite_stats  # bench/sqlite_stats.py
from procs import cpu_seconds, free_port, tree, wait_for_port  # bench/procs.py

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = Path(os.environ.get("WOWDESK_VAR_DIR", Path(tempfile.gettempdir()) / "wowdesk-makerun-bench"))
os.environ["WOWDESK_VAR_DIR"] = str(VAR)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")
os.environ.pop("WOWDESK_DATABASE_URL", None)  # make run's default: SQLite under the var directory
PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mib(pid: int, field: str = "VmRSS") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def short(command: str) -> str:
    """`uvicorn`, `db_worker mail,default`, `smtpd`, ... from a command line."""
    words = command.split()
    if "-m" in words:
        words = words[words.index("-m") + 1 :]
    if words and words[0] == "wowdesk":
        words = words[1:]
    keep = [w for w in words[:6] if not w.startswith("-") and "/" not in w and not w.isdigit()]
    if keep and keep[0] == "db_worker" and "--queue-name" in words:
        keep = ["db_worker", words[words.index("--queue-name") + 1]]
    return " ".join(keep[:2]) or command[:40]


class Sampler(threading.Thread):
    """The summed RSS of the server's processes every 0.2 s; the peak is kept."""

    def __init__(self, root: int):
        super().__init__(daemon=True)
        self.root, self.peak, self.stopped = root, 0.0, threading.Event()

    def run(self):
        while not self.stopped.wait(0.2):
            self.peak = max(self.peak, sum(rss_mib(pid) for pid in tree(self.root)))


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


def wrk_load(port: int, raw: str, seconds: float, clients: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    # wrk prints only fixed percentiles with --latency; -U would print them all, so ask for the full
    # distribution through a done() hook instead.
    with open(script.name, "a") as more:
        more.write(
            "done = function(summary, latency, requests)\n"
            "  for _, p in pairs({50, 95, 99}) do io.write(string.format('P%d %d\\n', p, latency:percentile(p))) end\n"
            "  io.write(string.format('MAX %d\\n', latency.max))\n"
            "end\n"
        )
    out = subprocess.run(
        ["wrk", "-t1", f"-c{clients}", f"-d{seconds:.0f}s", "-s", script.name, "--timeout", "30s"]
        + ["-H", f"Authorization: Bearer {raw}", "-H", "Content-Type: application/json"]
        + [f"http://127.0.0.1:{port}/api/v1/tickets"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    result = {
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "errors": (int(errors.group(1)) if errors else 0),
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }
    for p in (50, 95, 99):
        result[f"p{p}"] = int(re.search(rf"^P{p} (\d+)$", out, re.MULTILINE).group(1)) / 1000
    result["max"] = int(re.search(r"^MAX (\d+)$", out, re.MULTILINE).group(1)) / 1000
    return result


def python_load(port: int, raw: str, seconds: float, clients: int) -> dict:
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
    result = {"rate": len(latencies) / seconds, "errors": len(errors), "socket_errors": ""}
    for p in (50, 95, 99):
        result[f"p{p}"] = latencies[min(len(latencies) - 1, int(len(latencies) * p / 100))] * 1000
    result["max"] = latencies[-1] * 1000
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--no-demo", action="store_true", help="skip the demo data make run loads")
    parser.add_argument("--python-clients", action="store_true", help="load from Python threads, not wrk")
    parser.add_argument("--keep", metavar="FILE", help="reuse the database this run prepared (saved to FILE once)")
    args = parser.parse_args()
    shutil.rmtree(VAR, ignore_errors=True)
    VAR.mkdir(parents=True)
    python = [sys.executable, "-m", "wowdesk"]
    database = VAR / "wowdesk.sqlite3"
    if args.keep and Path(args.keep).exists():  # alternating runs start from the same fresh copy
        shutil.copyfile(args.keep, database)
    else:
        # What `make run` does before serve.
        subprocess.run([*python, "migrate", "--noinput", "-v", "0"], cwd=ROOT, check=True)
        if not args.no_demo:
            subprocess.run([*python, "demo", "--if-empty"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        if args.keep:
            with sqlite3.connect(database) as source, sqlite3.connect(args.keep) as copy:
                source.backup(copy)

    import django

    django.setup()
    from django.db import connection

    from wowdesk.accounts.models import Team, User
    from wowdesk.api.models import ApiToken
    from wowdesk.tickets.models import Ticket

    team = Team.objects.create(name="Bench", language="da")
    user = User.objects.create_user("api-bench@example.com", "x", name="Bench", role="lead")
    user.teams.set([team])
    token, raw = ApiToken.issue(user, "write", "bench")
    token.rate_limit = 10**9
    token.save()
    connection.close()

    port = free_port()
    stats = VAR / "sqlite-stats"  # each process's write-lock waits and holds (wowdesk.sqlite)
    stats.mkdir()
    env = {
        **os.environ,
        "WOWDESK_PORT": str(port),
        "WOWDESK_SMTPD_PORT": str(free_port()),
        "WOWDESK_SQLITE_STATS": str(stats),
    }
    server = subprocess.Popen([*python, "serve"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    sampler = Sampler(server.pid)
    sampler.start()
    try:
        deadline = time.monotonic() + 120  # a loaded machine starts a dozen processes slowly
        wait_for_port(port, deadline, server)
        # The timers start 10 s after the web server (serve's LATER) and take a second or two of CPU each to
        # load Django and run their first round: measured from then on, not during their start.
        settle_until = time.monotonic() + 90
        while time.monotonic() < settle_until:
            processes = tree(server.pid)
            cpu = sum(cpu_seconds(pid) for pid in processes)
            time.sleep(1)
            busy = sum(cpu_seconds(pid) for pid in processes) - cpu
            if len(processes) >= 10 and busy < 0.1:
                break
        use_wrk = shutil.which("wrk") and not args.python_clients
        load = wrk_load if use_wrk else python_load
        load(port, raw, 2, args.clients)  # warm-up, not counted
        before = Ticket.objects.count()
        connection.close()
        processes = tree(server.pid)
        cpu_before = {pid: cpu_seconds(pid) for pid in processes}
        load_before = os.getloadavg()[0]
        window = time.time()
        result = load(port, raw, args.seconds, args.clients)
        window = (window, time.time())
        cpu_after = {pid: cpu_seconds(pid) for pid in processes}
        created = Ticket.objects.count() - before
        connection.close()
        sampler.stopped.set()
        by_kind: dict[str, float] = {}
        peaks: dict[str, float] = {}
        for pid, command in processes.items():
            kind = short(command)
            by_kind[kind] = by_kind.get(kind, 0.0) + cpu_after[pid] - cpu_before[pid]
            peaks[kind] = max(peaks.get(kind, 0.0), rss_mib(pid, "VmHWM"))
        print(
            f"make run (python -m wowdesk serve, SQLite, {'demo data' if not args.no_demo else 'no demo'}); "
            f"{args.clients} clients ({'wrk' if use_wrk else 'Python threads'}), {args.seconds:.0f} s; "
            f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, {os.cpu_count()} cores"
        )
        print(
            f"created: {created} tickets = {created / args.seconds:,.0f}/s; responses {result['rate']:,.0f}/s; "
            f"not 201 (503 when intake is shed, WOWDESK_INTAKE_SHED_AFTER): {result['errors']}"
            + (f"; socket errors: {result['socket_errors']}" if result["socket_errors"] else "")
        )
        print(
            f"latency: p50 {result['p50']:.0f} ms, p95 {result['p95']:.0f} ms, p99 {result['p99']:.0f} ms, "
            f"max {result['max']:.0f} ms"
        )
        busy = sorted(by_kind.items(), key=lambda kv: -kv[1])
        total = sum(by_kind.values())
        print(
            f"server CPU per created ticket: {total / max(created, 1) * 1000:.1f} ms ("
            + ", ".join(f"{kind} {cpu / max(created, 1) * 1000:.1f}" for kind, cpu in busy if cpu > 0.05)
            + ")"
        )
        print(
            f"peak memory: {sampler.peak:.0f} MiB summed over {len(processes)} processes; per process: "
            + ", ".join(f"{kind} {mib:.0f}" for kind, mib in sorted(peaks.items(), key=lambda kv: -kv[1])[:4])
            + " MiB"
        )
        print(f"measured from {window[0]:.3f} to {window[1]:.3f} (Unix time)")
        time.sleep(2.5)  # every process writes its figures at least every 2 s while it writes
        print("SQLite write lock in the window, by process kind (wowdesk.sqlite, WOWDESK_SQLITE_STATS):")
        print("\n".join(sqlite_stats.summary(stats, *window)) or "  (none recorded)")
        ok = result["p99"] < 200 and not result["errors"]
        print(f"target p99 < 200 ms on SQLite: {'OK' if ok else 'MISSED'}")
    finally:
        sampler.stopped.set()
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
