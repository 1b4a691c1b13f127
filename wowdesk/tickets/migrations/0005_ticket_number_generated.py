"""Ticket.number becomes a column the database computes (id + 1000) as the row is inserted.

A column cannot be altered into a generated one, so the old column is dropped and the new one added; every
existing number was already id + 1000 (tickets.services set it so), so no ticket changes its number."""

import django.db.models.expressions
from django.db import migrations, models


def numbers_follow_ids(apps, schema_editor):
    Ticket = apps.get_model("tickets", "Ticket")
    odd = Ticket.objects.exclude(number=models.F("id") + 1000).exclude(number=None).values_list("id", "number")[:5]
    if odd:
        raise RuntimeError(f"tickets whose number is not id + 1000 would be renumbered: {list(odd)}")
    Ticket.objects.filter(number=None).update(number=models.F("id") + 1000)


class Migration(migrations.Migration):
    dependencies = [
        ("tickets", "0004_measured_durations"),
    ]

    operations = [
        migrations.RunPython(numbers_follow_ids, migrations.RunPython.noop),
        migrations.RemoveField(model_name="ticket", name="number"),
        migrations.AddField(
            model_name="ticket",
            name="number",
            field=models.GeneratedField(
                db_persist=True,
                expression=django.db.models.expressions.CombinedExpression(
                    models.F("id"), "+", models.Value(1000)
                ),
                output_field=models.PositiveIntegerField(),
                unique=True,
                verbose_name="number",
            ),
        ),
    ]
