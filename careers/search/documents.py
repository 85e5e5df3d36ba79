"""Building and storing search documents (plain functions, no HTTP)."""

from django.db.models import Prefetch

from careers.articles import keys
from careers.articles.models import Role, RoleSkill
from careers.site.pagecache import invalidate

from .models import SearchDocument
from .text import document_fields


def roles_for_indexing():
    return Role.objects.prefetch_related(
        "responsibilities",
        Prefetch("role_skills", queryset=RoleSkill.objects.select_related("skill")),
    )


def build(role):
    skills = []
    for role_skill in role.role_skills.all():
        skills.append(role_skill.skill.name)
        if role_skill.label:
            skills.append(role_skill.label)
    return document_fields(role, [r.text for r in role.responsibilities.all()], skills)


def reindex(role_ids):
    """(Re)write the documents of the given roles; roles that no longer exist are dropped."""
    role_ids = set(role_ids)
    if not role_ids:
        return
    found = set()
    for role in roles_for_indexing().filter(pk__in=role_ids):
        SearchDocument.objects.update_or_create(role_id=role.pk, defaults=build(role))
        found.add(role.pk)
    missing = role_ids - found
    if missing:
        SearchDocument.objects.filter(role_id__in=missing).delete()


def rebuild():
    """Rewrite every document (``manage.py rebuild_search_index``); returns the count.
    Cached search pages are invalidated: their results may change."""
    SearchDocument.objects.exclude(role__in=Role.objects.all()).delete()
    count = 0
    for role in roles_for_indexing().iterator(chunk_size=200):
        SearchDocument.objects.update_or_create(role_id=role.pk, defaults=build(role))
        count += 1
    invalidate(keys.SEARCH)
    return count
