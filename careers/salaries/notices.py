"""What a reader is told next to salary figures: that they are old, that the average is below
today's net minimum wage, and when and how they last changed. Plain functions, tested without
HTTP; every page that shows figures (article, cards, salary comparison, role comparison) uses
them."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from careers import turkish
from careers.site.baked import Baked
from careers.site.pagecache import cached

from . import keys, quality
from .models import MinimumWage, SalaryBand


def minimum_wages():
    """The minimum wage table (``MinimumWage.objects.table()``, oldest first), from the cache
    until a rate changes: the one place it is kept (cards, /maaslar/, reports' limits)."""
    return cached("salaries:minimum-wages", [keys.MINWAGE], _MINIMUM_WAGES)


#: ``MinimumWage.objects.table()`` as a baked query (careers/site/baked.py).
_MINIMUM_WAGES = Baked(lambda: MinimumWage.objects.oldest_first())


def minimum_wage_on(rates, day):
    """The rate in force on ``day`` (``rates`` oldest first, as ``MinimumWage.objects.table()``
    gives them); None before the first."""
    current = None
    for rate in rates:
        if rate.effective_from <= day:
            current = rate
    return current


@dataclass(frozen=True)
class SalaryNotice:
    year: int
    stale: bool
    average: Decimal | None = None
    #: today's net minimum wage, when the average is below it
    minimum_today: Decimal | None = None

    @property
    def text(self):
        parts = []
        if self.stale:
            parts.append(
                _("These figures are from %(year)s and may be out of date.") % {"year": self.year}
            )
        if self.minimum_today is not None:
            parts.append(
                _(
                    "The %(year)s average (%(average)s) is below today's net minimum wage "
                    "(%(minimum)s)."
                )
                % {
                    "year": self.year,
                    "average": turkish.format_money(self.average),
                    "minimum": turkish.format_money(self.minimum_today, 2),
                }
            )
        return " ".join(parts)


def salary_notice(latest_year, latest_average, minimum_net_today, today=None):
    """A :class:`SalaryNotice` for a role whose latest figures are of ``latest_year`` (None:
    no figures, no notice), or None when the figures are current and above today's net minimum
    wage (``minimum_net_today``: one value for a whole page, see :func:`minimum_wage_on`). The
    comparison holds whatever the figure's basis: a gross or an unspecified figure below the
    net minimum wage is below the gross one too."""
    if latest_year is None:
        return None
    stale = quality.is_stale(latest_year, today)
    below = (
        latest_average is not None
        and minimum_net_today is not None
        and Decimal(latest_average) < minimum_net_today
    )
    if not stale and not below:
        return None
    return SalaryNotice(
        year=latest_year,
        stale=stale,
        average=latest_average if below else None,
        minimum_today=minimum_net_today if below else None,
    )


def notice_for_bands(bands, rates, today=None):
    """The notice of an article whose ``bands`` and minimum wage ``rates`` are fetched."""
    if not bands:
        return None
    today = today or timezone.localdate()
    latest = max(bands, key=lambda band: band.year)
    rate = minimum_wage_on(rates, today)
    return salary_notice(latest.year, latest.average, rate and rate.net_monthly, today)


# --- Update notes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class UpdateNote:
    date: dt.date
    year: int
    average: Decimal
    previous_year: int | None = None
    previous_average: Decimal | None = None

    @property
    def text(self):
        values = {
            "date": turkish.format_date(self.date),
            "suffix": turkish.locative_suffix(self.date.year),
            "year": self.year,
            "average": turkish.format_money(self.average),
        }
        if self.previous_average is None:
            return (
                _("Salary figures updated on %(date)s%(suffix)s (%(year)s average %(average)s).")
                % values
            )
        if self.previous_year == self.year - 1:
            return _(
                "Salary figures updated on %(date)s%(suffix)s (%(year)s average %(average)s, "
                "the year before %(previous)s)."
            ) % {**values, "previous": turkish.format_money(self.previous_average)}
        return _(
            "Salary figures updated on %(date)s%(suffix)s (%(year)s average %(average)s, "
            "%(previous_year)s: %(previous)s)."
        ) % {
            **values,
            "previous_year": self.previous_year,
            "previous": turkish.format_money(self.previous_average),
        }


HISTORY_WINDOW = 30
#: What :func:`update_notes` reads of a history row.
HISTORY_FIELDS = ("history_date", "history_type", "year", "average")


def recent_history(role):
    """The role's latest salary band history rows, newest first (one query, at most
    HISTORY_WINDOW rows whatever the history's length), as named tuples of what the notes
    read (not thirty historical band instances)."""
    return _RECENT_HISTORY(role.pk)


#: :func:`recent_history`'s query, baked (careers/site/baked.py).
_RECENT_HISTORY = Baked(
    lambda role_id: (
        SalaryBand.history.filter(role_id=role_id)
        .order_by("-history_date", "-history_id")
        .values_list(*HISTORY_FIELDS, named=True)[:HISTORY_WINDOW]
    )
)


def update_notes(records, bands, limit=3):
    """Public notes from the salary history, newest first: one per day on which figures
    changed, naming the latest year's average then and the year before it.

    ``records``: the role's historical salary band rows, newest first (one query, bounded:
    see :func:`recent_history`); ``bands``: the role's current bands (for the year before).
    """
    by_year = {band.year: band for band in bands}
    notes, days = [], set()
    for record in records:
        day = timezone.localtime(record.history_date).date()
        if day in days or record.history_type == "-":
            continue
        days.add(day)
        earlier = [year for year in by_year if year < record.year]
        previous = by_year[max(earlier)] if earlier else None
        notes.append(
            UpdateNote(
                date=day,
                year=record.year,
                average=record.average,
                previous_year=previous.year if previous else None,
                previous_average=previous.average if previous else None,
            )
        )
        if len(notes) == limit:
            break
    return notes
