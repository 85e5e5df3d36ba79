"""The site-wide addresses every deployment has (included by the project's urls)."""

from django.urls import path

from . import cards, views
from .pagecache import cache_public_page

urlpatterns = [
    path("durum/", views.health, name="health"),
    path("durum/hazir/", views.ready, name="ready"),
    path("robots.txt", cache_public_page(views.robots_txt), name="robots_txt"),
    path(f"kart-{cards.DESIGN}.png", views.default_card, name="default_card"),
    path("manifest.webmanifest", cache_public_page(views.manifest), name="manifest"),
]
