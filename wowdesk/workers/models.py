"""Task workers that are alive: each writes its heartbeat here every few seconds while it runs."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """A running task worker's last sign of life. A RUNNING task whose worker's heartbeat is older than the
    lease (settings.TASK_LEASE_SECONDS) was left by a dead worker, and is put back in the queue."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    pid = models.PositiveIntegerField()
    host = models.CharField(max_length=200, blank=True)
    queues = models.CharField(max_length=200, blank=True)
    started_at = models.DateTimeField()
    beat_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.worker_id} (pid {self.pid} on {self.host})"
