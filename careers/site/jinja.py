"""Django's second template engine, Jinja2, for what a page renders afresh after every change at
scale: the article's cached fragment (``articles/article_*.jinja``, its comment threads, section
and form, the readers' reports block and form), the rows and bars of ``/maaslar/``, a page of
search results, the skills list. Pages' frames (``base.html``), the admin and every other page
stay in the Django template language.

Why: rendered afresh at 10,000 roles and a million comments (right after a change, when no
cache holds the page), a page of fifty rows spent most of its time in the Django language's
per-variable machinery; Jinja2 compiles a template to Python and renders the same rows five to
ten times quicker (docs/scale.md has the numbers). A fragment is rendered by its app's Python
(``render``) from values formatted there: the strings it shows are translated in Python with
gettext (``makemessages`` reads Python, not these files), HTML comes in as safe strings, and
everything else is escaped (autoescape, as Django's backend sets it).
"""

from django.template import engines
from django.utils.safestring import mark_safe
from jinja2 import Environment

from careers import turkish
from careers.site.templatetags.turkish import with_label


class _Environment(Environment):
    def getattr(self, obj, attribute):
        """``value.name`` of a dict is its key first: the values a template prints come
        formatted in dicts, whose keys Jinja2 would find only after failing to find a dict
        attribute of that name (an exception per lookup: a third of a page of comment threads'
        rendering), and a key named like a dict method (``copy``) would give the method."""
        if type(obj) is dict:
            try:
                return obj[attribute]
            except KeyError:
                pass
        return super().getattr(obj, attribute)


def environment(**options):
    """The environment of settings.TEMPLATES' "jinja2" engine."""
    options = {name: value for name, value in options.items() if name != "autoescape"}
    env = _Environment(autoescape=True, **options)  # always, whatever the settings say
    env.filters["money"] = turkish.format_money
    env.filters["with_label"] = with_label
    return env


def render(template_name, context):
    """A Jinja2 fragment's HTML (safe: autoescaped), for a Django template to print."""
    template = engines["jinja2"].get_template(template_name)
    return mark_safe(template.render(context))  # noqa: S308 (Jinja2 escaped every value)
