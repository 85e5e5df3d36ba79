"""The article, rendered once per version of what it shows.

An article page is the article (sections, salaries, skills, related roles: what editors
change) and its comments (what readers change). The article part is rendered into two HTML
fragments and its SEO meta, kept by :func:`careers.site.pagecache.cached` under the
article's surrogate keys (:func:`.keys.article`): a new comment (``comments-<pk>``) re-renders
only the comment section, and a page whose article is kept costs the role and its comments.
Drafts shown to editors are never kept.
"""

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string

from careers.site import seo
from careers.site.pagecache import WithKeys, cached

from . import charts, keys, meta, notices, salary
from .freshness import last_modified
from .models import MinimumWage, article_prefetches
from .related import related_for


def render_article(role, preview):
    """``{"head", "body", "meta"}`` of the article (everything but its comments), with the
    keys it shows."""
    prefetch_related_objects([role], *article_prefetches())
    links, computed = related_for(role)
    bands = list(role.salary_bands.all())
    rates = MinimumWage.objects.table() if bands else []
    bands = MinimumWage.objects.attach_multiples(bands, rates)
    modified = last_modified(role, bands)
    context = {
        "role": role,
        "canonical": seo.absolute(role.get_absolute_url()),  # share links, printed address
        "preview": preview,
        "bands": bands,
        "sources": salary.salary_sources(bands),
        "last_modified": modified,
        "salary_chart": charts.history_chart(bands),
        "salary_notice": notices.notice_for_bands(bands, rates),
        "salary_updates": notices.update_notes(notices.recent_history(role), bands)
        if bands
        else [],
        "related_links": links,
        "computed_related": computed,
        "popular": {
            placement: [link for link in links if link.placement == placement]
            for placement in ("after_training", "after_trends_intro")
        },
    }
    fragments = {
        "head": render_to_string("articles/article_head.html", context),
        "body": render_to_string("articles/article_body.html", context),
        "meta": meta.article(role, bands, modified, preview),
    }
    return WithKeys(fragments, keys.article(role, links, computed))


def article_fragments(request, role, preview):
    if preview:
        return render_article(role, preview).value
    return cached(
        f"article:{role.pk}", [keys.role(role.pk)], lambda: render_article(role, preview), request
    )
