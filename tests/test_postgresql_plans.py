"""Hot statements whose plan on PostgreSQL must not depend on the planner's statistics, which a new database does
not have (and a server with autovacuum off never gets), nor on the table's size when a connection first
prepared them (bench/RESULTS.md, session 10). Each is run as PostgreSQL runs it once prepared
(plan_cache_mode = force_generic_plan) and as a custom plan, and EXPLAIN ANALYZE tells what it read.

The statements that look for waiting tasks read waiting tasks only (migration workers.0002, wowdesk.db.Literal).

A claim on a database that had never been analysed read every row of the task table, finished tasks included:
the prepared claim's generic plan could not use django-tasks-db's partial index of READY tasks (READY was a
parameter) and took the library's backend_name and queue_name indexes, which match every row. Here both
statements are run as PostgreSQL runs them once prepared (plan_cache_mode = force_generic_plan) and as a
custom plan, over 3,000 finished tasks and a few waiting ones, and EXPLAIN ANALYZE tells what they read."""

import json
import re
import uuid
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from wowdesk.api.common import stored, token_record
from wowdesk.api.models import ApiToken, IdempotencyRecord
from wowdesk.db import Literal
from wowdesk.workers import services

pytestmark = pytest.mark.django_db
FINISHED = 3000


def task(status: str, queue: str, age: timedelta, **fields) -> DBTaskResult:
    now = timezone.now()
    return DBTaskResult(
        id=uuid.uuid4(),
        status=status,
        args_kwargs={"args": [1], "kwargs": {}},
        priority=10 if queue == "mail" else 0,
        task_path="wowdesk.replies.tasks.auto_reply",
        queue_name=queue,
        backend_name="default",
        run_after=get_date_max(),
        enqueued_at=now - age,
        exception_class_path="",
        traceback="",
        **fields,
    )


@pytest.fixture
def queue():
    """3,000 finished tasks of the three queues (as a busy hour leaves them) and six waiting ones."""
    if connection.vendor == "postgresql":
        # Earlier tests of the session enqueued tasks in transactions that were rolled back: their entries stay in
        # the partial indexes of waiting tasks until a VACUUM, which never comes on a server with autovacuum off
        # (this one), and the walk visited them (73 buffers in make test's full run, 4 when run alone). TRUNCATE,
        # undone with the test's transaction, starts from empty indexes and, like a new database, no statistics.
        with connection.cursor() as cursor:
            cursor.execute(f"TRUNCATE {connection.ops.quote_name(DBTaskResult._meta.db_table)}")
    queues = ("mail", "default", "webhooks")
    done = timezone.now()
    DBTaskResult.objects.bulk_create(
        [
            task("SUCCESSFUL", queues[i % 3], timedelta(minutes=30, seconds=i), finished_at=done, started_at=done)
            for i in range(FINISHED)
        ],
        batch_size=1000,
    )
    waiting = [task("READY", queues[i % 2], timedelta(seconds=10 - i)) for i in range(6)]
    DBTaskResult.objects.bulk_create(waiting)
    return waiting


def plan(queryset, *, generic: bool) -> dict:
    """EXPLAIN (ANALYZE, BUFFERS) of the queryset's statement, prepared as PostgreSQL prepares it."""
    sql, params = queryset.query.sql_with_params()
    numbered = iter(range(1, len(params) + 1))
    prepared = re.sub("%s", lambda _: f"${next(numbered)}", sql)
    mode = "force_generic_plan" if generic else "force_custom_plan"
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL plan_cache_mode = {mode}")
        cursor.execute(f"PREPARE wowdesk_plan_check AS {prepared}")
        try:
            execute = f"({', '.join(['%s'] * len(params))})" if params else ""  # EXECUTE name() is an error
            cursor.execute(
                "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) "
                + connection.ops.compose_sql(f"EXECUTE wowdesk_plan_check{execute}", params)
            )
            found = cursor.fetchone()[0]
        finally:
            cursor.execute("DEALLOCATE wowdesk_plan_check")
    return (json.loads(found) if isinstance(found, str) else found)[0]["Plan"]


def scans(node: dict) -> list[dict]:
    """The plan's reads: index scans, and scans of the table other than through a bitmap of index scans."""
    table = node.get("Relation Name") and node["Node Type"] not in ("Bitmap Heap Scan", "ModifyTable", "LockRows")
    found = [node] if table or node.get("Index Name") else []
    for child in node.get("Plans", []):
        found += scans(child)
    return found


def ready_indexes() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s",
            [DBTaskResult._meta.db_table, "%WHERE ((status)::text = 'READY'::text)"],
        )
        return {name for (name,) in cursor.fetchall()}


def table_pages() -> int:
    with connection.cursor() as cursor:
        table = DBTaskResult._meta.db_table
        cursor.execute("SELECT pg_relation_size(%s) / current_setting('block_size')::int", [table])
        return cursor.fetchone()[0]


def assert_reads_waiting_tasks_only(node: dict) -> None:
    used = scans(node)
    assert used, node
    partial = ready_indexes()
    assert {"workers_task_claim", "workers_task_ready_age"} <= partial
    for scan in used:
        assert scan.get("Index Name") in partial, f"{scan['Node Type']} on {scan.get('Index Name') or 'the table'}"
    # The rows of 3,000 finished tasks fill dozens of pages; a walk of waiting tasks reads a handful.
    read = node.get("Shared Hit Blocks", 0) + node.get("Shared Read Blocks", 0)
    assert read < 12 < table_pages() / 4, (read, table_pages())


def skip_unless_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's plans (SQLite prepares no generic plans)")


@pytest.mark.parametrize("generic", [True, False], ids=["generic plan", "custom plan"])
def test_a_workers_claim_reads_only_waiting_tasks(queue, generic):
    skip_unless_postgresql()
    ready = services.ReadyTasks("default", queue_names=["mail", "default"])
    claim = ready.queryset(timezone.now()).select_for_update(skip_locked=True)[:4]
    node = plan(claim, generic=generic)
    assert node["Actual Rows"] == 4
    assert_reads_waiting_tasks_only(node)


@pytest.mark.parametrize("generic", [True, False], ids=["generic plan", "custom plan"])
def test_the_intakes_admission_check_reads_only_waiting_tasks(queue, generic):
    skip_unless_postgresql()
    node = plan(services.oldest_follow_up(), generic=generic)
    assert node["Actual Rows"] == 1
    assert_reads_waiting_tasks_only(node)


def test_the_admission_check_finds_the_oldest_waiting_follow_up(queue):
    oldest = min(t.enqueued_at for t in queue)
    assert list(services.oldest_follow_up()) == [oldest]
    assert services.follow_up_behind(now=oldest + timedelta(seconds=5)) == pytest.approx(5.0)


def test_the_claim_writes_ready_into_the_statement():
    sql, params = services.ReadyTasks("default").queryset(timezone.now()).query.sql_with_params()
    assert "= 'READY'" in sql and "READY" not in params
    assert "= 'READY'" in services.oldest_follow_up().query.sql_with_params()[0]


def test_a_literal_takes_plain_words_only():
    assert Literal("READY").value == "READY"
    for bad in ("it's", "", "a b", "x;--", "æ"):
        with pytest.raises(ValueError):
            Literal(bad)


def test_an_api_keys_lookup_reads_its_own_record_at_every_table_size(agent):
    """The API's Idempotency-Key lookup goes through the unique index of (token, method, path, key). With the
    token's own index (and the user's column in the lookup) PostgreSQL without statistics took the token's or
    the user's index at 300 and 1,000 records of one token and read all of them for each new ticket."""
    skip_unless_postgresql()
    token, _raw = ApiToken.issue(agent, "write", "integration")
    scope = {"user": agent, "token": token, "method": "POST", "path": "/api/v1/tickets"}
    made = 0
    for records in (300, 1000):
        IdempotencyRecord.objects.bulk_create(
            [IdempotencyRecord(**scope, key=f"k-{i}", request_hash="x", status=201) for i in range(made, records)]
        )
        made = records
        compiled = token_record(token.pk, "POST", "/api/v1/tickets", "k-77")  # the lookup compiled once
        orm = stored({**scope, "key": "k-77"}).order_by("pk")[:1]  # what first() runs: a session's, the delete
        for lookup in (compiled, orm):
            for generic in (True, False):
                node = plan(lookup, generic=generic)
                assert node["Actual Rows"] == 1
                assert [scan.get("Index Name") for scan in scans(node)] == ["idempotency_key_per_token"], records
                assert node.get("Shared Hit Blocks", 0) + node.get("Shared Read Blocks", 0) <= 4


def index_scans_only(node: dict, index: str) -> int:
    """The buffers the statement read, after checking that it read the table only through `index`."""
    used = scans(node)
    assert used and {scan.get("Index Name") for scan in used} == {index}, [
        (scan["Node Type"], scan.get("Index Name")) for scan in used
    ]
    return node.get("Shared Hit Blocks", 0) + node.get("Shared Read Blocks", 0)


@pytest.mark.parametrize("generic", [True, False], ids=["generic plan", "custom plan"])
def test_the_requeue_of_abandoned_tasks_reads_only_running_tasks(queue, generic):
    """requeue_abandoned runs at every heartbeat of every worker; the library's running() read every row of the
    table (a sequential scan of 3,000 finished tasks here), the partial index of RUNNING tasks reads two."""
    skip_unless_postgresql()
    now = timezone.now()
    DBTaskResult.objects.bulk_create([task("RUNNING", "mail", timedelta(seconds=5), started_at=now) for _ in range(2)])
    node = plan(services.running_tasks(), generic=generic)
    assert node["Actual Rows"] == 2
    assert index_scans_only(node, "workers_task_running") < 12 < table_pages() / 4


@pytest.mark.parametrize("generic", [True, False], ids=["generic plan", "custom plan"])
def test_a_prune_batch_reads_only_the_old_finished_tasks_it_deletes(queue, generic):
    """The prune's batch walks the partial index of finished tasks from its oldest entry and stops after the
    batch: with nothing old enough it reads a page or two, whatever the number of recent finished tasks."""
    skip_unless_postgresql()
    cutoff = timezone.now() - timedelta(hours=24)
    nothing = plan(services.oldest_finished("SUCCESSFUL", cutoff, 1000), generic=generic)
    assert nothing["Actual Rows"] == 0
    assert index_scans_only(nothing, "workers_task_finished") <= 3
    old = list(DBTaskResult.objects.filter(status="SUCCESSFUL").values_list("pk", flat=True)[:200])
    DBTaskResult.objects.filter(pk__in=old).update(finished_at=cutoff - timedelta(hours=1))
    batch = plan(services.oldest_finished("SUCCESSFUL", cutoff, 100), generic=generic)
    assert batch["Actual Rows"] == 100
    assert index_scans_only(batch, "workers_task_finished") < table_pages() / 4
