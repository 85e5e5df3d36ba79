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

from urllib.parse import quote

from django.template import Context
from django.templatetags.static import static
from django.urls import reverse
from django.utils import dateformat
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

from careers import turkish
from careers.site import jinja, seo
from careers.site.pagecache import WithKeys, cached, shows
from careers.site.slots import fill

from . import keys, meta
from .freshness import last_modified
from .models import load_article_rows
from .related import related_for
from .templatetags.role_cards import role_card

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
    keys it shows. Drawn by Jinja2 (``articles/article_head.jinja``, ``article_body.jinja``):
    what apps built on articles show in it comes from their slots, filled here with a Django
    template context (their tags keep per-rendering values in it and record the keys of what
    they show in it)."""
    load_article_rows(role)
    links, computed = related_for(role)
    # Only a reviewed article can have corrections (an approval writes them): no query for
    # one never reviewed.
    corrections = list(role.corrections.all()) if role.last_reviewed_at else []
    modified = last_modified(role)
    shown = set()
    canonical = seo.absolute(role.get_absolute_url())  # share links, printed address
    context = Context({"role": role, "preview": preview, FRAGMENT_KEYS: shown})
    cards = [
        role_card(context, link.to_role, action=fill(context, "related-card", role, link.to_role))
        for link in links
    ] + [
        role_card(context, other, action=fill(context, "related-card", role, other))
        for other in computed
    ]
    values = {
        "role": role,
        "canonical": canonical,
        "t": _strings(role),
        "slots": {
            "salary": fill(context, "article-salary", role),
            "after_salary": fill(context, "article-after-salary", role),
        },
        "popular": {
            placement: [link for link in links if link.placement == placement]
            for placement in ("after_training", "after_trends_intro")
        },
        "corrections": [
            {
                "heading": gettext("Correction, %(date)s:")
                % {"date": turkish.format_date(correction.date)},
                "text": correction.text,
            }
            for correction in corrections
        ],
        "corrections_url": reverse("articles:corrections"),
        "share": None if preview else _share(canonical, role.article_title),
        "cards": cards,
        "modified_iso": dateformat.format(template_localtime(modified), "c"),
        "modified_text": turkish.format_date(modified),
    }
    if role.last_reviewed_at:
        reviewed = template_localtime(role.last_reviewed_at)
        values["reviewed_iso"] = reviewed.date().isoformat()
        values["reviewed_text"] = turkish.format_date(reviewed)
    fragments = {
        "head": jinja.render("articles/article_head.jinja", values),
        "body": jinja.render("articles/article_body.jinja", values),
        "meta": meta.article(role, modified, preview),
    }
    return WithKeys(fragments, [*keys.article(role, links, computed), *sorted(shown)])


def _share(url, text):
    """The share links' values (plain links: no third-party script)."""
    return {
        "url": quote(url, safe=""),
        "text": quote(text, safe=""),
        "script": static("js/share.js"),
    }


def _strings(role):
    """The article's sentences, translated here (``makemessages`` reads Python, not Jinja2)."""
    title = {"title": role.title}
    return {
        "duties_heading": gettext("%(title)s responsibilities and duties") % title,
        "duties_intro": gettext("A typical %(name)s has the following responsibilities:")
        % {"name": role.title_lower},
        "salary_heading": gettext("How much does a %(title)s earn?") % title,
        "outlook": gettext("Job outlook:"),
        "requirements_heading": gettext(
            "What are the requirements and qualifications for a %(title)s?"
        )
        % title,
        "education": gettext("Education"),
        "training": gettext("Training and experience"),
        "certifications": gettext("Certificates and licences"),
        "most_popular": gettext("Most popular:"),
        "skills_heading": gettext("Skills needed to become a %(title)s") % title,
        "skill_links": gettext("Other occupations that need these skills:"),
        "conditions_heading": gettext("What are the working conditions of a %(title)s?") % title,
        "development_heading": gettext("Professional development for a %(title)s") % title,
        "become_heading": gettext("How to become a %(title)s") % title,
        "career_heading": gettext("Career and job prospects"),
        "corrections": gettext("Corrections"),
        "all_corrections": gettext("All corrections and how we make them"),
        "share": gettext("Share this article"),
        "whatsapp": gettext("WhatsApp"),
        "email": gettext("E-mail"),
        "link_to_copy": gettext("Link to copy"),
        "copy_label": gettext("Copy"),
        "copied": gettext("Link copied."),
        "this_article": gettext("This article:"),
        "related": gettext("Related occupations"),
        "no_related": gettext("No related occupations yet."),
        "also_known": gettext("Also known as:"),
        "written_by": gettext("Written by:"),
        "reviewed_by": gettext("Reviewed by:"),
        "last_reviewed": gettext("Last reviewed:"),
        "updated": gettext("Updated:"),
    }


def article_fragments(request, role, preview):
    if preview:
        return render_article(role, preview).value
    return cached(
        f"article:{role.pk}", [keys.role(role.pk)], lambda: render_article(role, preview), request
    )
