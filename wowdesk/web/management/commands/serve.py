"""`python -m wowdesk serve`: the web server (uvicorn, ASGI), task workers, SMTP listeners and the timers,
kept running until Ctrl-C: a process that dies is started again (with backoff), and the others keep serving."""

import os
import signal
import socket
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wowdesk.demo.services import DEMO_LOGINS, DEMO_PASSWORD, is_loaded

# A child that dies is started again after 1 s, then 2, 4, ... at most MAX_BACKOFF seconds while it keeps
# dying; one that ran for STABLE_AFTER seconds starts the count afresh.
MAX_BACKOFF = 30
STABLE_AFTER = 60
# What people and mail servers talk to (web, SMTP, the mail workers) starts first; the timers and the webhook
# worker this many seconds later. Each child is a Django process that takes a second or two of CPU to start,
# and on the 2-core machine the web server answered after 11-25 s instead of 21-35 s (bench/RESULTS.md).
LATER = 10


class Child:
    def __init__(self, command: list[str], nice: int = 0, later: bool = False):
        self.command, self.nice, self.later = command, nice, later
        self.process: subprocess.Popen | None = None
        self.started_at = 0.0
        self.failures = 0
        self.restart_at: float | None = None

    def start(self) -> None:
        nice = self.nice
        self.process = subprocess.Popen(self.command, preexec_fn=(lambda: os.nice(nice)) if nice else None)
        self.started_at, self.restart_at = time.monotonic(), None

    def first_start(self) -> None:
        if self.later:
            self.restart_at = time.monotonic() + LATER  # check() starts it then
        else:
            self.start()

    @property
    def name(self) -> str:
        return " ".join(self.command[2:5])

    def check(self, log) -> None:
        """Start it again if it died and its backoff is over."""
        now = time.monotonic()
        if self.restart_at is not None:
            if now >= self.restart_at:
                self.start()
            return
        if self.process is None or self.process.poll() is None:
            return
        if now - self.started_at >= STABLE_AFTER:
            self.failures = 0
        delay = min(MAX_BACKOFF, 2**self.failures)
        self.failures += 1
        self.restart_at = now + delay
        log(
            f"{self.name} (process {self.process.pid}) stopped with code {self.process.returncode}; "
            f"starting it again in {delay} s"
        )

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)

    def wait(self, deadline: float) -> None:
        if self.process is None:
            return
        try:
            self.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def banner(url: str) -> list[str]:
    """What someone trying wowdesk needs to know once it runs: where, how to log in, how tickets flow."""
    lines = [
        f"  public web form: {url}support/   admin: {url}admin/",
        f"  inbound mail: SMTP on 127.0.0.1:{settings.SMTPD_PORT} (support@example.com, kundeservice@example.no)",
        "  outbound mail: "
        + (
            settings.SMTP_URL.split("@")[-1]
            if settings.SMTP_URL
            else f"kept in the local outbox, {url}outbox/ (set WOWDESK_SMTP_URL)"
        ),
    ]
    if is_loaded():
        lines.append(f"  demo logins (password '{DEMO_PASSWORD}'):")
        lines += [f"    {email:45} {role}" for email, role in DEMO_LOGINS]
        lines.append(
            "  demo agents start Offline: only Available agents get new tickets (set it in the header after logging in)"
        )
    lines += [f"  data: {settings.DATABASES['default']['NAME']}", "  Ctrl-C stops everything."]
    return lines


def proxy_options() -> list[str]:
    """uvicorn takes the client's address (and https) from X-Forwarded-* only from WOWDESK_TRUSTED_PROXIES.
    Its own default trusts 127.0.0.1, which let any local client choose its address for the login lock."""
    if settings.TRUSTED_PROXIES:
        return ["--proxy-headers", "--forwarded-allow-ips", ",".join(settings.TRUSTED_PROXIES)]
    return ["--no-proxy-headers"]


def default_workers() -> int:
    """WOWDESK_WORKERS, or one task worker per core: a new ticket's follow-up work (routing, the auto-reply,
    webhooks) costs a worker more CPU than its intake costs the web server or the SMTP listener, so one worker
    fell behind any steady intake above about 100 tickets/s (issue 20, bench/pipeline.py)."""
    if os.environ.get("WOWDESK_WORKERS"):
        return max(1, int(os.environ["WOWDESK_WORKERS"]))
    return max(1, os.cpu_count() or 1)


def port_in_use(host: str, port: int) -> bool:
    """Whether something already listens on host:port. Probed the way uvicorn and the SMTP listener bind
    (SO_REUSEADDR, so a port a stopped wowdesk left in TIME_WAIT counts as free)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


class Command(BaseCommand):
    help = "Run the web server, the background task workers and the SMTP listeners until Ctrl-C."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("WOWDESK_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("WOWDESK_PORT", "8000")))
        parser.add_argument(
            "--workers",
            type=int,
            default=default_workers(),
            help="Number of task worker processes for mail and the rest (WOWDESK_WORKERS, default one per core).",
        )

    def processes(self, host: str, port: int, workers: int) -> list[Child]:
        python = sys.executable
        web = [
            python,
            "-m",
            "uvicorn",
            "wowdesk.asgi:application",
            "--host",
            host,
            "--port",
            str(port),
            "--no-access-log",
            "--lifespan",
            "off",
            *proxy_options(),
        ]
        worker = [python, "-m", "wowdesk", "db_worker", "--interval", "0.1", "--no-startup-delay", "--queue-name"]
        children = [Child(web)]
        # Customer mail (and everything else) has its own workers; webhook calls, which wait on other people's
        # servers, have theirs at a lower CPU priority, so a slow receiver never holds a reply back.
        children += [Child([*worker, "mail,default"]) for _ in range(workers)]
        children += [
            Child([python, "-m", "wowdesk", "smtpd", "--port", str(settings.SMTPD_PORT)])
            for _ in range(settings.SMTPD_LISTENERS)
        ]
        children.append(Child([*worker, "webhooks"], nice=5, later=True))
        children.append(Child([python, "-m", "wowdesk", "fetchmail", "--loop", "60"], later=True))
        children.append(Child([python, "-m", "wowdesk", "routing_tick", "--loop", "60"], later=True))
        children.append(Child([python, "-m", "wowdesk", "chat_tick", "--loop", "30"], later=True))
        children.append(Child([python, "-m", "wowdesk", "followups_tick", "--loop", "60"], later=True))
        return children

    def handle(self, *args, host, port, workers, **options):
        # Checked before anything starts: serve restarts a child that dies, so a web server or listener that
        # cannot bind would otherwise be retried for ever behind a banner that says wowdesk is running.
        for what, where, variable in (
            ("web server", port, "WOWDESK_PORT"),
            ("SMTP listener", settings.SMTPD_PORT, "WOWDESK_SMTPD_PORT"),
        ):
            if port_in_use(host if what == "web server" else os.environ.get("WOWDESK_SMTPD_HOST", "127.0.0.1"), where):
                raise CommandError(
                    f"Port {where} (the {what}) is already in use, perhaps by another wowdesk. "
                    f"Stop that, or choose another port: {variable}={where + 1} make run"
                )
        children = self.processes(host, port, workers)
        for child in children:
            child.first_start()
        url = f"http://{host}:{port}/"
        self.stdout.write(self.style.SUCCESS(f"\nwowdesk is running at {url}"))
        self.stdout.write("\n".join(banner(url)) + "\n")
        stopping = False

        def stop(*_):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping:
                for child in children:
                    child.check(self.stderr.write)
                time.sleep(0.2)
        finally:
            for child in children:
                child.stop()
            deadline = time.monotonic() + 10
            for child in children:
                child.wait(deadline)
