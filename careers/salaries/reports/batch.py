"""The batch that publishes readers' reports: every accepted report read once, every cohort
computed again, and only the roles whose published figures changed written and purged.

Why a batch and never per submission: a page shown before and after one new report would
reveal that report (the difference of two medians). Figures change only when this runs (a
nightly periodic job, ``settings.PERIODIC_JOBS``, or an editor's "recompute now" in the
admin: both through the job queue, on its ``batch`` queue), with every report of the day at
once, rounded, and only for cohorts that pass the threshold.

How it stays fast at a million reports (measured in the closing note of issue 18):

* **One statement, streamed.** The accepted reports of this year and last, ordered by role
  (the ``(role, status)`` index gives that order), read in chunks through a server-side cursor
  (``connection.chunked_cursor()``), as bare tuples: no model instance, no per-row converter
  (the amount is cast to a float in SQL). Only one role's reports are in memory at a time.
* **The statistics in Python, per role** (``cohorts.py``): sorting a few dozen amounts per
  cohort is microseconds. SQL aggregation would not help: SQLite has no percentile function,
  and the outlier rule needs the quartiles before the cohorts. numpy was measured against it and
  left out: the time goes into reading rows, not arithmetic, and converting every role's rows
  into arrays cost more than it saved.
* **Writes only for what changed**, compared by a digest of each role's published figures, in
  short transactions of a few hundred roles (the site keeps taking comments and reports
  meanwhile: no write lock is held while reading), each with its page purges queued in the
  same transaction.
"""

import logging
import time

from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, FloatField, Q
from django.db.models.functions import Cast
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from careers import turkish
from careers.site import redis
from careers.site.pagecache import invalidate

from .. import keys
from . import cohorts, conf
from .models import Report, ReportBatchRun, ReportCohort, ReportStatus, ReportSummary

logger = logging.getLogger(__name__)

FETCH = 20_000  # rows per round trip while streaming
ROLES_PER_TRANSACTION = 500
LOCK = "reports:batch-running"
LOCK_SECONDS = 60 * 60


def this_year():
    return timezone.localdate().year


def _reports_query(year):
    """The SQL of the accepted reports of ``year`` and the year before, by role."""
    queryset = (
        Report.objects.filter(status=ReportStatus.ACCEPTED, year__gte=year - 1, year__lte=year)
        .order_by("role_id")
        .annotate(
            amount_value=Cast(F("amount"), FloatField()),
            was_reviewed=ExpressionWrapper(Q(reviewed_at__isnull=False), BooleanField()),
        )
        .values_list(
            "pk",
            "role_id",
            "pay_basis",
            "employment",
            "year",
            "experience",
            "province",
            "amount_value",
            "created_at",
            "address_hash",
            "was_reviewed",
        )
    )
    return queryset.query.sql_with_params()


def read_roles(year):
    """``(role id, [cohorts.Row])`` for every role with accepted reports, one role at a time."""
    sql, params = _reports_query(year)
    current, rows = None, []
    make = cohorts.Row._make
    with connection.chunked_cursor() as cursor:
        cursor.execute(sql, params)
        while chunk := cursor.fetchmany(FETCH):
            for record in chunk:
                if record[1] != current:
                    if rows:
                        yield current, rows
                    current, rows = record[1], []
                rows.append(make(record))
    if rows:
        yield current, rows


def outlier_reason(low, high):
    """What an editor reads next to a held report (in Turkish: the admin is Turkish)."""
    with translation.override("tr"):
        return _(
            "Far from this occupation's other reports of the same kind (net or gross, full or "
            "part time): expected between %(low)s and %(high)s."
        ) % {"low": turkish.format_money(low), "high": turkish.format_money(high)}


def cohort_rows(role_id, found, now):
    return [
        ReportCohort(
            role_id=role_id,
            pay_basis=c.basis,
            employment=c.employment,
            year=c.year,
            kind=c.kind,
            experience=c.experience,
            region=c.region,
            province=c.province,
            count=c.summary.count,
            addresses=c.summary.addresses,
            p25=c.summary.p25,
            median=c.summary.median,
            p75=c.summary.p75,
            first_month=c.first_month,
            last_month=c.last_month,
            computed_at=now,
        )
        for c in found
    ]


def summary_row(role_id, figures, digest, now):
    headline = {
        group["basis"]: group for group in figures["groups"] if group["employment"] == "full"
    }
    net, gross = headline.get("net"), headline.get("gross")
    first = net or gross
    return ReportSummary(
        role_id=role_id,
        figures=figures,
        digest=digest,
        year=first["year"] if first else None,
        net_median=net["all"]["median"] if net else None,
        net_count=net["all"]["count"] if net else 0,
        gross_median=gross["all"]["median"] if gross else None,
        gross_count=gross["all"]["count"] if gross else 0,
        computed_at=now,
    )


def _write(changes, gone, now):
    """Replace the cohorts and summaries of ``changes`` (``{role id: (figures, cohorts,
    digest)}``) and delete those of the roles in ``gone``, a few hundred roles per
    transaction, purging their pages."""
    role_ids = sorted(changes) + sorted(gone)
    for start in range(0, len(role_ids), ROLES_PER_TRANSACTION):
        chunk = role_ids[start : start + ROLES_PER_TRANSACTION]
        with transaction.atomic():
            ReportCohort.objects.filter(role_id__in=chunk).delete()
            ReportSummary.objects.filter(role_id__in=chunk).delete()
            new_cohorts, summaries = [], []
            for role_id in chunk:
                if role_id in changes:
                    figures, found, digest = changes[role_id]
                    new_cohorts += cohort_rows(role_id, found, now)
                    summaries.append(summary_row(role_id, figures, digest, now))
            ReportCohort.objects.bulk_create(new_cohorts, batch_size=2000)
            ReportSummary.objects.bulk_create(summaries, batch_size=500)
            invalidate(keys.REPORTS, *(keys.reports(role_id) for role_id in chunk))


def _hold(held):
    """Mark outliers held, with their reason (never a report an editor accepted)."""
    by_reason = {}
    for pk, reason in held:
        by_reason.setdefault(reason, []).append(pk)
    count = 0
    for reason, pks in by_reason.items():
        for start in range(0, len(pks), 500):
            count += Report.objects.filter(
                pk__in=pks[start : start + 500],
                status=ReportStatus.ACCEPTED,
                reviewed_at__isnull=True,
            ).update(status=ReportStatus.HELD, reason=reason[:300])
    return count


def run(trigger=""):
    """Recompute every cohort; a :class:`ReportBatchRun`, or None if another run is under way
    (on any server)."""
    if not redis.claim([LOCK], LOCK_SECONDS):
        logger.warning("Report batch not started: another run is under way")
        return None
    try:
        return _run(trigger)
    finally:
        redis.release([LOCK])


def _run(trigger):
    started = time.monotonic()
    record = ReportBatchRun(trigger=trigger[:40])
    settings = cohorts.Settings.from_conf()
    top_cities = int(conf.get("REPORTS_TOP_CITIES"))
    year = this_year()
    old = dict(ReportSummary.objects.values_list("role_id", "digest"))
    changes, held, seen = {}, [], set()
    for role_id, rows in read_roles(year):
        record.reports += len(rows)
        result = cohorts.compute(rows, year, settings, outlier_reason)
        held += result.held
        record.counted += result.counted
        if not result.cohorts:
            continue
        seen.add(role_id)
        record.cohorts += len(result.cohorts)
        figures = cohorts.summary_figures(result.cohorts, top_cities)
        digest = cohorts.digest(figures, result.cohorts)
        if old.get(role_id) != digest:
            changes[role_id] = (figures, result.cohorts, digest)
    gone = set(old) - seen
    now = timezone.now()
    read = time.monotonic()
    record.held = _hold(held)
    holding = time.monotonic()
    _write(changes, gone, now)
    record.roles_changed = len(changes) + len(gone)
    finished = time.monotonic()
    record.seconds = round(finished - started, 3)
    # Where the time went (printed by manage.py recompute_reports; not stored).
    record.phases = {
        "read": read - started,
        "hold": holding - read,
        "write": finished - holding,
    }
    record.save()
    logger.info(
        "Report batch: %s reports, %s cohorts, %s roles changed, %s held, %.1f s",
        record.reports,
        record.cohorts,
        record.roles_changed,
        record.held,
        record.seconds,
    )
    return record
