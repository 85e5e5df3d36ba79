"""Instants that catch code mixing UTC and Istanbul dates (the site lives in Europe/Istanbul,
UTC+3; the machines in UTC). Today's date, so that data made by fixtures stays plausible."""

from datetime import UTC, datetime, time

_today = datetime.now(UTC).date()

AWKWARD_HOURS = [
    # 23:30 UTC is 02:30 tomorrow in Istanbul; 21:30 UTC is 00:30 tomorrow in Istanbul.
    datetime.combine(_today, time(23, 30), tzinfo=UTC),
    datetime.combine(_today, time(21, 30), tzinfo=UTC),
    datetime.combine(_today, time(9, 0), tzinfo=UTC),
]
