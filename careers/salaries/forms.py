"""The salary page's query string, mapped to internal names at the edge (the editors' forms
are the admin's: ``admin/``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

#: The salary page's ``sirala`` values (Turkish, in the address) and what they sort by.
SORTS = {"meslek": "title", "ortalama": "average", "ust": "top"}
SORT_LABELS = {"title": _("Occupation"), "average": _("Average"), "top": _("Top")}
#: ``yon`` values and whether they mean ascending.
DIRECTIONS = {"artan": True, "azalan": False}


class SalaryFilterForm(forms.Form):
    """The salary page's query string: ``?sirala=ortalama&yon=azalan&sektor=finans``.

    A bad value falls back to the default order (with a notice); :meth:`order` gives the
    internal sort key and direction, :meth:`sort_links` the column headers' addresses."""

    sirala = forms.ChoiceField(
        label=_("Sort by"), choices=[(v, SORT_LABELS[k]) for v, k in SORTS.items()], required=False
    )
    yon = forms.ChoiceField(
        label=_("Order"),
        choices=[("artan", _("ascending")), ("azalan", _("descending"))],
        required=False,
    )
    sektor = forms.SlugField(label=_("Sector"), required=False, max_length=140)

    def __init__(self, data):
        super().__init__(data)
        self.is_valid()  # cleaned_data then holds the valid fields

    @property
    def bad_order(self):
        return "sirala" in self.errors or "yon" in self.errors

    @property
    def bad_sector(self):
        return "sektor" in self.errors

    @property
    def sector_slug(self):
        return self.cleaned_data.get("sektor") or ""

    def order(self):
        """``(key, ascending)``: ``("average", False)`` unless the address asks otherwise;
        titles run A–Z by default, figures from the highest."""
        key = SORTS.get(self.cleaned_data.get("sirala") or "ortalama")
        direction = self.cleaned_data.get("yon")
        ascending = DIRECTIONS[direction] if direction else key == "title"
        return key, ascending

    def sort_links(self):
        """One header per column: its label, the ``sirala``/``yon`` values its link asks for
        (the current column flips its direction) and whether it is the current one."""
        key, ascending = self.order()
        links = []
        for value, name in SORTS.items():
            current = name == key
            next_ascending = not ascending if current else name == "title"
            links.append(
                {
                    "name": name,
                    "label": SORT_LABELS[name],
                    "sirala": value,
                    "yon": "artan" if next_ascending else "azalan",
                    "current": current,
                    "ascending": ascending,
                }
            )
        return links

    def hidden_order(self):
        """The current order as ``sirala``/``yon`` values, for the sector form's hidden fields."""
        key, ascending = self.order()
        value = next(v for v, k in SORTS.items() if k == key)
        return {"sirala": value, "yon": "artan" if ascending else "azalan"}
