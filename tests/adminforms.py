"""Build the POST data of an admin change form from the page the admin rendered (as a browser
would submit it unchanged), so tests change only the fields they care about."""

import datetime as dt

from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.files import File
from django.utils import timezone

from careers.articles.admin.amounts import TurkishAmountInput


def _put(data, name, value, widget=None):
    if isinstance(widget, TurkishAmountInput):
        value = widget.format_value(value)  # "45.000", as the browser shows and submits it
    if isinstance(widget, AdminSplitDateTime):
        if value:
            if isinstance(value, dt.datetime):
                value = timezone.localtime(value)
                data[f"{name}_0"], data[f"{name}_1"] = (
                    value.strftime("%Y-%m-%d"),
                    value.strftime("%H:%M:%S"),
                )
            else:
                data[f"{name}_0"], data[f"{name}_1"] = value
        else:
            data[f"{name}_0"] = data[f"{name}_1"] = ""
        return
    if value is None:
        data[name] = ""
    elif value is True:
        data[name] = "on"
    elif value is False:
        return
    elif isinstance(value, list | tuple):
        data[name] = [str(v) for v in value]
    elif isinstance(value, File):
        return  # files are not re-posted
    else:
        data[name] = str(value)


def form_data(data, form):
    for name, field in form.fields.items():
        _put(data, form.add_prefix(name), form[name].value(), field.widget)


def changeform_data(response):
    data = {}
    form_data(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[f"{formset.prefix}-{name}"] = str(management[name].value())
        for form in formset.forms:
            form_data(data, form)
    return data


def inline_prefix(response, model_name):
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model._meta.model_name == model_name:
            return inline.formset.prefix
    raise KeyError(model_name)


def add_inline_rows(data, prefix, rows):
    """Fill the formset's extra rows (and add more) with ``rows`` (dicts of field values)."""
    initial = int(data[f"{prefix}-INITIAL_FORMS"])
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{initial + index}-{name}"] = str(value)
    total = max(int(data[f"{prefix}-TOTAL_FORMS"]), initial + len(rows))
    data[f"{prefix}-TOTAL_FORMS"] = str(total)
    return data
