"""`db_worker` with a lease: django-tasks-db's worker, plus a heartbeat thread that tells the others this
worker is alive and puts back in the queue the tasks of workers that died (see workers.services), and
claims that take several tasks per transaction (BatchWorker)."""

import dataclasses
import logging
import os
import random
import threading
import time

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.management.base import CommandError
from django.db import OperationalError, close_old_connections, connection, connections
from django.utils import timezone
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.compat import TaskContext, TaskResultStatus, task_finished, task_started
from django_tasks_db.management.commands import db_worker as library
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import is_locked_database_exception

from wowdesk.sqlite import base as sqlite_backend
from wowdesk.workers import housekeeping, services

LibraryCommand = library.Command
# Tasks a worker takes per claim. django-tasks-db takes one per transaction and writes each one's success in
# another: a claim and a result write per task, besides the task's own work. A small batch keeps the others
# busy too (they skip the rows this one locked) and a task waits behind at most BATCH - 1 others.
BATCH = 4
# An idle worker keeps its database connection between polls for this long, then opens a new one. Closing it at every
# empty poll made each poll (every 0.1 s under `serve`) open a new connection: 16 ms of CPU a second for an idle
# worker on SQLite, and under a steady intake the workers keep pace with, most polls between tickets find the queue
# empty (issue 20; bench/pipeline.py).
IDLE_CONNECTION_S = 5.0

log = logging.getLogger(__name__)


class Heartbeat(threading.Thread):
    def __init__(self, worker_id: str, queues: str):
        super().__init__(name="heartbeat", daemon=True)
        self.worker_id, self.queues = worker_id, queues
        self.interval = max(0.2, settings.TASK_LEASE_SECONDS / 4)
        self.stopping = threading.Event()
        self.pruning = housekeeping.Schedule()

    def run(self) -> None:
        while not self.stopping.wait(self.interval):
            self.once()
            self.prune()
        connection.close()

    def prune(self) -> None:
        """A prune round when one is due (workers.housekeeping), for at most a beat's interval, so the next beat
        still comes well within the lease."""
        if not self.pruning.due():
            return
        try:
            housekeeping.prune_round(budget_s=self.interval)
        except Exception:
            log.exception("prune round failed")
            connection.close()

    def once(self) -> None:
        try:
            services.beat(worker_id=self.worker_id, queues=self.queues)
            services.requeue_abandoned()
        except Exception:
            # The database is away for a moment: try again at the next beat, on a fresh connection.
            log.exception("worker heartbeat failed")
            connection.close()


class BatchWorker(library.Worker):
    """django-tasks-db's worker loop, taking up to `batch` tasks per claim (one transaction, one SELECT ...
    FOR UPDATE SKIP LOCKED, one UPDATE) and writing the successes of a batch in one UPDATE once it is done.
    Tasks are run one after the other, in the library's order (priority, run_after, enqueued)."""

    def __init__(self, *, batch_size: int = BATCH, **kwargs):
        super().__init__(**kwargs)
        self.batch_size = max(1, batch_size)
        self._ready: services.ReadyTasks | None = None

    def ready(self) -> services.ReadyTasks:
        if self._ready is None:
            self._ready = services.ReadyTasks(
                self.backend_name,
                queue_names=None if self.process_all_queues else self.queue_names,
                excluded_queue_names=self.excluded_queue_names,
            )
        return self._ready

    def run(self) -> None:
        library.logger.info("Starting worker worker_id=%s queues=%s", self.worker_id, ",".join(self.queue_names))
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311 (as the library: workers started together spread out)
        close_old_connections()
        connected_at = time.monotonic()
        while self.running:
            limit = self.batch_size
            if self.max_tasks is not None:
                limit = min(limit, self.max_tasks - self._run_tasks)
            try:
                batch = services.claim(self.ready(), worker_id=self.worker_id, limit=limit)
            except OperationalError as exc:
                if not is_locked_database_exception(exc):
                    raise
                batch = None  # SQLite was busy: try again
            if batch:
                self.run_batch(batch)
            if self.batch and batch == []:
                library.logger.info("No more tasks to run for worker_id=%s - exiting gracefully.", self.worker_id)
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                library.logger.info("Run maximum tasks (%d) on worker=%s", self._run_tasks, self.worker_id)
                return
            # The library closes the database connection after every task (as after a request, with the default
            # CONN_MAX_AGE=0); opening one again cost about 2.4 ms of CPU on SQLite, a tenth of a task. It is kept
            # while there is work and between polls, unless a database error may have left it unusable; an idle
            # worker opens a new one every IDLE_CONNECTION_S.
            errors = any(c.errors_occurred for c in connections.all(initialized_only=True))
            if errors or (not batch and time.monotonic() - connected_at >= IDLE_CONNECTION_S):
                close_old_connections()
                connected_at = time.monotonic()
            if self.running and not batch:
                time.sleep(self.interval)

    def run_batch(self, batch: list[DBTaskResult]) -> None:
        done: list[DBTaskResult] = []
        started = 0
        try:
            for db_task_result in batch:
                if not self.running:  # asked to stop: the rest goes back to the queue (finally)
                    break
                started += 1
                self.run_task(db_task_result, done)
        finally:
            services.finish(done)
            services.release(batch[started:])

    def run_task(self, db_task_result: DBTaskResult, done: list | None = None) -> None:
        """The library's run_task, except that a task returning None is only marked successful in memory and
        added to `done`, whose rows run_batch writes in one UPDATE."""
        if done is None:
            return super().run_task(db_task_result)
        try:
            self.running_task = True
            # The library reads db_task_result.task and .task_result here and .task_result again when the task is
            # done: each imports the task and copies it (Task.using) anew, 2.6 % of a follow-up's worker CPU (a
            # CPU-time sampler over bench/followup_cpu.py, issue 20). The result's task is the same task, and the
            # finished result is the started one with its status and end (as the library's, read from the row).
            task_result = db_task_result.task_result
            task = task_result.task
            backend_type = task.get_backend()
            task_started.send(sender=backend_type, task_result=task_result)
            if task.takes_context:
                return_value = task.call(TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs)
            else:
                return_value = task.call(*task_result.args, **task_result.kwargs)
            if return_value is None:
                db_task_result.status, db_task_result.finished_at = TaskResultStatus.SUCCESSFUL, timezone.now()
                done.append(db_task_result)
                finished = dataclasses.replace(
                    task_result, status=TaskResultStatus.SUCCESSFUL, finished_at=db_task_result.finished_at, errors=[]
                )
            else:
                db_task_result.set_successful(return_value)
                finished = db_task_result.task_result
            task_finished.send(sender=backend_type, task_result=finished)
        except BaseException as exc:
            db_task_result.set_failed(exc)
            try:
                sender = type(db_task_result.task.get_backend())
                task_result = db_task_result.task_result
            except (ImportError, SuspiciousOperation):
                library.logger.exception("Task id=%s failed unexpectedly", db_task_result.id)
            else:
                task_finished.send(sender=sender, task_result=task_result)
        finally:
            self.running_task = False
            self._run_tasks += 1


class Command(LibraryCommand):
    help = "Run a background task worker (with a heartbeat, so the tasks of a worker that dies run again)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # One worker on its own runs every queue (mail, default, webhooks); `serve` gives each group its own.
        parser.set_defaults(queue_name="*")
        parser.add_argument("--batch-size", type=int, default=BATCH, help=f"tasks taken per claim (default {BATCH})")

    def handle(self, *args, **options):
        # On SQLite a worker's transactions go before the web server's and the SMTP listeners' (wowdesk.sqlite);
        # given back at the end, for a worker run inside another process (tests, call_command).
        priority, sqlite_backend.PRIORITY = sqlite_backend.PRIORITY, sqlite_backend.WORKERS_FIRST
        # The first beat comes before the first task is taken, so no other worker takes this one for dead.
        heartbeat = Heartbeat(options["worker_id"], options["queue_name"])
        heartbeat.once()
        heartbeat.start()
        try:
            self.run_worker(**options)
        finally:
            heartbeat.stopping.set()
            heartbeat.join(timeout=5)
            try:
                services.stopped(worker_id=options["worker_id"])
            except Exception:
                log.exception("could not remove the heartbeat of worker %s", options["worker_id"])
            sqlite_backend.PRIORITY = priority

    def run_worker(
        self,
        *,
        verbosity,
        queue_name,
        exclude_queues,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        batch_size=BATCH,
        **options,
    ):
        """The library's handle, with BatchWorker for its Worker."""
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = BatchWorker(
            batch_size=batch_size,
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
