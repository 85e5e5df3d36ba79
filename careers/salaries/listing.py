"""The salary page's orders, in the database: plain functions, tested without HTTP."""

from django.db import connection
from django.db.models import F

from careers.collation import turkish_order


def salary_order(roles, key, ascending):
    """Roles by title (Turkish order), or by the latest average or top figure with roles
    without figures last, then by title: in the database, so the page is read from an index
    (``articles.models.base.SALARY_ORDER_INDEXES``)."""
    if key == "title":
        return roles.order_by(turkish_order("title", "title_sort", descending=not ascending), "pk")
    field = F(f"salary_{key}")
    # Roles without figures last, spelled so the index on the figure serves the order: SQLite
    # puts NULLs first ascending and last descending, PostgreSQL the other way round.
    nulls_sort_low = connection.vendor == "sqlite"
    if ascending:
        figure = field.asc(nulls_last=True) if nulls_sort_low else field.asc()
    else:
        figure = field.desc() if nulls_sort_low else field.desc(nulls_last=True)
    return roles.order_by(figure, "title_sort", "pk")  # ties: the stored Turkish key
