"""``{% slot %}`` and ``{% link_url %}``: what apps built on a page's app add to it, and the
pages they offer, without the template naming them (:mod:`careers.site.slots`).

    {% load slots %}
    {% slot "article-end" role %}              the fillers' HTML, or nothing
    {% slot "related-card" role other as action %}
    {% link_url "privacy" %}                   the address of the page an app offers so
    {% link_url "privacy" as privacy_url %}
"""

from django import template

from .. import slots

register = template.Library()


@register.simple_tag(takes_context=True)
def slot(context, name, *args):
    return slots.fill(context, name, *args)


@register.simple_tag
def link_url(name, *args):
    return slots.link_url(name, *args)
