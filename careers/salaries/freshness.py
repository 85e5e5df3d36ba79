"""The date of the published salary data: when a published figure last changed (the downloads'
file names and JSON, the salary page, the methodology page)."""

from django.db.models import Max

from .models import SalaryBand


def salary_data_date():
    """When a published salary figure last changed, or None (one query)."""
    return SalaryBand.objects.published().aggregate(latest=Max("updated_at"))["latest"]
