"""Full-text search over ticket subjects and messages.

SQLite uses an FTS5 table (`ticket_search`, rowid = ticket id); PostgreSQL a tsvector table with a GIN
index, stemmed with the ticket language's configuration (danish/norwegian/english) plus `simple`, so
both stems and exact words match. Both are kept up to date by `index_tickets`, called by the services
whenever a ticket's subject or messages change.
"""

import re

from django.db import connection
from django.db.models import QuerySet

# PostgreSQL refuses tsvectors over 1 MB; the first part of a long ticket is what people search for.
MAX_INDEXED_CHARS = 200_000
PG_CONFIGS = {"da": "danish", "nb": "norwegian", "en": "english"}
_WORD = re.compile(r"\w+", re.UNICODE)


def index_document(ticket_id: int, language: str, subject: str, body: str, *, new: bool = False) -> None:
    """Index a ticket from text already in hand (no queries to read it back). `new`: the ticket was just
    created, so there is no old document to replace."""
    _write([(ticket_id, subject, body[:MAX_INDEXED_CHARS])], {ticket_id: language}, replace=not new)


def index_tickets(ticket_ids) -> None:
    """(Re)build the search documents of these tickets from their subject and all messages."""
    from .models import Message, Ticket

    ticket_ids = list(ticket_ids)
    if not ticket_ids:
        return
    docs: dict[int, list[str]] = {}
    languages: dict[int, str] = {}
    for pk, subject, language in Ticket.objects.filter(pk__in=ticket_ids).values_list("pk", "subject", "language"):
        docs[pk] = [subject]
        languages[pk] = language
    for ticket_id, text in (
        Message.objects.filter(ticket_id__in=ticket_ids)
        .order_by("ticket_id", "created_at")
        .values_list("ticket_id", "body_text")
    ):
        docs[ticket_id].append(text)
    rows = [(pk, parts[0], "\n".join(parts[1:])[:MAX_INDEXED_CHARS]) for pk, parts in docs.items()]
    _write(rows, languages)


def _write(rows: list[tuple[int, str, str]], languages: dict[int, str], *, replace: bool = True) -> None:
    if not rows:
        return
    with connection.cursor() as cursor:
        # One row (a new ticket, the usual case) goes as a plain statement: psycopg's executemany sets up a
        # pipeline, which costs more than the insert.
        many = cursor.executemany if len(rows) > 1 else lambda sql, params: cursor.execute(sql, params[0])
        if connection.vendor == "postgresql":
            many(
                """
                INSERT INTO ticket_search (ticket_id, document)
                VALUES (%s, setweight(to_tsvector(%s::regconfig, %s), 'A')
                            || to_tsvector(%s::regconfig, %s)
                            || to_tsvector('simple', %s))
                ON CONFLICT (ticket_id) DO UPDATE SET document = EXCLUDED.document
                """,
                [
                    (
                        pk,
                        PG_CONFIGS.get(languages[pk], "simple"),
                        subject,
                        PG_CONFIGS.get(languages[pk], "simple"),
                        body,
                        f"{subject}\n{body}",
                    )
                    for pk, subject, body in rows
                ],
            )
        else:
            if replace:  # an FTS5 table has no upsert
                many("DELETE FROM ticket_search WHERE rowid = %s", [(pk,) for pk, _, _ in rows])
            many("INSERT INTO ticket_search (rowid, subject, body) VALUES (%s, %s, %s)", rows)


def words(query: str) -> list[str]:
    return _WORD.findall(query)[:12]


def matching_ids_sql(query: str) -> tuple[str, list] | None:
    """SQL selecting ids of tickets matching every word of the query (as a prefix), or None."""
    terms = words(query)
    if not terms:
        return None
    if connection.vendor == "postgresql":
        tsquery = " & ".join(f"{t}:*" for t in terms)
        configs = ["simple", *PG_CONFIGS.values()]
        alternatives = " || ".join("to_tsquery(%s::regconfig, %s)" for _ in configs)
        params: list = []
        for config in configs:
            params += [config, tsquery]
        # Only placeholders are formatted in; the words themselves are bound parameters.
        return f"SELECT ticket_id FROM ticket_search WHERE document @@ ({alternatives})", params  # noqa: S608
    match = " ".join('"{}"*'.format(t.replace('"', "")) for t in terms)
    return "SELECT rowid FROM ticket_search WHERE ticket_search MATCH %s", [match]


def filter_matching(tickets: QuerySet, query: str) -> QuerySet:
    from django.db.models.expressions import RawSQL

    sql = matching_ids_sql(query)
    if sql is None:
        return tickets.none()
    return tickets.filter(pk__in=RawSQL(*sql))  # noqa: S611 (parameters are bound, see matching_ids_sql)
