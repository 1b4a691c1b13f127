"""Real SMTP on loopback: the wowdesk listener and worker as processes, and a sink SMTP server (aiosmtpd)
standing in for the customer's mail server. No mocks."""

import os
import socket
import subprocess
import sys
import threading
import time
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

from wowdesk.accounts.models import Team
from wowdesk.mail.models import Mailbox
from wowdesk.replies.models import OpeningHours

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port}")


def database_url() -> str:
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Sink:
    """A real SMTP server that keeps what it receives."""

    def __init__(self):
        self.messages = []
        self.refuse_with = None
        self.arrived = threading.Condition()
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_with:
            return self.refuse_with
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self.arrived:
            self.messages.append((time.monotonic(), envelope.rcpt_tos, message))
            self.arrived.notify_all()
        return "250 OK"

    def wait(self, count: int = 1, timeout: float = 15):
        deadline = time.monotonic() + timeout
        with self.arrived:
            while len(self.messages) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"{len(self.messages)} of {count} mails arrived at the sink")
                self.arrived.wait(left)
        return [m for _, _, m in self.messages]


@pytest.fixture
def sink():
    s = Sink()
    s.controller.start()
    yield s
    s.controller.stop()


class Processes:
    def __init__(self, env):
        self.env = env
        self.procs = []

    def start(self, *args) -> subprocess.Popen:
        proc = subprocess.Popen(
            [sys.executable, "-m", "wowdesk", *args],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        self.procs.append(proc)
        return proc

    def stop(self):
        for proc in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture
def wowdesk_env(sink, transactional_db):
    env = {
        **os.environ,
        "WOWDESK_DATABASE_URL": database_url(),
        "WOWDESK_VAR_DIR": str(settings.VAR_DIR),
        "WOWDESK_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "WOWDESK_SMTP_URL": f"smtp://127.0.0.1:{sink.port}",
        "DJANGO_SETTINGS_MODULE": "wowdesk.settings",
    }
    env.pop("WOWDESK_DEBUG", None)
    return env


@pytest.fixture
def processes(wowdesk_env):
    procs = Processes(wowdesk_env)
    yield procs
    procs.stop()


@pytest.fixture
def listener(processes):
    port = free_port()
    processes.start("smtpd", "--port", str(port))
    wait_for_port(port)
    return port


@pytest.fixture
def worker(processes):
    return processes.start("db_worker", "--interval", "0.05", "--no-startup-delay")


ALWAYS_OPEN = {str(day): [["00:00", "23:59"]] for day in range(7)}


@pytest.fixture
def mailboxes(transactional_db):
    dk = Team.objects.create(name="Support Danmark", language="da")
    no = Team.objects.create(name="Kundeservice Norge", language="nb", time_zone="Europe/Oslo")
    for team in (dk, no):
        OpeningHours.objects.create(team=team, weekly=ALWAYS_OPEN, holidays="")
    return {
        "dk": Mailbox.objects.create(address="support@example.com", name="Kundeservice", team=dk, language="da"),
        "no": Mailbox.objects.create(address="kundeservice@example.no", team=no, language="nb"),
    }
