from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "careers.pages"
    label = "pages"
    verbose_name = _("Site pages")

    def ready(self):
        from . import signals  # noqa: F401  (connects cache invalidation)
