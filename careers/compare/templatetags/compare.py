from django import template

from ..logic import comparison_url

register = template.Library()


@register.simple_tag
def compare_url(*slugs):
    """The canonical address of the comparison of these roles:
    ``{% compare_url role.slug other.slug %}``."""
    return comparison_url(slugs)
