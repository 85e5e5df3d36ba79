from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "careers.articles"
    label = "articles"
    verbose_name = _("Career articles")

    def ready(self):
        from . import signals  # noqa: F401  (connects cache invalidation)
