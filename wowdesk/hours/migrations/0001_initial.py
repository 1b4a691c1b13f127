"""The opening-hours models moved here from `replies`. Their tables stay where replies made them (the models'
db_table), so this only tells Django's migration state; an existing database keeps every row."""

import django.db.models.deletion
import wowdesk.hours.models
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('accounts', '0002_user_capacity_user_last_seen_at_user_presence_and_more'),
        ('replies', '0001_initial'),  # made the tables
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='OpeningHours',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('weekly', models.JSONField(default=wowdesk.hours.models.default_week, verbose_name='weekly schedule')),
                        ('holidays', models.CharField(blank=True, choices=[('', 'none'), ('DK', 'Danish public holidays'), ('NO', 'Norwegian public holidays')], default='DK', max_length=2, verbose_name='closed on')),
                        ('first_response_minutes', models.PositiveIntegerField(default=240, verbose_name='first answer within (business minutes)')),
                        ('next_response_minutes', models.PositiveIntegerField(default=480, verbose_name='next answer within (business minutes)')),
                        ('team', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='opening_hours', to='accounts.team')),
                    ],
                    options={
                        'verbose_name': 'opening hours',
                        'verbose_name_plural': 'opening hours',
                        'db_table': 'replies_openinghours',
                    },
                ),
                migrations.CreateModel(
                    name='OpeningException',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('date', models.DateField(verbose_name='date')),
                        ('closed', models.BooleanField(default=False, verbose_name='closed all day')),
                        ('opens', models.TimeField(blank=True, null=True, verbose_name='opens')),
                        ('closes', models.TimeField(blank=True, null=True, verbose_name='closes')),
                        ('note', models.CharField(blank=True, max_length=200, verbose_name='note')),
                        ('team', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='opening_exceptions', to='accounts.team')),
                    ],
                    options={
                        'verbose_name': 'opening exception',
                        'verbose_name_plural': 'opening exceptions',
                        'db_table': 'replies_openingexception',
                        'ordering': ['date'],
                        'unique_together': {('team', 'date')},
                    },
                ),
            ],
        ),
    ]
