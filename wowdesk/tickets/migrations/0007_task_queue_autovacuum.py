"""On PostgreSQL the task queue's table gets its statistics and dead rows looked after within a minute.

Every new ticket queues a task and every task is updated twice (claimed, done), so the table changes by
tens of thousands of rows in minutes. With PostgreSQL's defaults (re-analyse after 10 % of the rows changed,
counted from the last analysis) a burst of new tickets left the planner believing the queue held a few
dozen tasks: the worker's claim query then read and sorted the whole backlog for each task (35 ms at
20,000 queued) instead of taking the first entry of the partial index, and one worker did 18 tasks/s
instead of 81 (bench/api_ingest.py --drain). Fixed thresholds keep the statistics current whatever the size.
"""

from django.db import migrations

TABLE = "django_tasks_database_dbtaskresult"
SETTINGS = (
    "autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 500, "
    "autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000"
)
RESET = (
    "autovacuum_analyze_scale_factor, autovacuum_analyze_threshold, "
    "autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold"
)


def set_thresholds(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} SET ({SETTINGS})")


def reset_thresholds(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE {TABLE} RESET ({RESET})")


class Migration(migrations.Migration):
    dependencies = [
        ("tickets", "0006_fewer_indexes_per_new_ticket"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(set_thresholds, reset_thresholds)]
