"""On PostgreSQL the two statements that look for waiting tasks read only waiting tasks, whatever the statistics.

The worker's claim (workers.services.ReadyTasks: READY tasks of its backend and queues, in the library's order,
FOR UPDATE SKIP LOCKED) and the intake's admission check (follow_up_behind: the oldest READY follow-up task)
run many times a second. django-tasks-db's partial index (status, priority, run_after, enqueued_at) WHERE
status = 'READY' serves the claim only while the planner knows that backend_name and queue_name are the same on
nearly every row and that few rows are READY. On a new database nothing has been analysed (and where autovacuum
is off, as on the machine the benchmarks run on, nothing ever is), so the planner took its default guess of
0.5 % of the rows per equality: it combined the library's single-column indexes on backend_name and queue_name,
which match every row of the table, and the prepared statement's generic plan kept that for the connection's
life. A claim then read every task ever queued: 2,479 buffers at 30,000 finished tasks, where 4 rows were
wanted (EXPLAIN ANALYZE, bench/RESULTS.md session 10).

These indexes hold waiting tasks only (one entry per queued task) and have the claim's and the admission
check's equalities and orders in them, so the cheapest plan by any estimate is a walk of a few entries:
- workers_task_claim: backend, then the library's order, with the queue last (checked in the index: a webhook
  task waiting is skipped without reading its row);
- workers_task_ready_age: by age, for the oldest waiting follow-up.
The statements write READY as text (wowdesk.db.Literal), so a generic plan may use them. SQLite plans these
statements well without them (no prepared generic plans; bench/pipeline.py meets its targets there).
"""

from django.db import migrations

TABLE = "django_tasks_database_dbtaskresult"
INDEXES = {
    "workers_task_claim": "(backend_name, priority DESC, run_after, enqueued_at, queue_name)",
    "workers_task_ready_age": "(enqueued_at, queue_name, run_after)",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, columns in INDEXES.items():
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {TABLE} {columns} WHERE status = 'READY'")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("workers", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(create, drop)]
