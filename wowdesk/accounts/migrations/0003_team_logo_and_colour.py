import django.core.validators
from django.db import migrations, models

import wowdesk.accounts.models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_capacity_user_last_seen_at_user_presence_and_more"),
    ]

    operations = [
        migrations.AddField(
            model_name="team",
            name="logo",
            field=models.FileField(
                blank=True,
                help_text="PNG, JPEG, GIF or WebP, at most 512 KB. Shown on the survey page.",
                upload_to="team-logos/",
                validators=[
                    django.core.validators.FileExtensionValidator(["png", "jpg", "jpeg", "gif", "webp"]),
                    wowdesk.accounts.models.validate_logo_size,
                ],
                verbose_name="logo",
            ),
        ),
        migrations.AddField(
            model_name="team",
            name="colour",
            field=models.CharField(
                blank=True,
                help_text="As #RRGGBB. The buttons and the heading of the survey page take this colour.",
                max_length=7,
                validators=[
                    django.core.validators.RegexValidator(
                        "^#[0-9a-fA-F]{6}$", "Write the colour as #RRGGBB, e.g. #2a5bd7."
                    )
                ],
                verbose_name="colour",
            ),
        ),
    ]
