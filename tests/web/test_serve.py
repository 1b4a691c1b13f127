"""`serve` keeps wowdesk up: a child process that dies (SIGKILL) is started again, with backoff, and the others
keep serving meanwhile. Ctrl-C (SIGTERM) still stops them all."""

import os
import signal
import smtplib
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tests.mail.conftest import ROOT, database_url, free_port, wait_for_port
from tests.mail.test_smtp import mail
from wowdesk.accounts.models import Team
from wowdesk.mail.models import Mailbox
from wowdesk.tickets.models import Ticket
from wowdesk.web.management.commands.serve import Child


def children_of(pid: int) -> dict[int, str]:
    """The child processes of `pid` (from /proc): {pid: command line}."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if parent == pid:
                found[int(stat.parent.name)] = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, IndexError, ValueError):
            continue  # the process ended while we looked
    return found


def running(children: dict[int, str], word: str) -> list[int]:
    return [pid for pid, cmd in children.items() if f" {word} " in f"{cmd} "]


@pytest.mark.django_db(transaction=True)
def test_a_dead_child_is_restarted_and_the_others_keep_serving():
    Mailbox.objects.create(address="support@example.com", team=Team.objects.create(name="Support", language="da"))
    web, smtp = free_port(), free_port()
    env = {
        **os.environ,
        "WOWDESK_DATABASE_URL": database_url(),
        "WOWDESK_VAR_DIR": str(settings.VAR_DIR),
        "WOWDESK_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "WOWDESK_SMTPD_PORT": str(smtp),
        "WOWDESK_SMTPD_LISTENERS": "2",
        "DJANGO_SETTINGS_MODULE": "wowdesk.settings",
    }
    env.pop("WOWDESK_DEBUG", None)
    # `python -m wowdesk serve` with the timers and the webhook worker held back (serve.LATER): they start 10 s
    # after the rest, and on a loaded machine five more Django processes starting doubled this test's time.
    command = (
        "import django; django.setup(); from wowdesk.web.management.commands import serve; serve.LATER = 3600; "
        f"from django.core.management import call_command; call_command('serve', port={web})"
    )
    serve = subprocess.Popen(
        [sys.executable, "-c", command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,  # not a pipe nobody reads: serve's children would block once it filled
    )
    try:
        wait_for_port(web, 60)
        wait_for_port(smtp, 60)
        before = children_of(serve.pid)
        listeners, workers = running(before, "smtpd"), running(before, "mail,default")
        assert len(listeners) == 2 and len(workers) >= 1
        os.kill(listeners[0], signal.SIGKILL)
        os.kill(workers[0], signal.SIGKILL)

        # The others keep serving while the dead ones come back.
        with urllib.request.urlopen(f"http://127.0.0.1:{web}/support/", timeout=30) as response:
            assert response.status == 200
        with smtplib.SMTP("127.0.0.1", smtp, timeout=30) as client:
            client.send_message(mail())
        assert Ticket.objects.count() == 1

        deadline = time.monotonic() + 60
        while True:
            now = children_of(serve.pid)
            if len(running(now, "smtpd")) == 2 and len(running(now, "mail,default")) == len(workers):
                break
            assert time.monotonic() < deadline, f"not restarted: {now}"
            time.sleep(0.2)
        assert set(running(now, "smtpd")) != set(listeners), "a new listener"
        assert workers[0] not in now
        assert serve.poll() is None, "serve itself keeps running"
    finally:
        children = children_of(serve.pid)
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=30)
    for pid in children:
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()


def test_a_child_that_keeps_dying_is_started_again_less_and_less_often():
    child = Child([sys.executable, "-c", "import sys; sys.exit(3)"])
    said = []
    child.start()
    deadline = time.monotonic() + 4
    while time.monotonic() < deadline:
        child.check(said.append)
        time.sleep(0.05)
    delays = [line.rsplit(" in ", 1)[1] for line in said]
    assert delays[:2] == ["1 s", "2 s"], said
    assert all("stopped with code 3" in line for line in said)
    child.stop()


@pytest.mark.parametrize("which", ["web", "smtp"])
def test_serve_names_a_taken_port_and_starts_nothing(settings, which):
    # A second `make run` (or any program on 8000/2525) used to start anyway: the child that could not bind
    # was restarted every 30 s behind a banner saying wowdesk runs.
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        settings.SMTPD_PORT = port if which == "smtp" else free_port()
        web_port = port if which == "web" else free_port()
        variable = "WOWDESK_PORT" if which == "web" else "WOWDESK_SMTPD_PORT"
        with pytest.raises(CommandError, match=rf"Port {port} .*in use.*{variable}={port + 1} make run"):
            call_command("serve", "--port", str(web_port))
