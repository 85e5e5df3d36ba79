"""The "Editörler" group: exactly the permissions editors need, defined here in code.

Editors write and publish articles, keep salaries and the minimum wage current (including bulk
import, which needs ``change_salaryband``), upload images (any article add/change permission),
see salary history and moderate comments. Not users, groups or anything else.

:func:`setup_editor_group` sets the group's permissions to exactly this list; it runs after
every ``migrate`` (so every database has the group) and from ``manage.py setupeditors``.
Permissions that do not exist yet while ``migrate`` is still creating them are skipped; the
last post_migrate call sees them all (a test pins the complete list).
"""

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITOR_GROUP = "Editörler"

_ARTICLE_MODELS = (
    "sector", "skill", "role", "responsibility", "roleskill", "trend", "relatedrole",
    "salaryband", "minimumwage",
)  # fmt: skip

EDITOR_PERMISSIONS = (
    *(
        f"articles.{action}_{model}"
        for model in _ARTICLE_MODELS
        for action in ("view", "add", "change", "delete")
    ),
    # Revisions (django-simple-history) of salaries and articles: read only; reverting an
    # article goes through its change form, so it needs change_role and nothing more.
    *(
        f"articles.view_historical{model}"
        for model in ("salaryband", "role", "responsibility", "roleskill", "trend", "relatedrole")
    ),
    # Comment moderation: the comments (the pending queue admin checks these too) and the
    # blocklist of words that hold a comment or mark it as spam.
    "comments.view_comment",
    "comments.change_comment",
    "comments.delete_comment",
    "comments.can_moderate",
    *(f"comments.{action}_blockedword" for action in ("view", "add", "change", "delete")),
    # The site pages (KVKK notice, contact and imprint, editorial policy): edit, not delete.
    "pages.view_simplepage",
    "pages.change_simplepage",
    "pages.view_historicalsimplepage",
)


def setup_editor_group(using="default"):
    """Create or update the group; return ``(group, skipped)`` where ``skipped`` lists the
    permissions that do not exist (yet) in this database."""
    wanted = [perm.split(".", 1) for perm in EDITOR_PERMISSIONS]
    labels = {config.label for config in apps.get_app_configs()}
    installed = [(app, code) for app, code in wanted if app in labels]
    query = Q(pk__in=[])
    for app, code in installed:
        query |= Q(content_type__app_label=app, codename=code)
    found = list(Permission.objects.using(using).filter(query).select_related("content_type"))
    found_keys = {(p.content_type.app_label, p.codename) for p in found}
    skipped = [f"{app}.{code}" for app, code in wanted if (app, code) not in found_keys]
    group, _created = Group.objects.using(using).get_or_create(name=EDITOR_GROUP)
    group.permissions.set(found)
    return group, skipped


def setup_after_migrate(sender, using="default", **kwargs):
    """post_migrate receiver: every database gets the group (after each app's permissions are
    created, so the last call sees them all)."""
    setup_editor_group(using=using)


def can_preview(user):
    """Whether ``user`` may see drafts and scheduled articles at their real address."""
    return user.is_active and user.is_staff and user.has_perm("articles.change_role")
