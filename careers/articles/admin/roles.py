"""The article's one editor screen: every section, with inlines for its rows."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from careers.site.admin_search import TurkishSearchMixin

from ..models import RelatedRole, Responsibility, Role, RoleSkill, Status, Trend
from ..review import changes as review_values
from .common import MARKDOWN_WIDGETS, EditorHelpMixin
from .extensions import ExtensibleRoleAdminMixin
from .forms import (
    PrefetchedAutocompleteFormSet,
    PrefetchedAutocompleteSelect,
    RoleAdminForm,
)
from .history import ArticleHistoryMixin
from .review import HOLD, PUBLISH, ReviewedAdminMixin


class ResponsibilityInline(EditorHelpMixin, admin.TabularInline):
    model = Responsibility
    fields = ["text", "order"]
    extra = 1
    verbose_name_plural = gettext_lazy("Duties (the list under “Sorumlulukları ve Görevleri”)")


class AutocompleteInlineMixin:
    """Autocomplete fields whose selected options come from the inline's own rows."""

    formset = PrefetchedAutocompleteFormSet

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = PrefetchedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.prefetch_fields = tuple(self.autocomplete_fields)
        return formset


class RelatedRoleInline(EditorHelpMixin, AutocompleteInlineMixin, admin.TabularInline):
    model = RelatedRole
    fk_name = "from_role"
    fields = ["to_role", "placement", "order"]
    autocomplete_fields = ["to_role"]
    extra = 1
    verbose_name_plural = gettext_lazy("Related roles and “En Popüler” links")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("from_role", "to_role")


class RoleSkillInline(EditorHelpMixin, AutocompleteInlineMixin, admin.StackedInline):
    model = RoleSkill
    fields = ["skill", "label", "body", "order"]
    autocomplete_fields = ["skill"]
    formfield_overrides = MARKDOWN_WIDGETS
    extra = 1
    verbose_name_plural = gettext_lazy("Skills (“Olmak İçin Gerekli Beceriler”)")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("skill")


class TrendInline(EditorHelpMixin, admin.StackedInline):
    model = Trend
    fields = ["title", "body", "order"]
    formfield_overrides = MARKDOWN_WIDGETS
    extra = 1
    verbose_name_plural = gettext_lazy("Trends (“Mesleki Gelişme”)")


@admin.register(Role)
class RoleAdmin(
    ReviewedAdminMixin,
    ExtensibleRoleAdminMixin,
    ArticleHistoryMixin,
    EditorHelpMixin,
    TurkishSearchMixin,
    SimpleHistoryAdmin,
):
    """The article's screen; apps built on articles add to it through
    :mod:`.extensions`. With the editorial review on, a change to a published article (and a
    draft's publication) waits for review (:mod:`.review`)."""

    form = RoleAdminForm
    formfield_overrides = MARKDOWN_WIDGETS
    list_display = ["title", "sector", "status_display", "updated_at", "site_link"]
    list_filter = ["sector", "status"]
    search_fields = ["title", "alternative_titles", "slug", "summary"]
    search_help_text = gettext_lazy("Search titles, other names, web addresses and summaries.")
    list_select_related = ["sector"]
    autocomplete_fields = ["author"]
    prepopulated_fields = {"slug": ["title"]}
    list_per_page = 50
    save_on_top = True
    #: The rows whose revisions the article's history page shows (``{model: label}``).
    history_models = {
        Responsibility: None,
        RoleSkill: None,
        Trend: None,
        RelatedRole: None,
    }
    inlines = [
        ResponsibilityInline,
        RelatedRoleInline,
        RoleSkillInline,
        TrendInline,
    ]
    fieldsets = [
        (
            gettext_lazy("Title and introduction"),
            {
                "fields": [
                    "title",
                    "slug",
                    "alternative_titles",
                    "sector",
                    "summary",
                    "lead",
                    "intro",
                ]
            },
        ),
        (
            gettext_lazy("Responsibilities and duties"),
            {
                "fields": ["responsibilities_intro"],
                "description": gettext_lazy("The duties themselves are listed further down."),
            },
        ),
        (
            gettext_lazy("Salary"),
            {
                "fields": ["salary_intro", "outlook", "outlook_text", "salary_footnote"],
                "description": gettext_lazy(
                    "The figures of each year are entered in “Salary figures” further down."
                ),
            },
        ),
        (
            gettext_lazy("Requirements and qualifications"),
            {"fields": ["requirements_intro", "education", "training", "certifications"]},
        ),
        (gettext_lazy("Skills"), {"fields": ["skills_intro"]}),
        (gettext_lazy("Working conditions"), {"fields": ["work_environment"]}),
        (gettext_lazy("Professional development"), {"fields": ["trends_intro"]}),
        (gettext_lazy("How to become one"), {"fields": ["how_to_become", "career_path"]}),
        (gettext_lazy("Article image"), {"fields": ["image", "image_alt"]}),
        (
            gettext_lazy("Publishing"),
            {"fields": ["author", "status", "published_at", "comments_open"]},
        ),
    ]

    @admin.display(description=gettext_lazy("status"), ordering="status")
    def status_display(self, role):
        if role.status == Status.PUBLISHED and not role.is_public:
            return _("Scheduled")
        return role.get_status_display()

    @admin.display(description=gettext_lazy("on the site"))
    def site_link(self, role):
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            role.get_absolute_url(),
            _("See it on the site"),
        )

    # --- The editorial review (.review) ---------------------------------------------------

    def review_mode(self, request, obj, form, change):
        """A published article's change is held; a draft's publication waits (its other
        changes are written: drafts are edited freely); unpublishing is at once."""
        if obj.status != Status.PUBLISHED:
            return None
        was = form.initial.get("status") if change else None
        return HOLD if was == Status.PUBLISHED else PUBLISH

    def review_is_public(self, role):
        return role.status == Status.PUBLISHED

    def hold_publication(self, request, role, form, change):
        published_at = Role._meta.get_field("published_at")
        typed = form.cleaned_data.get("published_at")  # empty: published when approved
        role.status = Status.DRAFT
        return {
            "status": [Status.DRAFT.value, Status.PUBLISHED.value],
            "published_at": [
                review_values.value_of(role, published_at),
                review_values.to_json(published_at, typed),
            ],
        }
