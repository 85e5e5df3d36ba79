"""What search engines and link previews read: title, description, canonical address, Open
Graph, breadcrumbs and JSON-LD. Views build one ``meta`` dict with :func:`page_meta`;
``base.html`` renders it."""

from typing import NamedTuple

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

SITE_NAME = "Meslek Rehberi"


class Crumb(NamedTuple):
    name: str
    url: str


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def home_crumb():
    return Crumb(_("Home"), reverse("articles:home"))


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


def page_meta(
    *, title, description, path, crumbs=(), og_type="website", image=None, jsonld=(), robots=None
):
    """``crumbs`` after the home page; the last one is the page itself (given its own path).
    ``robots``: None (index the page), :data:`NOINDEX` or :data:`PRIVATE`."""
    crumbs = [home_crumb(), *crumbs] if path != reverse("articles:home") else [home_crumb()]
    return {
        "title": title,
        "description": description,
        "canonical": absolute(path),
        "og_type": og_type,
        "image": image,
        "breadcrumbs": crumbs,
        "jsonld": [*jsonld, breadcrumb_list(crumbs)],
        "robots": robots,
    }


def titled(title):
    """A page title with the site's name after it: ``"Beceriler | Meslek Rehberi"``."""
    return f"{title} | {SITE_NAME}"
