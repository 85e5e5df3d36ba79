from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from careers.site.editors import crud


class ArticlesConfig(AppConfig):
    name = "careers.articles"
    label = "articles"
    verbose_name = _("Career articles")
    #: Editors write and publish articles (any add/change permission here also lets them
    #: upload images) and read the revisions; reverting an article goes through its change
    #: form, so it needs change_role and nothing more (careers.site.editors).
    editor_permissions = (
        *crud("sector", "skill", "role", "responsibility", "roleskill", "trend", "relatedrole"),
        *(
            f"view_historical{model}"
            for model in ("role", "responsibility", "roleskill", "trend", "relatedrole")
        ),
    )

    def ready(self):
        from . import signals  # noqa: F401  (connects cache invalidation)

    def robots_disallow(self):
        """robots.txt: the read beacon (``/okundu/<token>/``) is no page to crawl."""
        from django.urls import reverse

        return [reverse("articles:read_beacon", kwargs={"token": "-"}).removesuffix("-/")]
