"""Settings for wowdesk. Everything a site changes comes from WOWDESK_* environment variables."""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("WOWDESK_VAR_DIR", BASE_DIR.parent / "var")).resolve()
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def _secret_key() -> str:
    """WOWDESK_SECRET_KEY, or a key generated once into var/ so restarts keep sessions valid."""
    if key := os.environ.get("WOWDESK_SECRET_KEY"):
        return key
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = _env_bool("WOWDESK_DEBUG")
BASE_URL = os.environ.get("WOWDESK_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

_base_host = BASE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0]
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("WOWDESK_ALLOWED_HOSTS", f"{_base_host},127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [BASE_URL.split("/", 3)[0] + "//" + BASE_URL.split("/", 3)[2]]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "django_tasks",
    "wowdesk.workers",  # before django_tasks_db: its db_worker (with a lease) replaces the library's
    "django_tasks_db",
    "ninja",
    "wowdesk.accounts",
    "wowdesk.customers",
    "wowdesk.hours",
    "wowdesk.tickets",
    "wowdesk.portal",
    "wowdesk.replies",
    "wowdesk.mail",
    "wowdesk.routing",
    "wowdesk.chat",
    "wowdesk.api",
    "wowdesk.surveys",
    "wowdesk.sms",
    "wowdesk.followups",
    "wowdesk.reports",
    "wowdesk.coaching.django",
    "wowdesk.quality",
    "wowdesk.web",
    "wowdesk.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "wowdesk.web.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "wowdesk.accounts.middleware.UserPreferencesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wowdesk.routing.notices.RoutedTicketsNoticeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wowdesk.urls"
WSGI_APPLICATION = "wowdesk.wsgi.application"
ASGI_APPLICATION = "wowdesk.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite under var/ by default, PostgreSQL (or any URL dj-database-url knows) in production.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("WOWDESK_DATABASE_URL", f"sqlite:///{VAR_DIR / 'wowdesk.sqlite3'}"),
        conn_max_age=int(os.environ.get("WOWDESK_DB_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles queries it estimates as expensive; for the report queries (tens of thousands
    # of rows, answered in tens of milliseconds) the compiling alone took longer than the query. Off. And
    # random_page_cost for SSDs (the default 4 assumes spinning disks), so the planner probes an index for
    # a few thousand rows instead of scanning a million-row table, and sort memory so that a report's
    # percentiles over a month of tickets sort in memory rather than on disk (bench/reports.py).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", "-c jit=off -c random_page_cost=1.1 -c work_mem=32MB"
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and _env_bool("WOWDESK_DB_POOL", True):
    # Under ASGI every request runs in its own thread, so Django's persistent connections do not carry over;
    # a connection pool (psycopg_pool) does, which saves a new PostgreSQL connection per request.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(os.environ.get("WOWDESK_DB_POOL_SIZE", "8")),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and _env_bool("WOWDESK_DB_PREPARE", True):
    # Values sent apart from the SQL (server-side binding), so that psycopg can prepare the statements a
    # connection repeats (after 5 uses) and PostgreSQL stops parsing and planning them anew: that was over
    # a third of its CPU per new ticket, and about 20 % more tickets/s (bench/api_ingest.py). Off for a
    # pooler in transaction mode that cannot keep prepared statements (PgBouncer before 1.21).
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server, the worker and the SMTP listener read while one of them writes;
    # IMMEDIATE transactions take the write lock up front, so concurrent writers queue instead of failing.
    # wowdesk.sqlite is Django's backend with writers that take turns instead of polling, and task workers
    # first (wowdesk/sqlite/base.py). WOWDESK_SQLITE_TURNS=0 starts transactions as Django's backend does (to
    # compare; bench/make_run.py passes it to serve); WOWDESK_SQLITE_STATS=DIR records the lock waits.
    DATABASES["default"]["ENGINE"] = "wowdesk.sqlite"
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
    # Connections kept between requests (each ASGI request thread keeps its own, wowdesk/asgi.py): opening one
    # (connect, the PRAGMAs, Django's SQL functions) in every request was about half the web server's CPU per
    # API create, 3.9 -> 2.0 ms (issue 20). A SQLite file has no server to drop an idle connection.
    if "WOWDESK_DB_CONN_MAX_AGE" not in os.environ:
        DATABASES["default"]["CONN_MAX_AGE"] = 600
    # A file, not memory, so the SMTP listener and workers that tests start as processes share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-wowdesk.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
if os.environ.get("PYTEST_VERSION"):
    # Under pytest (which sets PYTEST_VERSION for its run; the servers and listeners tests start inherit it),
    # passwords hash with one round of MD5: PBKDF2's 1,000,000 rounds took 0.4-1.2 s per user created or
    # logged in on the 2-core machine, and the suite creates over a thousand. Never outside tests.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "inbox"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes): lock a user name + address pair after repeated failures.
AXES_FAILURE_LIMIT = int(os.environ.get("WOWDESK_LOGIN_FAILURE_LIMIT", "8"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# The address a login comes from, for the lock: X-Forwarded-For counts only from these reverse proxies
# (addresses or networks, comma-separated; none by default). `serve` tells uvicorn the same.
TRUSTED_PROXIES = [p.strip() for p in os.environ.get("WOWDESK_TRUSTED_PROXIES", "").split(",") if p.strip()]
AXES_CLIENT_IP_CALLABLE = "wowdesk.accounts.network.client_address"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = BASE_URL.startswith("https://")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("da", "Dansk"), ("nb", "Norsk bokmål")]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["wowdesk.formats"]
USE_I18N = True
TIME_ZONE = "UTC"
DEFAULT_TEAM_TIME_ZONE = "Europe/Copenhagen"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
MEDIA_ROOT = Path(os.environ.get("WOWDESK_MEDIA_ROOT", VAR_DIR / "attachments"))
MEDIA_URL = "/attachments/"

# A 5 MB message body must go through; attachments are checked against their own limit in forms.
DATA_UPLOAD_MAX_MEMORY_SIZE = 40 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MAX_ATTACHMENT_BYTES = int(float(os.environ.get("WOWDESK_MAX_ATTACHMENT_MB", "10")) * 1024 * 1024)

# Queues: "mail" (what the customer is waiting for: auto-replies, replies, surveys, SMS), "default" (routing and
# the rest) and "webhooks" (calls to other people's servers, which may be slow). `serve` gives webhooks their
# own worker, so a slow receiver never holds customer mail back.
TASK_QUEUES = ["mail", "default", "webhooks"]
TASKS = {"default": {"BACKEND": "wowdesk.task_backend.TaskBackend", "QUEUES": TASK_QUEUES}}
# A RUNNING task whose worker has not been heard from for this long was left by a dead worker and runs again
# (wowdesk/workers). Longer than any one step of a task (an SMTP send times out after 20 s).
TASK_LEASE_SECONDS = float(os.environ.get("WOWDESK_TASK_LEASE_SECONDS", "60"))
# Finished tasks are deleted this many hours after they finished (successful ones, and failed ones, which an
# operator may want to look at for longer); 0 keeps them for ever. Nothing in wowdesk reads a finished task's row:
# the tasks' work is in the tickets, mails and deliveries they wrote. The task workers delete them in small
# batches (workers.services.prune_finished_tasks, docs/guarantees.md): at 150 tickets/s the table otherwise grows
# by tens of millions of rows a day, and every index walk and vacuum of it with them.
TASK_RETENTION_HOURS = float(os.environ.get("WOWDESK_TASK_RETENTION_HOURS", "24"))
TASK_FAILED_RETENTION_HOURS = float(os.environ.get("WOWDESK_TASK_FAILED_RETENTION_HOURS", str(14 * 24)))
# New tickets (API, SMTP) are refused for a moment (503 with Retry-After, SMTP 451) while the oldest follow-up
# task (routing, the auto-reply) has waited longer than this; 0 never refuses (workers.services.admit_intake).
# Long enough that a burst is taken in whole, short enough that an auto-reply is never minutes late.
INTAKE_SHED_AFTER_S = float(os.environ.get("WOWDESK_INTAKE_SHED_AFTER", "10"))

REDIS_URL = os.environ.get("WOWDESK_REDIS_URL", "")
# Live updates (Django Channels): within one web process by default; with Redis, every web process and the
# worker share the events, so a change made anywhere reaches every browser. No process keeps other state.
# channels-redis waits for events with a blocking pop of 5 s (RedisChannelLayer.brpop_timeout); redis-py 8
# gives every read a 5 s socket timeout by default, so an idle connection's pop timed out on the client just
# as the server answered it, and the consumer died: with 1,000 widget sockets every one was closed
# (bench/chat.py with Redis, 30 Nov 2026). Reads wait longer than the pop; a dead Redis is still noticed.
CHANNEL_REDIS_SOCKET_TIMEOUT_S = 15
CHANNEL_LAYERS = {
    "default": (
        {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": [{"address": REDIS_URL, "socket_timeout": CHANNEL_REDIS_SOCKET_TIMEOUT_S}]},
        }
        if REDIS_URL
        else {"BACKEND": "channels.layers.InMemoryChannelLayer"}
    )
}

# Chat: how many chats an agent takes at once unless set per agent, and when a silent chat ends.
CHAT_LIMIT_DEFAULT = int(os.environ.get("WOWDESK_CHAT_LIMIT", "3"))
CHAT_INACTIVITY_MINUTES = int(os.environ.get("WOWDESK_CHAT_INACTIVITY_MINUTES", "15"))
CHAT_MAX_MESSAGE_CHARS = int(os.environ.get("WOWDESK_CHAT_MAX_MESSAGE_CHARS", "4000"))

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("WOWDESK_FROM_EMAIL", "support@example.com")
# Outbound mail: smtp://user:pass@host:port (smtps:// for TLS, smtp+starttls:// for STARTTLS). Empty: mail
# stays in the local outbox, visible at /outbox/.
SMTP_URL = os.environ.get("WOWDESK_SMTP_URL", "")
# SMS (docs/sms.md). Empty WOWDESK_SMS_URL: text messages stay in the local outbox (/outbox/). Otherwise
# http+json://host:port/path (https+json:// for TLS) POSTs each as JSON to that provider.
SMS_URL = os.environ.get("WOWDESK_SMS_URL", "")
# Sent with every post, e.g. "Authorization: Bearer abc123".
SMS_AUTH_HEADER = os.environ.get("WOWDESK_SMS_AUTH_HEADER", "")
# The JSON body; $to, $text, $sender and $reference are replaced inside its strings. Empty: the default
# {"to": "$to", "from": "$sender", "text": "$text", "reference": "$reference"}.
SMS_BODY_TEMPLATE = os.environ.get("WOWDESK_SMS_BODY_TEMPLATE", "")
SMS_SENDER = os.environ.get("WOWDESK_SMS_SENDER", "wowdesk")
# Inbound SMS posts to /sms/inbound/ are signed with this secret (HMAC-SHA256); unset, they are refused.
SMS_SECRET = os.environ.get("WOWDESK_SMS_SECRET", "")
# Minutes before a follow-up is due that its owner is reminded.
FOLLOWUP_REMIND_MINUTES = int(os.environ.get("WOWDESK_FOLLOWUP_REMIND_MINUTES", "30"))
SMTPD_PORT = int(os.environ.get("WOWDESK_SMTPD_PORT", "2525"))
# SMTP listener processes `serve` starts; they share the port, and the kernel spreads connections over them.
SMTPD_LISTENERS = max(1, int(os.environ.get("WOWDESK_SMTPD_LISTENERS", "2")))
SMTPD_HOSTNAME = os.environ.get("WOWDESK_SMTPD_HOSTNAME", _base_host)
SMTPD_MAX_BYTES = int(float(os.environ.get("WOWDESK_SMTPD_MAX_MB", "40")) * 1024 * 1024)
AUTO_REPLY_LIMIT_PER_HOUR = int(os.environ.get("WOWDESK_AUTO_REPLY_LIMIT", "3"))
# An available agent not seen for this long becomes away and gets no new tickets.
AUTO_AWAY_MINUTES = int(os.environ.get("WOWDESK_AUTO_AWAY_MINUTES", "15"))
# An agent's reply can be undone for this long after sending; its mail waits that long (and a little more).
REPLY_UNDO_SECONDS = int(os.environ.get("WOWDESK_REPLY_UNDO_SECONDS", "10"))
# Waiting tickets one agent gets per routing round (a round: becoming available, then every minute).
ROUTING_ROUND_CAP = int(os.environ.get("WOWDESK_ROUTING_ROUND_CAP", "3"))
# Observed first contact resolution: no new ticket from the same contact in the same category this soon.
FCR_WINDOW_DAYS = int(os.environ.get("WOWDESK_FCR_WINDOW_DAYS", "7"))
# Webhooks go to public addresses only, unless this is set: a URL that points into the server's own network
# (localhost, 10.x, 192.168.x, the cloud metadata address 169.254.169.254, ...) is refused.
# Conversation analyses per API token (or signed-in user) and minute through POST /api/v1/coach/analyze.
COACH_ANALYSES_PER_MINUTE = int(os.environ.get("WOWDESK_COACH_ANALYSES_PER_MINUTE", "30"))
WEBHOOK_ALLOW_PRIVATE = _env_bool("WOWDESK_WEBHOOK_ALLOW_PRIVATE", False)
# Networks webhooks may reach although they are not public, e.g. "10.20.0.0/16" for an internal receiver
# (comma-separated). Everything else that is private, loopback or link-local is refused.
WEBHOOK_ALLOWED_NETWORKS = [
    n.strip() for n in os.environ.get("WOWDESK_WEBHOOK_ALLOWED_NETWORKS", "").split(",") if n.strip()
]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"forbidden_on_one_line": {"()": "wowdesk.web.logging.ForbiddenOnOneLine"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"filters": ["forbidden_on_one_line"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("WOWDESK_LOG_LEVEL", "WARNING")},
}
