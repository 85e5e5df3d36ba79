"""An admin paginator that does not count a million rows to show 50 of them."""

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

#: Below this many rows the exact count is cheap; above it an unfiltered list shows the
#: planner's estimate.
EXACT_BELOW = 100_000


def estimated_rows(model, using="default"):
    """The database's own estimate of a table's rows (PostgreSQL ``reltuples``, SQLite
    ``sqlite_stat1`` after ANALYZE), or None."""
    connection = connections[using]
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE relname = %s", [table])
        elif connection.vendor == "sqlite":
            try:
                cursor.execute(
                    "SELECT stat FROM sqlite_stat1 WHERE tbl = %s AND idx IS NULL", [table]
                )
            except Exception:  # noqa: BLE001 (no statistics table before the first ANALYZE)
                return None
            row = cursor.fetchone()
            if row is None:
                cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s LIMIT 1", [table])
            row = row or cursor.fetchone()
            return int(str(row[0]).split()[0]) if row else None
        else:
            return None
        row = cursor.fetchone()
    return int(row[0]) if row and row[0] and row[0] > 0 else None


class EstimatedCountPaginator(Paginator):
    """Counts exactly when the list is filtered or small; an unfiltered big table's count
    is the database's estimate."""

    @cached_property
    def count(self):
        query = getattr(self.object_list, "query", None)
        if query is not None and not query.where:
            estimate = estimated_rows(self.object_list.model, self.object_list.db)
            if estimate is not None and estimate >= EXACT_BELOW:
                return estimate
        return super().count
