"""Keep the search documents in step with the articles.

A save or delete of a role, a responsibility or a role's skill rewrites that role's document
(three small queries and one write); renaming a skill rewrites every role that lists it. Writes
happen in the same transaction as the edit, so a rolled-back edit leaves the index untouched,
and the SQLite FTS5 table follows the documents table through triggers (migration 0001).
Pages are invalidated by the articles app's own signals; search results again when a
document is written (that may be after the edit's commit).

``loaddata`` (``raw`` saves) writes a role and then each of its rows: there the document is
written once per role, when the load commits, instead of once per row.
"""

import functools

from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from careers.articles import keys
from careers.articles.models import Responsibility, Role, RoleSkill, Skill
from careers.site.pagecache import invalidate
from careers.site.transactions import on_commit_once

from . import documents
from .models import SearchDocument


def reindex_on_commit(role_id, using):
    """Queue one rewrite of the role's document for the end of the transaction (once per
    role, however many of its rows the load writes)."""
    callback = functools.partial(documents.reindex, [role_id])
    on_commit_once("search-reindex", role_id, callback, using=using)


def reindex(role_id, raw=False, using=None):
    if raw:
        reindex_on_commit(role_id, using)
    else:
        documents.reindex([role_id])


@receiver(post_save, sender=Role)
def role_saved(sender, instance, raw=False, using=None, **kwargs):
    reindex(instance.pk, raw, using)


@receiver(post_save, sender=Responsibility)
@receiver(post_delete, sender=Responsibility)
@receiver(post_save, sender=RoleSkill)
@receiver(post_delete, sender=RoleSkill)
def part_changed(sender, instance, origin=None, raw=False, using=None, **kwargs):
    if deleting_roles(origin):  # the role's own document goes with it (cascade)
        return
    reindex(instance.role_id, raw, using)


def deleting_roles(origin):
    """Whether this delete is the cascade of deleting roles (Django passes the ``origin``)."""
    if isinstance(origin, Role):
        return True
    return isinstance(origin, QuerySet) and issubclass(origin.model, Role)


@receiver(post_save, sender=Skill)
def skill_saved(sender, instance, created=False, raw=False, **kwargs):
    if not created:
        documents.reindex(instance.role_skills.values_list("role_id", flat=True))


@receiver(post_save, sender=SearchDocument)
@receiver(post_delete, sender=SearchDocument)
def document_written(sender, **kwargs):
    invalidate(keys.SEARCH)
