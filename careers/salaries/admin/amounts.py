"""The admin's amount fields: figures typed and shown the Turkish way ("45.000", "45.000,50").

Read with :func:`careers.turkish.parse_amount`, the same function the salary import uses, so a
figure means the same in a form and in a file; ambiguous input ("6.75", "45000.50") is refused
with a Turkish message instead of being stored 1,000 times too small.
"""

from decimal import Decimal

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models

from careers import turkish


class TurkishAmountInput(forms.TextInput):
    """A text box (a number box would refuse "45.000,50") showing ``45000.00`` as "45.000"."""

    #: The browser sends back what the box shows ("45.000"): the article's revert builds the
    #: change form's data the same way (``articles.admin.history``).
    submits_shown_value = True

    def __init__(self, attrs=None):
        super().__init__(
            {"inputmode": "decimal", "autocomplete": "off", "size": 12, **(attrs or {})}
        )

    def format_value(self, value):
        if isinstance(value, Decimal | int | float) and not isinstance(value, bool):
            return turkish.format_number(value)
        return super().format_value(value)


class TurkishAmountField(forms.DecimalField):
    widget = TurkishAmountInput

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            return turkish.parse_amount(value)
        except turkish.AmountError as error:
            raise ValidationError(str(error), code="invalid") from None

    def widget_attrs(self, widget):
        # DecimalField would add number-box attributes (step, min) that do not fit a text box.
        return forms.Field.widget_attrs(self, widget)


class TurkishAmountsMixin:
    """For the salary admins: every amount field (inlines, the editable salary list, the
    minimum wage) typed and shown the Turkish way."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.DecimalField):
            kwargs.setdefault("form_class", TurkishAmountField)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def amount_column(model, name):
    """A list column showing ``model``'s amount field ``name`` the Turkish way ("28.075,50"
    where Django would show "28075,50")."""

    def column(admin_self, obj):
        value = getattr(obj, name)
        return "–" if value is None else turkish.format_number(value)

    column.__name__ = f"{name}_tr"
    description = model._meta.get_field(name).verbose_name
    return admin.display(description=description, ordering=name)(column)
