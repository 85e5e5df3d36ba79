from django import template

from ..notices import salary_notice

register = template.Library()


@register.filter
def notice(role):
    """The note next to a card's figures (:func:`notices.salary_notice`), for roles fetched
    with ``with_latest_salary()``: ``{% with notice=role|notice %}``."""
    return salary_notice(
        getattr(role, "latest_year", None),
        getattr(role, "latest_average", None),
        getattr(role, "minimum_net_today", None),
    )
