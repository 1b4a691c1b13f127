"""Leases for background tasks. django-tasks-db marks a task RUNNING when a worker takes it and never looks
at it again, so a task whose worker was killed (SIGKILL, out of memory, power) stayed RUNNING for ever: its
auto-reply never went out, its webhooks never fired. Each worker now writes a heartbeat every
TASK_LEASE_SECONDS / 4 seconds, and every worker puts RUNNING tasks whose worker has been silent for longer
than TASK_LEASE_SECONDS back in the queue. A task may therefore run twice, so every task is written to be
safe to run twice (the row it works on is its lock: see mail.services.deliver_now)."""

import logging
import math
import os
import socket
from datetime import datetime, timedelta

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max
from django_tasks_db.utils import exclusive_transaction

from wowdesk.db import CompiledQuery, Literal
from wowdesk.process_cache import ProcessCache

from .models import WorkerHeartbeat

log = logging.getLogger(__name__)


def lease() -> timedelta:
    return timedelta(seconds=settings.TASK_LEASE_SECONDS)


def beat(*, worker_id: str, queues: str = "", now: datetime | None = None) -> None:
    """This worker is alive."""
    now = now or timezone.now()
    updated = WorkerHeartbeat.objects.filter(worker_id=worker_id).update(beat_at=now)
    if not updated:
        WorkerHeartbeat.objects.update_or_create(
            worker_id=worker_id,
            defaults={
                "pid": os.getpid(),
                "host": socket.gethostname()[:200],
                "queues": queues[:200],
                "started_at": now,
                "beat_at": now,
            },
        )


def stopped(*, worker_id: str) -> None:
    """This worker stops cleanly (it finished its task first)."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


# The statuses of a task waiting for a worker and of one being run, as SQL text (see ReadyTasks, requeue_abandoned).
READY = Literal(TaskResultStatus.READY)
RUNNING = Literal(TaskResultStatus.RUNNING)


def running_tasks():
    """The tasks being run, as requeue_abandoned reads them. RUNNING is written into the statement (Literal), so
    that every plan, a prepared statement's generic one too, reads the partial index of RUNNING tasks (migration
    workers.0003): a handful of entries, where the library's running() read the whole table, finished tasks
    included, at every heartbeat of every worker (tests/test_postgresql_plans.py)."""
    return DBTaskResult.objects.filter(status=RUNNING).order_by().only("id", "worker_ids", "started_at", "task_path")


def requeue_abandoned(*, now: datetime | None = None) -> int:
    """Put back in the queue every RUNNING task whose worker stopped beating more than a lease ago (or that a
    worker without heartbeats took more than a lease ago). Returns how many. Safe to run in every worker at
    once: each task is put back by one conditional update, which only the first one makes."""
    now = now or timezone.now()
    expired = now - lease()
    alive = set(WorkerHeartbeat.objects.filter(beat_at__gte=expired).values_list("worker_id", flat=True))
    known = alive | set(WorkerHeartbeat.objects.filter(beat_at__lt=expired).values_list("worker_id", flat=True))
    requeued = 0
    for task in running_tasks():
        owner = task.worker_ids[-1] if task.worker_ids else ""
        if owner in alive or (owner not in known and task.started_at and task.started_at > expired):
            continue
        requeued += (
            # started_at tells this claim from a later one (the task may have been put back and taken again).
            DBTaskResult.objects.filter(pk=task.pk, status=TaskResultStatus.RUNNING, started_at=task.started_at).update(
                status=TaskResultStatus.READY, started_at=None
            )
        )
        log.warning("task %s (%s) was left by worker %s; queued again", task.pk, task.task_path, owner or "?")
    WorkerHeartbeat.objects.filter(beat_at__lt=now - timedelta(days=1)).delete()
    return requeued


class ReadyTasks:
    """The tasks a worker may take now (django-tasks-db's `ready()`, of its backend and queues), with the two
    statements a worker sends while it polls compiled once (wowdesk/db.py): whether there are any, and up to
    `limit` of them locked. Building and compiling them was about a tenth of a task's CPU, and all of an idle
    poll's (bench/followup_cpu.py, py-spy)."""

    def __init__(self, backend_name: str, queue_names=None, excluded_queue_names=()):
        def ready(now):
            # DBTaskResultQuerySet.ready() at `now`: READY, and no run_after or one that has come. READY is written
            # into the statement (Literal), so that on PostgreSQL every plan of it, the prepared statement's generic
            # plan too, can use the partial indexes of READY tasks (migration workers.0002); as a parameter, the
            # generic plan read the whole table (a claim read every row, finished ones included).
            tasks = DBTaskResult.objects.filter(status=READY, backend_name=backend_name).filter(
                Q(run_after=get_date_max()) | Q(run_after__lte=now)
            )
            if queue_names is not None:
                tasks = tasks.filter(queue_name__in=list(queue_names))
            if excluded_queue_names:
                tasks = tasks.exclude(queue_name__in=list(excluded_queue_names))
            return tasks

        self.queryset = ready
        self.db = "default"
        self._any = CompiledQuery(lambda now: ready(now).order_by().values_list("pk")[:1], now=datetime)
        self._take: dict[int, CompiledQuery] = {}

    def exists(self) -> bool:
        return bool(self._any(now=timezone.now()))

    def take(self, limit: int) -> list[DBTaskResult]:
        """Up to `limit` of them, in the library's order, locked (SKIP LOCKED); inside a transaction."""
        if limit not in self._take:
            ready = self.queryset
            self._take[limit] = CompiledQuery(
                lambda now: ready(now).select_for_update(skip_locked=True)[:limit], now=datetime
            )
        return self._take[limit](now=timezone.now())


# (database, fields set, which of them to NULL, number of tasks, with a status condition) -> the UPDATE statement
_TASK_UPDATES: dict[tuple, str] = {}


def _update_tasks(pks: list, *, using: str = "default", only_if: str | None = None, **values) -> int:
    """`DBTaskResult.objects.filter(pk__in=pks[, status=only_if]).update(**values)`, the statement written once per
    fields and number of tasks (a claim and a batch's result write take 1 to BATCH tasks). Built and compiled by
    the ORM, the claim's and the result write's UPDATE were 6 % of the worker's CPU per follow-up (bench/cpu_sampler.py
    over bench/followup_cpu.py, SQLite). Values are prepared as the ORM prepares them (get_db_prep_save); a None is
    written as NULL (as the ORM's UPDATE writes it, for a JSONField too). Returns the rows updated."""
    connection = connections[using]
    meta = DBTaskResult._meta
    fields = [meta.get_field(name) for name in values]
    nulls = tuple(value is None for value in values.values())
    key = (using, tuple(values), nulls, len(pks), only_if is not None)
    sql = _TASK_UPDATES.get(key)
    if sql is None:
        quote = connection.ops.quote_name
        table = quote(meta.db_table)
        sets = ", ".join(
            f"{quote(field.column)} = {'NULL' if null else '%s'}" for field, null in zip(fields, nulls, strict=True)
        )
        where = f"{table}.{quote(meta.pk.column)} IN ({', '.join(['%s'] * len(pks))})"
        if only_if is not None:
            where += f" AND {table}.{quote(meta.get_field('status').column)} = %s"
        sql = _TASK_UPDATES[key] = f"UPDATE {table} SET {sets} WHERE {where}"  # noqa: S608 (names quoted, values params)
    params = [
        field.get_db_prep_save(value, connection=connection)
        for field, value in zip(fields, values.values(), strict=True)
        if value is not None
    ]
    params += [meta.pk.get_db_prep_value(pk, connection) for pk in pks]
    if only_if is not None:
        params.append(only_if)
    with transaction.mark_for_rollback_on_error(using), connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def claim(tasks, *, worker_id: str, limit: int) -> list[DBTaskResult]:
    """Take up to `limit` ready tasks of `tasks` (a queryset, or a worker's ReadyTasks) for this worker, in one
    transaction: one SELECT ... FOR UPDATE SKIP LOCKED (on PostgreSQL other workers skip the rows this one locks
    instead of waiting) and one UPDATE for all of them (django-tasks-db takes one task per transaction, with one
    UPDATE each). A task taken here and not run (the worker is killed) is put back after the lease by
    requeue_abandoned, like a task killed half-way.

    On SQLite a plain read looks first: the claim's transaction takes the database's one write lock, and two
    idle workers polling every 0.1 s took it 20 times a second for nothing (at 4 tickets/s, 569 transactions
    of the mail workers in 20 s for 80 tasks; bench/pipeline.py), while the web server waited behind them."""
    if connections[tasks.db].vendor == "sqlite" and not tasks.exists():
        return []
    with exclusive_transaction(tasks.db):
        if isinstance(tasks, ReadyTasks):
            taken = tasks.take(limit)
        else:
            taken = list(tasks.select_for_update(skip_locked=True)[:limit])
        if not taken:
            return []
        now = timezone.now()
        # worker_ids is the list of workers that took the task; almost always empty before, so one UPDATE per
        # distinct earlier list (one, nearly always) gives each task its own list.
        by_history: dict[tuple, list] = {}
        for task in taken:
            by_history.setdefault(tuple(task.worker_ids), []).append(task)
        for history, group in by_history.items():
            _update_tasks(
                [t.pk for t in group],
                using=tasks.db,
                status=TaskResultStatus.RUNNING,
                started_at=now,
                worker_ids=[*history, worker_id],
            )
        for task in taken:
            task.status, task.started_at, task.worker_ids = TaskResultStatus.RUNNING, now, [*task.worker_ids, worker_id]
    return taken


def finish(tasks: list[DBTaskResult]) -> None:
    """Write that these tasks (run by this worker, returning None) succeeded: one UPDATE for all of them.
    A worker killed before this runs them again after the lease, which every task is written to allow."""
    if not tasks:
        return
    now = timezone.now()
    for task in tasks:
        task.status, task.finished_at = TaskResultStatus.SUCCESSFUL, now
    _update_tasks(
        [t.pk for t in tasks],
        only_if=TaskResultStatus.RUNNING,
        status=TaskResultStatus.SUCCESSFUL,
        finished_at=now,
        return_value=None,
        exception_class_path="",
        traceback="",
    )


def release(tasks: list[DBTaskResult]) -> None:
    """Put back in the queue tasks this worker took and did not start (it was asked to stop)."""
    if tasks:
        _update_tasks(
            [t.pk for t in tasks], only_if=TaskResultStatus.RUNNING, status=TaskResultStatus.READY, started_at=None
        )


# --- intake admission --------------------------------------------------------------------------------------

# The queues a new ticket's follow-up work goes to (announce_created on mail, routing on default); webhooks wait
# on other people's servers and have their own worker, so their backlog says nothing about ours.
FOLLOW_UP_QUEUES = ("mail", "default")
# Each process reads how far the follow-up work is behind at most this often (one indexed query), so the check
# costs a request almost nothing; a backlog is seen by every intake process within this time.
_BEHIND = ProcessCache(0.25)


class Overloaded(Exception):
    """New tickets are refused for now because the follow-up work is too far behind: the API answers 503 with
    Retry-After, the SMTP listener 451 (the sending server keeps the mail and tries again). Nothing was stored."""

    def __init__(self, retry_after: int):
        super().__init__(f"the follow-up work is behind; try again in {retry_after} s")
        self.retry_after = retry_after


def oldest_follow_up():
    """When the oldest follow-up task that could run now was queued: a queryset of at most one value. READY is
    SQL text (Literal), so that on PostgreSQL every plan, a prepared statement's generic one too, may walk the
    partial index of READY tasks by age (migration workers.0002) whatever the statistics say."""
    return (
        DBTaskResult.objects.filter(status=READY, run_after=get_date_max(), queue_name__in=FOLLOW_UP_QUEUES)
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)[:1]
    )


def follow_up_behind(*, now: datetime | None = None) -> float:
    """Seconds the oldest follow-up task that could run now has waited (0 when there is none): how late the
    auto-reply of a ticket taken in now would at least be. Tasks waiting for a retry time are not counted."""
    now = now or timezone.now()
    oldest = next(iter(oldest_follow_up()), None)
    return max(0.0, (now - oldest).total_seconds()) if oldest else 0.0


def admit_intake() -> None:
    """Raise Overloaded when the follow-up work is more than settings.INTAKE_SHED_AFTER_S behind (0: never).

    Without it, an intake faster than the workers grows the queue without bound: at 150 tickets/s on SQLite
    the web server and the SMTP listeners took 88 tickets/s while the workers did 4.6 follow-ups/s, and the
    auto-replies arrived a minute late (bench/RESULTS.md). Refusing new tickets for a moment when the
    oldest follow-up has waited that long keeps the backlog at about that many seconds of work, and a refusal
    costs no write, so the workers get the database while intake is refused. A client sees a clear answer at
    once instead of a slow one, and the mail or request it sends again later is taken like any other."""
    limit = settings.INTAKE_SHED_AFTER_S
    if not limit:
        return
    behind = _BEHIND.get("behind", follow_up_behind)
    if behind > limit:
        raise Overloaded(retry_after=min(60, max(1, math.ceil(behind - limit))))


# --- pruning finished tasks -----------------------------------------------------------------------------------


def oldest_finished(status: str, before: datetime, limit: int):
    """The ids of up to `limit` tasks of `status` that finished before `before`, the oldest first."""
    return (
        DBTaskResult.objects.filter(status=status, finished_at__lt=before).order_by("finished_at").values("pk")[:limit]
    )


def prune_finished_tasks(*, limit: int, now: datetime | None = None) -> int:
    """Delete up to `limit` finished tasks, the oldest first: successful ones that finished more than
    settings.TASK_RETENTION_HOURS ago, failed ones more than TASK_FAILED_RETENTION_HOURS ago (0: kept). Returns
    how many. A task that is waiting or running has no finish time and is never read here.

    One statement per status, which walks the partial index of finished tasks (migration workers.0003) from its
    oldest entry and stops after `limit`, so it costs the same at any table size. On PostgreSQL the rows are taken
    with SKIP LOCKED: two workers pruning at once delete different rows, and neither waits for the other."""
    now = now or timezone.now()
    deleted = 0
    for status, hours in (
        (TaskResultStatus.SUCCESSFUL, settings.TASK_RETENTION_HOURS),
        (TaskResultStatus.FAILED, settings.TASK_FAILED_RETENTION_HOURS),
    ):
        if hours <= 0 or deleted >= limit:
            continue
        oldest = oldest_finished(status, now - timedelta(hours=hours), limit - deleted)
        with transaction.atomic():
            if connection.vendor == "postgresql":
                oldest = oldest.select_for_update(skip_locked=True)
            deleted += DBTaskResult.objects.filter(pk__in=oldest).delete()[0]
    return deleted
