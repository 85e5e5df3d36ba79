"""Related roles: the editor's explicit links first, then roles ranked by shared skills and
the same sector. Drafts never appear."""

from django.db.models import Case, Count, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce

from .models import Role, RoleSkill

RELATED_LIMIT = 6
#: Roles sharing skills considered for the ranking (the most shared first).
CANDIDATES = 60


def computed_related(role, skill_ids, exclude_ids, limit=RELATED_LIMIT):
    """Published roles sharing skills with ``role`` or its sector, best first (one query).

    Ranked by the number of shared skills, then same sector, then the most read, then the
    title in Turkish alphabetical order (the stored sort key).
    """
    if limit <= 0:
        return []
    # Candidates from two bounded, indexed lookups, never a scan of every role: the roles
    # sharing the most of these skills (read from the role-skill index alone), and the most
    # read of the same sector (role by sector and reads). The ranking below then decides.
    exclude = {role.pk, *exclude_ids}
    same_sector = Case(
        When(sector_id=role.sector_id, then=Value(1)), default=Value(0), output_field=IntegerField()
    )
    sharing = (
        RoleSkill.objects.filter(skill_id__in=skill_ids)
        .exclude(role_id__in=exclude)
        .values("role_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .values("role_id")[:CANDIDATES]
    )
    sector_top = (
        Role.objects.published()
        .filter(sector_id=role.sector_id)
        .exclude(pk__in=exclude)
        .order_by("-view_count", "title_sort")
        .values("pk")[:limit]
    )
    roles = list(
        Role.objects.published()
        .filter(Q(pk__in=sharing) | Q(pk__in=sector_top))
        .annotate(
            # A subquery per candidate, not a join and GROUP BY over the roles table.
            shared_skills=Coalesce(
                Subquery(
                    RoleSkill.objects.filter(role=OuterRef("pk"), skill_id__in=skill_ids)
                    .order_by()
                    .values("role")
                    .annotate(n=Count("pk"))
                    .values("n")[:1]
                ),
                0,
            ),
            same_sector=same_sector,
        )
        .for_cards()
        .order_by("-shared_skills", "-same_sector", "-view_count", "title_sort")[:limit]
    )
    return roles


def related_for(role):
    """(explicit links, computed roles) for an article fetched with ``for_article()``."""
    links = list(role.related_links.all())
    explicit_ids = {link.to_role_id for link in links}
    skill_ids = [rs.skill_id for rs in role.role_skills.all()]
    computed = computed_related(role, skill_ids, explicit_ids, RELATED_LIMIT - len(links))
    return links, computed
