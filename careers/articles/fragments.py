"""The article, rendered once per version of what it shows.

An article page is the article (sections, salaries, skills, related roles: what editors
change) and its comments (what readers change). The article part is rendered into two HTML
fragments (the header's content and the body, each balanced HTML; ``role_detail.html`` holds
the page's structure) and its SEO meta, kept by :func:`careers.site.pagecache.cached` under the
article's surrogate keys (:func:`.keys.article`) and those the template tags inside it add
(:func:`shows_in_template`: the salary figures add the minimum wage's): a new comment
(``comments-<pk>``) re-renders only the comment section, and a page whose article is kept costs
the role and its comments. Drafts shown to editors are never kept.
"""

from django.db.models import prefetch_related_objects
from django.template.loader import render_to_string

from careers.site import seo
from careers.site.pagecache import WithKeys, cached, shows

from . import keys, meta
from .freshness import last_modified
from .models import article_prefetches
from .related import related_for

#: The context variable through which template tags rendered inside a fragment being built
#: add the surrogate keys of what they show (:func:`shows_in_template`).
FRAGMENT_KEYS = "fragment_keys"


def shows_in_template(context, *names):
    """For template tags of the apps built on articles (the article's salary figures, a card's
    salary notice): record the keys of what the tag shows on the page being rendered (a
    ``request`` in the context) and in the fragment being built, so that the fragment, and
    every page made from it, is rendered again when one of them changes."""
    request = context.get("request")
    if request is not None:
        shows(request, *names)
    found = context.get(FRAGMENT_KEYS)
    if found is not None:
        found.update(names)


def render_article(role, preview):
    """``{"head", "body", "meta"}`` of the article (everything but its comments), with the
    keys it shows."""
    prefetch_related_objects([role], *article_prefetches())
    links, computed = related_for(role)
    # Only a reviewed article can have corrections (an approval writes them): no query for
    # one never reviewed.
    corrections = list(role.corrections.all()) if role.last_reviewed_at else []
    modified = last_modified(role)
    shown = set()
    context = {
        "role": role,
        "canonical": seo.absolute(role.get_absolute_url()),  # share links, printed address
        "preview": preview,
        "last_modified": modified,
        "related_links": links,
        "computed_related": computed,
        "corrections": corrections,
        "popular": {
            placement: [link for link in links if link.placement == placement]
            for placement in ("after_training", "after_trends_intro")
        },
        FRAGMENT_KEYS: shown,
    }
    fragments = {
        "head": render_to_string("articles/article_head.html", context),
        "body": render_to_string("articles/article_body.html", context),
        "meta": meta.article(role, modified, preview),
    }
    return WithKeys(fragments, [*keys.article(role, links, computed), *sorted(shown)])


def article_fragments(request, role, preview):
    if preview:
        return render_article(role, preview).value
    return cached(
        f"article:{role.pk}", [keys.role(role.pk)], lambda: render_article(role, preview), request
    )
