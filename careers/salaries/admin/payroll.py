"""The payroll rules in the admin (one row per period, every number beside its source, with
history), and what the salary forms show as editors type: each band figure's counterpart on
the other basis, from a staff-only JSON address (``static/salaries/admin/converted.js`` calls
it; no inline script, the CSP holds in the admin too)."""

from decimal import Decimal

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from careers import turkish
from careers.articles.admin.common import EditorHelpMixin

from .. import conversion
from ..payroll_models import (
    PERCENTS,
    PayrollParameters,
    brackets_to_json,
    plain,
    tariff_errors,
)
from ..payroll_params import Bracket
from .amounts import TurkishAmountField, TurkishAmountInput, TurkishAmountsMixin

#: The words that stand for "no upper limit" on the tariff's last line.
OPEN_ENDED = ("", "fazlası", "üstü", "ve üstü", "sonrası")


class ConvertedAmountInput(TurkishAmountInput):
    """A band's amount box that shows the figure's counterpart on the other basis as the
    editor types (``converted.js`` asks :meth:`PayrollParametersAdmin.convert_view`)."""

    class Media:
        js = ["salaries/admin/converted.js"]

    def __init__(self, attrs=None):
        url = reverse_lazy("admin:salaries_payrollparameters_convert")
        super().__init__({"data-convert-url": url, **(attrs or {})})


class ConvertedFiguresMixin:
    """For the band admins (the salary list, the band's page, the article's inline): the
    low, average and top boxes get :class:`ConvertedAmountInput`."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in conversion.FIGURES:
            kwargs["widget"] = ConvertedAmountInput
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def converted_column(name):
    """A salary-list column: the band's ``name`` figure on the other basis (the rules read
    once per page), carrying the band's year and basis for ``converted.js`` when the figure
    is edited in the list."""

    @admin.display(description=gettext_lazy("other basis"))
    def column(admin_self, band):
        converted = conversion.converter().convert(getattr(band, name), band.pay_basis, band.year)
        return format_html(
            '<span class="converted-figure" data-year="{}" data-basis="{}">{}</span>',
            band.year,
            band.pay_basis,
            converted.text if converted else "–",
        )

    column.__name__ = f"converted_{name}"
    return column


class PreciseAmountInput(TurkishAmountInput):
    """A rate or multiple shown with every decimal it has ("0,759", "7,5"), not to the kuruş."""

    def format_value(self, value):
        if isinstance(value, Decimal):
            return plain(value).replace(".", ",")
        return super().format_value(value)


class TariffField(forms.Field):
    """The income tax tariff as editors read it in GİB's table: one bracket a line, its
    cumulative yearly upper limit and rate, the last line open-ended::

        190.000: %15
        400.000: %20
        ...
        fazlası: %40
    """

    widget = forms.Textarea(attrs={"rows": 6, "cols": 30})

    def __init__(self, *, encoder=None, decoder=None, **kwargs):
        super().__init__(**kwargs)  # the model's JSONField offers its JSON codec: not needed

    def prepare_value(self, value):
        if isinstance(value, list):
            lines = []
            for item in value:
                upper = item.get("upper")
                rate = str(item.get("percent", "")).replace(".", ",")
                label = "fazlası" if upper is None else turkish.format_number(Decimal(upper))
                lines.append(f"{label}: %{rate}")
            return "\n".join(lines)
        return value

    def to_python(self, value):
        if not value or not value.strip():
            return None
        brackets = []
        for number, line in enumerate(value.strip().splitlines(), 1):
            if not line.strip():
                continue
            label, percent_sign, rate = line.rpartition("%")
            if not percent_sign:
                raise forms.ValidationError(
                    _("Line %(number)s: write the limit and the rate, like “190.000: %%15”.")
                    % {"number": number}
                )
            label = label.strip().rstrip(":").strip()
            try:
                percent = turkish.parse_amount(rate)
                upper = None if turkish.lower(label) in OPEN_ENDED else turkish.parse_amount(label)
            except turkish.AmountError as error:
                raise forms.ValidationError(
                    _("Line %(number)s: %(error)s") % {"number": number, "error": error}
                ) from None
            if percent is None:
                raise forms.ValidationError(
                    _("Line %(number)s: write the limit and the rate, like “190.000: %%15”.")
                    % {"number": number}
                )
            brackets.append(Bracket(upper, percent / 100))
        problems = tariff_errors(tuple(brackets))
        if problems:
            raise forms.ValidationError(problems)
        return brackets_to_json(brackets)


class PayrollParametersForm(forms.ModelForm):
    class Meta:
        model = PayrollParameters
        fields = "__all__"  # noqa: DJ007  (the admin's fieldsets choose and order them)
        field_classes = {"wage_brackets": TariffField}
        widgets = {
            name: forms.Textarea(attrs={"rows": 2, "cols": 80})
            for name in (field.name for field in PayrollParameters._meta.fields)
            if name.endswith("_source")
        }


@admin.register(PayrollParameters)
class PayrollParametersAdmin(TurkishAmountsMixin, EditorHelpMixin, SimpleHistoryAdmin):
    form = PayrollParametersForm
    list_display = [
        "effective_from",
        "minimum_wage_gross_tr",
        "sgk_tr",
        "unemployment_tr",
        "ceiling_tr",
        "tariff_tr",
        "stamp_tr",
        "minimum_wage_exemption",
        "complete",
    ]
    ordering = ["-effective_from"]
    editor_help = {
        ("payrollparameters", "wage_brackets"): gettext_lazy(
            "One bracket a line: its cumulative yearly upper limit and rate, like "
            "“190.000: %15”; the last line “fazlası: %40”."
        ),
    }
    fieldsets = [
        (None, {"fields": ["effective_from"]}),
        (
            gettext_lazy("Minimum wage"),
            {
                "fields": [
                    "minimum_wage_gross",
                    "minimum_wage_gross_source",
                    "minimum_wage_net",
                    "minimum_wage_net_source",
                ]
            },
        ),
        (
            gettext_lazy("Social security"),
            {
                "fields": [
                    "sgk_employee_percent",
                    "sgk_employee_source",
                    "unemployment_employee_percent",
                    "unemployment_employee_source",
                    "sgk_ceiling_multiple",
                    "sgk_ceiling_source",
                ]
            },
        ),
        (
            gettext_lazy("Taxes"),
            {
                "fields": [
                    "wage_brackets",
                    "wage_brackets_source",
                    "stamp_tax_percent",
                    "stamp_tax_source",
                    "minimum_wage_exemption",
                    "minimum_wage_exemption_source",
                ]
            },
        ),
    ]
    history_list_display = ["minimum_wage_gross", "sgk_employee_percent", "stamp_tax_percent"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in (*PERCENTS, "sgk_ceiling_multiple"):
            kwargs["form_class"] = TurkishAmountField
            kwargs["widget"] = PreciseAmountInput
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=gettext_lazy("gross minimum wage"), ordering="minimum_wage_gross")
    def minimum_wage_gross_tr(self, row):
        return _shown(row.minimum_wage_gross, turkish.format_number)

    @admin.display(description=gettext_lazy("social security"))
    def sgk_tr(self, row):
        return _shown(row.sgk_employee_percent, _percent)

    @admin.display(description=gettext_lazy("unemployment"))
    def unemployment_tr(self, row):
        return _shown(row.unemployment_employee_percent, _percent)

    @admin.display(description=gettext_lazy("ceiling"))
    def ceiling_tr(self, row):
        return _shown(row.sgk_ceiling_multiple, lambda v: "× " + plain(v).replace(".", ","))

    @admin.display(description=gettext_lazy("income tax"))
    def tariff_tr(self, row):
        tariff = row.tariff()
        if not tariff:
            return "–"
        rates = [_percent(b.rate * 100) for b in tariff]
        return _("%(count)s brackets, %(first)s–%(last)s") % {
            "count": len(tariff),
            "first": rates[0],
            "last": rates[-1],
        }

    @admin.display(description=gettext_lazy("stamp tax"))
    def stamp_tr(self, row):
        return _shown(row.stamp_tax_percent, _percent)

    @admin.display(description=gettext_lazy("complete"), boolean=True)
    def complete(self, row):
        return not row.as_period().missing()

    # What a band's figure is on the other basis, as the editor types it.

    def get_urls(self):
        return [
            path(
                "convert/",
                self.admin_site.admin_view(self.convert_view),
                name="salaries_payrollparameters_convert",
            ),
            *super().get_urls(),
        ]

    def convert_view(self, request):
        """``?yil=2025&tur=net&tutar=45.000`` -> ``{"text": "≈ 58.123 TL brüt, 2025
        kurallarıyla"}`` (empty for an unspecified basis or no amount yet; a Turkish message
        for an amount that cannot be read)."""
        if not request.user.has_perm("salaries.view_salaryband"):
            raise PermissionDenied
        try:
            year = int(request.GET.get("yil", ""))
        except ValueError:
            return JsonResponse({"text": ""})
        try:
            amount = turkish.parse_amount(request.GET.get("tutar", ""))
        except turkish.AmountError as error:
            return JsonResponse({"text": str(error), "error": True})
        if amount is None or amount <= 0:
            return JsonResponse({"text": ""})
        converted = conversion.converter().convert(amount, request.GET.get("tur"), year)
        return JsonResponse({"text": converted.text if converted else ""})


def _shown(value, show):
    return "–" if value is None else show(value)


def _percent(value):
    return "%" + plain(value).replace(".", ",")
