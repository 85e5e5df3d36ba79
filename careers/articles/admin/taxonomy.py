"""Sectors and skills in the admin."""

from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy

from careers.site.admin_search import TurkishSearchMixin

from ..models import Sector, Skill
from .common import MARKDOWN_WIDGETS, EditorHelpMixin


@admin.register(Sector)
class SectorAdmin(EditorHelpMixin, TurkishSearchMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "role_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(role_total=Count("roles")).order_by("name")

    @admin.display(description=gettext_lazy("roles"), ordering="role_total")
    def role_count(self, sector):
        return sector.role_total


@admin.register(Skill)
class SkillAdmin(EditorHelpMixin, TurkishSearchMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "role_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = MARKDOWN_WIDGETS

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(role_total=Count("role_skills")).order_by("name")
        )

    @admin.display(description=gettext_lazy("roles"), ordering="role_total")
    def role_count(self, skill):
        return skill.role_total
