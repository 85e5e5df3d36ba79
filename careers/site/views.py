"""Views every deployment has, whatever the content: health, robots.txt, the default social
card and the web app manifest."""

import json
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import cards, seo


def health(request):
    """Liveness: a view that does nothing (also the floor the benchmarks compare pages with)."""
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /yonetim/",
        "Disallow: /markdownx/",
        "Disallow: /okundu/",  # the articles' read beacon
        f"Disallow: {reverse('search:search')}",
        "",
        f"Sitemap: {seo.absolute(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def default_card(request):
    """The card of every page that has none of its own (its address names the design)."""
    return cards.png_response(
        "default",
        lambda: cards.render(
            title=_("What each occupation does, what it pays and how to get there"),
            kicker=_("Careers and salaries"),
            site_name=seo.SITE_NAME,
            site_host=urlsplit(settings.SITE_URL).hostname or "",
        ),
    )


def manifest(request):
    """The web app manifest: name, colours and icons (their hashed static addresses)."""
    data = {
        "name": seo.SITE_NAME,
        "short_name": seo.SITE_NAME,
        "description": _(
            "What each occupation does, what it pays, which skills it asks for and how to "
            "get there."
        ),
        "lang": "tr",
        "dir": "ltr",
        "start_url": "/",
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": seo.THEME_COLOR,
        "icons": [
            {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("icons/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
            {"src": static("favicon.svg"), "sizes": "any", "type": "image/svg+xml"},
        ],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1),
        content_type="application/manifest+json; charset=utf-8",
    )
