"""Full-text search over ticket subjects and messages.

SQLite uses an FTS5 table (`ticket_search`, rowid = ticket id); PostgreSQL a tsvector table with a GIN
index, stemmed with the ticket language's configuration (danish/norwegian/english) plus `simple`, so
both stems and exact words match. SQLite stems the same way with the Snowball stemmers (`snowballstemmer`,
the algorithms PostgreSQL uses): each document carries its words' stems in the ticket's language after its
text, and each query word matches as itself or as its Danish, Norwegian or English stem, so "pakker" finds
"pakke" on both databases. Both are kept up to date by `index_tickets`, called by the services
whenever a ticket's subject or messages change.
"""

import re
from functools import lru_cache

import snowballstemmer
from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from wowdesk.customers.models import Contact

from .models import Message, Ticket

# PostgreSQL refuses tsvectors over 1 MB; the first part of a long ticket is what people search for.
MAX_INDEXED_CHARS = 200_000
PG_CONFIGS = {"da": "danish", "nb": "norwegian", "en": "english"}
_WORD = re.compile(r"\w+", re.UNICODE)


STEMMERS = {"da": "danish", "nb": "norwegian", "en": "english"}


@lru_cache(maxsize=8)
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMERS[language]) if language in STEMMERS else None


@lru_cache(maxsize=100_000)
def stem(word: str, language: str) -> str:
    """A word's Snowball stem in a language (the word itself for a language without a stemmer)."""
    stemmer = _stemmer(language)
    return stemmer.stemWord(word) if stemmer else word


def with_stems(text: str, language: str) -> str:
    """The text followed by the stems of its words that differ from the word (SQLite's index)."""
    stems = {}
    for word in _WORD.findall(text.lower()):
        if len(word) > 2 and not word.isdigit():
            stemmed = stem(word, language)
            if stemmed != word:
                stems.setdefault(stemmed, None)
    return f"{text}\n{' '.join(stems)}" if stems else text


def index_document(ticket_id: int, language: str, subject: str, body: str, *, new: bool = False) -> None:
    """Index a ticket from text already in hand (no queries to read it back). `new`: the ticket was just
    created, so there is no old document to replace."""
    _write([(ticket_id, subject, body[:MAX_INDEXED_CHARS])], {ticket_id: language}, replace=not new)


def index_tickets(ticket_ids) -> None:
    """(Re)build the search documents of these tickets from their subject and all messages."""
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
            many(
                "INSERT INTO ticket_search (rowid, subject, body) VALUES (%s, %s, %s)",
                [
                    (pk, with_stems(subject, languages[pk]), with_stems(body, languages[pk]))
                    for pk, subject, body in rows
                ],
            )


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
    groups = []
    for term in terms:
        term = term.lower().replace('"', "")
        forms = dict.fromkeys([term, *(stem(term, language) for language in STEMMERS)])
        groups.append("(" + " OR ".join(f'"{form}"*' for form in forms) + ")")
    return "SELECT rowid FROM ticket_search WHERE ticket_search MATCH %s", [" AND ".join(groups)]


# A customer found by name, e-mail address or organisation brings at most this many customers' tickets.
MAX_CONTACTS = 500


def matching_contact_ids(query: str) -> list[int]:
    """Customers the query names: their e-mail address (or part of it), their name, or their organisation's
    name."""
    text = query.strip()
    if len(text) < 3:
        return []
    if "@" in text:
        found = Contact.objects.filter(email__icontains=text)
    else:
        found = Contact.objects.filter(
            Q(name__icontains=text) | Q(organization__name__icontains=text) | Q(email__istartswith=text)
        )
    return list(found.values_list("pk", flat=True)[:MAX_CONTACTS])


def filter_matching(tickets: QuerySet, query: str) -> QuerySet:
    """Tickets whose text matches every word of the query, or whose customer or organisation it names."""
    contacts = matching_contact_ids(query)
    sql = None if "@" in query else matching_ids_sql(query)
    if sql is None and not contacts:
        return tickets.none()
    condition = Q(contact_id__in=contacts) if contacts else Q()
    if sql is not None:
        text = Q(pk__in=RawSQL(*sql))  # noqa: S611 (parameters are bound, see matching_ids_sql)
        condition = text | condition if contacts else text
    return tickets.filter(condition)
