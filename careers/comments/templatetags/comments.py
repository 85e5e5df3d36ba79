"""How an article page shows its comments, as django-contrib-comments does it: the host
template loads these tags and knows nothing else of the comments app.

    {% load comments %}
    {% comment_toc_entry role %}   the table-of-contents line ("Yorumlar (3)")
    {% comment_section role %}     the threads, their pages and the "Bir cevap yazın" form

Both share one computation per request (one query: a page of threads), and their HTML is
cached until a comment or the article changes."""

from django import template
from django.core.cache import cache
from django.template.loader import render_to_string

from careers.site.cache import content_version

from ..section import HELD_PARAM, PAGE_PARAM, section_context

register = template.Library()
#: Rendered sections are kept as long as cached pages (whose comment form token they share).
SECTION_SECONDS = 600


def _section(context, role):
    request = context["request"]
    sections = request.__dict__.setdefault("_comment_sections", {})
    if role.pk not in sections:
        sections[role.pk] = section_context(request, role)
    return sections[role.pk]


def _rendered(context, role, template_name):
    """The tag's HTML, from the cache while no comment or article changed (the content
    version), per comment page; never for drafts or a visitor's held-comment notice."""
    request = context["request"]
    cacheable = role.is_public and HELD_PARAM not in request.GET
    page = request.GET.get(PAGE_PARAM, "1")[:12]
    key = f"comment-html:{template_name}:{role.pk}:{content_version()}:{page}"
    html = cache.get(key) if cacheable else None
    if html is None:
        html = render_to_string(
            template_name, {"role": role, "request": request, **_section(context, role)}
        )
        if cacheable:
            cache.set(key, html, SECTION_SECONDS)
    return html


@register.simple_tag(takes_context=True)
def comment_toc_entry(context, role):
    return _rendered(context, role, "comments/toc_entry.html")


@register.simple_tag(takes_context=True)
def comment_section(context, role):
    return _rendered(context, role, "comments/section.html")
