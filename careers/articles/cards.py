"""Each article's social card (og:image): title, sector, the latest average salary with its
year and the site's name, drawn by :mod:`careers.site.cards`.

The card's address carries a version, a hash of exactly what the card shows: when the title,
the sector or the latest figures change, the article points to a new address and the new
card is drawn on its first request; an address can therefore be cached for a year
(``immutable``) by browsers, the front cache and the sites that fetched it. An old address
redirects to the current card, so a link shared long ago still shows a picture.
"""

import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from careers import turkish
from careers.site import cards, seo
from careers.site.cache import cache_public_page

from .models import Role

YEAR_SECONDS = 365 * 24 * 60 * 60


def latest_band(bands):
    return max(bands, key=lambda band: band.year, default=None)


def facts(role, bands):
    """What the card shows, as the strings it draws."""
    band = latest_band(bands)
    figure = ""
    if band is not None:
        figure = _("%(year)s average salary: %(amount)s") % {
            "year": band.year,
            "amount": turkish.format_money(band.average),
        }
    return {"title": role.title, "kicker": role.sector.name, "figure": figure}


def card_version(shown):
    text = "\n".join([str(cards.DESIGN), shown["title"], shown["kicker"], shown["figure"]])
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def card_url(role, bands):
    """The card's absolute address for an article whose salary bands are at hand."""
    path = reverse(
        "articles:role_card",
        kwargs={"slug": role.slug, "version": card_version(facts(role, bands))},
    )
    return seo.absolute(path)


def card_alt(role, bands):
    shown = facts(role, bands)
    return " · ".join(part for part in (shown["title"], shown["kicker"], shown["figure"]) if part)


@cache_public_page
def role_card(request, slug, version):
    """The PNG (two queries: the role with its sector, its bands)."""
    role = Role.objects.published().select_related("sector").filter(slug=slug).first()
    if role is None:
        raise Http404
    bands = list(role.salary_bands.all())
    shown = facts(role, bands)
    current = card_version(shown)
    if version != current:
        return HttpResponseRedirect(
            reverse("articles:role_card", kwargs={"slug": slug, "version": current})
        )
    png = cards.render(
        **shown, site_name=seo.SITE_NAME, site_host=urlsplit(settings.SITE_URL).hostname or ""
    )
    response = HttpResponse(png, content_type="image/png")
    patch_cache_control(response, public=True, max_age=YEAR_SECONDS, immutable=True)
    return response
