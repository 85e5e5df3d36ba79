from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "careers.comments"
    label = "comments"
    verbose_name = _("Visitors' comments")

    def ready(self):
        from . import signals  # noqa: F401  (page cache invalidation on approval/removal)
