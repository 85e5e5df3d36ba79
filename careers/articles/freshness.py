"""When a role's page last really changed: the role itself or its salary figures (an editor
updating this year's figures changes the page without touching the role's own fields; the
salaries app keeps the time of that change on the role, ``salary_updated_at``)."""

from django.db.models import DateTimeField
from django.db.models.functions import Coalesce, Greatest


def with_last_modified(queryset):
    """Annotate ``last_modified`` on roles (no extra query, no subquery)."""
    return queryset.annotate(
        last_modified=Greatest(
            "updated_at",
            Coalesce("salary_updated_at", "updated_at"),
            output_field=DateTimeField(),
        )
    )


def last_modified(role):
    """The same for a role already fetched."""
    return max(filter(None, [role.updated_at, role.salary_updated_at]))
