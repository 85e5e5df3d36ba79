"""The article, rendered once per version of its content.

An article page is the article (sections, salaries, skills, related roles: what editors
change) and its comments (what readers change). The article part is rendered into two HTML
fragments kept in the cache under the *article version*, a counter every save of article
content bumps (``signals.py``) and comments do not: a new comment re-renders only the
comment section, and a page whose article is cached costs the role and its comments.
Drafts shown to editors are never cached.
"""

from django.core.cache import cache
from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string

from . import charts, meta
from .freshness import last_modified
from .models import MinimumWage, article_prefetches
from .related import related_for

VERSION_KEY = "article-version"
FRAGMENT_SECONDS = 600


def article_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_article_version():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def salary_sources(bands):
    """One source line per distinct source, with the years it covers."""
    sources = {}
    for band in bands:
        key = (band.source, band.source_url, band.is_sample)
        entry = sources.setdefault(
            key,
            {"text": band.source, "url": band.source_url, "is_sample": band.is_sample, "years": []},
        )
        entry["years"].append(band.year)
    return list(sources.values())


def render_article(role, preview):
    """``{"head", "body", "meta"}`` of the article (everything but its comments)."""
    prefetch_related_objects([role], *article_prefetches())
    links, computed = related_for(role)
    bands = MinimumWage.objects.attach_multiples(role.salary_bands.all())
    modified = last_modified(role, bands)
    context = {
        "role": role,
        "preview": preview,
        "bands": bands,
        "sources": salary_sources(bands),
        "last_modified": modified,
        "salary_chart": charts.history_chart(bands),
        "related_links": links,
        "computed_related": computed,
        "popular": {
            placement: [link for link in links if link.placement == placement]
            for placement in ("after_training", "after_trends_intro")
        },
    }
    return {
        "head": render_to_string("articles/article_head.html", context),
        "body": render_to_string("articles/article_body.html", context),
        "meta": meta.article(role, bands, modified, preview),
    }


def article_fragments(role, preview):
    if preview:
        return render_article(role, preview)
    key = f"article:{role.pk}:{article_version()}"
    fragments = cache.get(key)
    if fragments is None:
        fragments = render_article(role, preview)
        cache.set(key, fragments, FRAGMENT_SECONDS)
    return fragments
