"""How an article page shows its comments, as django-contrib-comments does it: the host
template loads these tags and knows nothing else of the comments app.

    {% load comments %}
    {% comment_toc_entry role %}   the table-of-contents line ("Yorumlar (3)")
    {% comment_section role %}     the threads, their pages and the "Bir cevap yazın" form

Both share one computation per request (one query: the approved comments)."""

from django import template

from ..section import section_context

register = template.Library()


def _section(context, role):
    request = context["request"]
    sections = request.__dict__.setdefault("_comment_sections", {})
    if role.pk not in sections:
        sections[role.pk] = section_context(request, role)
    return sections[role.pk]


@register.inclusion_tag("comments/toc_entry.html", takes_context=True)
def comment_toc_entry(context, role):
    return _section(context, role)


@register.inclusion_tag("comments/section.html", takes_context=True)
def comment_section(context, role):
    return {"role": role, "request": context["request"], **_section(context, role)}
