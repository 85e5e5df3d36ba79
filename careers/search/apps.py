from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "careers.search"
    label = "search"
    verbose_name = _("Search")
    #: The page every search box sends to, on any app's page (careers/site/slots.py).
    links = {"search": "search:search"}

    def ready(self):
        from . import signals  # noqa: F401  (keeps the index in step with the articles)

    def robots_disallow(self):
        """robots.txt: search results are endless and thin; crawlers get the articles."""
        from django.urls import reverse

        return [reverse("search:search")]
