"""When a role's page last really changed: the role itself or any of its salary bands (an editor
updating this year's figures changes the page without touching the role row)."""

from django.db.models import DateTimeField, Max, OuterRef, Subquery
from django.db.models.functions import Coalesce, Greatest

from .models import Role, SalaryBand


def with_last_modified(queryset):
    """Annotate ``last_modified`` on roles (one subquery, no extra query)."""
    latest_band = (
        SalaryBand.objects.filter(role=OuterRef("pk")).order_by("-updated_at").values("updated_at")
    )
    return queryset.annotate(
        last_modified=Greatest(
            "updated_at",
            Coalesce(Subquery(latest_band[:1]), "updated_at"),
            output_field=DateTimeField(),
        )
    )


def last_modified(role, bands):
    """The same for a role whose bands are already fetched."""
    return max([role.updated_at, *(band.updated_at for band in bands)])


def salary_data_date():
    """When a published salary figure last changed, or None (one query): the date of the data
    in the downloads and on the salary page."""
    bands = SalaryBand.objects.filter(role__in=Role.objects.published())
    return bands.aggregate(latest=Max("updated_at"))["latest"]
