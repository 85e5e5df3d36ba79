from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CompareConfig(AppConfig):
    """Two or three roles side by side (built on articles and search; nothing imports it)."""

    name = "careers.compare"
    label = "compare"
    verbose_name = _("Comparisons")

    def slots(self):
        """The article's link to the picker and its related cards' "Karşılaştır" links
        (careers/site/slots.py)."""
        from .templatetags.compare import compare_article_link, compare_card_link

        return {"article-after-salary": compare_article_link, "related-card": compare_card_link}
