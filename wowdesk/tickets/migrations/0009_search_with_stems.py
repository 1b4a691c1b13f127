"""SQLite: rebuild the search documents with their words' stems (see tickets.search), so tickets written
before stemming are found by every form of a word too. PostgreSQL stems in the database already."""

from django.db import migrations

from wowdesk.tickets.search import MAX_INDEXED_CHARS, with_stems

BATCH = 1000


def add_stems(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    Ticket = apps.get_model("tickets", "Ticket")
    Message = apps.get_model("tickets", "Message")
    ids = list(Ticket.objects.order_by("pk").values_list("pk", flat=True))
    with schema_editor.connection.cursor() as cursor:
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            docs = {pk: (subject, language, []) for pk, subject, language in
                    Ticket.objects.filter(pk__in=batch).values_list("pk", "subject", "language")}
            for ticket_id, text in (
                Message.objects.filter(ticket_id__in=batch).order_by("ticket_id", "created_at", "pk")
                .values_list("ticket_id", "body_text")
            ):
                docs[ticket_id][2].append(text)
            cursor.executemany("DELETE FROM ticket_search WHERE rowid = %s", [(pk,) for pk in docs])
            cursor.executemany(
                "INSERT INTO ticket_search (rowid, subject, body) VALUES (%s, %s, %s)",
                [
                    (pk, with_stems(subject, language), with_stems("\n".join(texts)[:MAX_INDEXED_CHARS], language))
                    for pk, (subject, language, texts) in docs.items()
                ],
            )


class Migration(migrations.Migration):
    dependencies = [("tickets", "0008_drafts_per_agent_and_ticket")]

    operations = [migrations.RunPython(add_stems, migrations.RunPython.noop, elidable=True)]
