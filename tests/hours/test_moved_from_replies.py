"""Opening hours moved from `replies` to `hours` without moving their rows: a database migrated before the
move keeps its hours and exceptions."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("replies", "0004_default_reply_templates"), ("hours", None)]


@pytest.mark.django_db(transaction=True)
def test_rows_written_before_the_move_are_read_after_it(team_dk):
    executor = MigrationExecutor(connection)
    after = executor.loader.graph.leaf_nodes()
    old = executor.migrate(BEFORE)
    try:
        hours = old.apps.get_model("replies", "OpeningHours")
        exception = old.apps.get_model("replies", "OpeningException")
        hours.objects.create(team_id=team_dk.pk, weekly={"0": [["09:00", "10:00"]]}, holidays="NO")
        exception.objects.create(team_id=team_dk.pk, date=date(2026, 12, 24), closed=True)
    finally:
        MigrationExecutor(connection).migrate(after)

    from wowdesk.hours.models import OpeningException, OpeningHours

    assert OpeningHours.objects.get(team=team_dk).weekly == {"0": [["09:00", "10:00"]]}
    assert OpeningException.objects.get(team=team_dk).closed
