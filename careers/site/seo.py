"""What search engines and link previews read: title, description, canonical address, Open
Graph, breadcrumbs and JSON-LD. Views build one ``meta`` dict with :func:`page_meta`;
``base.html`` renders it."""

from typing import NamedTuple

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

SITE_NAME = "Meslek Rehberi"
#: The browser's UI colour (theme-color, manifest): the site's accent blue.
THEME_COLOR = "#0b5cad"


class Crumb(NamedTuple):
    name: str
    url: str


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def home_path():
    """The home page (``settings.SITE_HOME_URL_NAME``: the site layer names no app's URL)."""
    return reverse(settings.SITE_HOME_URL_NAME)


def home_crumb():
    return Crumb(_("Home"), home_path())


def organization():
    return {"@type": "Organization", "name": SITE_NAME, "url": absolute("/")}


def breadcrumb_list(crumbs):
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": crumb.name, "item": absolute(crumb.url)}
            for i, crumb in enumerate(crumbs, start=1)
        ],
    }


#: ``robots`` values of :func:`page_meta`: a page kept out of the index whose links may be
#: followed (search results), and one whose links may not (an editor's draft preview).
NOINDEX = "noindex, follow"
PRIVATE = "noindex, nofollow"


def default_card():
    """The social card of pages without their own (:mod:`careers.site.cards`, 1200x630)."""
    return absolute(reverse("default_card"))


def page_meta(
    *,
    title,
    description,
    path,
    crumbs=(),
    og_type="website",
    image=None,
    image_alt=None,
    jsonld=(),
    robots=None,
):
    """``crumbs`` after the home page; the last one is the page itself (given its own path).
    ``image``: the page's social card (1200x630 PNG), the site's default card if None.
    ``robots``: None (index the page), :data:`NOINDEX` or :data:`PRIVATE`."""
    crumbs = [home_crumb(), *crumbs] if path != home_path() else [home_crumb()]
    return {
        "title": title,
        "description": description,
        "canonical": absolute(path),
        "og_type": og_type,
        "image": image or default_card(),
        "image_alt": image_alt or SITE_NAME,
        "breadcrumbs": crumbs,
        "jsonld": [*jsonld, breadcrumb_list(crumbs)],
        "robots": robots,
    }


def titled(title):
    """A page title with the site's name after it: ``"Beceriler | Meslek Rehberi"``."""
    return f"{title} | {SITE_NAME}"
