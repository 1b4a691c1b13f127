from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("tickets", "0009_search_with_stems"),
    ]

    operations = [
        migrations.AddField(
            model_name="category",
            name="name_da",
            field=models.CharField(blank=True, max_length=100, verbose_name="name in Danish"),
        ),
        migrations.AddField(
            model_name="category",
            name="name_nb",
            field=models.CharField(blank=True, max_length=100, verbose_name="name in Norwegian"),
        ),
        migrations.AddField(
            model_name="category",
            name="name_en",
            field=models.CharField(blank=True, max_length=100, verbose_name="name in English"),
        ),
    ]
