"""A worker killed (SIGKILL) in the middle of a task loses nothing: once its lease runs out another worker runs
the task again, and the mail it was sending goes out exactly once (the outbound mail row is the lock). Real
worker processes, a real SMTP server, on SQLite and PostgreSQL."""

import asyncio
import signal
import threading
import time

import pytest
from django_tasks_db.models import DBTaskResult

from tests.mail.conftest import Sink
from tests.mail.test_smtp import mail
from wowdesk.mail import services
from wowdesk.mail.models import OutboundMail
from wowdesk.tickets.tasks import announce_created

pytestmark = pytest.mark.django_db(transaction=True)
WORKER = ("db_worker", "--interval", "0.05", "--no-startup-delay")


class StallingSink(Sink):
    """Holds the first connection at RCPT for as long as the test needs: the worker is killed meanwhile."""

    def __init__(self):
        super().__init__()
        self.stalled = threading.Event()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if not self.stalled.is_set():
            self.stalled.set()
            await asyncio.sleep(60)
            return "451 4.3.0 Try again later"
        return await super().handle_RCPT(server, session, envelope, address, rcpt_options)


@pytest.fixture
def sink():
    server = StallingSink()
    server.controller.start()
    yield server
    server.controller.stop()


def wait_until(condition, timeout: float = 60, what: str = ""):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def test_the_task_of_a_killed_worker_runs_again_and_its_mail_goes_out_once(processes, sink, mailboxes):
    processes.env["WOWDESK_TASK_LEASE_SECONDS"] = "2"
    first = processes.start(*WORKER)
    services.ingest(mail().as_bytes(), ["support@example.com"], "soren@kunde.dk")
    assert sink.stalled.wait(60), "the worker began sending the auto-reply"
    first.send_signal(signal.SIGKILL)
    first.wait()
    task = DBTaskResult.objects.get(task_path=announce_created.module_path)
    assert task.status == "RUNNING", "left behind by the dead worker"
    assert OutboundMail.objects.get().status == "sending"

    processes.start(*WORKER)  # as `serve` restarts a worker that died
    [reply] = sink.wait(1, timeout=60)
    assert reply["To"] == "soren@kunde.dk"
    wait_until(lambda: DBTaskResult.objects.get(pk=task.pk).status == "SUCCESSFUL", what="the task to finish")
    time.sleep(1)
    assert len(sink.messages) == 1, "sent exactly once"
    outbound = OutboundMail.objects.get()
    assert (outbound.kind, outbound.status) == ("auto_reply", "sent")
