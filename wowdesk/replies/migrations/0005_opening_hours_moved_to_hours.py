"""OpeningHours and OpeningException now belong to the `hours` app (hours.0001), which keeps using these
tables: forget the models here without touching the database."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('replies', '0004_default_reply_templates'),
        ('hours', '0001_initial'),
        # tickets.0004 reads these models as replies' (in its historical state): it must run before they go.
        ('tickets', '0004_measured_durations'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='OpeningException'),
                migrations.DeleteModel(name='OpeningHours'),
            ],
        ),
    ]
