import re

from django import forms
from django.utils.translation import gettext_lazy as _

from . import logic

_SLUG = re.compile(r"^[-a-z0-9_]{1,160}$")


class SlugListField(forms.Field):
    """Role addresses as repeated hidden inputs (``?meslek=a&meslek=b``): anything that is not
    a slug is dropped, repeats too, and at most ``MAX_ROLES - 1`` are kept."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        slugs = dict.fromkeys(str(item).strip() for item in values)
        return [slug for slug in slugs if _SLUG.match(slug)][: logic.MAX_ROLES - 1]


class PickForm(forms.Form):
    """The comparison's GET form: the roles chosen so far (hidden) and the next one's name."""

    meslek = SlugListField(required=False)
    diger = forms.CharField(
        label=_("Occupation to compare with"),
        required=False,
        max_length=100,
        help_text=_("Type its name, e.g. “Kredi Asistanı”, and press Compare."),
    )

    def clean_diger(self):
        return " ".join(self.cleaned_data["diger"].split())

    @property
    def chosen_slugs(self):
        return self.cleaned_data.get("meslek", []) if hasattr(self, "cleaned_data") else []

    @property
    def text(self):
        return self.cleaned_data.get("diger", "") if hasattr(self, "cleaned_data") else ""
