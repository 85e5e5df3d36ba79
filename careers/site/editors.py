"""The "Editörler" group: exactly the permissions editors need, each app saying its own.

Editors write and publish articles, keep salaries and the minimum wage current, upload images,
read revisions, moderate comments and edit the site pages: not users, groups or anything else.
Each app lists what editors need of its own models in its AppConfig's ``editor_permissions``
(codenames; the app's label is added here), so no app grants another's permissions and this
module names no app.

:func:`setup_editor_group` sets the group's permissions to exactly the union; it runs after
every ``migrate`` (so every database has the group) and from ``manage.py setupeditors``.
Permissions that do not exist yet while ``migrate`` is still creating them are skipped; the
last post_migrate call sees them all (a test pins the complete list).
"""

from django.apps import apps
from django.db.models import Q

EDITOR_GROUP = "Editörler"


def crud(*models):
    """The view, add, change and delete codenames of ``models`` (for ``editor_permissions``)."""
    return tuple(
        f"{action}_{model}" for model in models for action in ("view", "add", "change", "delete")
    )


def editor_permissions():
    """``["app_label.codename", ...]``: every installed app's ``editor_permissions``."""
    return [
        f"{config.label}.{codename}"
        for config in apps.get_app_configs()
        for codename in getattr(config, "editor_permissions", ())
    ]


def setup_editor_group(using="default"):
    """Create or update the group; return ``(group, skipped)`` where ``skipped`` lists the
    permissions that do not exist (yet) in this database."""
    from django.contrib.auth.models import Group, Permission  # AppConfigs import crud() early

    wanted = [perm.split(".", 1) for perm in editor_permissions()]
    query = Q(pk__in=[])
    for app, code in wanted:
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
