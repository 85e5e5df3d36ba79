"""What the article page reads beyond the role row."""

from django.db.models import Prefetch

from .roles import Role
from .sections import RelatedRole, RoleSkill


def article_prefetches():
    """The rows an article shows besides the role: for ``prefetch_related`` (or
    ``prefetch_related_objects`` once the role is fetched). A linked role's card reads its
    latest salary from the role (``salary_*``)."""
    related = RelatedRole.objects.filter(to_role__in=Role.objects.published()).select_related(
        "to_role__sector"
    )
    return [
        "responsibilities",
        Prefetch("role_skills", queryset=RoleSkill.objects.select_related("skill")),
        "trends",
        Prefetch("related_links", queryset=related),
    ]


#: ``select_related`` names of rows an app built on articles keeps one-to-one with a role and
#: shows in its article (the salaries app's readers' figures), registered from that app's
#: ``AppConfig.ready`` with :func:`join_to_article`: read in the article's own query (a join),
#: they cost the page no query, and this app never names them.
_JOINS = []


def join_to_article(name):
    if name not in _JOINS:
        _JOINS.append(name)


def article_joins():
    """What the article's role query joins: its sector and the registered rows."""
    return ("sector", *_JOINS)
