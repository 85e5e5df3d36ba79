"""An approval, replayed: the change form's POST data that writes a held change onto the live
object (as the article's revert builds it from a revision, :mod:`.history`), run through the
admin's own change form as the reviewer (see :mod:`.review`)."""

import copy

from django.contrib.admin.utils import flatten_fieldsets
from django.db import models
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _

from ..review import changes as values
from .history import form_data


def approval_data(model_admin, request, revision, obj):
    """The change form's POST data that writes ``revision`` onto ``obj`` as it is now (None:
    the change adds it)."""
    model = model_admin.model
    changes = revision.changes
    proposed = copy.copy(obj) if obj is not None else model()
    for name, (_old, new) in changes.get("object", {}).items():
        field = values.model_field(model, name)
        if field is not None and not isinstance(field, models.FileField):
            values.set_value(proposed, field, new)
    data = QueryDict(mutable=True)
    fields = flatten_fieldsets(model_admin.get_fieldsets(request, obj))
    form_class = model_admin.get_form(request, obj, change=obj is not None, fields=fields)
    form_data(data, form_class(instance=proposed))
    if obj is None:
        return data
    for formset, inline in model_admin.get_formsets_with_inlines(request, obj):
        _rows_data(data, formset, inline, request, obj, changes.get("rows", {}))
    return data


def _rows_data(data, formset, inline, request, obj, rows):
    prefix = formset.get_default_prefix()
    fk_name = formset.fk.name
    model = formset.model
    kinds = rows.get(model._meta.label_lower, {})
    changed = {row["pk"]: row["fields"] for row in kinds.get("changed", [])}
    deleted = {row["pk"] for row in kinds.get("deleted", [])}
    current = list(inline.get_queryset(request).filter(**{fk_name: obj}))
    index = 0
    for row in current:
        for name, (_old, new) in changed.get(row.pk, {}).items():
            field = values.model_field(model, name)
            if field is not None:
                values.set_value(row, field, new)
        form_data(data, formset.form(instance=row, prefix=f"{prefix}-{index}"))
        data[f"{prefix}-{index}-id"] = str(row.pk)
        data[f"{prefix}-{index}-{fk_name}"] = str(obj.pk)
        if row.pk in deleted:
            data[f"{prefix}-{index}-DELETE"] = "on"
        index += 1
    for added in kinds.get("added", []):
        row = model(**{fk_name: obj})
        for name, value in added["fields"].items():
            field = values.model_field(model, name)
            if field is not None:
                values.set_value(row, field, value)
        form_data(data, formset.form(instance=row, prefix=f"{prefix}-{index}"))
        data[f"{prefix}-{index}-id"] = ""
        data[f"{prefix}-{index}-{fk_name}"] = str(obj.pk)
        index += 1
    data[f"{prefix}-TOTAL_FORMS"] = str(index)
    data[f"{prefix}-INITIAL_FORMS"] = str(len(current))
    data[f"{prefix}-MIN_NUM_FORMS"] = "0"
    data[f"{prefix}-MAX_NUM_FORMS"] = "1000"


def replay(model_admin, request, revision, obj, data):
    """Run the change form (the add form for a change that adds) with ``data`` as
    ``request.user``; the response (a redirect when it was written)."""
    data["csrfmiddlewaretoken"] = request.POST.get("csrfmiddlewaretoken", "")
    data["_save"] = "1"
    request.POST = data
    request._files = MultiValueDict()
    request.review_approving = revision
    object_id = None if obj is None else str(obj.pk)
    return model_admin.changeform_view(request, object_id)


def form_errors(response):
    """The messages a change form shows when it refuses: the form's and every inline's."""
    context = getattr(response, "context_data", None) or {}
    found = []
    admin_form = context.get("adminform")
    if admin_form is not None:
        form = admin_form.form
        for name, errors in form.errors.items():
            label = form.fields[name].label if name in form.fields else ""
            found += [f"{label}: {error}" if label else str(error) for error in errors]
    for inline in context.get("inline_admin_formsets", []):
        formset = inline.formset
        found += [str(error) for error in formset.non_form_errors()]
        for form in formset.forms:
            for name, errors in form.errors.items():
                label = form.fields[name].label if name in form.fields else ""
                found += [f"{label}: {error}" if label else str(error) for error in errors]
    return found or [_("The change could not be applied.")]
