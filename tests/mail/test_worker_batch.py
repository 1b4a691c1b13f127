"""Task workers take several tasks per claim (one transaction, SELECT ... FOR UPDATE SKIP LOCKED) and write
their successes together, and still run each task once: several worker processes at once, on SQLite and on
PostgreSQL, and a worker that stops half-way through a batch."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from tests.mail.test_worker_kill import wait_until
from wowdesk.mail.models import OutboundMail
from wowdesk.tickets import services as tickets
from wowdesk.tickets.models import Ticket
from wowdesk.workers import services
from wowdesk.workers.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db(transaction=True)


def new_tickets(count: int) -> list[Ticket]:
    return [
        tickets.open_ticket(email=f"kunde{i}@kunde.dk", subject=f"Ordre {i}", body="Hvor er den?", channel="api")
        for i in range(count)
    ]


def test_a_worker_takes_tasks_in_batches_and_runs_each_once(settings):
    settings.SMTP_URL = ""  # auto-replies stay in the local outbox
    made = new_tickets(7)
    call_command("db_worker", batch=True, batch_size=3, interval=0, startup_delay=False, worker_id="w1", verbosity=0)
    tasks = DBTaskResult.objects.all()
    assert [t.status for t in tasks] == ["SUCCESSFUL"] * 7
    assert all(t.worker_ids == ["w1"] and t.finished_at for t in tasks)
    assert sorted(OutboundMail.objects.values_list("ticket_id", flat=True)) == sorted(t.pk for t in made)


def test_the_signals_carry_the_task_as_it_started_and_as_it_finished(settings):
    """What django-tasks' task_started and task_finished receivers get, as from the library's own worker."""
    from django_tasks.signals import task_finished, task_started

    settings.SMTP_URL = ""
    new_tickets(2)
    seen = []

    def started(sender, task_result, **kwargs):
        seen.append(("started", task_result.id, task_result.status, task_result.task.module_path, task_result.args))

    def finished(sender, task_result, **kwargs):
        seen.append(("finished", task_result.id, task_result.status, task_result.finished_at, task_result.errors))

    task_started.connect(started)
    task_finished.connect(finished)
    try:
        call_command("db_worker", batch=True, interval=0, startup_delay=False, worker_id="w1", verbosity=0)
    finally:
        task_started.disconnect(started)
        task_finished.disconnect(finished)
    rows = {str(t.pk): t for t in DBTaskResult.objects.all()}
    assert len(seen) == 4
    for (kind, task_id, status, *rest), expected in zip(seen, ["started", "finished"] * 2, strict=True):
        assert kind == expected and task_id in rows
        if kind == "started":
            assert status == "RUNNING" and rest == [rows[task_id].task_path, rows[task_id].args_kwargs["args"]]
        else:
            # The batch's UPDATE writes its own time once the batch is done, a moment after the task's.
            assert status == "SUCCESSFUL" and rest[0] <= rows[task_id].finished_at and rest[1] == []


def test_tasks_taken_and_not_started_go_back_to_the_queue_and_run_once(settings):
    settings.SMTP_URL = ""
    new_tickets(3)
    ready = DBTaskResult.objects.ready()
    taken = services.claim(ready, worker_id="stopping", limit=3)
    assert len(taken) == 3
    assert services.claim(ready, worker_id="other", limit=3) == [], "a task is taken by one worker"
    services.release(taken[1:])  # it was asked to stop after the first
    call_command("db_worker", batch=True, interval=0, startup_delay=False, worker_id="next", verbosity=0)
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses[taken[0].pk] == "RUNNING", "the one it started stays its own (put back after its lease)"
    assert [statuses[t.pk] for t in taken[1:]] == ["SUCCESSFUL", "SUCCESSFUL"]
    assert [t.worker_ids for t in DBTaskResult.objects.filter(pk__in=[t.pk for t in taken[1:]])] == [
        ["stopping", "next"],
        ["stopping", "next"],
    ]


def test_a_worker_takes_what_the_librarys_ready_gives_in_its_order():
    """A worker's compiled ReadyTasks and django-tasks-db's ready() agree: the due tasks of its queues and backend,
    by priority, then run_after, then age; none waiting for a later time, running, done, or of other queues."""
    from datetime import timedelta

    from django.db import transaction
    from django.utils import timezone

    from wowdesk.mail.services import deliver

    new_tickets(3)
    deliver.using(priority=50).enqueue(1)
    deliver.using(run_after=timezone.now() - timedelta(minutes=1)).enqueue(2)
    deliver.using(run_after=timezone.now() + timedelta(minutes=5)).enqueue(3)  # not due yet
    deliver.using(queue_name="default").enqueue(4)
    DBTaskResult.objects.filter(pk=DBTaskResult.objects.filter(queue_name="mail").first().pk).update(status="RUNNING")
    for queues, excluded in ((["mail"], ()), (None, ("default",)), (None, ())):
        ready = services.ReadyTasks("default", queue_names=queues, excluded_queue_names=excluded)
        expected = DBTaskResult.objects.ready().filter(backend_name="default")
        expected = expected.filter(queue_name__in=queues) if queues else expected.exclude(queue_name__in=excluded)
        assert ready.exists() == expected.exists()
        with transaction.atomic():
            assert [t.pk for t in ready.take(10)] == [t.pk for t in expected[:10]]
            assert [t.pk for t in ready.take(2)] == [t.pk for t in expected[:2]]
    assert not services.ReadyTasks("other").exists()


def test_several_worker_processes_share_the_queue_and_run_each_task_once(processes):
    processes.env["WOWDESK_SMTP_URL"] = ""
    for _ in range(3):
        processes.start("db_worker", "--interval", "0.05", "--no-startup-delay", "--batch-size", "4")
    # All three are up (each beats before it takes a task) before there is work: a loaded machine starts
    # them seconds apart.
    wait_until(lambda: WorkerHeartbeat.objects.count() == 3, what="three workers")
    new_tickets(60)
    wait_until(lambda: not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists(), what="every task")
    workers = [t.worker_ids for t in DBTaskResult.objects.all()]
    assert all(len(ids) == 1 for ids in workers), "each task was taken once"
    assert OutboundMail.objects.count() == 60, "one auto-reply per ticket"
    assert len({ids[0] for ids in workers}) >= 2, "the workers shared the work"
