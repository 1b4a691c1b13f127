"""The auto-reply wording each language starts with; edit it in the admin."""

from django.db import migrations

from wowdesk.replies.defaults import AUTO_REPLIES

# The wording itself is defined once, in replies/defaults.py (plain data, no models), also the code's fallback.
TEMPLATES = AUTO_REPLIES


def create(apps, schema_editor):
    AutoReplyTemplate = apps.get_model("replies", "AutoReplyTemplate")
    for language, (subject, body) in TEMPLATES.items():
        AutoReplyTemplate.objects.get_or_create(language=language, defaults={"subject": subject, "body": body})


class Migration(migrations.Migration):
    dependencies = [("replies", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
