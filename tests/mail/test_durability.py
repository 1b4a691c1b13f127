"""200 mails through the listener, which is killed with SIGKILL half-way and restarted: every mail that got
a 250 is in the database exactly once (the sender retries the others, as a real mail server would)."""

import signal
import smtplib
import threading
import time
from email.utils import make_msgid

import pytest

from tests.mail.conftest import free_port, wait_for_listeners
from tests.mail.test_smtp import mail
from wowdesk.mail.models import InboundMail
from wowdesk.tickets.models import Message

pytestmark = pytest.mark.django_db(transaction=True)
TOTAL = 200  # the kill comes after 100; more mails only make the test slower (it ran 23 s with 500)


def test_sigkill_half_way_loses_and_doubles_nothing(processes, mailboxes):
    port = free_port()
    first = processes.start("smtpd", "--port", str(port))
    wait_for_listeners(port, 1)
    accepted: list[str] = []
    half_way, killed, back = threading.Event(), threading.Event(), threading.Event()

    def kill_and_restart():
        half_way.wait()
        first.send_signal(signal.SIGKILL)
        first.wait()
        killed.set()
        processes.start("smtpd", "--port", str(port))
        wait_for_listeners(port, 1)  # the new listener is ready, however long a loaded machine took to start it
        back.set()

    threading.Thread(target=kill_and_restart, daemon=True).start()
    failures = 0
    smtp = None
    for i in range(TOTAL):
        msg = mail(
            sender=f"kunde{i % 50}@kunde.dk",
            subject=f"Sag {i}",
            body=f"Besked nummer {i}",
            message_id=make_msgid(idstring=str(i), domain="kunde.dk"),
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                if smtp is None:
                    smtp = smtplib.SMTP("127.0.0.1", port, timeout=30)
                smtp.send_message(msg)
                accepted.append(msg["Message-ID"])
                if len(accepted) == TOTAL // 2:
                    half_way.set()
                    killed.wait(30)  # the next mail meets the kill, not a race with it
                break
            except (smtplib.SMTPException, OSError):
                # No 250: like any mail server, the sender tries again (the mail may or may not be stored).
                failures += 1
                smtp = None
                if killed.is_set() and not back.is_set():
                    assert back.wait(120), "the listener did not come back"
                    deadline = time.monotonic() + 30
                assert time.monotonic() < deadline, "the listener does not answer"
                time.sleep(0.05)
    if smtp is not None:
        smtp.quit()
    assert killed.is_set()
    assert failures >= 1, "the kill happened while mail was flowing"
    assert len(accepted) == TOTAL
    stored = list(InboundMail.objects.values_list("dedupe_key", flat=True))
    assert sorted(stored) == sorted(accepted), "every accepted mail is there, exactly once"
    assert Message.objects.filter(kind="inbound").count() == TOTAL


def test_two_listeners_sharing_the_port_one_killed_the_other_carries_on(processes, mailboxes):
    """As `serve` runs them: two listeners on one port, taking turns to write (a file lock on SQLite). One is
    killed with SIGKILL while mail flows from four senders, maybe holding the lock: the other goes on, and
    every mail that got a 250 is stored exactly once."""
    from concurrent.futures import ThreadPoolExecutor

    port = free_port()
    doomed = processes.start("smtpd", "--port", str(port))
    processes.start("smtpd", "--port", str(port))
    wait_for_listeners(port, 2)  # both serving before one is killed, not one still starting
    total = 240
    accepted: list[str] = []
    lock = threading.Lock()

    def send(i: int) -> int:
        msg = mail(
            sender=f"kunde{i % 30}@kunde.dk",
            subject=f"Sag {i}",
            body=f"Besked nummer {i}",
            message_id=make_msgid(idstring=f"two{i}", domain="kunde.dk"),
        )
        failures = 0
        deadline = time.monotonic() + 60
        while True:
            try:
                with smtplib.SMTP("127.0.0.1", port, timeout=30) as smtp:  # a new connection: any listener
                    smtp.send_message(msg)
                with lock:
                    accepted.append(msg["Message-ID"])
                    if len(accepted) == total // 3:
                        doomed.send_signal(signal.SIGKILL)
                return failures
            except (smtplib.SMTPException, OSError):
                failures += 1
                assert time.monotonic() < deadline, "the other listener did not carry on"
                time.sleep(0.05)

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(send, range(total)))
    assert doomed.wait(timeout=5) == -signal.SIGKILL
    assert len(accepted) == total
    stored = list(InboundMail.objects.filter(dedupe_key__contains="two").values_list("dedupe_key", flat=True))
    assert sorted(stored) == sorted(accepted), "every accepted mail is there, exactly once"
