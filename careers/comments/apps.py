from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from careers.site.editors import crud


class CommentsConfig(AppConfig):
    name = "careers.comments"
    label = "comments"
    verbose_name = _("Visitors' comments")
    #: Editors moderate: the comments (the pending queue checks these too) and the blocklist of
    #: words that hold a comment or mark it as spam (careers.site.editors).
    editor_permissions = (
        "view_comment",
        "change_comment",
        "delete_comment",
        "can_moderate",
        *crud("blockedword"),
    )

    def ready(self):
        from . import signals  # noqa: F401  (page cache invalidation on approval/removal)

    def slots(self):
        """The article's contents line and its comment section (careers/site/slots.py)."""
        from .templatetags.comments import comment_section, comment_toc_entry

        return {"article-contents": comment_toc_entry, "article-end": comment_section}
