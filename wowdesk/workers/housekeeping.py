"""Deleting what nobody reads any more, a little at a time, by the task workers (issue 20: the pipeline keeps
pace for days, not only for a two-minute bench).

Every task queues a row that stays after it finished, and every API create with an Idempotency-Key writes a
record that is answered for 24 h only. At 150 tickets/s, with several tasks per ticket, the task table grew by
tens of millions of rows a day, and every index walk, vacuum and backup with it. Each worker's heartbeat thread
(db_worker) runs a prune round every EVERY_S seconds (the first after a random part of it, so workers started
together spread out): each registered pruner deletes its oldest rows in batches of BATCH while it fills them,
for at most the round's budget. Between two batches the database is left alone for as long as the batch took, so
a round takes at most about half of the database's time (on SQLite, of its one write lock), and a batch holds its
locks for one short statement.

Workers do not agree on who prunes: a round that finds nothing due costs one walk of an index that stops at its
first entry, and two rounds at once delete different rows (PostgreSQL: SKIP LOCKED) or one after the other
(SQLite's write lock), so more workers only prune sooner. A pruner deletes only rows that nothing reads (each
says why); the pruners of the apps above this one register themselves (wowdesk.api: expired idempotency keys).
"""

import logging
import random
import time
from collections.abc import Callable

from django.utils import timezone

from . import services

log = logging.getLogger(__name__)

# Rows a pruner deletes per statement (a transaction of its own, so its locks are held for one statement). At 150
# tickets/s, with several tasks per ticket, a round every minute has some 40,000 finished tasks to delete.
BATCH = 1000
EVERY_S = 60.0

# pruner(limit=..., now=...) -> rows deleted (at most limit), oldest first.
Pruner = Callable[..., int]
PRUNERS: list[Pruner] = [services.prune_finished_tasks]


def register(pruner: Pruner) -> None:
    """Have the workers' prune rounds run `pruner` too (an app's ready())."""
    if pruner not in PRUNERS:
        PRUNERS.append(pruner)


def prune_round(*, budget_s: float, batch: int = BATCH, now=None, sleep=time.sleep) -> dict[str, int]:
    """Run every pruner batch after batch until it deletes less than a full batch or the budget is spent (each
    runs one batch at least); returns the rows deleted per pruner."""
    now = now or timezone.now()
    deadline = time.monotonic() + budget_s
    deleted: dict[str, int] = {}
    for pruner in PRUNERS:
        name = f"{pruner.__module__}.{pruner.__qualname__}"
        deleted[name] = 0
        while True:
            started = time.monotonic()
            count = pruner(limit=batch, now=now)
            deleted[name] += count
            if count < batch or time.monotonic() >= deadline:
                break
            sleep(time.monotonic() - started)  # the others' turn
    if any(deleted.values()):
        log.info("pruned %s", ", ".join(f"{n} by {name}" for name, n in deleted.items() if n))
    return deleted


class Schedule:
    """When this process's next prune round is due: EVERY_S apart, the first after a random part of it."""

    def __init__(self, every_s: float = EVERY_S):
        self.every_s = every_s
        self.next_at = time.monotonic() + random.uniform(0, every_s)  # noqa: S311 (spreading, not a secret)

    def due(self) -> bool:
        now = time.monotonic()
        if now < self.next_at:
            return False
        self.next_at = now + self.every_s
        return True
