"""Related roles: the editor's explicit links first, then roles ranked by shared skills and
the same sector. Drafts never appear."""

from django.db.models import Case, Count, IntegerField, Q, Value, When

from careers import turkish

from .models import Role

RELATED_LIMIT = 6


def computed_related(role, skill_ids, exclude_ids, limit=RELATED_LIMIT):
    """Published roles sharing skills with ``role`` or its sector, best first (one query).

    Ranked by the number of shared skills, then same sector, then the most read, then the
    title in Turkish alphabetical order (the database's collation may not know it, so the few
    rows are put in that order here; the database's order only decides the cut at ``limit``).
    """
    if limit <= 0:
        return []
    roles = list(
        Role.objects.published()
        .exclude(pk__in={role.pk, *exclude_ids})
        .annotate(
            shared_skills=Count(
                "role_skills", filter=Q(role_skills__skill_id__in=skill_ids), distinct=True
            ),
            same_sector=Case(
                When(sector_id=role.sector_id, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .filter(Q(shared_skills__gt=0) | Q(same_sector=1))
        .for_cards()
        .order_by("-shared_skills", "-same_sector", "-view_count", "title")[:limit]
    )
    return sorted(
        roles,
        key=lambda r: (-r.shared_skills, -r.same_sector, -r.view_count, turkish.sort_key(r.title)),
    )


def related_for(role):
    """(explicit links, computed roles) for an article fetched with ``for_article()``."""
    links = list(role.related_links.all())
    for link in links:  # the card shows the linked role's latest salary, fetched on the link
        for name in ("latest_year", "latest_average", "latest_pay_basis", "minimum_net_today"):
            setattr(link.to_role, name, getattr(link, name))
    explicit_ids = {link.to_role_id for link in links}
    skill_ids = [rs.skill_id for rs in role.role_skills.all()]
    computed = computed_related(role, skill_ids, explicit_ids, RELATED_LIMIT - len(links))
    return links, computed
