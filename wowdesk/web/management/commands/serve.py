"""`python -m wowdesk serve`: the web server (uvicorn, ASGI) and a task worker, stopped together by Ctrl-C."""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from wowdesk.demo.services import DEMO_LOGINS, DEMO_PASSWORD, is_loaded


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


class Command(BaseCommand):
    help = "Run the web server and the background task worker until Ctrl-C."

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("WOWDESK_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("WOWDESK_PORT", "8000")))
        parser.add_argument("--workers", type=int, default=1, help="Number of task worker processes.")

    def processes(self, host: str, port: int, workers: int) -> list[list[str]]:
        python = sys.executable
        commands = [
            [
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
        ]
        commands += [
            [python, "-m", "wowdesk", "db_worker", "--interval", "0.1", "--no-startup-delay"] for _ in range(workers)
        ]
        commands += [
            [python, "-m", "wowdesk", "smtpd", "--port", str(settings.SMTPD_PORT)]
            for _ in range(settings.SMTPD_LISTENERS)
        ]
        commands.append([python, "-m", "wowdesk", "fetchmail", "--loop", "60"])
        commands.append([python, "-m", "wowdesk", "routing_tick", "--loop", "60"])
        commands.append([python, "-m", "wowdesk", "chat_tick", "--loop", "30"])
        commands.append([python, "-m", "wowdesk", "followups_tick", "--loop", "60"])
        return commands

    def handle(self, *args, host, port, workers, **options):
        children = [subprocess.Popen(cmd) for cmd in self.processes(host, port, workers)]
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
                if any(child.poll() is not None for child in children):
                    self.stderr.write("A wowdesk process stopped; stopping the others.")
                    break
                time.sleep(0.5)
        finally:
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 10
            for child in children:
                try:
                    child.wait(timeout=max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    child.kill()
