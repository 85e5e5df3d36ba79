"""What every editor screen shares: help texts, Markdown widgets and the model's own messages."""

from django.db import models
from django.utils.translation import gettext_lazy
from markdownx.models import MarkdownxField

from .forms import EditorMarkdownxWidget

MARKDOWN_WIDGETS = {MarkdownxField: {"widget": EditorMarkdownxWidget}}


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
}


class EditorHelpMixin:
    """Every field with help (``EDITOR_HELP``, and an admin's own ``editor_help`` for the
    models of apps built on articles), https:// assumed in addresses, and a required field's
    message from its model."""

    editor_help = {}

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.URLField):
            kwargs.setdefault("assume_scheme", "https")
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        blank_message = (getattr(db_field, "_error_messages", None) or {}).get("blank")
        if field is not None and blank_message:  # the model's own message for a required field
            field.error_messages["required"] = blank_message
        key = (db_field.model._meta.model_name, db_field.name)
        help_text = self.editor_help.get(key) or EDITOR_HELP.get(key)
        if field is not None and help_text and not field.help_text:
            field.help_text = help_text
        return field
