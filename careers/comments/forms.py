"""The visitor's comment form: name*, e-mail*, website, comment*, plus the hidden parent,
the signed timestamp and the honeypot. Every message is Turkish (through the catalogue) and
shown next to its field; a bound form re-renders exactly what was typed."""

from django import forms
from django.core.validators import URLValidator
from django.forms.renderers import Jinja2
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from careers.site.formguard import GuardedForm

from . import text, tokens
from .models import (
    BODY_MAX_LENGTH,
    EMAIL_MAX_LENGTH,
    NAME_MAX_LENGTH,
    URL_MAX_LENGTH,
    Comment,
    CommentStatus,
)

TOO_LONG = _("Please keep it to %(limit_value)d characters (this one has %(show_value)d).")


INVISIBLE_ONLY = _(
    "This contains only invisible characters (such as zero-width spaces). Please type "
    "something that can be read."
)


class ControlStrippingMixin:
    """Removes control characters before Django's own cleaning and length check, and refuses
    a value made only of characters that show nothing (zero-width spaces, fillers) with a
    message of its own: to the visitor it looked typed, so "required" would be puzzling."""

    multiline = False

    def to_python(self, value):
        if isinstance(value, str):
            value = text.strip_controls(value, multiline=self.multiline)
            if value.strip() and text.is_blank(value):
                raise forms.ValidationError(INVISIBLE_ONLY, code="invisible")
        return super().to_python(value)


class PlainTextField(ControlStrippingMixin, forms.CharField):
    pass


class MultilineTextField(ControlStrippingMixin, forms.CharField):
    multiline = True


class EmailAddressField(ControlStrippingMixin, forms.EmailField):
    pass


class WebAddressField(ControlStrippingMixin, forms.URLField):
    """Only http:// and https:// addresses (Django's URLField also takes ftp:// and ftps://).
    An address typed without a scheme ("ornek.com") is taken as https."""

    default_validators = [URLValidator(schemes=["http", "https"])]

    def __init__(self, **kwargs):
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class CommentForm(GuardedForm):
    """The visible fields, the parent; the signed form time and the honeypot come from
    :class:`careers.site.formguard.GuardedForm` (shared with the salary report form)."""

    guard_salt = tokens.FORM_SALT

    name = PlainTextField(
        label=pgettext_lazy("comment form", "Name"),
        max_length=NAME_MAX_LENGTH,
        error_messages={"required": _("Please enter your name."), "max_length": TOO_LONG},
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = EmailAddressField(
        label=pgettext_lazy("comment form", "E-mail"),
        max_length=EMAIL_MAX_LENGTH,
        help_text=_("Your e-mail address will not be published."),
        error_messages={
            "required": _("Please enter your e-mail address."),
            "invalid": _("Enter a valid e-mail address, e.g. ad@ornek.com."),
            "max_length": TOO_LONG,
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    url = WebAddressField(
        label=pgettext_lazy("comment form", "Website"),
        max_length=URL_MAX_LENGTH,
        required=False,
        error_messages={
            "invalid": _("Enter a web address starting with http:// or https://."),
            "max_length": TOO_LONG,
        },
        widget=forms.URLInput(attrs={"autocomplete": "url"}),
    )
    comment = MultilineTextField(
        label=pgettext_lazy("comment form", "Comment"),
        max_length=BODY_MAX_LENGTH,
        error_messages={"required": _("Please write your comment."), "max_length": TOO_LONG},
        widget=forms.Textarea(attrs={"rows": 8, "cols": 45}),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    visible_fields_order = ("name", "email", "url", "comment")
    # The widgets drawn by Django's own Jinja2 widget templates (the same HTML): the form is
    # on every article, and the Django-language ones cost 1.2 ms of a cold render at scale.
    default_renderer = Jinja2()

    def __init__(self, *args, role, parent=None, now=None, **kwargs):
        kwargs.setdefault("auto_id", "yorum-%s")
        self.role = role
        super().__init__(*args, now=now, **kwargs)
        self.parent_comment = parent
        if not self.is_bound and parent is not None:
            self.initial["parent"] = parent.pk

    def guard_subject(self):
        return self.role.pk

    def guard_limits(self):
        return tokens.limits()

    def clean_parent(self):
        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            self.parent_comment = None
            return None
        parent = (
            Comment.objects.filter(pk=parent_id, role=self.role, status=CommentStatus.APPROVED)
            .select_related("parent")
            .first()
        )
        self.parent_comment = parent
        if parent is None:  # shown above the form: the hidden field has no place of its own
            self.add_error(None, _("The comment you are replying to is no longer available."))
            return None
        return parent_id

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields and name in self.visible_fields_order:
                attrs = self.fields[name].widget.attrs
                attrs["aria-invalid"] = "true"
                described = [f"yorum-{name}-hata"]
                if self.fields[name].help_text:
                    described.append(f"yorum-{name}_helptext")  # Django's own id
                attrs["aria-describedby"] = " ".join(described)

    @property
    def parent_for_render(self):
        if self.parent_comment is not None:
            return self.parent_comment.pk
        return ""

    def visible_fields_in_order(self):
        return [self[name] for name in self.visible_fields_order]
