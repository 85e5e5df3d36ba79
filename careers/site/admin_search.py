"""Admin search every app's editor screens share (not named admin.py: Django imports those
to find registrations, and this module registers nothing)."""

from django.core.exceptions import ValidationError
from django.db.models import Q

from careers import turkish


def case_variants(word):
    """The spellings a database's case-insensitive match needs to find ``word`` in Turkish
    text: SQLite's LIKE folds ASCII only, so "ilet" does not find "İletişim" by itself."""
    lower = turkish.lower(word)
    return {word, lower, turkish.upper(word), turkish.upper(lower[:1]) + lower[1:]}


class TurkishSearchMixin:
    """Admin search (and autocomplete) that finds "İletişim" from "ilet", "ışık" from "IŞIK".

    A field written ``"=email"`` matches the whole value exactly, in any of its Turkish case
    variants: an indexed lookup, for tables too big to search inside every row."""

    def get_search_results(self, request, queryset, search_term):
        fields = list(self.get_search_fields(request))
        if not fields or not search_term.strip():
            return queryset, False
        lookups = [
            (name[1:], "exact") if name.startswith("=") else (name, "icontains") for name in fields
        ]
        for word in search_term.split():
            condition = Q()
            for variant in case_variants(word):
                for name, lookup in lookups:
                    if lookup == "exact" and not valid_for(queryset.model, name, variant):
                        continue  # "Ayşe" is no IP address: PostgreSQL would refuse it
                    condition |= Q(**{f"{name}__{lookup}": variant})
            queryset = queryset.filter(condition) if condition else queryset.none()
        return queryset, any("__" in name for name, _lookup in lookups)


def valid_for(model, name, value):
    """Whether ``value`` can be compared with the field ``name`` ("Ayşe" is no IP address:
    PostgreSQL would refuse the query)."""
    field = model._meta.get_field(name)
    try:
        field.run_validators(field.to_python(value))
    except ValidationError:
        return False
    return True
