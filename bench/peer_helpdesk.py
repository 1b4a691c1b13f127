"""Side by side with django-helpdesk 2.6.1 (PyPI): tickets created through HTTP, 8 connections, 20 s rounds,
alternating wowdesk and the peer, on SQLite and on PostgreSQL, gunicorn with 2 workers each (issue 20).

Usage (one command; about 5 minutes with the defaults, plus the peer's install the first time):
  .venv/bin/python bench/peer_helpdesk.py [--rounds 2] [--seconds 20] [--databases sqlite,postgresql]

The peer is installed from PyPI into a throwaway venv with a minimal Django project of its own, both under
/tmp/peer-helpdesk (nothing of it is kept in this repository): `pip install django-helpdesk==2.6.1 gunicorn
psycopg[binary]`. It creates tickets through its REST API (`POST /api/tickets/`, queue, title, description,
submitter e-mail) as a staff user with a DRF token, which is what its API asks for; wowdesk through
`POST /api/v1/tickets` with a write token, as bench/api_ingest.py does. Both run `gunicorn <project>.wsgi
--workers 2`, both with persistent database connections (wowdesk's pool on PostgreSQL, CONN_MAX_AGE=60 for
the rest), and on SQLite both with the same settings (WAL, synchronous=NORMAL, IMMEDIATE transactions,
30 s timeout; the peer on Django's own backend). The peer sends its e-mails in the request (to the submitter
and the queue); they are composed and handed to Django's dummy backend, so no mail server's time counts.
wowdesk commits a task row instead, its follow-up work (routing, auto-reply, webhooks) done by a worker
later, which does not run here: its CPU is not in the figures (see bench/RESULTS.md for the worker's rate).

PostgreSQL: its own databases `wowdesk_peerbench` and `helpdesk_peer` on 127.0.0.1:5432 (user postgres),
dropped and created again each round. Server CPU per created ticket: the gunicorn processes (master and
workers), and on PostgreSQL also the database's backends serving that database.
The load comes from `wrk` (Debian package `wrk`).
"""

import argparse
import http.client
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from procs import free_port, wait_for_port  # bench/procs.py

ROOT = Path(__file__).resolve().parent.parent
PEER = Path(os.environ.get("PEER_HELPDESK_DIR", Path(tempfile.gettempdir()) / "peer-helpdesk"))
PEER_VENV = PEER / "venv"
PEER_PROJECT = PEER / "project"
PG = "postgres://postgres@127.0.0.1:5432/"
TICKS = os.sysconf("SC_CLK_TCK")

PEER_SETTINGS = """
import os
from pathlib import Path
import dj_database_url_lite as _db  # noqa: the tiny parser below

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "peer-bench-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [
    "django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions",
    "django.contrib.messages", "django.contrib.staticfiles", "django.contrib.sites", "django.contrib.humanize",
    "rest_framework", "rest_framework.authtoken", "helpdesk",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware", "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware", "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware", "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
ROOT_URLCONF = "peerproject.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [], "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request", "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages"]},
}]
WSGI_APPLICATION = "peerproject.wsgi.application"
DATABASES = {"default": _db.parse(os.environ["PEER_DATABASE_URL"])}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
SITE_ID = 1
STATIC_URL = "/static/"
USE_TZ = True
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
DEFAULT_FROM_EMAIL = "helpdesk@example.com"
REST_FRAMEWORK = {"DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.TokenAuthentication"]}
HELPDESK_API_ENABLED = True
HELPDESK_TEAMS_MODE_ENABLED = False  # teams need pinax-teams, which its install does not bring
"""

PEER_DB_URL_PARSER = """
from urllib.parse import urlparse


def parse(url):
    if url.startswith("sqlite:///"):
        return {
            "ENGINE": "django.db.backends.sqlite3", "NAME": url[len("sqlite:///"):], "CONN_MAX_AGE": 60,
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE", "timeout": 30,
            },
        }
    u = urlparse(url)
    return {
        "ENGINE": "django.db.backends.postgresql", "NAME": u.path[1:], "USER": u.username or "",
        "HOST": u.hostname or "", "PORT": u.port or "", "CONN_MAX_AGE": 60,
    }
"""

PEER_URLS = """
from django.contrib import admin
from django.urls import include, path

urlpatterns = [path("admin/", admin.site.urls), path("", include("helpdesk.urls", namespace="helpdesk"))]
"""

PEER_WSGI = """
import os
from django.core.wsgi import get_wsgi_application
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peerproject.settings")
application = get_wsgi_application()
"""

PEER_PREPARE = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "peerproject.settings")
django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
from django.contrib.auth import get_user_model
from helpdesk.models import Queue
from rest_framework.authtoken.models import Token
user = get_user_model().objects.create_superuser("bench", "bench@example.com", "x")
queue = Queue.objects.create(title="Bench", slug="bench", email_address="support@example.com")
print(Token.objects.create(user=user).key, queue.id)
"""

WOWDESK_PREPARE = """
import django, os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")
django.setup()
from django.core.management import call_command
from django.db import connection
call_command("migrate", verbosity=0)
from wowdesk.accounts.models import Team, User
from wowdesk.api.models import ApiToken
team = Team.objects.create(name="Bench", language="da")
user = User.objects.create_user("api-bench@example.com", "x", name="Bench", role="lead")
user.teams.set([team])
token, raw = ApiToken.issue(user, "write", "bench")
token.rate_limit = 10**9
token.save()
print(raw, 0)
"""

WRK = """
counter = 0
request = function()
  counter = counter + 1
  local body = string.format(BODY, counter, counter %% 500)
  return wrk.format("POST", "%(path)s", nil, body)
end
done = function(summary, latency, requests)
  for _, p in pairs({50, 99}) do io.write(string.format("P%%d %%d\\n", p, latency:percentile(p))) end
end
"""
BODIES = {
    "wowdesk": '\'{"subject":"Ordre %d mangler","message":"Hej, hvor er min ordre?",\' .. '
    '\'"contact":{"email":"kunde%d@bench.dk","name":"Bench Kunde"}}\'',
    "helpdesk": '\'{"queue":QUEUE,"title":"Ordre %d mangler","description":"Hej, hvor er min ordre?",\' .. '
    '\'"submitter_email":"kunde%d@bench.dk","priority":3}\'',
}


def install_peer() -> None:
    if not (PEER_VENV / "bin" / "gunicorn").exists():
        print(f"installing django-helpdesk 2.6.1 into {PEER_VENV} (once)", flush=True)
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(PEER_VENV)], check=True)
        subprocess.run(
            [PEER_VENV / "bin" / "pip", "install", "-q", "django-helpdesk==2.6.1", "gunicorn", "psycopg[binary]"],
            check=True,
        )
    package = PEER_PROJECT / "peerproject"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text("")
    (package / "settings.py").write_text(PEER_SETTINGS)
    (package / "urls.py").write_text(PEER_URLS)
    (package / "wsgi.py").write_text(PEER_WSGI)
    (PEER_PROJECT / "dj_database_url_lite.py").write_text(PEER_DB_URL_PARSER)


def fresh_pg_database(name: str) -> None:
    """Dropped and created again, not flushed: a flush also empties what data migrations put in (the peer's
    e-mail templates: without them it composes no mail)."""
    subprocess.run(["dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", "--force", name], check=True)
    subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)


class Target:
    """One helpdesk on one database: how to prepare it and start its gunicorn."""

    def __init__(self, name: str, database: str):
        self.name, self.database = name, database
        scratch = Path(tempfile.gettempdir()) / f"peerbench-{name}"
        if name == "wowdesk":
            self.python, self.cwd, self.wsgi, self.path = (
                sys.executable,
                ROOT,
                "wowdesk.wsgi:application",
                "/api/v1/tickets",
            )
            # No task worker runs here (its follow-ups are measured by bench/pipeline.py), so the intake's
            # admission would refuse every create with 503 once the first task had waited 10 s: off.
            self.env = {
                **os.environ,
                "WOWDESK_VAR_DIR": str(scratch),
                "WOWDESK_DB_CONN_MAX_AGE": "60",
                "WOWDESK_INTAKE_SHED_AFTER": "0",
            }
            self.env.pop("WOWDESK_DATABASE_URL", None)
            if database == "postgresql":
                self.env["WOWDESK_DATABASE_URL"] = PG + "wowdesk_peerbench"
            self.prepare_script, self.auth = WOWDESK_PREPARE, "Bearer"
        else:
            self.python, self.cwd, self.wsgi, self.path = (
                str(PEER_VENV / "bin" / "python"),
                PEER_PROJECT,
                "peerproject.wsgi:application",
                "/api/tickets/",
            )
            url = PG + "helpdesk_peer" if database == "postgresql" else f"sqlite:///{scratch}/helpdesk.sqlite3"
            self.env = {**os.environ, "PEER_DATABASE_URL": url, "PYTHONPATH": str(PEER_PROJECT)}
            self.prepare_script, self.auth = PEER_PREPARE, "Token"
        self.scratch, self.pg_name = scratch, ("wowdesk_peerbench" if name == "wowdesk" else "helpdesk_peer")

    def prepare(self) -> tuple[str, str]:
        if self.database == "sqlite":
            shutil.rmtree(self.scratch, ignore_errors=True)
        else:
            fresh_pg_database(self.pg_name)
        self.scratch.mkdir(parents=True, exist_ok=True)
        out = subprocess.run(
            [self.python, "-c", self.prepare_script], cwd=self.cwd, env=self.env, capture_output=True, text=True
        )
        if out.returncode:
            sys.exit(f"{self.name}: preparing failed:\n{out.stderr[-3000:]}")
        token, queue = out.stdout.split()[-2:]
        return token, queue


def tree_cpu(root: int) -> float:
    """CPU seconds of root and its children (gunicorn's master and workers)."""
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry.name) == root or int(fields[1]) == root:
            total += (int(fields[11]) + int(fields[12])) / TICKS
    return total


def pg_cpu(database: str) -> dict[int, float]:
    """CPU seconds of each PostgreSQL backend connected to `database` (its process title names it)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            title = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            if not title.startswith("postgres:") or f" {database} " not in title:
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        found[int(entry.name)] = (int(fields[11]) + int(fields[12])) / TICKS
    return found


def round_(target: Target, seconds: float, clients: int) -> dict:
    token, queue = target.prepare()
    port = free_port()
    server = subprocess.Popen(
        [target.python, "-m", "gunicorn", target.wsgi, "--bind", f"127.0.0.1:{port}", "--workers", "2"]
        + ["--log-level", "warning"],
        cwd=target.cwd,
        env=target.env,
        stdout=subprocess.DEVNULL,
    )
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text("BODY = " + BODIES[target.name].replace("QUEUE", queue) + "\n" + WRK % {"path": target.path})
    try:
        deadline = time.monotonic() + 120
        wait_for_port(port, deadline, server)

        # gunicorn's master listens before its workers have loaded Django: wait for an answer to a real request.
        body = (
            '{"subject":"Ordre 0 mangler","message":"Hej","contact":{"email":"kunde@bench.dk"}}'
            if target.name == "wowdesk"
            else f'{{"queue":{queue},"title":"Ordre 0","description":"Hej","submitter_email":"k@b.dk","priority":3}}'
        )
        headers = {"Authorization": f"{target.auth} {token}", "Content-Type": "application/json"}
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        conn.request("POST", target.path, body, headers)
        first = conn.getresponse()
        if first.status != 201:
            sys.exit(f"{target.name}: {first.status} {first.read()[:2000]!r}")
        conn.close()

        def wrk(duration: float) -> str:
            return subprocess.run(
                ["wrk", "-t1", f"-c{clients}", f"-d{duration:.0f}s", "-s", str(script), "--timeout", "30s"]
                + ["-H", f"Authorization: {target.auth} {token}", "-H", "Content-Type: application/json"]
                + [f"http://127.0.0.1:{port}{target.path}"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout

        warm = wrk(2)
        if "Non-2xx" in warm:
            sys.exit(f"{target.name}: the warm-up got errors:\n{warm}")
        cpu, db_cpu = tree_cpu(server.pid), pg_cpu(target.pg_name) if target.database == "postgresql" else {}
        out = wrk(seconds)
        cpu = tree_cpu(server.pid) - cpu
        if target.database == "postgresql":
            after = pg_cpu(target.pg_name)
            db = sum(after[pid] - db_cpu.get(pid, 0.0) for pid in after)
        else:
            db = 0.0
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        script.unlink()
    if os.environ.get("PEER_DEBUG"):
        print(out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    created = requests - (int(errors.group(1)) if errors else 0)
    return {
        "rate": created / seconds,
        "errors": int(errors.group(1)) if errors else 0,
        "p50": int(re.search(r"^P50 (\d+)$", out, re.MULTILINE).group(1)) / 1000,
        "p99": int(re.search(r"^P99 (\d+)$", out, re.MULTILINE).group(1)) / 1000,
        "cpu": cpu / max(created, 1) * 1000,
        "db_cpu": db / max(created, 1) * 1000,
        "load": os.getloadavg()[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--databases", default="sqlite,postgresql")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("needs wrk (apt-get install wrk)")
    install_peer()
    print(
        f"{args.clients} connections (wrk), {args.seconds:.0f} s a round, gunicorn --workers 2 each, "
        f"{os.cpu_count()} cores; CPU in ms per created ticket (app = gunicorn, db = PostgreSQL's backends)"
    )
    for database in args.databases.split(","):
        for n in range(args.rounds):
            for name in ("wowdesk", "helpdesk"):
                r = round_(Target(name, database), args.seconds, args.clients)
                label = "wowdesk" if name == "wowdesk" else "django-helpdesk 2.6.1"
                print(
                    f"{database:10} round {n + 1}  {label:22} {r['rate']:6.0f} tickets/s  errors {r['errors']:3}  "
                    f"p50 {r['p50']:6.0f} ms  p99 {r['p99']:6.0f} ms  CPU app {r['cpu']:5.1f}"
                    + (f" db {r['db_cpu']:4.1f}" if database == "postgresql" else "")
                    + f"  (load {r['load']:.1f})",
                    flush=True,
                )


if __name__ == "__main__":
    main()
