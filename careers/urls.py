from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from careers.articles import keys, uploads
from careers.articles.sitemaps import SITEMAPS as ARTICLE_SITEMAPS
from careers.articles.sitemaps import ListSitemap, sitemap_index
from careers.site.pagecache import cache_public_page

admin.site.site_header = _("Meslek Rehberi editor")
admin.site.site_title = _("Meslek Rehberi")
admin.site.index_title = _("Content")
admin.site.site_url = "/"

LISTS = (keys.ROLES, keys.SECTORS, keys.SKILLS)  # what the sitemap lists


class Lists(ListSitemap):
    """The lists of every app, in the order the sitemap gives them."""

    names = ("articles:home", "articles:role_list", "salaries:list", "articles:skill_list")


SITEMAPS = {**ARTICLE_SITEMAPS, "lists": Lists}

urlpatterns = [
    path(settings.ADMIN_PATH, admin.site.urls),
    # markdownx's own views answer anyone and store any file: staff-only, checked wrappers
    # under the same names, so the editor widget keeps working (see articles/uploads.py).
    path("markdownx/upload/", uploads.upload_image, name="markdownx_upload"),
    path("markdownx/markdownify/", uploads.markdownify, name="markdownx_markdownify"),
    path("yorumlar/", include("careers.comments.urls")),
    # An index of sections, each at most 50,000 addresses (paginated with ?p=).
    path(
        "sitemap.xml",
        cache_public_page(sitemap_index, keys=LISTS),
        {"sitemaps": SITEMAPS, "section_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_public_page(sitemap, params=("p",), keys=LISTS),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("", include("careers.site.urls")),
    path("", include("careers.api.urls")),
    path("", include("careers.search.urls")),
    path("", include("careers.pages.urls")),
    path("", include("careers.compare.urls")),
    path("", include("careers.salaries.urls")),
    path("", include("careers.articles.urls")),
]

# A database outage raised outside a view is answered with the 503 page too.
handler500 = "careers.site.outage.server_error"

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
