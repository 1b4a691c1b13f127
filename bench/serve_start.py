"""How long `python -m wowdesk serve` takes until its web port and its SMTP port answer, with the timers and the
webhook worker started together with the rest (LATER=0) or LATER seconds after them (what serve does).

Every child of serve is a Django process that needs about 1.3 s of CPU to start; on a 2-core machine the ones
people and mail servers talk to come up sooner when they do not share the CPU with the timers.
Usage: .venv/bin/python bench/serve_start.py [--rounds 3]   (SQLite in a temporary folder; runs alternate)
"""

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def run(later: int) -> tuple[float, float]:
    var = tempfile.mkdtemp(prefix="wowdesk-serve-bench-")
    web, smtp = free_port(), free_port()
    env = {
        **os.environ,
        "WOWDESK_VAR_DIR": var,
        "WOWDESK_DATABASE_URL": f"sqlite:///{var}/db.sqlite3",
        "WOWDESK_SMTPD_PORT": str(smtp),
        "DJANGO_SETTINGS_MODULE": "wowdesk.settings",
    }
    subprocess.run([sys.executable, "-m", "wowdesk", "migrate", "-v", "0"], env=env, cwd=ROOT, check=True)
    code = (
        "import django; django.setup(); from wowdesk.web.management.commands import serve; "
        f"serve.LATER = {later}; from django.core.management import call_command; call_command('serve', port={web})"
    )
    started = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-c", code], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    web_up = smtp_up = None
    try:
        while web_up is None or smtp_up is None:
            now = time.monotonic() - started
            if web_up is None and answers(web):
                web_up = now
            if smtp_up is None and answers(smtp):
                smtp_up = now
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(30)
        shutil.rmtree(var, ignore_errors=True)
    return web_up, smtp_up


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--later", type=int, default=10, help="serve's LATER (wowdesk/web/management/commands)")
    args = parser.parse_args()
    for _ in range(args.rounds):
        for later in (0, args.later):
            web_up, smtp_up = run(later)
            load = os.getloadavg()[0]
            print(f"LATER={later:2}: web answers after {web_up:5.1f} s, SMTP after {smtp_up:5.1f} s  (load {load:.1f})")


if __name__ == "__main__":
    main()
