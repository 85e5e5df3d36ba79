from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from markdownx.models import MarkdownxField
from simple_history.admin import SimpleHistoryAdmin

from careers.articles.admin.forms import EditorMarkdownxWidget

from .models import SimplePage


@admin.register(SimplePage)
class SimplePageAdmin(SimpleHistoryAdmin):
    """The pages exist from the first ``migrate`` on; editors change their text (they may not
    add or delete pages). A page deleted by mistake can be added again by a superuser."""

    list_display = ["title", "kind", "updated_at", "site_link"]
    fields = ["kind", "title", "summary", "body"]
    formfield_overrides = {MarkdownxField: {"widget": EditorMarkdownxWidget}}
    history_list_display = ["title"]

    def get_readonly_fields(self, request, obj=None):
        return ["kind"] if obj is not None else []

    @admin.display(description=gettext_lazy("on the site"))
    def site_link(self, page):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            page.get_absolute_url(),
            _("See it on the site"),
        )
