"""Any change to what an article page shows invalidates the page cache at once."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from careers import turkish
from careers.site import cache

from .fragments import bump_article_version
from .models import (
    MarkdownRenderedModel,
    MinimumWage,
    RelatedRole,
    Responsibility,
    Role,
    RoleSkill,
    SalaryBand,
    Sector,
    Skill,
    Trend,
    refresh_latest_salary,
)

CONTENT_MODELS = (
    Sector, Skill, Role, Responsibility, RoleSkill, Trend, RelatedRole, SalaryBand,
    MinimumWage,  # articles show each band as a multiple of the minimum wage
)  # fmt: skip


#: model -> (name field, stored Turkish sort key field); see careers.collation.
SORT_KEYS = {
    Role: ("title", "title_sort"),
    Sector: ("name", "name_sort"),
    Skill: ("name", "name_sort"),
}


@receiver(pre_save)
def set_sort_keys(sender, instance, **kwargs):
    """Before every save, fixtures (raw saves) included."""
    if sender in SORT_KEYS:
        name, key = SORT_KEYS[sender]
        setattr(instance, key, turkish.sort_key(getattr(instance, name)))


@receiver(post_save)
def render_fixture_markdown(sender, instance, raw=False, **kwargs):
    """``loaddata`` saves raw rows without calling ``save()``: render their Markdown here, so
    fixtures need (and may carry) only the Markdown sources."""
    if raw and isinstance(instance, MarkdownRenderedModel):
        instance.render_markdown()
        html = {
            f"{name}_html": getattr(instance, f"{name}_html") for name in sender.markdown_fields
        }
        sender._default_manager.filter(pk=instance.pk).update(**html)


@receiver(post_save, sender=SalaryBand)
@receiver(post_delete, sender=SalaryBand)
def band_changed(sender, instance, **kwargs):
    """The role keeps its latest band's figures (lists sort by them in the database)."""
    refresh_latest_salary([instance.role_id])


@receiver(post_save)
@receiver(post_delete)
def content_changed(sender, **kwargs):
    if sender in CONTENT_MODELS:
        cache.bump_content_version()
        bump_article_version()  # the cached article fragments (comments do not bump it)


@receiver(m2m_changed, sender=Role.related_roles.through)
def related_changed(**kwargs):
    cache.bump_content_version()
    bump_article_version()
