"""What pages show of the published figures: plain objects for templates, built from the
batch's precomputed rows (a role's :class:`ReportSummary`, its :class:`ReportCohort` rows),
never from reports. Plain functions, tested without HTTP.

* :func:`groups`: the article's block (net and gross apart, full and part time apart), with
  each experience band's figures or the note that it fell back to the whole occupation, the
  cities with most reports, and a box plot per experience band.
* :func:`lookup`: a reader's city and experience, answered with the narrowest cohort that was
  published (role x city -> role x region -> role; role x experience -> role), saying which.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from careers import turkish

from ..models import PayBasis
from . import conf, provinces
from .models import CohortKind, Employment, Experience

CONFIDENCE = (
    ("high", pgettext_lazy("salary reports", "high")),
    ("medium", pgettext_lazy("salary reports", "medium")),
    ("low", pgettext_lazy("salary reports", "low")),
)


def confidence(count):
    """``("low"|"medium"|"high", Turkish word)`` for a cohort of ``count`` reports."""
    if count >= conf.get("REPORTS_CONFIDENCE_HIGH_FROM"):
        return CONFIDENCE[0]
    if count >= conf.get("REPORTS_CONFIDENCE_MEDIUM_FROM"):
        return CONFIDENCE[1]
    return CONFIDENCE[2]


def _month(text):
    year, month = (int(part) for part in text.split("-"))
    return year, month


def month_range(first, last):
    """``("2026-03", "2026-11")`` -> ``"Mart–Kasım 2026"``; across years ``"Kasım 2025 – Mart
    2026"``; one month ``"Kasım 2026"``."""
    (y1, m1), (y2, m2) = _month(first), _month(last)
    name1, name2 = turkish.MONTHS[m1 - 1], turkish.MONTHS[m2 - 1]
    if (y1, m1) == (y2, m2):
        return f"{name2} {y2}"
    if y1 == y2:
        return f"{name1}–{name2} {y2}"
    return f"{name1} {y1} – {name2} {y2}"


@dataclass
class Figures:
    count: int
    p25: int
    median: int
    p75: int
    months: str
    level: str
    confidence: str

    @classmethod
    def of(cls, data):
        level, word = confidence(data["count"])
        return cls(
            count=data["count"],
            p25=data["p25"],
            median=data["median"],
            p75=data["p75"],
            months=month_range(data["first"], data["last"]),
            level=level,
            confidence=str(word),
        )

    @property
    def median_text(self):
        return turkish.format_money(self.median)

    @property
    def range_text(self):
        return f"{turkish.format_money(self.p25)} – {turkish.format_money(self.p75)}"


@dataclass
class Band:
    """One experience band: its own figures, or None (the whole occupation's stand in)."""

    value: str
    label: str
    figures: Figures | None


@dataclass
class Group:
    basis: str
    employment: str
    year: int
    all: Figures
    bands: list = field(default_factory=list)
    cities: list = field(default_factory=list)
    plot: dict | None = None

    @property
    def title(self):
        words = {"basis": PayBasis(self.basis).label, "year": self.year}
        if self.employment == Employment.FULL_TIME:
            return _("Full-time, %(basis)s, %(year)s") % words
        return _("Part-time, %(basis)s, %(year)s") % words


def groups(figures):
    """The article's groups from a summary's ``figures`` (empty without any)."""
    found = []
    for data in (figures or {}).get("groups", ()):
        group = Group(
            basis=data["basis"],
            employment=data["employment"],
            year=data["year"],
            all=Figures.of(data["all"]),
        )
        for value, label in Experience.choices:
            band = (data.get("experience") or {}).get(value)
            group.bands.append(Band(value, str(label), Figures.of(band) if band else None))
        for city in data.get("cities", ()):
            province = provinces.get(city["plate"])
            group.cities.append((province.name if province else "", Figures.of(city)))
        if data.get("experience") is not None:
            group.plot = box_plot(group)
        found.append(group)
    return found


def _x(value, low, high):
    return round((value - low) / (high - low) * 100, 1) if high > low else 50.0


def box_plot(group, row_height=34, top=8):
    """A horizontal box per experience band with its own figures (25th to 75th percentile, a
    line at the median), on one axis from the lowest 25th to the highest 75th percentile shown
    (with a margin); bands that fell back get a row saying so. Horizontal positions are
    percentages of the width, vertical ones pixels (as ``charts.py`` draws)."""
    shown = [band for band in group.bands if band.figures]
    if not shown:
        return None
    low = min(band.figures.p25 for band in shown)
    high = max(band.figures.p75 for band in shown)
    margin = max((high - low) * 0.08, 500)
    low, high = max(0, low - margin), high + margin
    rows = []
    for index, band in enumerate(group.bands):
        y = top + index * row_height
        row = {"label": band.label, "label_y": y + 11, "box_y": y + 15, "figures": band.figures}
        if band.figures:
            f = band.figures
            row.update(
                x1=_x(f.p25, low, high),
                x2=_x(f.p75, low, high),
                median_x=_x(f.median, low, high),
                width=max(round(_x(f.p75, low, high) - _x(f.p25, low, high), 1), 0.6),
            )
        rows.append(row)
    return {
        "height": top + len(rows) * row_height + 22,
        "rows": rows,
        "axis_y": top + len(rows) * row_height + 4,
        "low": turkish.format_money(round(low, -2)),
        "high": turkish.format_money(round(high, -2)),
    }


@dataclass
class Answer:
    """A lookup's answer: the figures used and what they are of; ``asked`` and ``used`` say
    whether the narrowest cohort asked for had to fall back."""

    figures: Figures | None
    asked: str
    used: str

    @property
    def fell_back(self):
        return self.asked != self.used


def _pick(rows, basis, **where):
    for row in rows:
        if row.pay_basis == basis and all(getattr(row, k) == v for k, v in where.items()):
            return row
    return None


def figures_of(row):
    return Figures.of(
        {
            "count": row.count,
            "p25": row.p25,
            "median": row.median,
            "p75": row.p75,
            "first": row.first_month.strftime("%Y-%m"),
            "last": row.last_month.strftime("%Y-%m"),
        }
    )


def whole(rows, basis):
    """The whole occupation's full-time figures of ``basis`` from cohort ``rows``, or None."""
    row = _pick(rows, basis, kind=CohortKind.ROLE, employment=Employment.FULL_TIME)
    return figures_of(row) if row else None


def lookup(rows, basis, plate=None, experience=None):
    """``(place, experience)`` :class:`Answer` pair from a role's full-time cohort ``rows``
    (one query's worth): the province, else its region, else the whole occupation; the
    experience band, else the whole occupation. Either is None when not asked."""
    full = [row for row in rows if row.employment == Employment.FULL_TIME]
    role_row = _pick(full, basis, kind=CohortKind.ROLE)
    everyone = str(pgettext_lazy("salary reports", "the whole occupation"))
    place = band = None
    province = provinces.get(plate) if plate else None
    if province is not None:
        steps = [
            ({"kind": CohortKind.CITY, "province": province.plate}, province.name),
            ({"kind": CohortKind.REGION, "region": province.region.code}, province.region.name),
        ]
        for where, name in steps:
            if (row := _pick(full, basis, **where)) is not None:
                place = Answer(figures_of(row), province.name, name)
                break
        else:
            place = Answer(figures_of(role_row) if role_row else None, province.name, everyone)
    if experience in Experience.values:
        label = str(Experience(experience).label)
        row = _pick(full, basis, kind=CohortKind.EXPERIENCE, experience=experience)
        if row is not None:
            band = Answer(figures_of(row), label, label)
        else:
            band = Answer(figures_of(role_row) if role_row else None, label, everyone)
    return place, band


def summary_of(role):
    """The role's published summary, or None (nothing published yet). Joined in the role's
    query where a page shows it; a role fetched without the join costs one query here."""
    try:
        return role.report_summary
    except ObjectDoesNotExist:
        return None
