"""Django's SQLite backend, with writers that queue instead of sleeping (settings: ENGINE "wowdesk.sqlite").

SQLite lets one connection write at a time. A connection that finds the write lock taken runs SQLite's busy
handler, which sleeps and tries again: 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50 ms and then 100 ms between
tries until the timeout. Nobody is woken when the lock comes free, so the lock goes to whoever asks next, most
often a request that has just arrived, and the longer a writer has waited, the less often it asks. Under
`make run` with 8 clients creating tickets the write lock was busy about two thirds of the time, and the
slowest writers waited 1.2 to 3.6 s while no transaction held the lock for more than 0.3 s (bench/make_run.py,
bench/RESULTS.md): that was the p99 of about 1 s.

Two changes, both only around the outermost transaction (BEGIN ... COMMIT/ROLLBACK):
- The threads of one process take turns on a lock of the process before they ask SQLite, so an ASGI web
  server's request threads wait for each other in the kernel and the next one goes as soon as one commits.
- The thread whose turn it is asks SQLite every millisecond or so (a short busy timeout, tried again at
  once) rather than at SQLite's growing intervals, so it takes the lock within about a millisecond of
  another process (a task worker, the SMTP listener) releasing it.
The total wait keeps the configured timeout (OPTIONS "timeout", 30 s here); after it the error is SQLite's
"database is locked", as before. Statements outside a transaction keep SQLite's own busy handling.
"""

import threading
import time

from django.db.backends.sqlite3 import base
from django.db.utils import OperationalError

# How long one try waits inside SQLite (its busy handler sleeps 1 ms, then 1 ms more) before this backend
# tries again. Short enough that the lock is taken soon after it frees; each try costs about 20 µs of CPU.
TRY_MS = 2


class DatabaseWrapper(base.DatabaseWrapper):
    # One lock per database file and process, shared by every thread's connection to it.
    _turns: dict[str, threading.Lock] = {}
    _turns_lock = threading.Lock()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._holds_turn = False

    def _turn(self) -> threading.Lock:
        name = str(self.settings_dict["NAME"])
        with self._turns_lock:
            return self._turns.setdefault(name, threading.Lock())

    def _start_transaction_under_autocommit(self):
        timeout = float(self.settings_dict["OPTIONS"].get("timeout", 5))
        deadline = time.monotonic() + timeout
        # Waiting for a turn past the timeout goes on to SQLite, which then says "database is locked".
        self._holds_turn = self._turn().acquire(timeout=timeout)
        begin = f"BEGIN {self.transaction_mode}" if self.transaction_mode else "BEGIN"
        raw = self.connection
        try:
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
                raw.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        except BaseException:
            self._end_turn()
            raise

    def _end_turn(self) -> None:
        if self._holds_turn:
            self._holds_turn = False
            self._turn().release()

    def _commit(self):
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
