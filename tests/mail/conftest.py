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
from wowdesk.hours.models import OpeningHours
from wowdesk.mail.models import Mailbox

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 90) -> None:  # a loaded machine starts Django slowly
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on port {port}")


def listening(port: int) -> int:
    """How many sockets listen on this TCP port (listeners sharing it with SO_REUSEPORT count one each)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            count += state == "0A" and int(local.rsplit(":", 1)[1], 16) == port  # 0A: LISTEN
    return count


def wait_for_listeners(port: int, count: int, timeout: float = 90) -> None:
    """Until `count` processes listen on the port: each is ready, not merely started (a loaded machine
    takes many seconds to start Django)."""
    deadline = time.monotonic() + timeout
    while listening(port) < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{listening(port)} of {count} listeners on port {port}")
        time.sleep(0.05)


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

    def wait(self, count: int = 1, timeout: float = 60):
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
            # pytest's own capture (a file) takes what they log, shown when a test fails. A pipe nobody reads
            # filled up with a worker's two lines per task and stopped the worker mid-test (64 KiB: about 200
            # tasks, which two workers now do within test_overload's intake).
            stderr=None,
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
        # Tasks queued with no worker running would look behind after 10 s (tests/conftest.py); test_overload
        # sets it.
        "WOWDESK_INTAKE_SHED_AFTER": "0",
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


DOVECOT = "/usr/sbin/dovecot"


class ImapServer:
    """A real IMAP server (Debian's Dovecot) on a loopback port, with maildirs in a temporary folder and
    one password for every user: the hosted mailbox a team would fetch from."""

    password = "imap-pw-for-tests"

    def __init__(self, root: Path):
        import grp
        import pwd

        self.port = free_port()
        me = pwd.getpwuid(os.getuid()).pw_name
        # Dovecot never lets mail processes run as root; as root the mail belongs to nobody.
        owner, group = ("nobody", "nogroup") if os.getuid() == 0 else (me, grp.getgrgid(os.getgid()).gr_name)
        (root / "mail").mkdir(parents=True)
        (root / "state").mkdir()
        if os.getuid() == 0:
            os.chown(root / "mail", pwd.getpwnam(owner).pw_uid, grp.getgrnam(group).gr_gid)
        unprivileged = "" if os.getuid() == 0 else f"default_login_user = {me}\ndefault_internal_user = {me}\n"
        self.config = root / "dovecot.conf"
        self.config.write_text(
            f"""protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:{root}/mail/%u
mail_uid = {owner}
mail_gid = {group}
first_valid_uid = 0
first_valid_gid = 0
{unprivileged}service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
passdb {{
  driver = static
  args = password={self.password}
}}
userdb {{
  driver = static
  args = uid={owner} gid={group} home={root}/mail/%u
}}
"""
        )
        self.process = subprocess.Popen([DOVECOT, "-F", "-c", str(self.config)])
        wait_for_port(self.port)

    def deliver(self, user: str, raw: bytes) -> None:
        """Put a mail in the user's inbox, as their mail provider would (IMAP APPEND)."""
        import imaplib

        with imaplib.IMAP4("127.0.0.1", self.port) as client:
            client.login(user, self.password)
            client.append("INBOX", None, None, raw)

    def unseen(self, user: str) -> list[bytes]:
        import imaplib

        with imaplib.IMAP4("127.0.0.1", self.port) as client:
            client.login(user, self.password)
            client.select("INBOX")
            return client.search(None, "UNSEEN")[1][0].split()

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def imap_server():
    import shutil
    import tempfile

    if not Path(DOVECOT).exists():
        pytest.fail("Debian's Dovecot is needed for the IMAP tests: apt-get install dovecot-imapd (make test does)")
    # Not pytest's tmp_path: its parents are private to us, and Dovecot's mail processes run as another user.
    root = Path(tempfile.mkdtemp(prefix="wowdesk-imap-"))
    root.chmod(0o755)
    server = ImapServer(root)
    yield server
    server.stop()
    shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(autouse=True)
def _replies_go_at_once(settings):
    # Here a reply's mail goes out at once; the wait for its undo is tested in tests/tickets/test_undo_reply.py.
    settings.REPLY_UNDO_SECONDS = 0
