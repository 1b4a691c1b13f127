"""wowdesk.task_backend overrides two methods of django-tasks-db's DatabaseBackend (one private) to enqueue
through wowdesk.db.insert. These tests pin what it relies on: an upgrade of the library that changes the
row it writes or how enqueue reports it fails here, not in production."""

import inspect

import pytest
from django.conf import settings
from django.db.models import Model
from django_tasks_db import DatabaseBackend
from django_tasks_db.compat import task_enqueued
from django_tasks_db.models import DBTaskResult

from wowdesk.task_backend import TaskBackend
from wowdesk.tickets.tasks import announce_created

pytestmark = pytest.mark.django_db

VARY = {"id", "enqueued_at"}  # a new id and the time of each enqueue


def _enqueue_with(backend_class):
    backend = backend_class("default", {"QUEUES": settings.TASK_QUEUES})  # announce_created is on "mail"
    sent = []

    def on_enqueued(sender, task_result, **kwargs):
        sent.append((sender, task_result.id))

    task_enqueued.connect(on_enqueued)
    try:
        result = backend.enqueue(announce_created, (42, False), {})
    finally:
        task_enqueued.disconnect(on_enqueued)
    row = DBTaskResult.objects.filter(pk=result.id).values().get()
    return result, row, sent


def test_our_enqueue_writes_the_row_and_sends_the_signal_the_library_does():
    theirs, their_row, their_signals = _enqueue_with(DatabaseBackend)
    ours, our_row, our_signals = _enqueue_with(TaskBackend)
    assert {k: v for k, v in our_row.items() if k not in VARY} == {k: v for k, v in their_row.items() if k not in VARY}
    assert their_signals == [(DatabaseBackend, theirs.id)]
    assert our_signals == [(TaskBackend, ours.id)]
    assert type(ours) is type(theirs) and ours.status == theirs.status and ours.args == theirs.args


def test_the_library_methods_we_override_are_still_there_and_shaped_the_same():
    # enqueue() calls these; the async path (aenqueue) is left to the library and uses its own insert.
    assert list(inspect.signature(DatabaseBackend._task_to_db_task).parameters) == ["self", "task", "args", "kwargs"]
    assert list(inspect.signature(DatabaseBackend.enqueue).parameters) == ["self", "task", "args", "kwargs"]
    assert callable(DatabaseBackend._get_id) and callable(DatabaseBackend.validate_task)
    # wowdesk.db.insert skips Model.save(): it is only right while the task row's model keeps Django's.
    assert DBTaskResult.save is Model.save


@pytest.mark.parametrize(
    ("old_path", "task"),
    [
        ("wowdesk.tickets.tasks.announce_created", "wowdesk.tickets.services.announce_created"),
        ("wowdesk.mail.tasks.deliver", "wowdesk.mail.services.deliver"),
        ("wowdesk.surveys.tasks.send_survey", "wowdesk.surveys.services.send_survey"),
        ("wowdesk.sms.tasks.deliver", "wowdesk.sms.services.deliver"),
    ],
)
def test_tasks_queued_under_their_old_module_still_run(old_path, task):
    # Tasks moved beside their services (issue 15: no import inside a function); a row queued before the move
    # names the old module, and django-tasks-db finds its task by that path (DBTaskResult.task).
    from django.utils.module_loading import import_string

    assert import_string(old_path) is import_string(task)
