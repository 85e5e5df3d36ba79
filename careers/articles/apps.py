from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from careers.site.editors import crud


class ArticlesConfig(AppConfig):
    name = "careers.articles"
    label = "articles"
    verbose_name = _("Career articles")
    #: Editors write and publish articles (any add/change permission here also lets them
    #: upload images) and read the revisions; reverting an article goes through its change
    #: form, so it needs change_role and nothing more (careers.site.editors). With the
    #: editorial review on, their changes wait for review: they see the changes waiting and
    #: the corrections, pick an article's author and change their own profile only.
    editor_permissions = (
        *crud("sector", "skill", "role", "responsibility", "roleskill", "trend", "relatedrole"),
        *(
            f"view_historical{model}"
            for model in ("role", "responsibility", "roleskill", "trend", "relatedrole")
        ),
        "view_revision",
        "view_author",
        "change_author",
        "view_correction",
    )
    #: "Yayın kurulu" can also approve or send back others' changes (review_revision), keep
    #: every author's profile, and fix or remove a published correction note.
    reviewer_permissions = (
        "review_revision",
        "add_author",
        "delete_author",
        "change_correction",
        "delete_correction",
    )

    def ready(self):
        from . import signals  # noqa: F401  (connects cache invalidation)

    def robots_disallow(self):
        """robots.txt: the read beacon (``/okundu/<token>/``) is no page to crawl."""
        from django.urls import reverse

        return [reverse("articles:read_beacon", kwargs={"token": "-"}).removesuffix("-/")]
