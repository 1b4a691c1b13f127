"""The full-text search table: FTS5 on SQLite, tsvector + GIN on PostgreSQL (see tickets/search.py).

No foreign key on PostgreSQL: Django's flush truncates ticket tables without CASCADE, and a row left
behind by a deleted ticket is harmless, because every search is filtered through visible_tickets().
"""

from django.db import migrations

SQLITE_CREATE = (
    "CREATE VIRTUAL TABLE ticket_search USING fts5(subject, body, tokenize = 'unicode61 remove_diacritics 0')"
)
POSTGRES_CREATE = [
    """CREATE TABLE ticket_search (
        ticket_id bigint PRIMARY KEY,
        document tsvector NOT NULL
    )""",
    "CREATE INDEX ticket_search_document ON ticket_search USING GIN (document)",
]


def create(apps, schema_editor):
    statements = POSTGRES_CREATE if schema_editor.connection.vendor == "postgresql" else [SQLITE_CREATE]
    for sql in statements:
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    schema_editor.execute("DROP TABLE IF EXISTS ticket_search")


class Migration(migrations.Migration):
    dependencies = [("tickets", "0001_initial")]
    operations = [migrations.RunPython(create, drop)]
