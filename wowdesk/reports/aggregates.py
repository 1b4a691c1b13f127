"""Percentiles computed by the database, on PostgreSQL and SQLite alike.

Reports need medians and p90s over tens of thousands of tickets per view; fetching every duration into Python
does not scale to a million tickets. PostgreSQL has the ordered-set aggregate `percentile_cont`; SQLite has
none built in, so every SQLite connection gets an aggregate of the same meaning written in Python. Both
interpolate linearly between the closest ranks (as `statistics.quantiles(method="inclusive")` does), so a
figure is the same on either database.
"""

import json
import math

from django.db import models
from django.db.backends.signals import connection_created
from django.dispatch import receiver

# One sort gives all five: the box of a box plot (p25-p75), its whiskers (p10, p90) and the median.
FRACTIONS = (0.1, 0.25, 0.5, 0.75, 0.9)
MEDIAN, P90 = 2, 4


def percentiles_of(values: list[float]) -> list[float] | None:
    """The FRACTIONS percentiles of `values` (None when there are none)."""
    values = sorted(values)
    if not values:
        return None
    out = []
    for fraction in FRACTIONS:
        position = (len(values) - 1) * fraction
        low, high = math.floor(position), math.ceil(position)
        out.append(values[low] + (values[high] - values[low]) * (position - low))
    return out


class _FloatList(models.Field):
    """What Percentiles returns: a PostgreSQL float8[] or the JSON text of SQLite's Python aggregate."""

    def get_internal_type(self):
        return "TextField"

    def from_db_value(self, value, expression, connection):
        if isinstance(value, str):
            value = json.loads(value)
        return [round(v, 1) for v in value] if value else None


class Percentiles(models.Aggregate):
    """p10, p25, median, p75 and p90 of a numeric column, NULLs left out: `[...]` or None."""

    function = "percentile_cont"
    name = "Percentiles"
    template = (
        "percentile_cont(ARRAY[" + ",".join(str(f) for f in FRACTIONS) + "]::float8[]) "
        "WITHIN GROUP (ORDER BY %(expressions)s)"
    )
    output_field = _FloatList()

    def as_sqlite(self, compiler, connection, **extra_context):
        return self.as_sql(compiler, connection, template="wowdesk_percentiles(%(expressions)s)", **extra_context)


class _SqlitePercentiles:
    def __init__(self):
        self.values = []

    def step(self, value):
        if value is not None:
            self.values.append(value)

    def finalize(self):
        result = percentiles_of(self.values)
        return None if result is None else json.dumps(result)


@receiver(connection_created)
def _register_sqlite_aggregate(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("wowdesk_percentiles", 1, _SqlitePercentiles)
