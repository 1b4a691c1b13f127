"""Django's SQLite backend, with writers that queue instead of sleeping (settings: ENGINE "wowdesk.sqlite").

SQLite lets one connection write at a time. A connection that finds the write lock taken runs SQLite's busy
handler, which sleeps and tries again: 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50 ms and then 100 ms between
tries until the timeout. Nobody is woken when the lock comes free, so the lock goes to whoever asks next, most
often a request that has just arrived, and the longer a writer has waited, the less often it asks. Under
`make run` with 8 clients creating tickets the write lock was busy about two thirds of the time, and the
slowest writers waited 1.2 to 3.6 s while no transaction held the lock for more than 0.3 s (bench/make_run.py,
bench/RESULTS.md): that was the p99 of about 1 s.

Two changes, around the outermost transaction (BEGIN ... COMMIT/ROLLBACK) and around a write statement
outside a transaction (CursorWrapper):
- The threads of one process take turns on a lock of the process before they ask SQLite, so an ASGI web
  server's request threads wait for each other in the kernel and the next one goes as soon as one commits.
- The thread whose turn it is asks SQLite every millisecond or so (a short busy timeout, tried again at
  once) rather than at SQLite's growing intervals, so it takes the lock within about a millisecond of
  another process (a task worker, the SMTP listener) releasing it.
The total wait keeps the configured timeout (OPTIONS "timeout", 30 s here); after it the error is SQLite's
"database is locked", as before. Reads outside a transaction keep SQLite's own busy handling.

Why it stays (measured with WOWDESK_SQLITE_STATS, bench/RESULTS.md, 2026-12-01): a first version took turns
only for transactions and left the API's per-request count (one INSERT ... ON CONFLICT outside a
transaction) to SQLite's busy handler, and `make run` showed no difference with or without it (p99 1.75 s
both). With those statements in turn too, back to back under 8 clients: p99 601 ms against 1,793 ms with
Django's handling, the web server's single writes waiting p99 388 ms against 1,351 ms (max 840 against
2,773 ms), and the workers kept up instead of falling 10 s behind.

Task workers go first (PRIORITY, set by db_worker): a worker waiting for the write lock raises a flag (a
shared lock on a byte of `<database>.turns`), and the web server and the SMTP listeners start no new
transaction while it is raised (for at most YIELD_MAX_S), so the worker takes the lock when the transaction
holding it ends. Without it the web server's request threads handed the lock to each other the moment one
committed, while a worker in another process asked every 2 ms and mostly found it taken: at 150 tickets/s
the web server and the listeners took in 88 tickets/s and the two workers did 4.6 follow-ups/s, so the
auto-replies arrived a minute late (bench/RESULTS.md). The follow-up work is made by the intake, so giving
it the lock first cannot starve the intake: the workers run out of work.

WOWDESK_SQLITE_STATS=DIR writes each process's lock waits and holds to DIR/<pid>.json (bench/make_run.py,
bench/pipeline.py); WOWDESK_SQLITE_TURNS=0 starts transactions as Django's own backend does (to compare).
"""

import atexit
import fcntl
import json
import os
import sys
import threading
import time

from django.db.backends.sqlite3 import base
from django.db.utils import OperationalError

# How long one try waits inside SQLite (its busy handler sleeps 1 ms, then 1 ms more) before this backend
# tries again. Short enough that the lock is taken soon after it frees; each try costs about 20 µs of CPU.
TRY_MS = 2
# Whether this process's transactions go before those of processes without it (db_worker sets it to
# WORKERS_FIRST; WOWDESK_SQLITE_WORKERS_FIRST=0 to compare).
PRIORITY = False
WORKERS_FIRST = os.environ.get("WOWDESK_SQLITE_WORKERS_FIRST", "1").strip().lower() not in ("0", "false", "no", "off")
# The longest a transaction of a process without PRIORITY waits for the flag to come down: a worker takes the
# lock within a transaction and 2 ms of raising its flag, so this is only reached when one hangs.
YIELD_MAX_S = 0.1
TURNS = os.environ.get("WOWDESK_SQLITE_TURNS", "1").strip().lower() not in ("0", "false", "no", "off", "")
STATS_DIR = os.environ.get("WOWDESK_SQLITE_STATS", "")


class _Flags:
    """The flag of `<database>.turns`: byte 0, held shared by every PRIORITY process waiting for the lock
    (POSIX record locks: the kernel drops a dead process's). One descriptor per file and process, never
    closed (closing any descriptor of the file would drop this process's locks on it)."""

    _fds: dict[str, int] = {}
    _lock = threading.Lock()

    @classmethod
    def fd(cls, name: str) -> int | None:
        if ":memory:" in name or "mode=memory" in name:
            return None
        with cls._lock:
            if name not in cls._fds:
                cls._fds[name] = os.open(f"{name}.turns", os.O_RDWR | os.O_CREAT, 0o600)
            return cls._fds[name]

    @staticmethod
    def raise_(fd: int) -> None:
        fcntl.lockf(fd, fcntl.LOCK_SH, 1, 0)  # waits microseconds at most, for another's look (below)

    @staticmethod
    def lower(fd: int) -> None:
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 0)

    @staticmethod
    def raised(fd: int) -> bool:
        """Whether a PRIORITY process is waiting: it holds byte 0 shared, so an exclusive try fails."""
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 0)
        except OSError:
            return True
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 0)
        return False


class _Stats:
    """Lock waits and holds of this process's outermost transactions, in ms, written to STATS_DIR/<pid>.json
    every 2 s and at exit (only with WOWDESK_SQLITE_STATS)."""

    def __init__(self, directory: str):
        self.path = os.path.join(directory, f"{os.getpid()}.json")
        self.waits: list[float] = []
        self.holds: list[float] = []
        self.commits: list[float] = []
        self.ends: list[float] = []  # Unix time, so a bench can keep the transactions of its window
        self.alone: list[tuple[float, float]] = []  # (ms, end) of each write statement outside a transaction
        self.lock = threading.Lock()
        self.written = time.monotonic()
        atexit.register(self.write)

    def add(self, wait: float, hold: float, commit: float) -> None:
        self.waits.append(round(wait * 1000, 2))
        self.holds.append(round(hold * 1000, 2))
        self.commits.append(round(commit * 1000, 2))
        self.ends.append(round(time.time(), 3))
        if time.monotonic() - self.written > 2:
            self.write()

    def add_alone(self, took: float) -> None:
        self.alone.append((round(took * 1000, 2), round(time.time(), 3)))
        if time.monotonic() - self.written > 2:
            self.write()

    def write(self) -> None:
        if not self.lock.acquire(blocking=False):
            return  # another thread is writing it
        try:
            self._write()
        finally:
            self.lock.release()

    def _write(self) -> None:
        self.written = time.monotonic()
        n = min(len(self.waits), len(self.holds), len(self.commits), len(self.ends))
        data = {
            "argv": sys.argv,
            "priority": PRIORITY,
            "turns": TURNS,
            "waits_ms": self.waits[:n],
            "holds_ms": self.holds[:n],
            "commits_ms": self.commits[:n],
            "ends": self.ends[:n],
            "alone": self.alone[:],
        }
        tmp = f"{self.path}.tmp"
        with open(tmp, "w") as f:
            json.dump(data, f)
        os.replace(tmp, self.path)


_stats: _Stats | None = None
_stats_lock = threading.Lock()


def _process_stats() -> _Stats:
    global _stats  # noqa: PLW0603 (one per process, made on first use: after fork, with this process's pid)
    if _stats is None or _stats.path != os.path.join(STATS_DIR, f"{os.getpid()}.json"):
        with _stats_lock:
            if _stats is None or _stats.path != os.path.join(STATS_DIR, f"{os.getpid()}.json"):
                _stats = _Stats(STATS_DIR)
    return _stats


def _record(wait: float, hold: float, commit: float) -> None:
    _process_stats().add(wait, hold, commit)


WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
# Statements in Django's "format" style -> the same in SQLite's "qmark" style (CursorWrapper.convert_query).
QMARK_CACHE_SIZE = 2000
_QMARK: dict[str, str] = {}


class CursorWrapper(base.SQLiteCursorWrapper):
    """Django's cursor; a write statement outside a transaction (autocommit: the API's request count, a
    token's last use, a worker's heartbeat) takes a turn like a transaction does. With SQLite's busy handler
    such a statement asked for the lock at intervals growing to 100 ms while the others took turns every
    2 ms, and lost round after round."""

    wrapper: "DatabaseWrapper | None" = None

    def convert_query(self, query, *, param_names=None):
        # Django rewrites every statement's %s to ? with a regular expression, on every execution: 4.7 % of an
        # SMTP listener's CPU (py-spy --gil, 1,500 mails, issue 20). The hot statements are the same strings
        # every time (compiled once, wowdesk/db.py), so each is rewritten once per process.
        if param_names is not None:
            return super().convert_query(query, param_names=param_names)
        converted = _QMARK.get(query)
        if converted is None:
            converted = super().convert_query(query)
            if len(_QMARK) < QMARK_CACHE_SIZE:  # statements with values written in would fill it: it stops
                _QMARK[query] = converted
        return converted

    def execute(self, query, params=None):
        db = self.wrapper
        if db is None or self.connection.in_transaction or not query.lstrip()[:7].upper().startswith(WRITES):
            return super().execute(query, params)
        return db._write_alone(lambda: base.SQLiteCursorWrapper.execute(self, query, params))


class DatabaseWrapper(base.DatabaseWrapper):
    # One lock per database file and process, shared by every thread's connection to it.
    _turns: dict[str, threading.Lock] = {}
    _turns_lock = threading.Lock()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._holds_turn = False
        self._asked_at = self._began_at = self._commit_at = 0.0

    def create_cursor(self, name=None):
        cursor = self.connection.cursor(factory=CursorWrapper)
        if TURNS or STATS_DIR:
            cursor.wrapper = self
        return cursor

    def _write_alone(self, run):
        """run() (one write statement outside a transaction) in this process's turn, asking SQLite every 2 ms
        as _take_turn does; SQLITE_BUSY means nothing was written, so the statement is run again."""
        started = time.monotonic()
        try:
            if not TURNS:
                return run()
            timeout = float(self.settings_dict["OPTIONS"].get("timeout", 5))
            deadline = started + timeout
            holds = self._turn().acquire(timeout=timeout)
            raw = self.connection
            flagged = False
            try:
                flagged = self._yield_to_workers(deadline)
                raw.execute(f"PRAGMA busy_timeout = {TRY_MS}")
                try:
                    while True:
                        try:
                            return run()
                        except base.Database.OperationalError as error:
                            if "locked" not in str(error) or time.monotonic() >= deadline:
                                raise
                finally:
                    raw.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            finally:
                if flagged:
                    _Flags.lower(_Flags.fd(str(self.settings_dict["NAME"])))
                if holds:
                    self._turn().release()
        finally:
            if STATS_DIR:
                _process_stats().add_alone(time.monotonic() - started)

    def _yield_to_workers(self, deadline: float) -> bool:
        """Raise this process's flag (PRIORITY: True, lower it after BEGIN), or wait while a worker's is up."""
        flag = _Flags.fd(str(self.settings_dict["NAME"]))
        if flag is None:
            return False
        if PRIORITY:
            _Flags.raise_(flag)
            return True
        if _Flags.raised(flag):
            until = min(deadline, time.monotonic() + YIELD_MAX_S)
            while time.monotonic() < until:
                time.sleep(0.0005)
                if not _Flags.raised(flag):
                    break
        return False

    def _turn(self) -> threading.Lock:
        name = str(self.settings_dict["NAME"])
        with self._turns_lock:
            return self._turns.setdefault(name, threading.Lock())

    def _start_transaction_under_autocommit(self):
        self._asked_at = time.monotonic()
        if not TURNS:
            super()._start_transaction_under_autocommit()
        else:
            self._take_turn()
        self._began_at = time.monotonic()

    def _take_turn(self):
        timeout = float(self.settings_dict["OPTIONS"].get("timeout", 5))
        deadline = time.monotonic() + timeout
        # Waiting for a turn past the timeout goes on to SQLite, which then says "database is locked".
        self._holds_turn = self._turn().acquire(timeout=timeout)
        begin = f"BEGIN {self.transaction_mode}" if self.transaction_mode else "BEGIN"
        raw = self.connection
        flagged = False
        try:
            flagged = self._yield_to_workers(deadline)
            raw.execute(f"PRAGMA busy_timeout = {TRY_MS}")
            try:
                # The first try through Django's cursor, so that it shows in the queries a test counts.
                self.cursor().execute(begin)
            except OperationalError as error:
                if "locked" not in str(error):
                    raise
                with self.wrap_database_errors:
                    while True:
                        try:
                            raw.execute(begin)
                            break
                        except base.Database.OperationalError as again:
                            if "locked" not in str(again) or time.monotonic() >= deadline:
                                raise
            finally:
                if flagged:
                    _Flags.lower(_Flags.fd(str(self.settings_dict["NAME"])))
                raw.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        except BaseException:
            self._end_turn()
            raise

    def _end_turn(self) -> None:
        if STATS_DIR and self._began_at:
            now = time.monotonic()
            # commit: the COMMIT call itself (with a WAL checkpoint when the log has grown past 1,000 pages)
            commit = now - self._commit_at if self._commit_at else 0.0
            _record(self._began_at - self._asked_at, now - self._began_at, commit)
        self._began_at = self._commit_at = 0.0
        if self._holds_turn:
            self._holds_turn = False
            self._turn().release()

    def _commit(self):
        if STATS_DIR:
            self._commit_at = time.monotonic()
        try:
            super()._commit()
        finally:
            # A commit that failed leaves the transaction open for the rollback that follows.
            if self.connection is None or not self.connection.in_transaction:
                self._end_turn()

    def _rollback(self):
        try:
            super()._rollback()
        finally:
            self._end_turn()

    def _close(self):
        try:
            super()._close()
        finally:
            self._end_turn()
