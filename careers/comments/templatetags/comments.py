"""How an article page shows its comments, as django-contrib-comments does it: the host
template knows nothing of the comments app but the places it leaves for them, the slots these
tags fill (``CommentsConfig.slots``, careers/site/slots.py).

    {% comment_toc_entry role %}   the table-of-contents line ("Yorumlar (3)"): "article-contents"
    {% comment_section role %}     the threads, their pages and the "Bir cevap yazın" form:
                                   "article-end" (drawn by Jinja2: careers/comments/section.py)
    {% comment_form form role %}   the form alone (its own page, with what the reader typed)

Both share one computation per request (one query: a page of threads), and their HTML is
cached until a comment or the article changes."""

from django import template
from django.template.loader import render_to_string

from careers.articles import keys
from careers.site.pagecache import cached, shows

from ..section import HELD_PARAM, PAGE_PARAM, form_html, section_context, section_html

register = template.Library()


def _section(context, role):
    request = context["request"]
    sections = request.__dict__.setdefault("_comment_sections", {})
    if role.pk not in sections:
        sections[role.pk] = section_context(request, role)
        shows(request, keys.comments(role.pk))  # the cached page holds these comments
    return sections[role.pk]


def _rendered(context, role, name, draw):
    """The tag's HTML (``draw(section context)``), kept as ``name`` until the role's comments
    or the role change (their surrogate keys), per comment page, as long as the pages that
    hold it (whose comment form token it shares); never for drafts or a visitor's
    held-comment notice."""
    request = context["request"]

    def render():
        return draw(_section(context, role))

    if not role.is_public or HELD_PARAM in request.GET:
        return render()
    page = request.GET.get(PAGE_PARAM, "1")[:12]
    return cached(
        f"comment-html:{name}:{role.pk}:{page}",
        [keys.comments(role.pk), keys.role(role.pk)],
        render,
        request,
    )


@register.simple_tag(takes_context=True)
def comment_toc_entry(context, role):
    def draw(section):
        return render_to_string("comments/toc_entry.html", {"role": role, **section})

    return _rendered(context, role, "toc", draw)


@register.simple_tag(takes_context=True)
def comment_section(context, role):
    return _rendered(context, role, "section", lambda section: section_html(role, section))


@register.simple_tag
def comment_form(form, role):
    """The comment form on its own page, with what the reader typed: ``{% comment_form form
    role %}``."""
    return form_html(form, role)
