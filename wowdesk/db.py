"""Statements of the hot path, compiled once: `insert(obj)`, `save_fields(obj, fields)`, `CompiledQuery` and
`CompiledLookup`.

`insert(obj)` is `obj.save(force_insert=True)` with the INSERT statement compiled once per model.

Every new ticket, from mail, the API or the web form, inserts a ticket, its audit entry and its message.
Django builds each INSERT afresh: a query object, the column list, quoting, placeholders. For a ticket that
is more Python than sending the statement and waiting for PostgreSQL (bench/api_ingest.py, py-spy). The
statement depends only on the model and the database, so it is built once by Django's own compiler and
reused; each call only prepares the values, exactly as `save()` would (`pre_save`, `get_db_prep_save`),
sends the same signals and fills in what the database returns (the id and generated columns).
"""

from datetime import UTC, datetime

from django.db import DatabaseError, connections, transaction
from django.db.models import Model, Value, signals
from django.db.models.query import FlatValuesListIterable, ModelIterable, ValuesListIterable, get_related_populators
from django.db.models.sql import InsertQuery

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


# (model, database alias, number of rows) -> the INSERT statement of that many rows and its fields
_MANY: dict[tuple[type, str, int], tuple[str, list]] = {}


def insert_rows(objs: list, using: str = "default") -> None:
    """Insert new instances of one model in one statement (one INSERT with a row of VALUES each), compiled once per
    model and number of rows. As `bulk_create(objs)`, it sends no signals; the instances' ids are not read back.
    One instance goes through `insert` (its signals sent, its id read)."""
    if len(objs) == 1:
        insert(objs[0], using=using)
        return
    if not objs:
        return
    model = type(objs[0])
    meta = model._meta
    if meta.parents or any(type(obj) is not model or (meta.auto_field and obj.pk is not None) for obj in objs):
        model._default_manager.db_manager(using).bulk_create(objs)  # the rare cases, left to Django
        return
    connection = connections[using]
    statement = _MANY.get((model, using, len(objs)))
    if statement is None:
        fields = [f for f in meta.local_concrete_fields if f is not meta.auto_field and not f.generated]
        if any(hasattr(f, "get_placeholder") for f in fields):
            # a field with its own SQL placeholder, left to Django
            model._default_manager.db_manager(using).bulk_create(objs)
            return
        # Written here, not by Django's compiler: on PostgreSQL it inserts many rows from arrays (UNNEST), one
        # parameter per column; a row of VALUES each takes the values as they are prepared for one row.
        quote = connection.ops.quote_name
        row = f"({', '.join(['%s'] * len(fields))})"
        sql = (
            f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(f.column) for f in fields)}) "  # noqa: S608
            f"VALUES {', '.join([row] * len(objs))}"
        )
        statement = _MANY[(model, using, len(objs))] = (sql, fields)
    sql, fields = statement
    params = []
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
        if obj.pk is None and meta.pk.has_default():
            obj.pk = meta.pk.get_default()
        values = [f.pre_save(obj, True) for f in fields]
        if any(hasattr(v, "resolve_expression") for v in values):  # an expression has its own SQL
            model._default_manager.db_manager(using).bulk_create(objs)
            return
        params += [f.get_db_prep_save(v, connection=connection) for f, v in zip(fields, values, strict=True)]
    with transaction.mark_for_rollback_on_error(using), connection.cursor() as cursor:
        cursor.execute(sql, params)
    for obj in objs:
        obj._state.adding = False
        obj._state.db = using


# (model, database alias, fields) -> the UPDATE statement and the fields it sets
_UPDATES: dict[tuple[type, str, tuple[str, ...]], tuple[str, list]] = {}


def _update_statement(model, using: str, names: tuple[str, ...]) -> tuple[str, list]:
    meta = model._meta
    if model.save is not Model.save or meta.parents:
        raise TypeError(f"{model.__name__}: save_fields() does what Model.save() does for a model of one table")
    fields = [f for f in meta.local_concrete_fields if f.name in names or f.attname in names]
    if len(fields) != len(names) or any(f.primary_key or f.generated for f in fields):
        raise ValueError(f"{model.__name__}: save_fields() takes names of the model's own columns: {names}")
    if any(hasattr(f, "get_placeholder") for f in fields):
        raise TypeError(f"{model.__name__}: a field with its own SQL placeholder is left to save()")
    quote = connections[using].ops.quote_name
    table = quote(meta.db_table)
    sets = ", ".join(f"{quote(f.column)} = %s" for f in fields)
    return f"UPDATE {table} SET {sets} WHERE {table}.{quote(meta.pk.column)} = %s", fields  # noqa: S608


def save_fields(obj, fields, using: str = "default"):
    """`obj.save(update_fields=fields)` with the UPDATE compiled once per model and fields.

    Each call of save() builds and compiles an UpdateQuery: about a tenth of a new ticket's follow-up CPU for
    the one status write of its auto-reply (py-spy of bench/followup_cpu.py). The statement depends only on the
    model and the fields, so it is written once (the same SQL as Django's, a None sent as a NULL parameter
    rather than written into it); each call prepares the values as save() does (`pre_save`,
    `get_db_prep_save`), sends the same signals, and refuses, as save() does, when no row was updated."""
    model = type(obj)
    names = tuple(dict.fromkeys(fields))  # as save(): a field named twice is written once
    statement = _UPDATES.get((model, using, names))
    if statement is None:
        statement = _UPDATES[(model, using, names)] = _update_statement(model, using, names)
    sql, targets = statement
    connection = connections[using]
    update_fields = frozenset(names)
    obj._prepare_related_fields_for_save(operation_name="save")
    signals.pre_save.send(sender=model, instance=obj, raw=False, using=using, update_fields=update_fields)
    values = [f.pre_save(obj, False) for f in targets]
    if any(hasattr(v, "resolve_expression") or hasattr(v, "prepare_database_save") for v in values):
        raise TypeError("save_fields() writes plain values; an expression or a model instance is left to save()")
    params = [f.get_db_prep_save(v, connection=connection) for f, v in zip(targets, values, strict=True)]
    params.append(model._meta.pk.get_db_prep_value(obj.pk, connection))
    with transaction.mark_for_rollback_on_error(using), connection.cursor() as cursor:
        cursor.execute(sql, params)
        updated = cursor.rowcount
    if not updated:
        raise DatabaseError("Save with update_fields did not affect any rows.")
    obj._state.adding = False
    obj._state.db = using
    signals.post_save.send(
        sender=model, instance=obj, created=False, update_fields=update_fields, raw=False, using=using
    )
    return obj


# Stand for the values while a CompiledQuery's query is compiled, one of each kind per named value: values no
# real query uses, found again among the compiled statement's parameters.
_SAMPLES = {
    str: lambda n: f"\x00wowdesk-compiled-value-{n}\x00",
    int: lambda n: -(10**15) - n,
    datetime: lambda n: datetime(1901, 2, 3, 4, 5, 6, n + 1, tzinfo=UTC),
}


def _prepare(kind: type, value, connection):
    """A value as Django's lookups send it to the database (a datetime: adapted as DateTimeField does)."""
    if value is None:
        raise ValueError("a CompiledQuery value cannot be None (None changes the SQL: IS NULL)")
    if kind is datetime:
        return connection.ops.adapt_datetimefield_value(value)
    return kind(value)


class _Compiled:
    """One query compiled for one database: its SQL and parameters, where the values go, and how rows become
    what the queryset would give (model instances with their select_related objects, or values_list tuples)."""

    def __init__(self, queryset, samples: dict, connection, count: bool):
        if count:
            queryset = queryset.order_by().values_list("pk")
        compiler = queryset.query.get_compiler(using=connection.alias)
        sql, params = compiler.as_sql()
        if count:
            sql = f"SELECT COUNT(*) FROM ({sql}) AS counted"  # noqa: S608 (Django's SQL, values are parameters)
        self.sql, self.params, self.count = sql, list(params), count
        self.positions = {}
        for name, (kind, sample) in samples.items():
            prepared = _prepare(kind, sample, connection)
            found = [i for i, param in enumerate(params) if type(param) is type(prepared) and param == prepared]
            if not found:
                raise ValueError(f"CompiledQuery: the value {name!r} is not a parameter of the compiled statement")
            self.positions[name] = (kind, found)
        self.flat = queryset._iterable_class is FlatValuesListIterable
        self.model_rows = queryset._iterable_class is ModelIterable
        if not count and queryset._iterable_class not in (ModelIterable, ValuesListIterable, FlatValuesListIterable):
            raise ValueError("CompiledQuery takes querysets of model instances or values_list()")
        self.width = compiler.col_count  # columns past it only order the rows (Django drops them too)
        self.columns = [expression for expression, _sql, _alias in compiler.select[: self.width]]
        self.converters = {} if count else compiler.get_converters(self.columns)
        if self.model_rows:
            klass_info = compiler.klass_info
            fields = klass_info["select_fields"]
            self.model = klass_info["model"]
            self.model_slice = slice(fields[0], fields[-1] + 1)
            self.attnames = [col.target.attname for col in self.columns[self.model_slice]]
            self.related = get_related_populators(klass_info, compiler.select, connection.alias)
            self.annotations = list(compiler.annotation_col_map.items())


class CompiledQuery:
    """The result of a queryset built by `build(**values)`, its SELECT compiled once per database.

    Building and compiling a query was about 29 % of a new ticket's follow-up CPU in the worker (cProfile of
    bench/followup_cpu.py: `as_sql` and `filter`), more than running it. The statement depends only on the
    query's shape, so it is compiled once by Django's own compiler with a stand-in for each value, and each
    call puts its values in the stand-ins' places, exactly as the lookups would have prepared them.

        _OPEN = CompiledQuery(lambda team: Ticket.objects.filter(team=team, is_active=True)[:10], team=int)
        _OPEN(team=5)  -> what list() of the queryset gives: model instances (select_related followed), tuples
                          of a values_list(), single values of a values_list(flat=True)
    `count=True`: the number of rows instead (one COUNT(*) statement). Each value's kind is int, str or
    datetime; the build must not branch on the values (a None, an empty list or a different list length
    changes the SQL: call the ORM for those)."""

    def __init__(self, build, *, count: bool = False, **kinds: type):
        self.build, self.kinds, self.count = build, kinds, count
        self._compiled: dict[str, _Compiled] = {}

    def _compile(self, using: str) -> _Compiled:
        samples = {name: (kind, _SAMPLES[kind](n)) for n, (name, kind) in enumerate(self.kinds.items())}
        queryset = self.build(**{name: sample for name, (_kind, sample) in samples.items()})
        compiled = self._compiled[using] = _Compiled(queryset, samples, connections[using], self.count)
        return compiled

    def __call__(self, using: str = "default", **values):
        compiled = self._compiled.get(using) or self._compile(using)
        connection = connections[using]
        params = compiled.params.copy()
        for name, (kind, positions) in compiled.positions.items():
            value = _prepare(kind, values[name], connection)
            for position in positions:
                params[position] = value
        with connection.cursor() as cursor:
            cursor.execute(compiled.sql, params)
            rows = cursor.fetchall()
        if compiled.count:
            return rows[0][0]
        if compiled.converters:
            rows = [list(row) for row in rows]
            for row in rows:
                for index, (functions, expression) in compiled.converters.items():
                    for convert in functions:
                        row[index] = convert(row[index], expression, connection)
        if not compiled.model_rows:
            return [row[0] for row in rows] if compiled.flat else [tuple(row[: compiled.width]) for row in rows]
        found = []
        for row in rows:
            obj = compiled.model.from_db(using, compiled.attnames, row[compiled.model_slice])
            for populator in compiled.related:
                populator.populate(row, obj)
            for name, position in compiled.annotations:
                setattr(obj, name, row[position])
            found.append(obj)
        return found

    def first(self, using: str = "default", **values):
        """The first row found, or None."""
        found = self(using, **values)
        return found[0] if found else None


class CompiledLookup(CompiledQuery):
    """Model instances found by one string value (a CompiledQuery of one value):
    `CompiledLookup(lambda value: Contact.objects.filter(email=value)[:1])("a@example.com")` returns what
    `list()` of that queryset would, without building and compiling the query each time (two thirds of a
    one-row lookup's cost in Django). The value must be used once."""

    def __init__(self, build):
        super().__init__(lambda value: build(value), value=str)

    def _compile(self, using: str) -> _Compiled:
        compiled = super()._compile(using)
        if len(compiled.positions["value"][1]) != 1:
            del self._compiled[using]
            raise ValueError("CompiledLookup takes a queryset with the value used once")
        return compiled

    def __call__(self, value: str, using: str = "default") -> list:
        return super().__call__(using, value=value)

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


class Literal(Value):
    """A constant word written into the statement's text (`'READY'`), where `Value` and a plain filter send it as
    a parameter. For a condition a partial index's WHERE repeats: `filter(status=Literal("READY"))`.

    On PostgreSQL a statement runs prepared (settings: prepare_threshold), and after five runs PostgreSQL may keep
    one generic plan for any parameters. A generic plan cannot use an index `WHERE status = 'READY'` when the
    statement says `status = $2`: it cannot know $2 will be 'READY'. The worker's claim then read every row of
    the task table, finished ones included (bench/RESULTS.md, session 10). Only plain words (letters, digits,
    `_`), so nothing needs quoting."""

    def __init__(self, value: str, output_field=None):
        if not (isinstance(value, str) and value and value.replace("_", "").isalnum() and value.isascii()):
            raise ValueError(f"Literal takes a plain word, not {value!r}")
        super().__init__(value, output_field=output_field)

    def as_sql(self, compiler, connection):
        return f"'{self.value}'", []
