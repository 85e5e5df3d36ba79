from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "careers.articles"
    label = "articles"
    verbose_name = _("Career articles")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401  (connects cache invalidation)
        from .permissions import setup_after_migrate

        post_migrate.connect(setup_after_migrate, dispatch_uid="articles_setup_editor_group")

    def robots_disallow(self):
        """robots.txt: the read beacon (``/okundu/<token>/``) is no page to crawl."""
        from django.urls import reverse

        return [reverse("articles:read_beacon", kwargs={"token": "-"}).removesuffix("-/")]
