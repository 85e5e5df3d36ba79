"""What the article page reads beyond the role row."""

from django.db.models import Prefetch
from django.utils import timezone

from careers.site.baked import Baked, prefetched

from .publishing import published_q
from .roles import CARD_COLUMNS, Role
from .sections import RelatedRole, Responsibility, RoleSkill, Trend


def _related_links(now=None):
    # The publish rule on the joined role, not ``to_role__in=published()``: SQLite read that
    # subquery as every published role (5 ms at 10,000 roles) before taking the few links.
    return (
        RelatedRole.objects.filter(published_q("to_role__", now))
        .select_related("to_role__sector")
        .only("from_role", "placement", "order", *(f"to_role__{c}" for c in CARD_COLUMNS))
    )


def article_prefetches():
    """The rows an article shows besides the role: for ``prefetch_related`` (or
    ``prefetch_related_objects`` once the role is fetched). A linked role's card reads its
    latest salary from the role (``salary_*``). The article page reads the same rows with
    :func:`load_article_rows`."""
    return [
        "responsibilities",
        Prefetch("role_skills", queryset=RoleSkill.objects.select_related("skill")),
        "trends",
        Prefetch("related_links", queryset=_related_links()),
    ]


#: The article's rows as baked queries (careers/site/baked.py): an article rendered afresh
#: read them through ``prefetch_related_objects`` in 2.4 ms on SQLite, 0.3 baked.
_DUTIES = Baked(lambda pk: Responsibility.objects.filter(role_id=pk))
_SKILLS = Baked(lambda pk: RoleSkill.objects.select_related("skill").filter(role_id=pk))
_TRENDS = Baked(lambda pk: Trend.objects.filter(role_id=pk))
_LINKS = Baked(lambda pk, now: _related_links(now).filter(from_role_id=pk))
_ARTICLE_ROLE = Baked(lambda slug: Role.objects.select_related(*article_joins()).filter(slug=slug))


def article_role(slug):
    """The role of the article at ``slug`` with what :func:`article_joins` names, or None
    (drafts too: the view decides who sees one)."""
    return _ARTICLE_ROLE.first(slug)


def load_article_rows(role):
    """Read the rows :func:`article_prefetches` names for one role, as
    ``prefetch_related_objects([role], *article_prefetches())`` would (then
    ``role.responsibilities.all()`` and the others run no query), with baked queries."""
    prefetched(role, "responsibilities", _DUTIES(role.pk))
    prefetched(role, "role_skills", _SKILLS(role.pk))
    prefetched(role, "trends", _TRENDS(role.pk))
    prefetched(role, "related_links", _LINKS(role.pk, timezone.now()))


def article_joins():
    """What the article's role query joins: its sector and people, and the rows apps built on
    articles keep one-to-one with a role and show in its article (the salaries app's readers'
    figures). An app names them on its AppConfig, ``article_joins = ("report_summary",)``, as
    it names its slots (careers/site/slots.py): read in the article's own query, they cost the
    page no query, and this app never names them."""
    from django.apps import apps

    extra = (
        name for config in apps.get_app_configs() for name in getattr(config, "article_joins", ())
    )
    return ("sector", "author", "reviewed_by", *extra)
