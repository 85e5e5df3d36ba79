"""How an app shows something on the pages of an app it is built on, and links to its pages,
without that app naming it: dependencies run one way in templates too
(``tests/test_architecture.py``), as django-contrib-comments' host template knows only a tag.

A template names a **slot**: ``{% load slots %}{% slot "article-end" role %}``. Apps built on
its app fill it, from their AppConfig::

    def slots(self):
        from .templatetags.comments import comment_section

        return {"article-end": comment_section}

A filler is a template tag function, ``filler(context, *args)``, returning HTML (or, with
``{% slot ... as name %}``, a value); a slot with several fillers shows them one after the
other (apps in INSTALLED_APPS order), a slot nobody fills shows nothing.

A template links to a page another app **offers by name**, ``{% link_url "privacy" %}``
(Python: :func:`link_url`); the app says which of its URL names it is, on its AppConfig:
``links = {"privacy": "pages:privacy"}``. Exactly one installed app must offer each name.
The project's own choices are settings instead (``SITE_HOME_URL_NAME``).
"""

from functools import cache

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


@cache
def _fillers():
    table = {}
    for config in apps.get_app_configs():
        for name, filler in getattr(config, "slots", dict)().items():
            table.setdefault(name, []).append(filler)
    return table


def fillers(name):
    """The functions that fill the slot ``name``, in INSTALLED_APPS order."""
    return _fillers().get(name, [])


def fill(context, name, *args):
    """The slot's HTML: every filler's, escaped unless it is safe HTML already."""
    return mark_safe("".join(conditional_escape(f(context, *args)) for f in fillers(name)))  # noqa: S308


@cache
def _links():
    offered = {}
    for config in apps.get_app_configs():
        for name, url_name in getattr(config, "links", {}).items():
            if name in offered:
                raise ImproperlyConfigured(f"Two apps offer the page {name!r}.")
            offered[name] = url_name
    return offered


def link_url(name, *args, **kwargs):
    """The address of the page an installed app offers as ``name``."""
    try:
        url_name = _links()[name]
    except KeyError:
        raise ImproperlyConfigured(f"No installed app offers the page {name!r}.") from None
    return reverse(url_name, args=args or None, kwargs=kwargs or None)


def slot_names():
    """Every slot some app fills (for the architecture test)."""
    return set(_fillers())


def link_names():
    """Every page name some app offers (for the architecture test)."""
    return set(_links())
