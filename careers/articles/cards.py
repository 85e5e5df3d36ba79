"""Each article's social card (og:image): title, sector, the latest average salary with its
year and the site's name, drawn by :mod:`careers.site.cards`.

The card's address carries a version, a hash of exactly what the card shows: when the title,
the sector or the latest figures change, the article points to a new address and the new
card is drawn on its first request; an address can therefore be cached for a year
(``immutable``) by browsers, the front cache and the sites that fetched it, and the drawing is
kept in the app's cache under it (:func:`careers.site.cards.png_response`). An old address
redirects to the current card, so a link shared long ago still shows a picture.

Not a job: drawing a card takes about 40 ms, once per version, and only the first fetch of a
new version (a crawler unfurling a shared link, not a reader) waits for it. Drawing every
changed card in the job queue instead would draw cards nobody fetches (a yearly salary import
changes thousands) and put minutes of drawing in the queue ahead of purges and mail.
"""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from careers import turkish
from careers.site import cards, seo

from .models import Role


def facts(role):
    """What the card shows, as the strings it draws (the latest salary is on the role)."""
    figure = ""
    if role.salary_year is not None:
        figure = _("%(year)s average salary: %(amount)s") % {
            "year": role.salary_year,
            "amount": turkish.format_money(role.salary_average),
        }
    return {"title": role.title, "kicker": role.sector.name, "figure": figure}


def card_version(shown):
    text = "\n".join([str(cards.DESIGN), shown["title"], shown["kicker"], shown["figure"]])
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def card_url(role):
    """The card's absolute address."""
    path = reverse(
        "articles:role_card", kwargs={"slug": role.slug, "version": card_version(facts(role))}
    )
    return seo.absolute(path)


def card_alt(role):
    shown = facts(role)
    return " · ".join(part for part in (shown["title"], shown["kicker"], shown["figure"]) if part)


def role_card(request, slug, version):
    """The PNG (one query, to check the article is public and the name current; the drawing
    itself is kept in the cache under its versioned name)."""
    role = Role.objects.published().select_related("sector").filter(slug=slug).first()
    if role is None:
        raise Http404
    shown = facts(role)
    current = card_version(shown)
    if version != current:
        return HttpResponseRedirect(
            reverse("articles:role_card", kwargs={"slug": slug, "version": current})
        )
    host = urlsplit(settings.SITE_URL).hostname or ""
    return cards.png_response(
        f"{slug}-{version}",
        lambda: cards.render(**shown, site_name=seo.SITE_NAME, site_host=host),
    )
