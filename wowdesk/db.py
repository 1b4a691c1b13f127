"""Statements of the hot path, compiled once: `insert(obj)` and `CompiledLookup`.

`insert(obj)` is `obj.save(force_insert=True)` with the INSERT statement compiled once per model.

Every new ticket, from mail, the API or the web form, inserts a ticket, its audit entry and its message.
Django builds each INSERT afresh: a query object, the column list, quoting, placeholders. For a ticket that
is more Python than sending the statement and waiting for PostgreSQL (bench/api_ingest.py, py-spy). The
statement depends only on the model and the database, so it is built once by Django's own compiler and
reused; each call only prepares the values, exactly as `save()` would (`pre_save`, `get_db_prep_save`),
sends the same signals and fills in what the database returns (the id and generated columns).
"""

from django.db import connections, transaction
from django.db.models import Model, Value, signals
from django.db.models.sql import InsertQuery

# Stands for the looked-up value while a CompiledLookup's query is compiled.
_VALUE = "\x00wowdesk-compiled-lookup-value\x00"

# (model, database alias) -> the compiled statement and what it returns
_COMPILED: dict[tuple[type, str], "_Insert"] = {}


class _Insert:
    def __init__(self, model, using: str):
        if model.save is not Model.save:
            # insert() does what Model.save() does; it would silently skip the model's own save().
            raise TypeError(f"{model.__name__} overrides save(), which insert() would skip: call save() instead")
        meta = model._meta
        connection = connections[using]
        self.fields = [f for f in meta.local_concrete_fields if f is not meta.auto_field and not f.generated]
        self.returning = meta.db_returning_fields if connection.features.can_return_columns_from_insert else []
        query = InsertQuery(model)
        query.insert_values(self.fields, [model()])  # a blank instance: the SQL must not depend on values
        compiler = query.get_compiler(using=using)
        compiler.returning_fields = self.returning
        [(self.sql, _params)] = compiler.as_sql()
        self.returning_params = compiler.returning_params if self.returning else ()
        self.columns = [f.get_col(meta.db_table) for f in self.returning]
        self.converters = [
            connection.ops.get_db_converters(col) + f.get_db_converters(connection)
            for f, col in zip(self.returning, self.columns, strict=True)
        ]


def insert(obj, using: str = "default"):
    """Insert a new model instance; the same as `obj.save(force_insert=True)` for models without parents."""
    model = type(obj)
    meta = model._meta
    if meta.parents or (meta.auto_field and obj.pk is not None):
        obj.save(force_insert=True, using=using)  # the rare cases, left to Django
        return obj
    connection = connections[using]
    obj._prepare_related_fields_for_save(operation_name="save")
    signals.pre_save.send(sender=model, instance=obj, raw=False, using=using, update_fields=None)
    if obj.pk is None and meta.pk.has_default():  # e.g. a UUID key: the value comes from Python
        obj.pk = meta.pk.get_default()
    compiled = _COMPILED.get((model, using))
    if compiled is None:
        compiled = _COMPILED[(model, using)] = _Insert(model, using)
    values = [f.pre_save(obj, True) for f in compiled.fields]
    if any(hasattr(v, "resolve_expression") for v in values):  # an expression has its own SQL
        obj.save(force_insert=True, using=using)
        return obj
    values = [f.get_db_prep_save(v, connection=connection) for f, v in zip(compiled.fields, values, strict=True)]
    with transaction.mark_for_rollback_on_error(using), connection.cursor() as cursor:
        cursor.execute(compiled.sql, values)
        if compiled.returning:
            row = connection.ops.fetch_returned_insert_columns(cursor, compiled.returning_params)
            for field, col, converters, value in zip(
                compiled.returning, compiled.columns, compiled.converters, row, strict=True
            ):
                for convert in converters:
                    value = convert(value, col, connection)
                setattr(obj, field.attname, value)
        elif meta.auto_field:
            obj.pk = connection.ops.last_insert_id(cursor, meta.db_table, meta.pk.column)
    obj._state.adding = False
    obj._state.db = using
    signals.post_save.send(sender=model, instance=obj, created=True, update_fields=None, raw=False, using=using)
    return obj


class CompiledLookup:
    """Model instances found by one string value, the SELECT compiled once per database.

    `CompiledLookup(lambda value: Contact.objects.filter(email=value)[:1])` returns, when called with an
    address, what `list()` of that queryset would, without building and compiling the query each time
    (two thirds of a one-row lookup's cost in Django). For plain lookups (exact, iexact on a text column)
    whose value reaches the database unchanged, and querysets of one model without select_related."""

    def __init__(self, build):
        self.build = build
        self._compiled: dict[str, tuple] = {}

    def _compile(self, using: str) -> tuple:
        compiler = self.build(_VALUE).query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        positions = [i for i, param in enumerate(params) if param == _VALUE]
        if len(positions) != 1 or compiler.klass_info.get("related_klass_infos"):
            raise ValueError("CompiledLookup takes a queryset of one model with the value used once")
        fields = compiler.klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        columns = [col for col, _sql, _alias in compiler.select]
        compiled = (
            sql,
            list(params),
            positions[0],
            compiler.klass_info["model"],
            [col.target.attname for col in columns[start:end]],
            (start, end),
            compiler.get_converters(columns),
        )
        self._compiled[using] = compiled
        return compiled

    def __call__(self, value: str, using: str = "default") -> list:
        sql, params, position, model, attnames, (start, end), converters = self._compiled.get(using) or self._compile(
            using
        )
        params = params.copy()
        params[position] = value
        connection = connections[using]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        found = []
        for row in rows:
            if converters:
                row = list(row)
                for index, (functions, expression) in converters.items():
                    for convert in functions:
                        row[index] = convert(row[index], expression, connection)
            found.append(model.from_db(using, attnames, row[start:end]))
        return found

    def first(self, value: str, using: str = "default"):
        """The first instance found, or None."""
        found = self(value, using)
        return found[0] if found else None


def merged_page(walks: list, *, order_by: tuple[str, ...], offset: int, limit: int) -> list[tuple]:
    """One page of several ordered walks merged: `walks` are `values_list` querysets, each ordered by
    `order_by` and cut at `offset + limit`, and disjoint (no row in two walks); the database merges them,
    orders the result by the same columns and returns rows offset..offset+limit, in one statement.

    Each walk can then read a range of its own index in order and stop early, where one query with an OR of
    the walks' conditions sorts every matching row. UNION ALL, not UNION: the walks are disjoint, so nothing
    is to be removed, and with UNION ALL both databases merge the walks in order (SQLite "MERGE (UNION ALL)",
    PostgreSQL Merge Append) where UNION deduplicated every row into a temporary B-tree and sorted them all
    again: the bench agent's page 50 (six walks of 2,501) 19.6 -> 7.8 ms on SQLite, 8.6 -> 1.3 ms on
    PostgreSQL (median of 15, bench/inbox.py's 100,000 tickets, shared machine). Django refuses LIMIT inside
    the parts of a UNION on SQLite; as subqueries of the parts (`SELECT * FROM (...)`) both SQLite and
    PostgreSQL allow it."""
    if len(walks) == 1:
        return list(walks[0][offset : offset + limit])
    connection = connections[walks[0].db]
    quote = connection.ops.quote_name
    parts, params = [], []
    # Only SQL that Django compiled and quoted names go into the statement; every value is a parameter.
    for number, walk in enumerate(walks):
        sql, walk_params = walk.query.get_compiler(using=walk.db).as_sql()
        parts.append(f"SELECT * FROM ({sql}) AS walk{number}")  # noqa: S608
        params += walk_params
    order = ", ".join(f"{quote(c.lstrip('-'))} {'DESC' if c.startswith('-') else 'ASC'}" for c in order_by)
    sql = f"SELECT * FROM ({' UNION ALL '.join(parts)}) AS merged ORDER BY {order} LIMIT %s OFFSET %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        return cursor.fetchall()


def capped_counts_sql(querysets: list, *, up_to: int) -> tuple[str, list]:
    """One statement that counts the rows of each queryset, no further than `up_to + 1` each (so a result
    above `up_to` means "more than up_to"): `SELECT (SELECT COUNT(*) FROM (… LIMIT up_to+1)), …`; run it
    with `capped_counts`.

    A count that stops early reads at most up_to + 1 entries of the index its filter leads with, where an
    exact count reads every matching one (the inbox's sidebar at 100,000 tickets: every index entry of the
    table on each request). The querysets must be of one database; their ordering is dropped."""
    parts, params = [], []
    # Only SQL that Django compiled goes into the statement; every value is a parameter.
    for number, queryset in enumerate(querysets):
        counted = queryset.order_by().values(one=Value(1))[: up_to + 1]
        sql, part_params = counted.query.get_compiler(using=queryset.db).as_sql()
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) AS counted{number})")  # noqa: S608
        params += part_params
    return (f"SELECT {', '.join(parts)}" if parts else ""), params  # noqa: S608


def capped_counts(statement: tuple[str, list], using: str = "default") -> list[int]:
    """The counts of a statement from `capped_counts_sql`, in the order of its querysets."""
    sql, params = statement
    if not sql:
        return []
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchone())
