"""On PostgreSQL the rate-limit counters become an UNLOGGED table: they are written on every API request,
and an unlogged table's writes skip the write-ahead log, so counting does not wait for a disk flush. After a
crash PostgreSQL empties the table, which only forgives the current minute's requests."""

from django.db import migrations


def set_unlogged(apps, schema_editor, logged=False):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"ALTER TABLE api_apiratewindow SET {'LOGGED' if logged else 'UNLOGGED'}")


class Migration(migrations.Migration):
    dependencies = [("api", "0002_alter_webhooksubscription_events")]

    operations = [
        migrations.RunPython(set_unlogged, lambda apps, schema_editor: set_unlogged(apps, schema_editor, True)),
    ]
