"""A role as a card on a list (the A–Z list, a sector, a skill, an author, home, and the
article's related occupations): ``{% load role_cards %}``

    {% role_card role %}                          the title, linked, and what apps add to it
    {% role_card role show_summary=True %}        with the role's one-line summary
    {% role_card role updated=role.last_modified %}   with when it was last updated
    {% role_card other action=action %}           with a link the host page adds (HTML)

Apps built on articles add to every card through the slot "role-card" (the salaries app: the
latest figures and their note). Built with ``format_html``, not a template per card: a list of
fifty cards rendered fifty nested templates, the largest part of a list's (and the related
occupations') cold render at 10,000 roles (docs/scale.md).
"""

from django import template
from django.utils.dateformat import format as format_date
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

from careers import turkish
from careers.site.slots import fill

register = template.Library()


@register.simple_tag(takes_context=True)
def role_card(context, role, updated=None, show_summary=False, action=""):
    html = format_html(
        '<li class="role-card">\n  <a href="{}">{}</a>\n  {}',
        role.get_absolute_url(),
        role.title,
        fill(context, "role-card", role),
    )
    if updated:
        local = template_localtime(updated)
        html += format_html(
            '\n  <span class="card-updated">{} <time datetime="{}">{}</time></span>',
            gettext("Updated:"),
            format_date(local, "c"),
            turkish.format_date(local),
        )
    if show_summary:
        html += format_html('\n  <p class="card-summary">{}</p>', role.summary)
    if action:
        html += format_html("\n  {}", action)
    return html + mark_safe("\n</li>")  # noqa: S308
