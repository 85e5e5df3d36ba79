"""The article's models, one module per family; import them from here.

Markdown sources are rendered once, on save, into ``*_html`` fields through the one sanitizing
renderer (:mod:`careers.site.markdown`); templates only ever output those ``*_html`` fields.
"""

from .article import article_prefetches, refresh_latest_salary
from .base import SlugNaturalKeyManager
from .publishing import Status, published_q
from .roles import (
    ARTICLE_TEXT_FIELDS,
    Outlook,
    Role,
    RoleQuerySet,
    latest_band_subquery,
)
from .salaries import Currency, MinimumWage, PayBasis, Period, SalaryBand
from .sections import Placement, RelatedRole, Responsibility, RoleSkill, Trend
from .taxonomy import Sector, Skill

__all__ = [
    "ARTICLE_TEXT_FIELDS", "Currency", "MinimumWage", "Outlook",
    "PayBasis", "Period", "Placement", "RelatedRole", "Responsibility", "Role", "RoleQuerySet",
    "RoleSkill", "SalaryBand", "Sector", "Skill", "SlugNaturalKeyManager", "Status", "Trend",
    "latest_band_subquery", "published_q", "refresh_latest_salary", "article_prefetches",
]  # fmt: skip
