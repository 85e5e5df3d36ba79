"""One cell of a salary file: Turkish amounts, years, role addresses, flags and text."""

import re
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from import_export import widgets

from careers import turkish

from ..models import Role

_TURKISH_THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$")


def parse_amount(value):
    """``"45.000"`` / ``"45.000,50"`` / ``"45000,50"`` / ``"45000.50"`` / ``45000`` ->
    ``Decimal``; None for an empty cell; ``ValueError`` otherwise."""
    if value is None:
        return None
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return Decimal(str(value))
    text = str(value).strip().replace("\u00a0", "").replace(" ", "")
    text = text.removesuffix("TL").removesuffix("tl").strip()
    if not text:
        return None
    if _TURKISH_THOUSANDS.match(text):
        text = text.replace(".", "").replace(",", ".")
    elif "," in text and "." not in text:
        text = text.replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(
            _("“%(value)s” is not an amount; write it like 45000 or 45.000,50.") % {"value": value}
        ) from None
    if not amount.is_finite():
        raise ValueError(_("“%(value)s” is not an amount.") % {"value": value})
    return amount


class AmountWidget(widgets.DecimalWidget):
    def clean(self, value, row=None, **kwargs):
        return parse_amount(value)


class YearWidget(widgets.IntegerWidget):
    def clean(self, value, row=None, **kwargs):
        if value is None or str(value).strip() == "":
            raise ValueError(_("Enter the year, e.g. 2025."))
        text = str(value).strip().removesuffix(".0")
        if not text.isdigit():
            raise ValueError(_("“%(value)s” is not a year; write it like 2025.") % {"value": value})
        return int(text)


class RoleSlugWidget(widgets.ForeignKeyWidget):
    """The role by its web address; ``roles`` (``{slug: Role}``, loaded once per import by
    the resource) saves a query per row."""

    roles = None

    def __init__(self):
        super().__init__(Role, field="slug")

    def clean(self, value, row=None, **kwargs):
        slug = str(value or "").strip()
        if not slug:
            raise ValueError(_("Enter the role's web address, e.g. kredi-asistani."))
        role = self.roles.get(slug) if self.roles is not None else None
        if role is None and self.roles is None:
            role = Role.objects.filter(slug=slug).first()
        if role is None:
            raise ValueError(_("No role has the web address “%(slug)s”.") % {"slug": slug})
        return role


class FlagWidget(widgets.BooleanWidget):
    TRUE = {"1", "true", "yes", "evet", "e", "x"}
    FALSE = {"", "0", "false", "no", "hayır", "hayir", "h"}

    def clean(self, value, row=None, **kwargs):
        text = turkish.lower(str(value if value is not None else "").strip())
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("Write 1 for sample figures, or leave it empty."))

    def render(self, value, obj=None, **kwargs):
        return "1" if value else "0"


class TextWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip()
