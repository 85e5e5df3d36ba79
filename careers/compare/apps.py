from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompareConfig(AppConfig):
    """Two or three roles side by side (built on articles and search; nothing imports it)."""

    name = "careers.compare"
    label = "compare"
    verbose_name = _("Comparisons")
