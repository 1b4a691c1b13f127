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
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from django.core.exceptions import EmptyResultSet
from django.db import connection, connections, transaction
from django.db.models import BigIntegerField, BooleanField, Exists, OuterRef, Q, QuerySet
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


def _match(query: str) -> tuple[str, str, list] | None:
    """How to find the query's tickets in the search table: (the table's ticket id column, the condition
    on the table, its parameters), or None when the query has no words. A ticket matches when every word
    of the query matches (as a prefix)."""
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
        return "ticket_search.ticket_id", f"ticket_search.document @@ ({alternatives})", params
    groups = ["(" + " OR ".join(f'"{form}"*' for form in forms) + ")" for forms in _sqlite_forms(terms)]
    return "ticket_search.rowid", "ticket_search MATCH %s", [" AND ".join(groups)]


def _sqlite_forms(terms: list[str]) -> list[list[str]]:
    """For each query word, the beginnings of words it finds in SQLite's index: the word and its stems."""
    found = []
    for term in terms:
        term = term.lower().replace('"', "")
        forms = list(dict.fromkeys([term, *(stem(term, language) for language in STEMMERS)]))
        # A form that starts with another form finds nothing more as a prefix ("faktura"* within "faktur"*),
        # and every prefix form costs a read of its words' lists: dropping them halved the time to find
        # "faktura" in 100,000 tickets (9 against 19 ms of CPU, bench/inbox.py data).
        found.append([f for f in forms if not any(other != f and f.startswith(other) for other in forms)])
    return found


def matching_ids_sql(query: str) -> tuple[str, list] | None:
    """SQL selecting ids of tickets matching every word of the query (as a prefix), or None."""
    match = _match(query)
    if match is None:
        return None
    id_column, condition, params = match
    return f"SELECT {id_column} FROM ticket_search WHERE {condition}", params  # noqa: S608 (bound parameters)


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


def filter_matching(tickets: QuerySet, query: str, *, contacts: list[int] | None = None) -> QuerySet:
    """Tickets whose text matches every word of the query, or whose customer or organisation it names
    (`contacts`: matching_contact_ids(query), when already known)."""
    if contacts is None:
        contacts = matching_contact_ids(query)
    sql = None if "@" in query else matching_ids_sql(query)
    if sql is None and not contacts:
        return tickets.none()
    condition = Q(contact_id__in=contacts) if contacts else Q()
    if sql is not None:
        text = Q(pk__in=RawSQL(*sql))  # noqa: S611 (parameters are bound, see matching_ids_sql)
        condition = text | condition if contacts else text
    return tickets.filter(condition)


# A search that matches more of the user's tickets than this says "more than 1,000" instead of counting them
# all: counting a word found in 100,000 tickets took 58 ms of CPU on SQLite (every hit looked up), counting
# up to 1,001 of them 4 ms (bench/inbox.py's data, the bench agent; a shared machine).
COUNT_UP_TO = 1000


@dataclass
class Results:
    """One page of a search: `tickets` (newest change first, for the list), `total` (exact when `more` is
    False, else at least COUNT_UP_TO + 1) and whether there are later pages."""

    tickets: list
    total: int
    more: bool
    has_next: bool


def search_page(tickets: QuerySet, query: str, *, offset: int, limit: int, listing) -> Results:
    """One page of the tickets among `tickets` (the user's visible_tickets) that the query finds, as
    filter_matching does; `listing` makes a queryset ready for the list (related rows, order).

    The hits are read up to COUNT_UP_TO + 1 (or to the end of this page, if further): when there are no more,
    the page is sorted from their ids; when there are, the count stops there ("more than 1000") and the page
    walks the tickets newest change first, keeping the hits, until it is full. Sorting every hit of a word
    found in all 100,000 tickets took 51 ms of CPU on SQLite, and counting them 58 ms (bench/inbox.py)."""
    up_to = max(COUNT_UP_TO, offset + limit) + 1
    contacts = matching_contact_ids(query)
    ids = None if contacts else matching_ids(tickets, query, up_to=up_to)
    if ids is None:  # a customer named: the plain query, counted up to the same point
        found = filter_matching(tickets, query, contacts=contacts)
        counted = found.order_by()[:up_to].count()
    else:
        counted = len(ids)
        found = tickets.filter(pk__in=ids) if counted <= COUNT_UP_TO else None
    if counted <= offset:
        rows = []
    elif found is not None:
        rows = list(listing(found)[offset : offset + limit])
    else:
        rows = _walk_page(tickets, query, offset=offset, limit=limit, listing=listing, hits=ids)
    return Results(rows, counted, more=counted > COUNT_UP_TO, has_next=counted > offset + limit)


def matching_ids(tickets: QuerySet, query: str, *, up_to: int) -> list[int]:
    """Ids of the first `up_to` of `tickets` whose text the query's words find (in no particular order;
    filter_matching's first half)."""
    match = None if "@" in query else _match(query)
    if match is None:
        return []
    id_column, condition, params = match
    # The search table's hits are read only as far as needed, each looked up among `tickets` by id (an index
    # lookup); `id IN (hits)` would gather every hit first. Counting a word in all 100,000 tickets up to
    # 1,001 took 4 ms of CPU on SQLite against 58 ms for all of them (bench/inbox.py).
    hit = RawSQL(id_column, [], output_field=BigIntegerField())  # noqa: S611 (a column name of ours)
    gate = tickets.filter(pk=hit).order_by().values("pk")
    try:
        gate_sql, gate_params = gate.query.get_compiler(using=gate.db).as_sql()
    except EmptyResultSet:  # tickets.none(): a user who sees nothing
        return []
    sql = f"SELECT {id_column} FROM ticket_search WHERE {condition} AND EXISTS ({gate_sql}) LIMIT %s"  # noqa: S608 (compiled SQL, bound parameters)
    with connections[gate.db].cursor() as cursor:
        cursor.execute(sql, [*params, *gate_params, up_to])
        return [row[0] for row in cursor.fetchall()]


def _walk_page(tickets: QuerySet, query: str, *, offset: int, limit: int, listing, hits: list[int]) -> list:
    """A query with many hits and no customer named: the page walks the index of every ticket newest
    change first (ticket_updated), keeping those among the hits and among `tickets` (a lookup by id each), until
    the page is full. On SQLite, the unary + keeps it from reading the hits by id and sorting them all; the gate
    as a lookup by id keeps it from gathering the rows of each visibility branch (MULTI-INDEX OR) and sorting
    them (91 ms of CPU for the bench agent, against 20 ms). PostgreSQL probes each ticket's search document
    by its key instead of reading the hits (its planner's choice)."""
    if connections[tickets.db].vendor == "sqlite":
        ids = _probe_walk(tickets, query, offset=offset, limit=limit, hits=hits)
        if ids is not None:
            return list(listing(tickets.filter(pk__in=ids)))
    id_column, condition, params = _match(query)
    # Only our column names and placeholders are formatted in; the words are bound parameters.
    sql = f'+"tickets_ticket"."id" IN (SELECT {id_column} FROM ticket_search WHERE {condition})'  # noqa: S608
    hits = RawSQL(sql, params, output_field=BooleanField())  # noqa: S611
    walk = (
        Ticket.objects.filter(hits, Exists(tickets.filter(pk=OuterRef("pk"))))
        .order_by("-updated_at", "-id")
        .values_list("id", flat=True)[offset : offset + limit]
    )
    if connections[walk.db].vendor == "postgresql":
        # PostgreSQL underestimates the hits and plans this walk with two parallel workers, whose start alone
        # took 46-65 ms for the bench agent where the walk itself takes 0.6 ms (EXPLAIN ANALYZE, shared
        # machine): for this statement only, none.
        with transaction.atomic(using=walk.db), connections[walk.db].cursor() as cursor:
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
            ids = list(walk)
    else:
        ids = list(walk)
    return list(listing(tickets.filter(pk__in=ids))) if ids else []


# SQLite, a search with many hits: the first pages are looked for among this many times as many of the user's
# newest tickets as the page needs, each asked of the search index by id (_probe_walk); up to this page's end.
PROBE_SPAN = 4
PROBE_UP_TO = 100
# A word's beginning that stands for more whole words of the index than this is left to the prefix walk.
MAX_PROBE_TERMS = 20
# Only words of these letters are turned into whole words by Python: the index's tokenizer (unicode61) folds
# them as str.lower() does, so the whole words found are exactly those the prefix finds.
_PROBE_WORD = re.compile(r"[0-9a-zæøåäöüéèáàóòúùíìñ]+")


def _probe_walk(tickets: QuerySet, query: str, *, offset: int, limit: int, hits: list[int]) -> list[int] | None:
    """SQLite: the ids of one early page of a search with many hits, or None to walk with every hit instead.

    The prefix walk reads every hit of the query from the index first ("faktur"* in all 100,000 tickets: 9 ms
    of a search's 30 ms of CPU, bench/inbox.py), since FTS5 merges a prefix's word lists on each look-up (a
    look-up of one ticket by id took 3 ms). Whole words are looked up by id in microseconds, so here each
    word's beginning becomes the whole words of the index that start with it (ticket_search_terms), and
    the user's newest tickets (PROBE_SPAN times the page's end) are each asked whether they match: the same
    tickets the prefix finds, in the listing's order. When those tickets do not fill the page (hits are
    sparse), None: the prefix walk then finds it."""
    if offset + limit > PROBE_UP_TO:
        return None
    # `hits`: the visible hits matching_ids read (ids in order, up to COUNT_UP_TO + 1): among the tickets of their
    # span of ids, at least this share is a visible hit, so at least this share of the user's tickets. Sparser
    # than one in PROBE_SPAN, the candidates would most likely not fill the page: 200 look-ups wasted (8 ms on
    # the bench's index as loaded, 1.6 ms once merged by FTS5's 'optimize').
    if not hits or len(hits) * PROBE_SPAN < max(hits) - min(hits) + 1:
        return None
    expression = _whole_words(query)
    if expression is None:
        return None
    candidates = (
        Ticket.objects.filter(Exists(tickets.filter(pk=OuterRef("pk"))))
        .order_by("-updated_at", "-id")
        .values("id", "updated_at")[: PROBE_SPAN * (offset + limit)]
    )
    try:
        sql, params = candidates.query.get_compiler(using=candidates.db).as_sql()
    except EmptyResultSet:
        return None
    # Only compiled SQL goes in; the words are a bound parameter.
    probe = (
        f"SELECT candidate.id FROM ({sql}) AS candidate WHERE EXISTS (SELECT 1 FROM ticket_search "  # noqa: S608
        "WHERE ticket_search MATCH %s AND ticket_search.rowid = candidate.id) "
        "ORDER BY candidate.updated_at DESC, candidate.id DESC LIMIT %s OFFSET %s"
    )
    with connections[candidates.db].cursor() as cursor:
        cursor.execute(probe, [*params, expression, limit, offset])
        ids = [row[0] for row in cursor.fetchall()]
    # A full page from among the candidates is the page: every later ticket comes after them in the order.
    return ids if len(ids) == limit else None


def _whole_words(query: str) -> str | None:
    """The query as an FTS5 expression of whole words: each word's beginnings ("faktur"*) replaced by the words
    of the index that start with them ("faktur" OR "faktura"). None when a beginning stands for no word (the
    tokenizer may split it) or more than MAX_PROBE_TERMS, or has letters str.lower() may fold otherwise."""
    groups = []
    with connection.cursor() as cursor:
        for forms in _sqlite_forms(words(query)):
            whole: list[str] = []
            for form in forms:
                if not _PROBE_WORD.fullmatch(form):
                    return None
                after = form[:-1] + chr(ord(form[-1]) + 1)  # the first string past every word starting with form
                cursor.execute(
                    "SELECT term FROM ticket_search_terms WHERE term >= %s AND term < %s LIMIT %s",
                    [form, after, MAX_PROBE_TERMS + 1],
                )
                whole += [term for (term,) in cursor.fetchall() if term.startswith(form)]
            whole = list(dict.fromkeys(whole))
            if not whole or len(whole) > MAX_PROBE_TERMS:
                return None
            groups.append("(" + " OR ".join(f'"{term}"' for term in whole) + ")")
    return " AND ".join(groups)
