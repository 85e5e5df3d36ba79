"""What the compare app adds to other apps' pages: the article reaches these through the slots
this app fills (``CompareConfig.slots``, careers/site/slots.py) and knows nothing else of the
comparison."""

from django import template
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from ..logic import comparison_url

register = template.Library()


@register.simple_tag
def compare_url(*slugs):
    """The canonical address of the comparison of these roles:
    ``{% compare_url role.slug other.slug %}``."""
    return comparison_url(slugs)


@register.simple_tag(takes_context=True)
def compare_article_link(context, role):
    """The article's link to compare its role with another (slot "article-after-salary")."""
    return render_to_string("compare/article_link.html", {"role": role})


@register.simple_tag(takes_context=True)
def compare_card_link(context, this, other):
    """The "Karşılaştır" link of a card showing ``other`` on ``this`` role's article, for the
    card's ``action`` (slot "related-card": ``{% slot "related-card" role other as action %}``)."""
    # Built here, not by a template per card (the article's cold render, docs/scale.md).
    label = gettext('Compare<span class="visually-hidden"> %(this)s with %(other)s</span>')
    return format_html(
        '<a class="card-compare" href="{}">{}</a>',
        comparison_url([this.slug, other.slug]),
        mark_safe(label % {"this": escape(this.title), "other": escape(other.title)}),  # noqa: S308
    )
