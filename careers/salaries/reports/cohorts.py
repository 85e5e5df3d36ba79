"""One role's published figures from its accepted reports: plain data in, plain data out (the
batch, ``batch.py``, reads the rows and writes what this returns).

For each kind of report (net or gross, full or part time: never mixed):

1. **Outliers.** With at least ``REPORTS_OUTLIER_MIN_REPORTS`` reports of the kind in a year,
   those outside the role's fences for that year (:func:`stats.fences`, on the logarithm) are
   held for an editor, with the reason; a report an editor accepted stays counted. (Per year:
   a year's pay rise would widen the fences of the two years mixed.)
2. **The year.** This year's reports if the whole role passes the threshold with them, else
   last year's: a figure is always of one year (pay rises fast; two years are never mixed).
3. **Cohorts.** The whole role; each experience band; each İBBS-1 region and each province
   (full time only: part-time reports are published for the whole role only). A cohort is
   published only with ``REPORTS_MIN_COUNT`` reports from ``REPORTS_MIN_ADDRESSES`` addresses;
   a thinner one is simply absent, and pages fall back to the wider one (``lookup.py``).
"""

import datetime as dt
import functools
import hashlib
import json
import zoneinfo
from dataclasses import dataclass, field
from typing import NamedTuple

from django.conf import settings as django_settings

from . import conf, provinces, stats
from .models import CohortKind, Employment, Experience

#: The order groups are shown in: readers think in net pay first.
GROUPS = (("net", "full"), ("gross", "full"), ("net", "part"), ("gross", "part"))


class Row(NamedTuple):
    """One accepted report, as the batch reads it (a tuple: a million are made per run)."""

    pk: int
    role: int
    basis: str
    employment: str
    year: int
    experience: str
    province: int
    amount: float
    created: object
    address: str | None
    reviewed: bool


@dataclass(frozen=True)
class Cohort:
    basis: str
    employment: str
    year: int
    kind: str
    summary: stats.Summary
    experience: str = ""
    region: str = ""
    province: int | None = None
    first_month: dt.date | None = None  # of the first and last report, in Istanbul
    last_month: dt.date | None = None

    @classmethod
    def of(cls, summary, **fields):
        first, last = local_month(summary.first), local_month(summary.last)
        return cls(summary=summary, first_month=first, last_month=last, **fields)


@dataclass
class Result:
    cohorts: list = field(default_factory=list)
    #: ``[(report pk, reason)]``: outliers to hold
    held: list = field(default_factory=list)
    counted: int = 0


@dataclass(frozen=True)
class Settings:
    min_count: int
    min_addresses: int
    step: int
    k: float
    min_factor: float
    outlier_min: int

    @classmethod
    def from_conf(cls):
        return cls(
            min_count=max(5, int(conf.get("REPORTS_MIN_COUNT"))),  # never below the database's
            min_addresses=max(5, int(conf.get("REPORTS_MIN_ADDRESSES"))),
            step=int(conf.get("REPORTS_ROUND_TO")),
            k=float(conf.get("REPORTS_OUTLIER_K")),
            min_factor=float(conf.get("REPORTS_OUTLIER_MIN_FACTOR")),
            outlier_min=int(conf.get("REPORTS_OUTLIER_MIN_REPORTS")),
        )


def _describe(rows, settings):
    return stats.describe(
        [row.amount for row in rows],
        [row.created for row in rows],
        [row.address for row in rows],
        min_count=settings.min_count,
        min_addresses=settings.min_addresses,
        step=settings.step,
    )


#: Outlier passes per group at most: a second wrong report hidden by a first (which widened
#: the quartiles) is found in the next pass, so one run holds what the next would.
OUTLIER_PASSES = 4


def split_outliers(rows, settings, reason):
    """``(counted, held)``: ``held`` is ``[(row, text)]``; ``reason(low, high)`` words it.
    Fences again without what was held, until nothing more is (at most ``OUTLIER_PASSES``)."""
    counted, held = rows, []
    for _pass in range(OUTLIER_PASSES):
        if len(counted) < settings.outlier_min:
            break
        low, high = stats.fences(
            [row.amount for row in counted], k=settings.k, min_factor=settings.min_factor
        )
        kept = []
        for row in counted:
            if (row.amount < low or row.amount > high) and not row.reviewed:
                held.append((row, reason(low, high)))
            else:
                kept.append(row)
        if len(kept) == len(counted):
            break
        counted = kept
    return counted, held


def _by(rows, key):
    found = {}
    for row in rows:
        found.setdefault(key(row), []).append(row)
    return found


def compute(rows, this_year, settings, reason):
    """The :class:`Result` for one role's accepted ``rows`` (of this year and last)."""
    result = Result()
    groups = _by(rows, lambda row: (row.basis, row.employment))
    for basis, employment in GROUPS:
        group = groups.get((basis, employment))
        if not group:
            continue
        by_year = {}
        for year, rows_of_year in _by(group, lambda row: row.year).items():
            counted, held = split_outliers(rows_of_year, settings, reason)
            result.held += [(row.pk, text) for row, text in held]
            by_year[year] = counted
        for year in (this_year, this_year - 1):
            chosen = by_year.get(year, [])
            whole = _describe(chosen, settings) if chosen else None
            if whole is not None:
                break
        else:
            continue
        result.counted += len(chosen)
        base = {"basis": basis, "employment": employment, "year": year}
        result.cohorts.append(Cohort.of(whole, **base, kind=CohortKind.ROLE))
        if employment == Employment.FULL_TIME:
            result.cohorts += _narrower(chosen, settings, base)
    return result


#: plate -> İBBS-1 region code, for grouping a million rows without attribute look-ups
REGION_OF = {plate: province.region.code for plate, province in provinces.PROVINCES.items()}


def _narrower(rows, settings, base):
    """The experience, region and city cohorts of one group's counted ``rows`` that pass."""
    splits = {CohortKind.EXPERIENCE: {}, CohortKind.REGION: {}, CohortKind.CITY: {}}
    by_band, by_region, by_city = splits.values()
    for row in rows:  # one pass for the three splits
        by_band.setdefault(row.experience, []).append(row)
        by_region.setdefault(REGION_OF[row.province], []).append(row)
        by_city.setdefault(row.province, []).append(row)
    names = {
        CohortKind.EXPERIENCE: "experience",
        CohortKind.REGION: "region",
        CohortKind.CITY: "province",
    }
    found = []
    for kind, groups in splits.items():
        for value, members in sorted(groups.items()):
            if len(members) < settings.min_count:
                continue
            if (summary := _describe(members, settings)) is not None:
                found.append(Cohort.of(summary, **base, kind=kind, **{names[kind]: value}))
    return found


def local_month(value):
    """The first day of the month, in the site's time zone (Istanbul), of a report time as the
    database gave it: an aware datetime (PostgreSQL), a naive one in UTC (SQLite) or its ISO
    text. (``zoneinfo`` directly: Django's ``localtime`` looks the zone up per call, which a
    batch of a hundred thousand cohorts notices.)"""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(_zone()).date().replace(day=1)


@functools.cache
def _zone():
    return zoneinfo.ZoneInfo(django_settings.TIME_ZONE)


def _figures(cohort):
    summary = cohort.summary
    return {
        "count": summary.count,
        "p25": summary.p25,
        "median": summary.median,
        "p75": summary.p75,
        "first": cohort.first_month.strftime("%Y-%m"),
        "last": cohort.last_month.strftime("%Y-%m"),
    }


def summary_figures(cohorts, top_cities):
    """What the role's pages show (JSON): per group, the whole role, each experience band
    (None where it falls back to the whole role) and the cities with most reports."""
    figures = []
    for basis, employment in GROUPS:
        mine = [c for c in cohorts if (c.basis, c.employment) == (basis, employment)]
        whole = next((c for c in mine if c.kind == CohortKind.ROLE), None)
        if whole is None:
            continue
        group = {
            "basis": basis,
            "employment": employment,
            "year": whole.year,
            "all": _figures(whole),
        }
        if employment == Employment.FULL_TIME:
            bands = {c.experience: c for c in mine if c.kind == CohortKind.EXPERIENCE}
            group["experience"] = {
                band: _figures(bands[band]) if band in bands else None for band in Experience.values
            }
            cities = sorted(
                (c for c in mine if c.kind == CohortKind.CITY),
                key=lambda c: (-c.summary.count, c.province),
            )[:top_cities]
            group["cities"] = [{"plate": c.province, **_figures(c)} for c in cities]
        figures.append(group)
    return {"groups": figures}


def digest(figures, cohorts):
    """A fingerprint of everything published for the role: unchanged -> nothing to write or
    purge."""
    rows = [
        [
            *(c.basis, c.employment, c.year, c.kind, c.experience, c.region, c.province),
            *(c.summary.count, c.summary.addresses, c.summary.p25, c.summary.median),
            *(c.summary.p75, c.first_month.isoformat(), c.last_month.isoformat()),
        ]
        for c in cohorts
    ]
    text = json.dumps([figures, rows], sort_keys=True, ensure_ascii=True)
    return hashlib.sha256(text.encode()).hexdigest()
