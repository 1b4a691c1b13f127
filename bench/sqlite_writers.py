"""How long SQLite writers wait for the write lock: threads of one process (an ASGI web server's requests) and
other processes (a task worker) all writing, each transaction holding the lock for a few milliseconds.

The holders sleep rather than compute, so the figures show how the lock is handed on, not how busy the
machine is: with SQLite's own busy handler a writer that has waited a while asks again only every 100 ms and
mostly finds the lock taken by a newer one; with wowdesk.sqlite the threads take turns and ask every
millisecond or so.

Usage:
  .venv/bin/python bench/sqlite_writers.py [--engine wowdesk.sqlite|django.db.backends.sqlite3]
      [--threads 8] [--processes 1] [--hold-ms 4] [--seconds 10]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup(engine: str, path: str) -> None:
    import django
    from django.conf import settings

    settings.configure(
        DATABASES={
            "default": {
                "ENGINE": engine,
                "NAME": path,
                "OPTIONS": {
                    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                    "transaction_mode": "IMMEDIATE",
                    "timeout": 30,
                },
            }
        }
    )
    django.setup()


def writer(seconds: float, hold: float, waits: list[float], gap: float) -> None:
    from django.db import connection, transaction

    stop_at = time.monotonic() + seconds
    while time.monotonic() < stop_at:
        started = time.monotonic()
        with transaction.atomic():
            waits.append(time.monotonic() - started)
            connection.cursor().execute("INSERT INTO t (x) VALUES (1)")
            time.sleep(hold)
        time.sleep(gap)  # the rest of a request: parsing, answering, the next one arriving
    connection.close()


def report(label: str, waits: list[float], seconds: float) -> None:
    waits = sorted(waits)

    def q(p: float) -> float:
        return waits[min(len(waits) - 1, int(len(waits) * p))] * 1000

    print(
        f"{label:28} {len(waits) / seconds:6.0f} transactions/s   wait p50 {q(0.5):6.1f}  p95 {q(0.95):6.1f}  "
        f"p99 {q(0.99):6.1f}  max {waits[-1] * 1000:6.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--engine", default="wowdesk.sqlite")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--processes", type=int, default=1, help="other processes writing, one thread each")
    parser.add_argument("--hold-ms", type=float, default=4)
    parser.add_argument("--gap-ms", type=float, default=4)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    hold, gap = args.hold_ms / 1000, args.gap_ms / 1000
    if args.child:
        setup(args.engine, args.child)
        waits: list[float] = []
        writer(args.seconds, hold, waits, gap)
        report("  another process", waits, args.seconds)
        return
    path = str(Path(tempfile.mkdtemp()) / "writers.sqlite3")
    setup(args.engine, path)
    from django.db import connection

    connection.cursor().execute("CREATE TABLE t (id INTEGER PRIMARY KEY, x INTEGER)")
    connection.close()
    print(
        f"{args.engine}: {args.threads} threads in this process and {args.processes} other processes write, "
        f"each holding the lock {args.hold_ms:g} ms then pausing {args.gap_ms:g} ms, for {args.seconds:g} s"
    )
    others = [
        subprocess.Popen(
            [sys.executable, __file__, "--child", path, "--engine", args.engine, "--hold-ms", str(args.hold_ms)]
            + ["--gap-ms", str(args.gap_ms), "--seconds", str(args.seconds)],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
        for _ in range(args.processes)
    ]
    waits: list[float] = []
    threads = [threading.Thread(target=writer, args=(args.seconds, hold, waits, gap)) for _ in range(args.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    report("  threads of this process", waits, args.seconds)
    for other in others:
        other.wait()


if __name__ == "__main__":
    main()
