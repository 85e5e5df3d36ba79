"""RSS and Atom feeds of new and updated articles, newest change first."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from careers.site import seo

from . import listing

FEED_SIZE = 20  # the last changes readers' feed readers fetch


class LatestRolesFeed(Feed):
    title = _("Meslek Rehberi: new and updated occupations")
    description = _("Career articles as they are published and updated, salaries included.")
    language = "tr"

    def link(self):
        return seo.absolute(reverse("articles:home"))

    def feed_url(self):
        return seo.absolute(reverse("articles:feed_rss"))

    def items(self):
        return listing.recently_changed(FEED_SIZE)

    def item_title(self, role):
        return role.title

    def item_description(self, role):
        return role.summary

    def item_link(self, role):
        return seo.absolute(role.get_absolute_url())

    def item_guid(self, role):
        return seo.absolute(role.get_absolute_url())

    def item_pubdate(self, role):
        return role.published_at

    def item_updateddate(self, role):
        return role.last_modified

    def item_categories(self, role):
        return [role.sector.name]

    def item_author_name(self, role):
        return seo.SITE_NAME


class LatestRolesAtomFeed(LatestRolesFeed):
    feed_type = Atom1Feed
    subtitle = LatestRolesFeed.description

    def feed_url(self):
        return seo.absolute(reverse("articles:feed_atom"))
