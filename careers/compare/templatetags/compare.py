"""What the compare app adds to other apps' pages, by tag: the host template loads these and
knows nothing else of the comparison (as the article loads the comment tags)."""

from django import template
from django.template.loader import render_to_string

from ..logic import comparison_url

register = template.Library()


@register.simple_tag
def compare_url(*slugs):
    """The canonical address of the comparison of these roles:
    ``{% compare_url role.slug other.slug %}``."""
    return comparison_url(slugs)


@register.simple_tag
def compare_card_link(this, other):
    """The "Karşılaştır" link of a card showing ``other`` on ``this`` role's article, for the
    card's ``action``: ``{% compare_card_link role other as action %}``."""
    url = comparison_url([this.slug, other.slug])
    return render_to_string("compare/card_link.html", {"this": this, "other": other, "url": url})
