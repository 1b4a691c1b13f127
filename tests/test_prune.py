"""The task table and the API's idempotency records stay bounded (issue 20): the workers delete finished tasks past
their retention and expired idempotency keys, a batch at a time, and never a task that waits or runs, nor a key
the API still answers."""

import re
import uuid
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from tests.api.conftest import token_for  # noqa: F401 (a fixture)
from wowdesk.api.models import IdempotencyRecord
from wowdesk.workers import housekeeping, services
from wowdesk.workers.management.commands.db_worker import Heartbeat
from wowdesk.workers.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db
NEW_TICKET = {"subject": "Printer", "message": "Den virker ikke", "contact": {"email": "p@example.dk"}}


def task(status: str, *, finished=None, started=None, enqueued=None, run_after=None, worker="") -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult(
        id=uuid.uuid4(),
        status=status,
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="wowdesk.tickets.services.announce_created",
        queue_name="mail",
        backend_name="default",
        run_after=run_after or get_date_max(),
        enqueued_at=enqueued or now,
        started_at=started,
        finished_at=finished,
        worker_ids=[worker] if worker else [],
        exception_class_path="",
        traceback="",
    )


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def a_prune_round_in_a_worker():
    """What a worker's heartbeat thread does when its prune round is due."""
    heartbeat = Heartbeat("worker-prune-test", "*")
    heartbeat.pruning.next_at = 0
    heartbeat.prune()


def test_finished_tasks_past_their_retention_go_and_waiting_or_running_ones_never(settings):
    settings.TASK_RETENTION_HOURS, settings.TASK_FAILED_RETENTION_HOURS = 24, 14 * 24
    rows = {
        "succeeded 25 h ago": task("SUCCESSFUL", finished=ago(hours=25), started=ago(hours=25)),
        "succeeded 23 h ago": task("SUCCESSFUL", finished=ago(hours=23), started=ago(hours=23)),
        "failed 15 days ago": task("FAILED", finished=ago(days=15), started=ago(days=15)),
        "failed 2 days ago": task("FAILED", finished=ago(days=2), started=ago(days=2)),
        "waiting 30 days": task("READY", enqueued=ago(days=30)),
        "waiting for a retry time": task("READY", enqueued=ago(days=30), run_after=ago(days=29)),
        "running 30 days": task("RUNNING", enqueued=ago(days=30), started=ago(days=30), worker="w"),
    }
    DBTaskResult.objects.bulk_create(rows.values())
    a_prune_round_in_a_worker()
    kept = {name for name, row in rows.items() if DBTaskResult.objects.filter(pk=row.pk).exists()}
    assert kept == set(rows) - {"succeeded 25 h ago", "failed 15 days ago"}


def test_a_retention_of_zero_keeps_finished_tasks_for_ever(settings):
    settings.TASK_RETENTION_HOURS = settings.TASK_FAILED_RETENTION_HOURS = 0
    DBTaskResult.objects.bulk_create(
        [task("SUCCESSFUL", finished=ago(days=400)), task("FAILED", finished=ago(days=400))]
    )
    a_prune_round_in_a_worker()
    assert DBTaskResult.objects.count() == 2


def test_the_prune_deletes_in_bounded_batches_oldest_first_and_pauses_between_them(settings):
    settings.TASK_RETENTION_HOURS = 1
    old = [task("SUCCESSFUL", finished=ago(hours=2, seconds=i)) for i in range(250)]
    DBTaskResult.objects.bulk_create(old)
    assert services.prune_finished_tasks(limit=100) == 100
    # the 100 that finished first went; the 150 most recent are left
    left = set(DBTaskResult.objects.values_list("pk", flat=True))
    assert left == {row.pk for row in old[:150]}

    pauses = []
    with CaptureQueriesContext(connection) as queries:
        deleted = housekeeping.prune_round(budget_s=60, batch=100, sleep=pauses.append)
    assert deleted["wowdesk.workers.services.prune_finished_tasks"] == 150
    assert not DBTaskResult.objects.exists()
    task_deletes = [q["sql"] for q in queries if q["sql"].startswith('DELETE FROM "django_tasks')]
    # each statement deletes at most a batch (two per batch: successful tasks, then failed ones up to the batch)
    limits = [int(re.search(r"LIMIT (\d+)", sql).group(1)) for sql in task_deletes]
    assert limits == [100, 100, 50], task_deletes
    assert len(pauses) == 1  # after the one full batch; none after the last


def test_a_round_stops_when_its_budget_is_spent(settings):
    settings.TASK_RETENTION_HOURS = 1
    DBTaskResult.objects.bulk_create([task("SUCCESSFUL", finished=ago(hours=2)) for _ in range(30)])
    deleted = housekeeping.prune_round(budget_s=0, batch=10, sleep=lambda s: None)
    assert deleted["wowdesk.workers.services.prune_finished_tasks"] == 10
    assert DBTaskResult.objects.count() == 20


def test_expired_idempotency_keys_go_and_the_api_still_answers_the_others(token_for, agent, team_dk):  # noqa: F811
    api = token_for(agent)
    old = api.post("/api/v1/tickets", NEW_TICKET, **{"Idempotency-Key": "old"})
    IdempotencyRecord.objects.update(created_at=ago(hours=24, minutes=1))
    fresh = api.post("/api/v1/tickets", {**NEW_TICKET, "subject": "Scanner"}, **{"Idempotency-Key": "fresh"})
    IdempotencyRecord.objects.filter(key="fresh").update(created_at=ago(hours=23, minutes=59))
    a_prune_round_in_a_worker()
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["fresh"]
    again = api.post("/api/v1/tickets", {**NEW_TICKET, "subject": "Scanner"}, **{"Idempotency-Key": "fresh"})
    assert again.json()["id"] == fresh.json()["id"]
    # the expired key is new again, as it was before the prune
    renewed = api.post("/api/v1/tickets", NEW_TICKET, **{"Idempotency-Key": "old"})
    assert renewed.status_code == 201 and renewed.json()["id"] != old.json()["id"]


def test_a_dead_workers_task_is_queued_again_and_a_live_ones_is_left(settings):
    services.beat(worker_id="alive")
    services.beat(worker_id="dead", now=ago(seconds=settings.TASK_LEASE_SECONDS + 5))
    alive = task("RUNNING", started=ago(hours=1), worker="alive")
    dead = task("RUNNING", started=ago(hours=1), worker="dead")
    finished = task("SUCCESSFUL", started=ago(hours=1), finished=ago(hours=1), worker="dead")
    DBTaskResult.objects.bulk_create([alive, dead, finished])
    assert services.requeue_abandoned() == 1
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses == {alive.pk: "RUNNING", dead.pk: "READY", finished.pk: "SUCCESSFUL"}
    assert WorkerHeartbeat.objects.count() == 2
