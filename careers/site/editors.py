"""The editors' groups: exactly the permissions each job needs, each app saying its own.

"Editörler" write articles, keep salaries and the minimum wage current, upload images, read
revisions, moderate comments and edit the site pages: not users, groups or anything else. With
the editorial review on (``settings.EDITORIAL_REVIEW``) their changes to what readers see wait
for a reviewer. "Yayın kurulu" (the editorial board) can do all of that and also approve or send
back others' changes (and publish): its permissions are the editors' plus each app's
``reviewer_permissions``.

Each app lists what editors need of its own models in its AppConfig's ``editor_permissions``
(codenames; the app's label is added here), and what reviewers need beyond that in
``reviewer_permissions``, so no app grants another's permissions and this module names no app.

:func:`setup_editor_groups` sets both groups' permissions to exactly those lists; it runs after
every ``migrate`` (so every database has the groups) and from ``manage.py setupeditors``.
Permissions that do not exist yet while ``migrate`` is still creating them are skipped; the
last post_migrate call sees them all (a test pins the complete lists).
"""

from django.apps import apps
from django.db.models import Q

EDITOR_GROUP = "Editörler"
REVIEWER_GROUP = "Yayın kurulu"


def crud(*models):
    """The view, add, change and delete codenames of ``models`` (for ``editor_permissions``)."""
    return tuple(
        f"{action}_{model}" for model in models for action in ("view", "add", "change", "delete")
    )


def _app_permissions(attribute):
    return [
        f"{config.label}.{codename}"
        for config in apps.get_app_configs()
        for codename in getattr(config, attribute, ())
    ]


def editor_permissions():
    """``["app_label.codename", ...]``: every installed app's ``editor_permissions``."""
    return _app_permissions("editor_permissions")


def reviewer_permissions():
    """The editorial board's: the editors' and every app's ``reviewer_permissions``."""
    return list(dict.fromkeys([*editor_permissions(), *_app_permissions("reviewer_permissions")]))


def _setup_group(name, permissions, using):
    from django.contrib.auth.models import Group, Permission  # AppConfigs import crud() early

    wanted = [perm.split(".", 1) for perm in permissions]
    query = Q(pk__in=[])
    for app, code in wanted:
        query |= Q(content_type__app_label=app, codename=code)
    found = list(Permission.objects.using(using).filter(query).select_related("content_type"))
    found_keys = {(p.content_type.app_label, p.codename) for p in found}
    skipped = [f"{app}.{code}" for app, code in wanted if (app, code) not in found_keys]
    group, _created = Group.objects.using(using).get_or_create(name=name)
    group.permissions.set(found)
    return group, skipped


def setup_editor_group(using="default"):
    """Create or update "Editörler"; return ``(group, skipped)`` where ``skipped`` lists the
    permissions that do not exist (yet) in this database."""
    return _setup_group(EDITOR_GROUP, editor_permissions(), using)


def setup_reviewer_group(using="default"):
    """Create or update "Yayın kurulu" (the same return value)."""
    return _setup_group(REVIEWER_GROUP, reviewer_permissions(), using)


def setup_editor_groups(using="default"):
    """Both groups: ``[(group, skipped), (group, skipped)]``."""
    return [setup_editor_group(using), setup_reviewer_group(using)]


def setup_after_migrate(sender, using="default", **kwargs):
    """post_migrate receiver: every database gets the groups (after each app's permissions are
    created, so the last call sees them all)."""
    setup_editor_groups(using=using)
