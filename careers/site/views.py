"""Views every deployment has, whatever the content: health and robots.txt."""

from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from . import seo


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
