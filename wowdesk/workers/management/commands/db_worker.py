"""`db_worker` with a lease: django-tasks-db's worker, plus a heartbeat thread that tells the others this
worker is alive and puts back in the queue the tasks of workers that died (see workers.services)."""

import logging
import threading

from django.conf import settings
from django.db import connection
from django_tasks_db.management.commands.db_worker import Command as LibraryCommand

from wowdesk.workers import services

log = logging.getLogger(__name__)


class Heartbeat(threading.Thread):
    def __init__(self, worker_id: str, queues: str):
        super().__init__(name="heartbeat", daemon=True)
        self.worker_id, self.queues = worker_id, queues
        self.interval = max(0.2, settings.TASK_LEASE_SECONDS / 4)
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(self.interval):
            self.once()
        connection.close()

    def once(self) -> None:
        try:
            services.beat(worker_id=self.worker_id, queues=self.queues)
            services.requeue_abandoned()
        except Exception:
            # The database is away for a moment: try again at the next beat, on a fresh connection.
            log.exception("worker heartbeat failed")
            connection.close()


class Command(LibraryCommand):
    help = "Run a background task worker (with a heartbeat, so the tasks of a worker that dies run again)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # One worker on its own runs every queue (mail, default, webhooks); `serve` gives each group its own.
        parser.set_defaults(queue_name="*")

    def handle(self, *args, worker_id: str, queue_name: str, **options):
        # The first beat comes before the first task is taken, so no other worker takes this one for dead.
        heartbeat = Heartbeat(worker_id, queue_name)
        heartbeat.once()
        heartbeat.start()
        try:
            super().handle(*args, worker_id=worker_id, queue_name=queue_name, **options)
        finally:
            heartbeat.stopping.set()
            heartbeat.join(timeout=5)
            try:
                services.stopped(worker_id=worker_id)
            except Exception:
                log.exception("could not remove the heartbeat of worker %s", worker_id)
