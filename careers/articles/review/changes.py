"""A change as data, and back.

A revision's ``changes`` say, for the object and for each kind of row on its screen, which
fields change from what to what (values as JSON: amounts as "5000.00", times in UTC ISO 8601,
related objects by primary key, files by their stored name)::

    {"object": {"average": ["5000.00", "5750.00"]},
     "rows": {"articles.responsibility": {
         "changed": [{"pk": 4, "label": "…", "fields": {"text": ["old", "new"]}}],
         "added": [{"label": "…", "fields": {"text": "…", "order": 3}}],
         "deleted": [{"pk": 7, "label": "…", "fields": {…}}]}},
     "files": {"image": "roles/2026/12/ab12.webp"}}

Values are compared as JSON, so "5.000" typed in a form and 5000.00 in the database are the
same. :func:`conflicts` says what changed in the live object since the change was proposed, in
the fields or rows it touches (what it does not touch may have changed freely).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from careers import turkish

SUMMARY_LENGTH = 300


def to_json(field, value):
    """``value`` of model ``field`` as JSON (see the module docstring); None stays None."""
    if value is None:
        return None
    if isinstance(field, models.FileField):
        return getattr(value, "name", value) or ""
    if isinstance(field, models.ForeignKey):
        value = getattr(value, "pk", value)
        return field.target_field.to_python(value)
    if isinstance(field, models.DecimalField):
        exponent = Decimal(1).scaleb(-field.decimal_places)
        return format(Decimal(value).quantize(exponent), "f")
    if isinstance(field, models.DateTimeField):
        if timezone.is_naive(value):
            value = timezone.make_aware(value)
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(field, models.DateField):
        return value.isoformat()
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)


def from_json(field, value):
    """The model value of ``value`` (as :func:`to_json` wrote it)."""
    if value is None or isinstance(field, models.FileField):
        return value
    if isinstance(field, models.ForeignKey):
        return field.target_field.to_python(value)
    return field.to_python(value)


def value_of(obj, field):
    """``obj``'s value of ``field`` as JSON (a relation by its key: no query)."""
    return to_json(field, getattr(obj, field.attname))


def set_value(obj, field, value):
    """Give ``obj`` ``field``'s JSON ``value`` (a relation by its key)."""
    setattr(obj, field.attname, from_json(field, value))


def model_field(model, name):
    """The concrete, editable model field behind form field ``name``, or None."""
    try:
        field = model._meta.get_field(name)
    except models.FieldDoesNotExist:
        return None
    if not field.concrete or field.many_to_many or field.primary_key:
        return None
    return field


def is_empty(changes):
    rows = changes.get("rows", {})
    return not changes.get("object") and not any(
        kind.get("changed") or kind.get("added") or kind.get("deleted") for kind in rows.values()
    )


# --- What changed in the live object since ----------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    """A field (or row) the change touches that changed in the live object since."""

    label: str
    expected: str
    live: str

    @property
    def text(self):
        return _("%(label)s is now “%(live)s” (the change expected “%(expected)s”).") % {
            "label": self.label,
            "live": self.live,
            "expected": self.expected,
        }


def conflicts(model, live, changes, rows_now):
    """What the live object (``live``; None for a change that adds it) and its rows
    (``rows_now``: ``{label: {pk: row}}``) changed since ``changes`` were proposed, in what the
    change touches: a list of :class:`Conflict`."""
    found = []
    if live is not None:
        for name, (old, new) in changes.get("object", {}).items():
            field = model_field(model, name)
            if field is None:
                continue
            now = value_of(live, field)
            if now not in (old, new):
                found.append(_conflict(field, old, now))
    for label, kinds in changes.get("rows", {}).items():
        current = rows_now.get(label, {})
        for row in kinds.get("changed", []):
            obj = current.get(row["pk"])
            if obj is None:
                found.append(Conflict(row["label"], _("as proposed"), _("deleted")))
                continue
            for name, (old, new) in row["fields"].items():
                field = model_field(type(obj), name)
                now = value_of(obj, field) if field is not None else old
                if now not in (old, new):
                    found.append(_conflict(field, old, now, prefix=row["label"]))
    return found


def _conflict(field, expected, live, prefix=None):
    label = str(field.verbose_name)
    if prefix:
        label = f"{prefix}: {label}"
    return Conflict(label, display(field, expected), display(field, live))


# --- Shown to people -------------------------------------------------------------------------


def display(field, value, related=None):
    """``value`` (JSON) of ``field`` as an editor reads it: "5.000,00", "3 Aralık 2026 14:05",
    a choice's label, a related object's name (``related``: ``{pk: obj}``, else its number)."""
    if value is None or value == "":
        return "—"
    if field is None:
        return str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.ForeignKey):
        obj = (related or {}).get(value)
        return str(obj) if obj is not None else f"#{value}"
    if isinstance(field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(field, models.DecimalField):
        return turkish.format_number(Decimal(value))
    if isinstance(field, models.DateTimeField):
        return display_moment(from_json(field, value))
    if isinstance(field, models.DateField):
        return turkish.format_date(from_json(field, value))
    if isinstance(field, models.FileField):
        return value.rsplit("/", 1)[-1]
    return str(value)


def display_moment(moment):
    """``"3 Aralık 2026 14:05"`` (Istanbul)."""
    moment = timezone.localtime(moment)
    return f"{turkish.format_date(moment.date())} {formats.time_format(moment, 'H:i')}"


def summary(model, changes, row_models):
    """One line for lists: the object's changed fields, then each kind of row with how many
    changed, were added or deleted (``row_models``: ``{label: model}``)."""
    parts = [
        str(field.verbose_name)
        for name in changes.get("object", {})
        if (field := model_field(model, name)) is not None
    ]
    for label, kinds in changes.get("rows", {}).items():
        counts = []
        n = len(kinds.get("changed", []))
        if n:
            counts.append(ngettext("%(n)s changed", "%(n)s changed", n) % {"n": n})
        n = len(kinds.get("added", []))
        if n:
            counts.append(ngettext("%(n)s added", "%(n)s added", n) % {"n": n})
        n = len(kinds.get("deleted", []))
        if n:
            counts.append(ngettext("%(n)s deleted", "%(n)s deleted", n) % {"n": n})
        if counts:
            name = row_models[label]._meta.verbose_name_plural
            parts.append(f"{str(name).capitalize()} ({', '.join(counts)})")
    text = "; ".join(part[:1].upper() + part[1:] for part in parts) or _("No changes")
    return text if len(text) <= SUMMARY_LENGTH else text[: SUMMARY_LENGTH - 1] + "…"
