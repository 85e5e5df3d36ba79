"""What every editor screen shares: help texts, Markdown widgets and salary warnings."""

from django.contrib import admin, messages
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from markdownx.models import MarkdownxField

from careers import turkish

from .. import quality
from ..models import MinimumWage
from .amounts import TurkishAmountField
from .forms import EditorMarkdownxWidget

MARKDOWN_WIDGETS = {MarkdownxField: {"widget": EditorMarkdownxWidget}}


def show_warnings(request, warnings):
    for warning in warnings:
        messages.warning(
            request,
            _("%(band)s: %(message)s") % {"band": warning.band, "message": warning.message},
        )


def warnings_for_role(role):
    """Salary warnings of one role's bands (two queries)."""
    bands = list(role.salary_bands.all())
    for band in bands:
        band.role = role
    return quality.warnings_for_bands(bands, MinimumWage.objects.table())


# --- Help for every field -------------------------------------------------------------------

#: Help texts for the fields whose model gives none (the models' own texts are kept).
EDITOR_HELP = {
    ("skill", "slug"): gettext_lazy(
        "The skill's web address. Filled in from the name; change it rarely."
    ),
    ("responsibility", "order"): gettext_lazy("Position in the list: smaller numbers first."),
    ("roleskill", "skill"): gettext_lazy(
        "Type to find a shared skill; add a new one with the plus sign."
    ),
    ("roleskill", "order"): gettext_lazy("Position in the list: smaller numbers first."),
    ("trend", "title"): gettext_lazy("A short heading for the trend, e.g. “Yapay zekâ”."),
    ("trend", "order"): gettext_lazy("Position in the list: smaller numbers first."),
    ("relatedrole", "to_role"): gettext_lazy("Type to find the article to link to."),
    ("relatedrole", "order"): gettext_lazy("Position in the list: smaller numbers first."),
    ("salaryband", "role"): gettext_lazy("Type to find the role these figures describe."),
    ("salaryband", "source_url"): gettext_lazy(
        "Optional. The web page the figures come from, starting with https://."
    ),
}


class EditorHelpMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        if isinstance(db_field, models.DecimalField):
            # Every amount (inlines, the editable salary list, minimum wage) the Turkish way.
            kwargs.setdefault("form_class", TurkishAmountField)
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        blank_message = (getattr(db_field, "_error_messages", None) or {}).get("blank")
        if field is not None and blank_message:  # the model's own message for a required field
            field.error_messages["required"] = blank_message
        help_text = EDITOR_HELP.get((db_field.model._meta.model_name, db_field.name))
        if field is not None and help_text and not field.help_text:
            field.help_text = help_text
        return field


def amount_column(model, name):
    """A list column showing ``model``'s amount field ``name`` the Turkish way ("28.075,50"
    where Django would show "28075,50")."""

    def column(admin_self, obj):
        value = getattr(obj, name)
        return "–" if value is None else turkish.format_number(value)

    column.__name__ = f"{name}_tr"
    description = model._meta.get_field(name).verbose_name
    return admin.display(description=description, ordering=name)(column)
