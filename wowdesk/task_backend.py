"""The task queue: django-tasks-db's database backend, with a cheaper enqueue.

Every new ticket queues one task in its own transaction (tickets.tasks.announce_created), so enqueueing is on
the hot path of mail, API and web form. The library builds its INSERT with the full ORM and then builds the
returned TaskResult twice (once for the `task_enqueued` signal, once to return). This backend inserts the same
row through `wowdesk.db.insert` and builds the result once; everything else, workers included, is the
library's.
"""

from datetime import timedelta

from django_tasks_db import DatabaseBackend
from django_tasks_db.compat import normalize_json, task_enqueued

from wowdesk.db import insert


class TaskBackend(DatabaseBackend):
    def _task_to_db_task(self, task, args, kwargs):
        from django_tasks_db.models import DBTaskResult  # noqa: PLC0415 (backends load before the models)

        return insert(
            DBTaskResult(
                id=self._get_id(),
                args_kwargs=normalize_json({"args": args, "kwargs": kwargs}),
                priority=task.priority,
                task_path=task.module_path,
                queue_name=task.queue_name,
                run_after=task.run_after,
                backend_name=self.alias,
            )
        )

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        result = self._task_to_db_task(task, args, kwargs).task_result
        task_enqueued.send(type(self), task_result=result)
        return result


def backoff(attempt: int) -> timedelta:
    """How long a task waits before its next try after `attempt` failed ones: 30 s, 1 min, 2 min, ... at most
    1 h. One curve for every retried delivery (mail, webhooks)."""
    return timedelta(seconds=min(3600, 30 * 2 ** (attempt - 1)))
