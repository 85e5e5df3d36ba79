"""A change to what pages show invalidates exactly those pages (keys in :mod:`.keys`); the
salaries app does the same for bands and the minimum wage (``careers.salaries.signals``).

Edits are soft changes (readers are served the page as it was while it renders again); an
article that leaves its address (unpublished, scheduled for later, moved to another slug,
deleted), and a sector or skill deleted, are hard ones: what they showed is never served
again (careers/site/pagecache)."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver

from careers import turkish
from careers.site.pagecache import ALL, invalidate

from . import keys
from .models import (
    Author,
    Correction,
    RelatedRole,
    Responsibility,
    Role,
    RoleSkill,
    Sector,
    Skill,
    Status,
    Trend,
)

# What makes a role appear on (or leave) its sector's and skills' pages and the computed
# related roles of other articles.
MEMBERSHIP_FIELDS = ("status", "published_at", "sector_id", "slug")


#: model -> (name field, stored Turkish sort key field); see careers.collation.
SORT_KEYS = {
    Role: ("title", "title_sort"),
    Sector: ("name", "name_sort"),
    Skill: ("name", "name_sort"),
    Author: ("name", "name_sort"),
}


@receiver(pre_save)
def set_sort_keys(sender, instance, **kwargs):
    """Before every save, fixtures (raw saves) included."""
    if sender in SORT_KEYS:
        name, key = SORT_KEYS[sender]
        setattr(instance, key, turkish.sort_key(getattr(instance, name)))


def role_keys(role, membership=True):
    found = [keys.role(role.pk), keys.ROLES, keys.SEARCH]
    if membership:
        found.append(keys.sector(role.sector_id))
        found += [keys.skill(pk) for pk in role.role_skills.values_list("skill_id", flat=True)]
    return found


@receiver(pre_save, sender=Role)
def remember_role(sender, instance, raw=False, **kwargs):
    instance._stored = (
        None
        if raw or instance.pk is None
        else Role.objects.filter(pk=instance.pk).values(*MEMBERSHIP_FIELDS, "author_id").first()
    )


def left_its_address(stored, role):
    """Whether the article was public at an address where it is no more (unpublished,
    scheduled for later, or given another slug)."""
    if stored is None:
        return False
    was = Role(status=stored["status"], published_at=stored["published_at"]).is_public
    return was and (not role.is_public or stored["slug"] != role.slug)


@receiver(post_save, sender=Role)
def role_saved(sender, instance, raw=False, **kwargs):
    stored = getattr(instance, "_stored", None)
    if stored is None:  # new: shows on other pages only once published
        moved = instance.status == Status.PUBLISHED
    else:
        moved = any(stored[f] != getattr(instance, f) for f in MEMBERSHIP_FIELDS)
    found = role_keys(instance, membership=moved)
    if stored is not None and stored["sector_id"] != instance.sector_id:
        found.append(keys.sector(stored["sector_id"]))
    # An author's page lists their published articles (each card shows its role's key).
    before = stored["author_id"] if stored is not None else None
    authors = {instance.author_id, before} if moved or before != instance.author_id else set()
    found += [keys.author(pk) for pk in authors if pk]
    invalidate(*found, hard=left_its_address(stored, instance))


@receiver(pre_delete, sender=Role)
def role_deleted(sender, instance, **kwargs):
    invalidate(*role_keys(instance), hard=True)


@receiver(post_save, sender=Responsibility)
@receiver(post_delete, sender=Responsibility)
@receiver(post_save, sender=Trend)
@receiver(post_delete, sender=Trend)
@receiver(post_save, sender=RelatedRole)
@receiver(post_delete, sender=RelatedRole)
def section_changed(sender, instance, **kwargs):
    invalidate(keys.role(getattr(instance, "role_id", None) or instance.from_role_id), keys.SEARCH)


@receiver(post_save, sender=RoleSkill)
@receiver(post_delete, sender=RoleSkill)
def role_skill_changed(sender, instance, **kwargs):
    invalidate(keys.role(instance.role_id), keys.skill(instance.skill_id), keys.SKILLS, keys.SEARCH)


@receiver(post_save, sender=Skill)
@receiver(post_delete, sender=Skill)
def skill_changed(sender, instance, signal, **kwargs):
    invalidate(keys.skill(instance.pk), keys.SKILLS, keys.SEARCH, hard=signal is post_delete)


@receiver(post_save, sender=Sector)
@receiver(post_delete, sender=Sector)
def sector_changed(sender, instance, signal, **kwargs):
    invalidate(keys.sector(instance.pk), keys.SECTORS, keys.ROLES, hard=signal is post_delete)


@receiver(m2m_changed, sender=Role.related_roles.through)
def related_changed(instance, **kwargs):
    invalidate(keys.role(instance.pk) if isinstance(instance, Role) else ALL)


@receiver(post_save, sender=Author)
def author_changed(sender, instance, **kwargs):
    """The profile page and every article naming them (author or reviewer)."""
    invalidate(keys.author(instance.pk))


@receiver(post_delete, sender=Author)
def author_deleted(sender, instance, **kwargs):
    """A profile taken down is never served again."""
    invalidate(keys.author(instance.pk), hard=True)


@receiver(post_save, sender=Correction)
@receiver(post_delete, sender=Correction)
def correction_changed(sender, instance, **kwargs):
    """The article's foot, the corrections page and its feeds."""
    invalidate(keys.role(instance.role_id), keys.CORRECTIONS)
