"""What the article page and salary lists read beyond the role row."""

from django.db import models
from django.db.models import Prefetch

from .roles import Role, latest_band_subquery
from .salaries import minimum_wage_today_subquery
from .sections import RelatedRole, RoleSkill


def article_prefetches():
    """The rows an article shows besides the role: for ``prefetch_related`` (or
    ``prefetch_related_objects`` once the role is fetched)."""
    related = RelatedRole.objects.filter(to_role__in=Role.objects.published()).select_related(
        "to_role__sector"
    )
    return [
        "responsibilities",
        Prefetch("role_skills", queryset=RoleSkill.objects.select_related("skill")),
        "salary_bands",
        "trends",
        Prefetch(
            "related_links",
            queryset=related.annotate(
                latest_year=models.F("to_role__salary_year"),
                latest_average=models.F("to_role__salary_average"),
                latest_pay_basis=latest_band_subquery("pay_basis", "to_role"),
                minimum_net_today=minimum_wage_today_subquery(),
            ),
        ),
    ]


def refresh_latest_salary(role_ids):
    """Copy each role's latest band (by year) onto the role: one UPDATE."""
    Role.objects.filter(pk__in=list(role_ids)).update(
        salary_year=latest_band_subquery("year"),
        salary_average=latest_band_subquery("average"),
        salary_top=latest_band_subquery("top"),
    )
