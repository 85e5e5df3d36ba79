"""The admin's amount fields: figures typed and shown the Turkish way ("45.000", "45.000,50").

Read with :func:`careers.turkish.parse_amount`, the same function the salary import uses, so a
figure means the same in a form and in a file; ambiguous input ("6.75", "45000.50") is refused
with a Turkish message instead of being stored 1,000 times too small.
"""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError

from careers import turkish


class TurkishAmountInput(forms.TextInput):
    """A text box (a number box would refuse "45.000,50") showing ``45000.00`` as "45.000"."""

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
