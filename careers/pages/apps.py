from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "careers.pages"
    label = "pages"
    verbose_name = _("Site pages")
    #: The site pages (KVKK notice, contact and imprint, editorial policy): editors change
    #: their text; they neither add nor delete pages (careers.site.editors).
    editor_permissions = ("view_simplepage", "change_simplepage", "view_historicalsimplepage")
    #: The pages other apps link to without naming this one (careers/site/slots.py): the
    #: comment form's privacy notice, the salary figures' "how they are compiled", the
    #: editorial policy (the author pages and the corrections link it).
    links = {
        "privacy": "pages:privacy",
        "methodology": "pages:methodology",
        "editorial": "pages:editorial",
    }

    def ready(self):
        from . import signals  # noqa: F401  (connects cache invalidation)
