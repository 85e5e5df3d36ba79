"""Related roles: the editor's explicit links first, then roles ranked by shared skills and
the same sector. Drafts never appear."""

from django.db import connection
from django.utils import timezone

from careers.site.baked import Baked

from .models import Role, RoleSkill, Status, published_q

RELATED_LIMIT = 6
#: Roles sharing skills considered for the ranking (the most shared first).
CANDIDATES = 60


def computed_related(role, skill_ids, exclude_ids, limit=RELATED_LIMIT):
    """Published roles sharing skills with ``role`` or its sector, best first (two queries:
    the ranking, then the cards).

    Ranked by the number of shared skills, then same sector, then the most read, then the
    title in Turkish alphabetical order (the stored sort key).
    """
    if limit <= 0:
        return []
    exclude = sorted({role.pk, *exclude_ids})
    ids = _ranked_ids(role, list(skill_ids), exclude, limit)
    roles = {card.pk: card for card in _CARDS(ids, timezone.now())} if ids else {}
    return [roles[pk] for pk in ids if pk in roles]


#: The ranked roles' cards, ``Role.objects.published().card_columns().in_bulk(ids)`` baked
#: (careers/site/baked.py: one query per number of ids, at most RELATED_LIMIT).
_CARDS = Baked(
    lambda ids, now: Role.objects.filter(published_q(now=now), pk__in=ids).card_columns()
)


def _ranked_ids(role, skill_ids, exclude, limit):
    """The ranking in SQL written out, not built by the ORM: the query it built (an OR of two
    subqueries, a correlated count, a CASE) cost three times its own run in Python, the
    largest part of an article rendered afresh at 10,000 roles.

    Candidates come from two bounded, indexed lookups, never a scan of every role: the roles
    sharing the most of these skills (read from the role-skill index alone), and the most read
    of the same sector (role by sector and reads); each candidate's shared skills are then
    counted by a lookup of its own."""
    role_table, skill_table = Role._meta.db_table, RoleSkill._meta.db_table
    published = connection.ops.adapt_datetimefield_value(timezone.now())
    skills = ", ".join(["%s"] * len(skill_ids)) or "NULL"  # IN (NULL): no role shares none
    excluded = ", ".join(["%s"] * len(exclude))
    # The candidates as a union joined to the roles by key: "id IN (a) OR id IN (b)" made
    # PostgreSQL scan every role (20-40 ms at 10,000 roles; SQLite took the two lists).
    sql = f"""
        SELECT r.id FROM (
            SELECT shared.role_id AS id FROM (
                SELECT s.role_id FROM {skill_table} s
                WHERE s.skill_id IN ({skills}) AND s.role_id NOT IN ({excluded})
                GROUP BY s.role_id ORDER BY COUNT(*) DESC, s.role_id LIMIT %s
            ) shared
            UNION
            SELECT near.id FROM (
                SELECT t.id FROM {role_table} t
                WHERE t.status = %s AND t.published_at <= %s AND t.sector_id = %s
                AND t.id NOT IN ({excluded})
                ORDER BY t.view_count DESC, t.title_sort LIMIT %s
            ) near
        ) candidate
        JOIN {role_table} r ON r.id = candidate.id
        WHERE r.status = %s AND r.published_at <= %s
        ORDER BY
            (
                SELECT COUNT(*) FROM {skill_table} c
                WHERE c.role_id = r.id AND c.skill_id IN ({skills})
            ) DESC,
            CASE WHEN r.sector_id = %s THEN 1 ELSE 0 END DESC,
            r.view_count DESC, r.title_sort
        LIMIT %s
    """  # noqa: S608 (table names are ours; every value is a parameter)
    params = [
        *skill_ids,
        *exclude,
        CANDIDATES,
        Status.PUBLISHED,
        published,
        role.sector_id,
        *exclude,
        limit,
        Status.PUBLISHED,
        published,
        *skill_ids,
        role.sector_id,
        limit,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [pk for (pk,) in cursor.fetchall()]


def related_for(role):
    """(explicit links, computed roles) for an article fetched with ``for_article()``."""
    links = list(role.related_links.all())
    explicit_ids = {link.to_role_id for link in links}
    skill_ids = [rs.skill_id for rs in role.role_skills.all()]
    computed = computed_related(role, skill_ids, explicit_ids, RELATED_LIMIT - len(links))
    return links, computed
