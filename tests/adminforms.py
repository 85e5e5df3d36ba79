"""Build the POST data of an admin change form from the page the admin rendered (as a browser
would submit it unchanged), so tests change only the fields they care about."""

from careers.articles.admin.history import form_data

__all__ = ["add_inline_rows", "changeform_data", "changelist_data", "form_data", "inline_prefix"]


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


def changelist_data(response):
    """The editable list's POST data, as the page shows it (``_save`` pressed)."""
    formset = response.context["cl"].formset
    data = {"_save": "Kaydet", "action": ""}
    for name in formset.management_form.fields:
        data[f"form-{name}"] = str(formset.management_form[name].value())
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
