"""Authors' profiles and the published corrections in the admin.

Editors pick an article's author and keep their own profile; "Yayın kurulu" keeps every
profile (and links it to a staff account) and may fix the wording of a published correction
or remove one. A profile's photo goes through the same checks as the article image.
"""

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy

from careers import turkish
from careers.site.admin_search import TurkishSearchMixin

from ..models import Author, Correction
from ..review import workflow
from .common import EditorHelpMixin
from .forms import TurkishSlugField, VerifiedImageField


class AuthorForm(forms.ModelForm):
    class Meta:
        model = Author
        fields = ["name", "slug", "expertise", "bio", "photo", "user"]
        field_classes = {"photo": VerifiedImageField, "slug": TurkishSlugField}
        widgets = {"bio": forms.Textarea(attrs={"rows": 4, "cols": 80})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False  # filled in from the name

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("slug") and cleaned.get("name"):
            cleaned["slug"] = turkish.slugify(cleaned["name"], max_length=140)
            self.instance.slug = cleaned["slug"]
        return cleaned


@admin.register(Author)
class AuthorAdmin(EditorHelpMixin, TurkishSearchMixin, admin.ModelAdmin):
    form = AuthorForm
    list_display = ["name", "expertise", "user", "article_count"]
    list_select_related = ["user"]
    search_fields = ["name", "slug", "expertise"]
    search_help_text = gettext_lazy("Search names, web addresses and expertise.")
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_total=Count("articles"))

    @admin.display(description=gettext_lazy("articles"), ordering="article_total")
    def article_count(self, author):
        return author.article_total

    def get_readonly_fields(self, request, obj=None):
        # Only the editorial board links a profile to a sign-in account (whose approvals
        # then name it): an editor could otherwise sign others' reviews.
        return [] if workflow.can_review(request.user) else ["user"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user":
            kwargs["queryset"] = db_field.related_model.objects.filter(is_staff=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None or workflow.can_review(request.user):
            return allowed
        return obj.user_id == request.user.pk  # an editor keeps their own profile


@admin.register(Correction)
class CorrectionAdmin(TurkishSearchMixin, admin.ModelAdmin):
    list_display = ["created_at", "role", "text"]
    list_select_related = ["role"]
    search_fields = ["text", "role__title"]
    fields = ["role", "created_at", "text"]
    readonly_fields = ["role", "created_at"]

    def has_add_permission(self, request):
        return False  # a correction is written when a reviewer approves the change
