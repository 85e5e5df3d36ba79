"""What the article page reads beyond the role row."""

from django.db.models import Prefetch

from .publishing import published_q
from .roles import CARD_COLUMNS
from .sections import RelatedRole, RoleSkill


def article_prefetches():
    """The rows an article shows besides the role: for ``prefetch_related`` (or
    ``prefetch_related_objects`` once the role is fetched). A linked role's card reads its
    latest salary from the role (``salary_*``)."""
    # The publish rule on the joined role, not ``to_role__in=published()``: SQLite read that
    # subquery as every published role (5 ms at 10,000 roles) before taking the few links.
    related = (
        RelatedRole.objects.filter(published_q("to_role__"))
        .select_related("to_role__sector")
        .only("from_role", "placement", "order", *(f"to_role__{c}" for c in CARD_COLUMNS))
    )
    return [
        "responsibilities",
        Prefetch("role_skills", queryset=RoleSkill.objects.select_related("skill")),
        "trends",
        Prefetch("related_links", queryset=related),
    ]


def article_joins():
    """What the article's role query joins: its sector and people, and the rows apps built on
    articles keep one-to-one with a role and show in its article (the salaries app's readers'
    figures). An app names them on its AppConfig, ``article_joins = ("report_summary",)``, as
    it names its slots (careers/site/slots.py): read in the article's own query, they cost the
    page no query, and this app never names them."""
    from django.apps import apps

    extra = (
        name for config in apps.get_app_configs() for name in getattr(config, "article_joins", ())
    )
    return ("sector", "author", "reviewed_by", *extra)
