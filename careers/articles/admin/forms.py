"""Admin forms and widgets for editors."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.forms.models import BaseInlineFormSet
from markdownx.widgets import AdminMarkdownxWidget

from careers import turkish

from ..models import Role
from ..uploads import prepare_image


class EditorMarkdownxWidget(AdminMarkdownxWidget):
    """markdownx's admin editor, plus a script that shows the server's Turkish message when an
    image upload is refused (markdownx alone types "Invalid response" into the text)."""

    class Media:
        js = ["articles/admin/markdownx-errors.js"]


class VerifiedImageField(forms.ImageField):
    """The article image, treated exactly like an image in the Markdown editor
    (:func:`uploads.prepare_image`): checked (format, size, pixels, not animated, each refusal
    with its own message), re-encoded without metadata or appended bytes, and stored under a
    random name."""

    def to_python(self, data):
        uploaded = forms.FileField.to_python(self, data)
        if uploaded is None:
            return None
        image, image_format = prepare_image(uploaded)
        return SimpleUploadedFile(
            image.name, image.read(), content_type=f"image/{image_format.lower()}"
        )


class TurkishSlugField(forms.SlugField):
    """An editor may type the address with Turkish letters or spaces: it is made plain
    (``"Kredi Asistanı"`` -> ``"kredi-asistani"``) before the slug rules are checked."""

    def to_python(self, value):
        value = super().to_python(value)
        return turkish.slugify(value, max_length=160) if value else value


class RoleAdminForm(forms.ModelForm):
    class Meta:
        model = Role
        fields = "__all__"  # noqa: DJ007  (the admin's fieldsets choose and order them)
        field_classes = {"image": VerifiedImageField, "slug": TurkishSlugField}
        # One-sentence fields get room to read what is written (a 300-character summary does
        # not fit a one-line box); the lead is one paragraph.
        widgets = {
            name: forms.Textarea(attrs={"rows": 2, "cols": 80})
            for name in (
                "summary",
                "responsibilities_intro",
                "requirements_intro",
                "skills_intro",
                "alternative_titles",
            )
        } | {"lead": forms.Textarea(attrs={"rows": 4, "cols": 80})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # Filled in from the title when left empty (also with JavaScript off).
            self.fields["slug"].required = False


class PrefetchedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete that takes its selected option from objects already loaded by the
    formset (``prefetched``: ``{str(pk): obj}``) instead of one query per inline row."""

    prefetched = None

    def optgroups(self, name, value, attr=None):
        selected = {str(v) for v in value if str(v) not in self.choices.field.empty_values}
        if self.prefetched is None or not selected.issubset(self.prefetched):
            return super().optgroups(name, value, attr)
        default = (None, [], 0)
        if not self.is_required:
            default[1].append(self.create_option(name, "", "", False, 0))
        for pk in sorted(selected):
            obj = self.prefetched[pk]
            label = self.choices.field.label_from_instance(obj)
            default[1].append(self.create_option(name, obj.pk, label, selected, len(default[1])))
        return [default]


class ConstraintMessageFormSet(BaseInlineFormSet):
    """Two rows that break a unique constraint get the constraint's own Turkish message.

    Django's formset says "Please correct the duplicate data for year." with the raw field name;
    our constraints carry a message written for the editor (e.g. "This role already has salary
    figures for this year.")."""

    def get_unique_error_message(self, unique_check):
        fields = set(unique_check)
        for constraint in self.model._meta.constraints:
            if isinstance(constraint, models.UniqueConstraint) and fields <= set(constraint.fields):
                return str(constraint.violation_error_message)
        return super().get_unique_error_message(unique_check)


class PrefetchedAutocompleteFormSet(ConstraintMessageFormSet):
    """Inline formset whose autocomplete fields (``prefetch_fields``) share one dict of the
    selected objects: the rows' own related objects (``select_related`` in the inline's
    queryset) plus, for a re-displayed form, one query for the ids typed in."""

    prefetch_fields = ()

    def _prefetched(self, name):
        cache = self.__dict__.setdefault("_prefetched_cache", {})
        if name in cache:
            return cache[name]
        known = {}
        for obj in self.get_queryset():
            related = getattr(obj, name, None)
            if related is not None:
                known[str(related.pk)] = related
        if self.is_bound:
            field = self.form.base_fields.get(name) or self.empty_form.fields[name]
            wanted = set()
            for i in range(self.total_form_count()):
                value = self.data.get(f"{self.add_prefix(i)}-{name}")
                if value and value not in known:
                    wanted.add(value)
            if wanted:
                model = field.queryset.model
                ids = [v for v in wanted if v.isdigit()]
                known.update(
                    {str(obj.pk): obj for obj in model._default_manager.filter(pk__in=ids)}
                )
        cache[name] = known
        return known

    def _attach(self, form):
        for name in self.prefetch_fields:
            field = form.fields.get(name)
            if field is None:
                continue
            widget = getattr(field.widget, "widget", field.widget)
            if isinstance(widget, PrefetchedAutocompleteSelect):
                widget.prefetched = self._prefetched(name)
        return form

    def _construct_form(self, i, **kwargs):
        return self._attach(super()._construct_form(i, **kwargs))

    @property
    def empty_form(self):
        return self._attach(super().empty_form)
