"""What the article page reads beyond the role row."""

from django.db.models import Prefetch

from .publishing import published_q
from .sections import RelatedRole, RoleSkill


def article_prefetches():
    """The rows an article shows besides the role: for ``prefetch_related`` (or
    ``prefetch_related_objects`` once the role is fetched). A linked role's card reads its
    latest salary from the role (``salary_*``)."""
    # The publish rule on the joined role, not ``to_role__in=published()``: SQLite read that
    # subquery as every published role (5 ms at 10,000 roles) before taking the few links.
    related = RelatedRole.objects.filter(published_q("to_role__")).select_related("to_role__sector")
    return [
        "responsibilities",
        Prefetch("role_skills", queryset=RoleSkill.objects.select_related("skill")),
        "trends",
        Prefetch("related_links", queryset=related),
    ]
