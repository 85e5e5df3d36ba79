"""One cell of a salary file: Turkish amounts, years, role addresses, flags and text."""

from django.utils.translation import gettext as _
from import_export import widgets

from careers import turkish
from careers.articles.models import Role

from ..models import PayBasis


class AmountWidget(widgets.DecimalWidget):
    """Amounts read like the admin's amount fields (:func:`careers.turkish.parse_amount`)."""

    def clean(self, value, row=None, **kwargs):
        return turkish.parse_amount(value)


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


class PayBasisWidget(widgets.CharWidget):
    """``net`` / ``brüt`` (``brut``, ``gross``) / ``belirtilmemiş`` (``belirtilmemis``,
    ``bilinmiyor``), in any case; empty stays empty (the model then asks for it on a new band)."""

    WORDS = {
        "net": PayBasis.NET,
        "brut": PayBasis.GROSS,
        "gross": PayBasis.GROSS,
        "belirtilmemis": PayBasis.UNSPECIFIED,
        "bilinmiyor": PayBasis.UNSPECIFIED,
        "unspecified": PayBasis.UNSPECIFIED,
    }

    def clean(self, value, row=None, **kwargs):
        text = turkish.ascii_fold(str(value if value is not None else "").strip())
        if not text:
            return ""
        if text not in self.WORDS:
            raise ValueError(
                _("“%(value)s”: write net, brüt or belirtilmemiş (when the source does not say).")
                % {"value": value}
            )
        return self.WORDS[text]

    def render(self, value, obj=None, **kwargs):
        return PayBasis.turkish_name(value)


class TextWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return "" if value is None else str(value).strip()
