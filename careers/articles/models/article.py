"""What the article page reads beyond the role row."""

from django.db.models import Prefetch

from .roles import Role
from .sections import RelatedRole, RoleSkill


def article_prefetches():
    """The rows an article shows besides the role: for ``prefetch_related`` (or
    ``prefetch_related_objects`` once the role is fetched). A linked role's card reads its
    latest salary from the role (``salary_*``)."""
    related = RelatedRole.objects.filter(to_role__in=Role.objects.published()).select_related(
        "to_role__sector"
    )
    return [
        "responsibilities",
        Prefetch("role_skills", queryset=RoleSkill.objects.select_related("skill")),
        "trends",
        Prefetch("related_links", queryset=related),
    ]
