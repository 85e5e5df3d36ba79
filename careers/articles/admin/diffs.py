"""A held change as the review page shows it: drawn as the article's history page draws a
revision (the same renderer, :class:`.history.ReadableDiffHelper`: long texts as a word diff,
the same template), values as an editor reads them, related objects fetched at once; and what
changed in the live article since the change was proposed."""

from collections import defaultdict

from django.apps import apps
from simple_history.models import ModelChange, ModelDelta

from ..review import changes as values
from .history import ReadableDiffHelper


class Shown:
    """Values of several changes shown at once: related objects fetched in one query per
    model (an author, a skill, a linked article)."""

    def __init__(self):
        self.wanted = defaultdict(set)
        self.found = {}

    def want(self, field, *items):
        if field is not None and field.is_relation:
            self.wanted[field.related_model].update(v for v in items if v is not None)

    def load(self):
        for model, pks in self.wanted.items():
            self.found[model] = model._default_manager.in_bulk(pks)

    def __call__(self, field, value):
        related = self.found.get(field.related_model) if field is not None else None
        return values.display(field, value, related)


def delta_context(model, items, shown):
    """``items`` (field, old, new) as the history page's delta template takes them."""
    changes = [
        ModelChange(field.name, shown(field, old), shown(field, new)) for field, old, new in items
    ]
    delta = ModelDelta(
        changes,
        [field.name for field, _old, _new in items],
        None,
        None,
    )
    return ReadableDiffHelper(model, None).context_for_delta_changes(delta)


def revision_diff(revision):
    """What the review page shows: the object's changed fields, then each kind of row."""
    model, shown = revision.model, Shown()
    items = []
    for name, (old, new) in revision.changes.get("object", {}).items():
        field = values.model_field(model, name)
        if field is not None:
            shown.want(field, old, new)
            items.append((field, old, new))
    groups = []
    for label, kinds in revision.changes.get("rows", {}).items():
        row_model = apps.get_model(label)

        def fields(row, row_model=row_model):
            found = []
            for name, value in row["fields"].items():
                field = values.model_field(row_model, name)
                if field is not None:
                    pair = value if isinstance(value, list) else [None, value]
                    shown.want(field, *pair)
                    found.append((field, *pair))
            return found

        groups.append(
            {
                "model": row_model,
                "name": row_model._meta.verbose_name_plural,
                **{kind: [(row, fields(row)) for row in kinds.get(kind, [])] for kind in kinds},
            }
        )
    shown.load()
    for group in groups:
        row_model = group.pop("model")
        for kind in ("changed", "added", "deleted"):
            rows = group.get(kind, [])
            if kind == "changed":
                group[kind] = [
                    {"label": row["label"], "changes": delta_context(row_model, items_, shown)}
                    for row, items_ in rows
                ]
            else:
                group[kind] = [
                    {
                        "label": row["label"],
                        "values": [
                            (field.verbose_name, shown(field, new))
                            for field, _old, new in items_
                            if new not in (None, "")
                        ],
                    }
                    for row, items_ in rows
                ]
    return {"object": delta_context(model, items, shown), "rows": groups}


def current_conflicts(revision, obj):
    rows_now = {}
    for label, kinds in revision.changes.get("rows", {}).items():
        pks = [row["pk"] for row in kinds.get("changed", [])]
        if pks:
            rows_now[label] = apps.get_model(label)._default_manager.in_bulk(pks)
    return values.conflicts(revision.model, obj, revision.changes, rows_now)
