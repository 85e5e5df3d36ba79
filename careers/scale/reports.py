"""Readers' salary reports at production size, from a known distribution, with planted
outliers (``manage.py makescale --reports``; the report batch's benchmark and tests).

Each role gets a "true" median (:func:`true_median`), and every report is drawn from a
log-normal around it, scaled by experience, province and the year, net or gross, full or part
time: :func:`expected_median` is the median the batch should find for a cohort. A few reports
(``OUTLIER_SHARE``) are planted far above their role's (a yearly figure typed as monthly, or a
zero too many): the batch must hold them, not count them. Reports are spread over the last
14 months; those older than the address retention period have no address hash, as the daily
job leaves them. Rows are written with ``executemany`` (a million model instances would cost
more than the inserts).
"""

import datetime as dt
import math

from django.db import connection
from django.utils import timezone

from careers.salaries.reports import provinces
from careers.salaries.reports.models import Report

BATCH = 20_000
SIGMA = 0.30  # the spread of log amounts within a cohort
EXPERIENCE = {"0-1": 0.80, "2-4": 1.0, "5-9": 1.25, "10+": 1.55}
EXPERIENCE_WEIGHTS = (25, 35, 25, 15)
#: A province's pay relative to the country, and its share of reports (the rest: spread).
PROVINCE_PAY = {34: 1.20, 6: 1.10, 35: 1.08, 41: 1.08, 16: 1.03, 7: 1.00, 27: 0.95}
PROVINCE_SHARE = {34: 0.30, 6: 0.11, 35: 0.07, 16: 0.04, 41: 0.03, 7: 0.03, 27: 0.02}
GROSS_FACTOR = 1.32  # a gross amount against the net one (roughly, above the minimum wage)
PART_TIME_FACTOR = 0.55
LAST_YEAR_FACTOR = 0.75  # pay rose about a third in a year
GROSS_SHARE, PART_TIME_SHARE, LAST_YEAR_SHARE = 0.30, 0.08, 0.25
OUTLIER_SHARE = 0.003
OUTLIER_FACTORS = (10, 12)
EMPLOYER_SIZES = ("", "1-9", "10-49", "50-249", "250+")
RETENTION_DAYS = 30
COLUMNS = (
    "id", "role_id", "province", "experience", "amount", "pay_basis", "employment", "year",
    "employer_size", "status", "reason", "address_hash", "created_at",
)  # fmt: skip


def true_median(role_id):
    """The full-time, net, this-year, 2-4-years, country-wide median of a role: 25.000 to
    120.000 TL, fixed by the role's id (the same in every run)."""
    return 25_000 + (role_id * 7919) % 95_000


def province_pay(plate):
    return PROVINCE_PAY.get(plate, 0.95)


def expected_median(
    role_id, *, experience="2-4", plate=None, basis="net", part_time=False, last_year=False
):
    """The median the batch should publish for a cohort of many reports (before rounding and
    outliers): the log-normal's median, times each factor."""
    value = true_median(role_id) * EXPERIENCE[experience]
    value *= province_pay(plate) if plate else 1.0
    value *= GROSS_FACTOR if basis == "gross" else 1.0
    value *= PART_TIME_FACTOR if part_time else 1.0
    value *= LAST_YEAR_FACTOR if last_year else 1.0
    return value


def counts_per_role(rng, role_ids, total):
    """How many reports each role gets: most roles around the mean, some few (a long tail,
    as a site's readers are spread), so thin cohorts and fallbacks happen."""
    weights = [rng.lognormvariate(0, 1.0) for _ in role_ids]
    scale = total / sum(weights)
    counts = {pk: int(w * scale) for pk, w in zip(role_ids, weights, strict=True)}
    for pk in role_ids[: total - sum(counts.values())]:
        counts[pk] += 1
    return counts


def _province(rng, rest):
    roll, cumulative = rng.random(), 0.0
    for plate, share in PROVINCE_SHARE.items():
        cumulative += share
        if roll < cumulative:
            return plate
    return rng.choice(rest)


def report_row(rng, pk, role_id, now, this_year, rest):
    experience = rng.choices(tuple(EXPERIENCE), EXPERIENCE_WEIGHTS)[0]
    plate = _province(rng, rest)
    basis = "gross" if rng.random() < GROSS_SHARE else "net"
    part_time = rng.random() < PART_TIME_SHARE
    last_year = rng.random() < LAST_YEAR_SHARE
    median = expected_median(
        role_id,
        experience=experience,
        plate=plate,
        basis=basis,
        part_time=part_time,
        last_year=last_year,
    )
    amount = median * math.exp(rng.gauss(0, SIGMA))
    reason = ""
    if rng.random() < OUTLIER_SHARE:
        amount *= rng.choice(OUTLIER_FACTORS)
        reason = "planted"
    created = now - dt.timedelta(seconds=rng.randrange(14 * 30 * 86400))
    address = f"{pk:064x}" if created > now - dt.timedelta(days=RETENTION_DAYS) else None
    return (
        pk,
        role_id,
        plate,
        experience,
        round(amount, 2),
        basis,
        "part" if part_time else "full",
        this_year - 1 if last_year else this_year,
        rng.choice(EMPLOYER_SIZES),
        "accepted",
        reason,
        address,
        created,
    )


def make_reports(rng, total, role_ids, made):
    """``total`` reports over ``role_ids`` (published roles); returns the planted outliers."""
    if total <= 0 or not role_ids:
        return 0
    now = timezone.now()
    this_year = timezone.localdate().year
    rest = [plate for plate in provinces.PROVINCES if plate not in PROVINCE_SHARE]
    last = Report.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    pk = last + 1
    table = Report._meta.db_table
    sql = (
        f"INSERT INTO {table} ({', '.join(COLUMNS)}) "  # noqa: S608 (our names)
        f"VALUES ({', '.join(['%s'] * len(COLUMNS))})"
    )
    adapt = connection.ops.adapt_datetimefield_value
    planted, batch = 0, []
    with connection.cursor() as cursor:
        for role_id, count in counts_per_role(rng, role_ids, total).items():
            for _ in range(count):
                row = report_row(rng, pk, role_id, now, this_year, rest)
                planted += row[10] == "planted"
                batch.append((*row[:10], "", row[11], adapt(row[12])))
                pk += 1
                if len(batch) >= BATCH:
                    cursor.executemany(sql, batch)
                    batch = []
        if batch:
            cursor.executemany(sql, batch)
    made.add("salary reports", pk - last - 1)
    made.add("  planted outliers", planted)
    return planted
