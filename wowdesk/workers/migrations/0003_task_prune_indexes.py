"""Two partial indexes of the task table, on SQLite and PostgreSQL, so the statements that look after old and
abandoned tasks read only the rows they want however big the table gets.

- workers_task_running: RUNNING tasks by the time they were taken. requeue_abandoned runs at every heartbeat of
  every worker (every TASK_LEASE_SECONDS / 4); django-tasks-db has no index that serves `status = 'RUNNING'`, so
  it read the whole table each time, every finished task included (a sequential scan; tests/
  test_postgresql_plans.py). An index of a few entries (one per task being run) instead.
- workers_task_finished: finished tasks (the only ones with a finish time) by status and finish time, for the
  prune (workers.services.prune_finished_tasks), which takes the oldest ones in small batches. Entries are
  written once per task, when it finishes; a claim or a requeue (finished_at still empty) adds none.

On PostgreSQL they are built CONCURRENTLY (outside a transaction): a busy helpdesk's table holds millions of rows,
and a plain CREATE INDEX would hold back every enqueue, and so the intake, while it reads them.
"""

from django.db import migrations

TABLE = "django_tasks_database_dbtaskresult"
INDEXES = {
    "workers_task_running": "(started_at) WHERE status = 'RUNNING'",
    "workers_task_finished": "(status, finished_at) WHERE finished_at IS NOT NULL",
}


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor in ("postgresql", "sqlite"):
        concurrently = "CONCURRENTLY " if vendor == "postgresql" else ""
        for name, definition in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX {concurrently}IF NOT EXISTS {name} ON {TABLE} {definition}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor in ("postgresql", "sqlite"):
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    atomic = False  # CREATE INDEX CONCURRENTLY
    dependencies = [("workers", "0002_task_claim_indexes")]

    operations = [migrations.RunPython(create, drop)]
