"""RSS and Atom feeds: new and updated articles, newest change first; the corrections log.

Every date is written in the site's time (Europe/Istanbul, ``+03:00``), as the pages and the
sitemap write them: the database hands them over in UTC, which Django's feed generators
would write as it is (``+0000``).
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from careers.site import seo

from . import listing
from .models import Correction

FEED_SIZE = 20  # the last changes readers' feed readers fetch


def local(moment):
    return timezone.localtime(moment) if moment is not None else None


class LocalDates:
    """A feed generator whose own date (lastBuildDate, the feed's updated: now when the feed
    is empty) is in the site's time too."""

    def latest_post_date(self):
        return local(super().latest_post_date())


class RssFeed(LocalDates, Rss201rev2Feed):
    pass


class AtomFeed(LocalDates, Atom1Feed):
    pass


class LatestRolesFeed(Feed):
    feed_type = RssFeed
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
        return local(role.published_at)

    def item_updateddate(self, role):
        return local(role.last_modified)

    def item_categories(self, role):
        return [role.sector.name]

    def item_author_name(self, role):
        return seo.SITE_NAME


class LatestRolesAtomFeed(LatestRolesFeed):
    feed_type = AtomFeed
    subtitle = LatestRolesFeed.description

    def feed_url(self):
        return seo.absolute(reverse("articles:feed_atom"))


class CorrectionsFeed(Feed):
    feed_type = RssFeed
    title = _("Meslek Rehberi: corrections")
    description = _("Corrections to our articles, newest first: what was wrong and what is right.")
    language = "tr"

    def link(self):
        return seo.absolute(reverse("articles:corrections"))

    def feed_url(self):
        return seo.absolute(reverse("articles:corrections_rss"))

    def items(self):
        return (
            Correction.objects.published()
            .select_related("role")
            .order_by("-created_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, correction):
        return _("Correction: %(title)s") % {"title": correction.role.title}

    def item_description(self, correction):
        return correction.text

    def item_link(self, correction):
        return seo.absolute(correction.role.get_absolute_url()) + "#duzeltmeler"

    def item_guid(self, correction):
        return seo.absolute(reverse("articles:corrections")) + f"#duzeltme-{correction.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, correction):
        return local(correction.created_at)

    item_updateddate = item_pubdate  # Atom requires it; a correction is not changed later

    def item_author_name(self, correction):
        return seo.SITE_NAME


class CorrectionsAtomFeed(CorrectionsFeed):
    feed_type = AtomFeed
    subtitle = CorrectionsFeed.description

    def feed_url(self):
        return seo.absolute(reverse("articles:corrections_atom"))
