from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from markdownx.models import MarkdownxField
from simple_history.admin import SimpleHistoryAdmin

from careers.articles.forms import EditorMarkdownxWidget

from .models import PageKind, SimplePage


@admin.register(SimplePage)
class SimplePageAdmin(SimpleHistoryAdmin):
    """The three pages exist from the first ``migrate`` on; editors change their text. A page
    deleted by mistake (only superusers may delete) can be added again."""

    list_display = ["title", "kind", "updated_at", "site_link"]
    fields = ["kind", "title", "summary", "body"]
    formfield_overrides = {MarkdownxField: {"widget": EditorMarkdownxWidget}}
    history_list_display = ["title"]

    def get_readonly_fields(self, request, obj=None):
        return ["kind"] if obj is not None else []

    def has_add_permission(self, request):
        existing = set(SimplePage.objects.values_list("kind", flat=True))
        return super().has_add_permission(request) and bool(set(PageKind.values) - existing)

    @admin.display(description=gettext_lazy("on the site"))
    def site_link(self, page):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            page.get_absolute_url(),
            _("See it on the site"),
        )
