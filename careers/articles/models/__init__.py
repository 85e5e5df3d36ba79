"""The article's models, one module per family; import them from here.

Markdown sources are rendered once, on save, into ``*_html`` fields through the one sanitizing
renderer (:mod:`careers.site.markdown`); templates only ever output those ``*_html`` fields.
What a role pays is the salaries app's (built on this one); the role keeps its latest figures.
"""

from .article import article_joins, article_prefetches, article_role, load_article_rows
from .base import SlugNaturalKeyManager
from .people import Author
from .publishing import Status, published_q
from .review import REVIEW_PERMISSION, Correction, DailyReads, Revision, RevisionState
from .roles import ARTICLE_TEXT_FIELDS, Outlook, Role, RoleQuerySet
from .sections import Placement, RelatedRole, Responsibility, RoleSkill, Trend
from .taxonomy import Sector, Skill

__all__ = [
    "ARTICLE_TEXT_FIELDS", "REVIEW_PERMISSION", "Author", "Correction", "DailyReads",
    "Outlook", "Placement", "RelatedRole", "Responsibility", "Revision", "RevisionState", "Role",
    "RoleQuerySet", "RoleSkill", "Sector", "Skill", "SlugNaturalKeyManager", "Status", "Trend",
    "article_joins", "article_prefetches", "article_role", "load_article_rows", "published_q",
]  # fmt: skip
