"""The site-wide addresses every deployment has (included by the project's urls)."""

from django.urls import path

from . import views
from .cache import cache_public_page

urlpatterns = [
    path("durum/", views.health, name="health"),
    path("durum/hazir/", views.ready, name="ready"),
    path("robots.txt", cache_public_page(views.robots_txt), name="robots_txt"),
]
