"""The words of the SQLite search index as a table (fts5vocab), so that search can turn a word's beginning into
the whole words the index holds (tickets/search.py: _probe_walk). Nothing on PostgreSQL."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("CREATE VIRTUAL TABLE ticket_search_terms USING fts5vocab(ticket_search, 'row')")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS ticket_search_terms")


class Migration(migrations.Migration):
    dependencies = [("tickets", "0014_ticket_snoozed_indexes")]
    operations = [migrations.RunPython(create, drop)]
