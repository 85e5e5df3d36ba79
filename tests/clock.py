"""Instants that catch code mixing UTC and Istanbul dates (the site lives in Europe/Istanbul,
UTC+3; the machines in UTC): the next 21:30 UTC (00:30 tomorrow in Istanbul), the next 23:30
UTC (02:30 in Istanbul) and the next 09:00 UTC (the same day in both). Always in the future,
so that data a fixture made a moment ago stays in the past when a test travels there."""

from datetime import UTC, datetime, time, timedelta


def _next(at):
    now = datetime.now(UTC)
    candidate = datetime.combine(now.date(), at, tzinfo=UTC)
    return candidate if candidate > now + timedelta(minutes=5) else candidate + timedelta(days=1)


AWKWARD_HOURS = [_next(time(21, 30)), _next(time(23, 30)), _next(time(9, 0))]
