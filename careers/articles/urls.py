from django.urls import path, re_path

from careers.site.pagecache import cache_public_page

from . import cards, keys, reads, views
from .feeds import CorrectionsAtomFeed, CorrectionsFeed, LatestRolesAtomFeed, LatestRolesFeed

FEED_KEYS = (keys.ROLES, keys.SECTORS, keys.SKILLS)  # what the feeds list

app_name = "articles"
CORRECTION_FEED_KEYS = (keys.CORRECTIONS, keys.ROLES)  # an unpublished article leaves them

urlpatterns = [
    path("", views.home, name="home"),
    path("meslekler/", views.role_list, name="role_list"),
    path("meslekler/<slug:slug>/", views.role_detail, name="role_detail"),
    re_path(
        r"^meslekler/(?P<slug>[-a-zA-Z0-9_]+)/kart-(?P<version>[0-9a-f]{12})\.png$",
        cards.role_card,
        name="role_card",
    ),
    path("sektorler/<slug:slug>/", views.sector_detail, name="sector_detail"),
    path("beceriler/", views.skill_list, name="skill_list"),
    path("beceriler/<slug:slug>/", views.skill_detail, name="skill_detail"),
    path("okundu/<str:token>/", reads.read_beacon, name="read_beacon"),
    path("besleme/rss/", cache_public_page(LatestRolesFeed(), keys=FEED_KEYS), name="feed_rss"),
    path(
        "besleme/atom/",
        cache_public_page(LatestRolesAtomFeed(), keys=FEED_KEYS),
        name="feed_atom",
    ),
    path("yazarlar/<slug:slug>/", views.author_detail, name="author_detail"),
    path("duzeltmeler/", views.corrections, name="corrections"),
    path(
        "duzeltmeler/rss/",
        cache_public_page(CorrectionsFeed(), keys=CORRECTION_FEED_KEYS),
        name="corrections_rss",
    ),
    path(
        "duzeltmeler/atom/",
        cache_public_page(CorrectionsAtomFeed(), keys=CORRECTION_FEED_KEYS),
        name="corrections_atom",
    ),
]
