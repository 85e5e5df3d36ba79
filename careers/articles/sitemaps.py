"""sitemap.xml: every public page, with the date its content really last changed."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem
from django.db.models import Count, Max
from django.template.response import TemplateResponse
from django.urls import reverse

from careers.site import seo

from . import listing
from .freshness import with_last_modified
from .models import Role, Sector, Skill, published_q


class SiteSitemap(Sitemap):
    """Absolute addresses on ``SITE_URL``, whatever host the request came in on."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    grows = False  # whether the section may need more than one page of ``limit`` URLs

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_latest_lastmod(self):
        """The index's lastmod of every section: the site's latest change, an article's or its
        salary figures' (two index lookups, not every role)."""
        published = Role.objects.published()
        latest = [
            published.filter(**{f"{field}__isnull": False})
            .order_by(f"-{field}")
            .values_list(field, flat=True)
            .first()
            for field in ("updated_at", "salary_updated_at")
        ]
        return max(filter(None, latest), default=None)


class RoleSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.8
    grows = True
    # Sections of 100 addresses (the protocol allows 50,000): each stays small (~15 KB) and
    # is rendered afresh within the public pages' 20 ms at 10,000 roles (200 took ~25 ms).
    limit = 100

    @property
    def paginator(self):
        """Told the number of roles by the cached counts (no COUNT over every role)."""
        total = sum(count for _letter, count in listing.letters())
        return listing.CountedPaginator(self._items(), self.limit, total)

    def items(self):
        return _RolePages()

    def lastmod(self, role):
        return role.last_modified


class _RolePages:
    """Published roles by address, fetched a section page at a time in one query: the page's
    addresses are read from the slug index first (skipping earlier pages costs index entries
    only: the page's ids would have cost PostgreSQL a row read for every role skipped, 78 ms
    for page 90 at 10,000 roles, 7 ms by address), then the page's last changes are computed
    in SQL for those rows alone."""

    def __getitem__(self, page):
        published = Role.objects.published().order_by("slug")
        slugs = published.values("slug")[page]
        roles = Role.objects.filter(slug__in=slugs).only("pk", "slug", "updated_at")  # no texts
        return list(with_last_modified(roles).order_by("slug"))


class SectorSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return list(
            Sector.objects.annotate(
                role_count=Count("roles", filter=published_q("roles__"), distinct=True),
                roles_updated=Max("roles__updated_at", filter=published_q("roles__")),
                salaries_updated=Max("roles__salary_updated_at", filter=published_q("roles__")),
            )
            .filter(role_count__gt=0)
            .order_by("slug")
        )

    def lastmod(self, sector):
        return max(filter(None, [sector.roles_updated, sector.salaries_updated]))


class SkillSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        return list(
            Skill.objects.annotate(
                role_count=Count(
                    "role_skills", filter=published_q("role_skills__role__"), distinct=True
                ),
                roles_updated=Max(
                    "role_skills__role__updated_at", filter=published_q("role_skills__role__")
                ),
            )
            .filter(role_count__gt=0)
            .order_by("slug")
        )

    def lastmod(self, skill):
        return skill.roles_updated


class ListSitemap(SiteSitemap):
    """Lists whose content changes with every article: home, A–Z, skills (the project's
    urls.py adds the lists of apps built on articles, e.g. the salary comparison)."""

    changefreq = "daily"
    priority = 0.7
    names = ("articles:home", "articles:role_list", "articles:skill_list")

    def items(self):
        return list(self.names)

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "lists": ListSitemap,
    "roles": RoleSitemap,
    "sectors": SectorSitemap,
    "skills": SkillSitemap,
}


def sitemap_index(request, sitemaps, section_url_name):
    """``sitemap.xml``: one entry per section page (``limit`` URLs at most each), on
    ``SITE_URL`` whatever host the request came in on (Django's own index view would use
    the request's host). The project names the sections' address (``section_url_name``), as
    it does for Django's own index view (``sitemap_url_name``)."""
    entries, lastmod = [], None
    for section, sitemap_class in sitemaps.items():
        site = sitemap_class()
        lastmod = lastmod or site.get_latest_lastmod()  # the site's latest change, once
        location = seo.absolute(reverse(section_url_name, kwargs={"section": section}))
        # Only roles grow with the site; sectors and skills always fit in one section page.
        pages = site.paginator.num_pages if site.grows else 1
        for page in range(1, pages + 1):
            entries.append(SitemapIndexItem(location + (f"?p={page}" if page > 1 else ""), lastmod))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": entries}, content_type="application/xml"
    )
