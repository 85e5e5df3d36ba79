"""Turkish alphabetical order in the database, so that lists paginate there.

* Every sortable name has a stored twin holding :func:`careers.turkish.sort_key` (computed in
  Python on save, indexed): plain ASCII that sorts the Turkish way bytewise, on SQLite
  (``BINARY``) and on PostgreSQL (the column is ``COLLATE "C"``, see migration 0004).
* On PostgreSQL, paginated public lists sort by the name itself under the ICU Turkish
  collation ``turkish`` (``tr-TR``), created by the same migration, with an index on the
  collated expression.

:func:`turkish_order` picks the one that fits the database in use.
"""

from django.db import connection
from django.db.models import F
from django.db.models.functions import Collate

#: The ICU collation migration 0004 creates on PostgreSQL.
POSTGRES_COLLATION = "turkish"


def uses_icu():
    return connection.vendor == "postgresql"


def turkish_order(field, sort_field, descending=False):
    """An ``order_by()`` term: ``field`` in Turkish alphabetical order.

    ``sort_field`` is the stored key (``title_sort`` for ``title``), used where the database
    has no Turkish collation.
    """
    expression = Collate(F(field), POSTGRES_COLLATION) if uses_icu() else F(sort_field)
    return expression.desc() if descending else expression.asc()
