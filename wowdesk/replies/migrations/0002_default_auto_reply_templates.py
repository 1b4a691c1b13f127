"""The auto-reply wording each language starts with; edit it in the admin."""

from django.db import migrations

TEMPLATES = {
    "da": (
        "Vi har modtaget din henvendelse [#{number}]",
        "Hej {name}\n\nTak for din henvendelse. Vi har modtaget den og givet den sagsnummer #{number}.\n\n"
        "{response_time}\n\nSvar gerne på denne mail, hvis du vil tilføje noget; så havner det på samme sag.\n\n"
        "Vores åbningstider:\n{opening_hours}\n\nVenlig hilsen\nKundeservice",
    ),
    "nb": (
        "Vi har mottatt henvendelsen din [#{number}]",
        "Hei {name}\n\nTakk for henvendelsen. Vi har mottatt den og gitt den saksnummer #{number}.\n\n"
        "{response_time}\n\nSvar gjerne på denne e-posten hvis du vil legge til noe; da havner det på samme "
        "sak.\n\nÅpningstidene våre:\n{opening_hours}\n\nVennlig hilsen\nKundeservice",
    ),
    "en": (
        "We have received your message [#{number}]",
        "Hi {name}\n\nThank you for getting in touch. We have received your message and given it the number "
        "#{number}.\n\n{response_time}\n\nJust reply to this e-mail if you want to add something; it will go "
        "to the same case.\n\nOur opening hours:\n{opening_hours}\n\nKind regards\nCustomer service",
    ),
}


def create(apps, schema_editor):
    AutoReplyTemplate = apps.get_model("replies", "AutoReplyTemplate")
    for language, (subject, body) in TEMPLATES.items():
        AutoReplyTemplate.objects.get_or_create(language=language, defaults={"subject": subject, "body": body})


class Migration(migrations.Migration):
    dependencies = [("replies", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
