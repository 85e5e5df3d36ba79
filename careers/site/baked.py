"""Baked queries: a query built by the ORM and compiled to SQL once per process, then run with
new values (SQLAlchemy's "baked queries").

An article rendered afresh runs a dozen small queries, each returning a few rows; building and
compiling each in Django's ORM cost 10-25 times running it (0.5 ms against 0.02 for an
article's duties on SQLite: docs/scale.md). A baked query keeps what the ORM wrote::

    duties = Baked(lambda role_id: Responsibility.objects.filter(role_id=role_id))
    duties(role.pk)           # [Responsibility, ...], as list(queryset) would give

``build`` takes every value that may change as a parameter and makes a query whose shape does
not depend on them (the same SQL for any values): it is called once with stand-ins of the
parameters' types, and the stand-ins' places in the compiled query's parameters are where each
call's values go. A value the build reads itself (``timezone.now()``) would be baked in for
good: pass it as a parameter. A list parameter bakes one query per length (``IN (%s, %s)``).
Rows come back as the queryset would give them: model instances (with ``select_related``'s
rows, the database's values converted as the ORM converts them, ``only()``'s deferred fields),
tuples for ``values_list()`` (named ones for ``named=True``), single values for
``values_list(flat=True)``.

Under tests (``settings.BAKED_QUERIES_CHECKED``) every call also compiles the ORM's query with
the call's values and fails if it is not the baked one: a build that reads a value of its own,
or whose shape changes with a value, is caught by the first test that runs it.
"""

import datetime
import itertools
import threading

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models.query import (
    FlatValuesListIterable,
    ModelIterable,
    NamedValuesListIterable,
    ValuesListIterable,
    get_related_populators,
)
from django.db.models.utils import create_namedtuple_class

#: Stand-ins' values: out of any real row's range (32-bit keys; text no one types).
_INT_BASE = -2_000_000_000
_TIME_BASE = datetime.datetime(1901, 1, 1, tzinfo=datetime.UTC)


class BakingError(ValueError):
    """A build that cannot be baked (a parameter not found in its query, an unsupported kind
    of result), or a baked query that is no longer the ORM's (under tests)."""


def _stand_in(number, value):
    if isinstance(value, bool):
        raise BakingError("a boolean has two values only: bake the query for each")
    if isinstance(value, int):
        return _INT_BASE - number
    if isinstance(value, str):
        return f"\x00baked-{number}\x00"
    if isinstance(value, datetime.datetime):
        return _TIME_BASE + datetime.timedelta(seconds=number + 1)
    raise BakingError(f"cannot bake a parameter of type {type(value).__name__}")


def _shape(params):
    """A plan's key: the length of each list parameter, None for a single value."""
    return tuple(len(p) if isinstance(p, (list, tuple)) else None for p in params)


def _flat(params):
    for value in params:
        if isinstance(value, (list, tuple)):
            yield from value
        else:
            yield value


class _Plan:
    """One compiled query: its SQL, where each call's values go in its parameters, and how
    its rows become what the queryset would give."""

    def __init__(self, build, params, using):
        counter = itertools.count()  # every stand-in unique, in lists too

        def stand_in(value):
            if isinstance(value, (list, tuple)):
                return [_stand_in(next(counter), v) for v in value]
            return _stand_in(next(counter), value)

        stand_ins = [stand_in(p) for p in params]
        queryset = build(*stand_ins).using(using)
        self.iterable = queryset._iterable_class
        if queryset._prefetch_related_lookups or queryset._known_related_objects:
            raise BakingError("prefetch_related() is not baked: bake each query")
        kinds = (ModelIterable, ValuesListIterable, NamedValuesListIterable, FlatValuesListIterable)
        if self.iterable not in kinds:
            raise BakingError("bake model instances or values_list() only")
        query = queryset.query
        if self.iterable is not ModelIterable and (query.extra_select or query.annotation_select):
            # values_list() would reorder such columns after the query (not baked here)
            raise BakingError("bake values_list() of fields only")
        if self.iterable is NamedValuesListIterable:
            self.tuple_class = create_namedtuple_class(*(queryset._fields or query.values_select))
        compiler = queryset.query.get_compiler(using=using)
        self.sql, compiled = compiler.as_sql()
        connection = connections[using]
        forms = {}
        for number, stand_in in enumerate(_flat(stand_ins)):
            forms[stand_in] = (number, False)
            if isinstance(stand_in, datetime.datetime):
                forms[connection.ops.adapt_datetimefield_value(stand_in)] = (number, True)
        # (index in the compiled parameters, the call's value number, adapted as a time)
        self.slots = [(i, *forms[p]) for i, p in enumerate(compiled) if _hashable(p) in forms]
        found = {number for _, number, _ in self.slots}
        missing = sorted(set(range(next(counter))) - found)
        if missing:
            raise BakingError(
                f"parameters {missing} are not values of the query (a lookup changed them, "
                "or the build did not use them)"
            )
        self.constants = list(compiled)
        self.col_count = compiler.col_count
        fields = [s[0] for s in compiler.select[0 : compiler.col_count]]
        self.converters = list(compiler.get_converters(fields).items())
        if self.iterable is ModelIterable:
            klass_info, select = compiler.klass_info, compiler.select
            self.model = klass_info["model"]
            start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
            self.model_slice = slice(start, end)
            self.init_list = [f[0].target.attname for f in select[start:end]]
            self.populators = get_related_populators(klass_info, select, using)
            self.annotations = list(compiler.annotation_col_map.items())
        self.checked = getattr(settings, "BAKED_QUERIES_CHECKED", False)
        self.build = build

    def sql_params(self, params, connection):
        values = list(_flat(params))
        sql_params = list(self.constants)
        for index, number, adapt in self.slots:
            value = values[number]
            sql_params[index] = connection.ops.adapt_datetimefield_value(value) if adapt else value
        return sql_params

    def run(self, params, using):
        connection = connections[using]
        sql_params = self.sql_params(params, connection)
        if self.checked:
            self.check(params, using, sql_params)
        with connection.cursor() as cursor:
            cursor.execute(self.sql, sql_params)
            rows = cursor.fetchall()
        if self.converters or len(rows) and len(rows[0]) > self.col_count:
            rows = list(self.converted(rows, connection))
        if self.iterable is FlatValuesListIterable:
            return [row[0] for row in rows]
        if self.iterable is ValuesListIterable:
            return [tuple(row) for row in rows]
        if self.iterable is NamedValuesListIterable:
            return [self.tuple_class._make(row) for row in rows]
        return [self.instance(row, using) for row in rows]

    def converted(self, rows, connection):
        for row in rows:
            row = list(row[: self.col_count])
            for position, (converters, expression) in self.converters:
                value = row[position]
                for converter in converters:
                    value = converter(value, expression, connection)
                row[position] = value
            yield row

    def instance(self, row, using):
        obj = self.model.from_db(using, self.init_list, row[self.model_slice])
        for populator in self.populators:
            populator.populate(row, obj)
        for name, position in self.annotations:
            setattr(obj, name, row[position])
        return obj

    def check(self, params, using, sql_params):
        queryset = self.build(*params).using(using)
        sql, compiled = queryset.query.get_compiler(using=using).as_sql()
        if (sql, list(compiled)) != (self.sql, sql_params):
            raise BakingError(
                f"the baked query is not the ORM's for {params!r}: the build reads a value "
                f"of its own or changes shape with one.\nbaked: {self.sql} {sql_params}\n"
                f"ORM:   {sql} {list(compiled)}"
            )


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        return None
    return value


class Baked:
    """A query compiled once per process, database and shape of its parameters (see the
    module's docstring). Calling it runs the query and returns its rows as a list."""

    def __init__(self, build):
        self.build = build
        self._plans = {}
        self._lock = threading.Lock()

    def __call__(self, *params, using=DEFAULT_DB_ALIAS):
        key = (using, connections[using].vendor, _shape(params))
        plan = self._plans.get(key)
        if plan is None:
            with self._lock:
                plan = self._plans.get(key) or _Plan(self.build, params, using)
                self._plans[key] = plan
        return plan.run(params, using)

    def first(self, *params, using=DEFAULT_DB_ALIAS):
        """The first row, or None (build the query with its order and ``[:1]``)."""
        rows = self(*params, using=using)
        return rows[0] if rows else None


def prefetched(instance, name, rows):
    """Give ``instance.<name>.all()`` (a reverse foreign key's manager) these rows without a
    query, stored where ``prefetch_related_objects`` stores the rows it read (for rows read by
    a baked query). The manager's own query is kept with them: ``.filter()`` and the others
    still query the database."""
    manager = getattr(instance, name)
    cache = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    cache_name = manager.field.remote_field.cache_name
    cache.pop(cache_name, None)
    queryset = manager.get_queryset()
    queryset._result_cache = list(rows)
    queryset._prefetch_done = True
    cache[cache_name] = queryset
