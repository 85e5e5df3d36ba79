"""sitemap.xml: every public page, with the date its content really last changed."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max
from django.urls import reverse

from .freshness import with_last_modified
from .models import Role, Sector, Skill, published_q


class SiteSitemap(Sitemap):
    """Absolute addresses on ``SITE_URL``, whatever host the request came in on."""

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme or "https"

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc


class RoleSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.8

    def items(self):
        # Lists, not querysets: the sitemap's paginator then needs no COUNT query.
        return list(with_last_modified(Role.objects.published()).order_by("slug"))

    def lastmod(self, role):
        return role.last_modified


class SectorSitemap(SiteSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return list(
            Sector.objects.annotate(
                role_count=Count("roles", filter=published_q("roles__"), distinct=True),
                roles_updated=Max("roles__updated_at", filter=published_q("roles__")),
                bands_updated=Max("roles__salary_bands__updated_at", filter=published_q("roles__")),
            )
            .filter(role_count__gt=0)
            .order_by("slug")
        )

    def lastmod(self, sector):
        return max(filter(None, [sector.roles_updated, sector.bands_updated]))


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
    """Home, A–Z and the salary comparison (their content changes with every article)."""

    changefreq = "daily"
    priority = 0.7

    def items(self):
        return ["articles:home", "articles:role_list", "articles:salaries", "articles:skill_list"]

    def location(self, name):
        return reverse(name)


SITEMAPS = {
    "lists": ListSitemap,
    "roles": RoleSitemap,
    "sectors": SectorSitemap,
    "skills": SkillSitemap,
}
