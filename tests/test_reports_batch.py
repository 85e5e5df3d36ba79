"""The report batch (careers/salaries/reports/batch.py, cohorts.py): what it publishes from
accepted reports, checked against Python's ``statistics`` on the same accepted rows, and what it
never publishes."""

import datetime as dt
import random
import statistics
from decimal import Decimal

import pytest
import time_machine
from django.db import IntegrityError, transaction

from careers.salaries.reports import batch, stats
from careers.salaries.reports.models import (
    Report,
    ReportBatchRun,
    ReportCohort,
    ReportStatus,
    ReportSummary,
)

from .factories import make_report, make_role

pytestmark = pytest.mark.django_db

#: 26 November 2026, noon in Istanbul: the reports' year is 2026, last year 2025.
LATE_2026 = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _late_2026():
    with time_machine.travel(LATE_2026, tick=True):
        yield


def published(role, **where):
    return ReportCohort.objects.get(role=role, **where)


def round100(value):
    return stats.round_to(value, 100)


def known_distribution(role, n=120, seed=7, **fields):
    """``n`` net full-time reports from a log-normal (median about 40.000 TL), spread over
    four experience bands and three provinces; returns the amounts per experience band."""
    rng = random.Random(seed)
    bands = {}
    for i in range(n):
        band = ("0-1", "2-4", "5-9", "10+")[i % 4]
        amount = Decimal(str(round(rng.lognormvariate(10.6, 0.25), 2)))
        make_report(role, amount, experience=band, province=(34, 6, 35)[i % 3], **fields)
        bands.setdefault(band, []).append(float(amount))
    return bands


def test_published_median_and_quartiles_are_statistics_on_the_same_accepted_rows():
    role = make_role("Yazılım Geliştirici")
    bands = known_distribution(role)
    make_report(role, 55_000, status=ReportStatus.REJECTED)  # never counted
    make_report(role, 20_000, status=ReportStatus.HELD, reason="editör bakacak")

    batch.run("test")

    accepted = [float(a) for a in Report.objects.filter(role=role, status="accepted")
                .values_list("amount", flat=True)]  # fmt: skip
    assert len(accepted) == 120
    whole = published(role, kind="role", pay_basis="net", employment="full")
    q1, q2, q3 = statistics.quantiles(accepted, n=4, method="inclusive")
    assert (whole.p25, whole.median, whole.p75) == (round100(q1), round100(q2), round100(q3))
    assert whole.median == round100(statistics.median(accepted))
    assert whole.count == 120 and whole.year == 2026
    for band, amounts in bands.items():
        cohort = published(role, kind="experience", experience=band)
        q1, q2, q3 = statistics.quantiles(amounts, n=4, method="inclusive")
        assert (cohort.p25, cohort.median, cohort.p75) == (
            round100(q1),
            round100(q2),
            round100(q3),
        )
    for value in (whole.p25, whole.median, whole.p75):
        assert value % 100 == 0


def test_a_cohort_of_4_reports_shows_nothing_and_with_5_it_shows(client):
    role = make_role("Kuyumcu")
    for amount in (30_000, 32_000, 34_000, 36_000):
        make_report(role, amount)
    batch.run("test")
    assert not ReportCohort.objects.filter(role=role).exists()
    page = client.get(role.get_absolute_url()).content.decode()
    assert "Henüz yeterli bildirim yok" in page
    assert "en az 5 farklı adresten en az 5 bildirim" in page  # says why

    make_report(role, 38_000)
    batch.run("test")
    whole = published(role, kind="role")
    assert (whole.count, whole.median) == (5, 34_000)
    page = client.get(role.get_absolute_url()).content.decode()
    assert "Henüz yeterli bildirim yok" not in page
    assert "Medyan <strong>34.000 TL</strong>" in page
    assert "5 bildirim, Kasım 2026 · güven: düşük" in page


def test_one_address_never_counts_twice_for_a_role_and_old_reports_count_apart():
    """The database keeps one report per (role, address hash): five reports of a role are
    five addresses while the hashes are kept; once deleted (after 30 days) each report counts
    as an address of its own (the stats module refuses 5 reports from 4 hashes:
    tests/test_reports_stats.py)."""
    role = make_role("Saat Ustası")
    make_report(role, 30_000, address="a" * 64)
    with pytest.raises(IntegrityError), transaction.atomic():
        make_report(role, 31_000, address="a" * 64)
    for amount in (32_000, 34_000, 36_000, 38_000):
        make_report(role, amount, address=None)
    Report.objects.filter(role=role).update(address_hash=None)  # the retention job ran
    batch.run("test")
    whole = published(role, kind="role")
    assert (whole.count, whole.addresses, whole.median) == (5, 5, 34_000)


def test_net_and_gross_are_never_mixed():
    role = make_role("Pilot")
    for amount in (30_000, 31_000, 32_000, 33_000, 34_000):
        make_report(role, amount, pay_basis="net")
    for amount in (60_000, 61_000, 62_000, 63_000, 64_000):
        make_report(role, amount, pay_basis="gross")
    batch.run("test")
    assert published(role, kind="role", pay_basis="net").median == 32_000
    assert published(role, kind="role", pay_basis="gross").median == 62_000
    summary = ReportSummary.objects.get(role=role)
    assert (summary.net_median, summary.gross_median) == (32_000, 62_000)


def test_part_time_is_its_own_figure_for_the_whole_occupation_only():
    role = make_role("Garson")
    for amount in (30_000, 31_000, 32_000, 33_000, 34_000):
        make_report(role, amount)
    for amount in (12_000, 13_000, 14_000, 15_000, 16_000):
        make_report(role, amount, employment="part")
    batch.run("test")
    assert published(role, kind="role", employment="full").median == 32_000
    assert published(role, kind="role", employment="part").median == 14_000
    assert not ReportCohort.objects.filter(role=role, employment="part").exclude(kind="role")


def test_a_thin_experience_band_or_city_is_absent_and_wider_cohorts_are_published():
    role = make_role("Tercüman")
    for i in range(6):
        make_report(role, 30_000 + 1000 * i, experience="2-4", province=6)  # Ankara
    for i in range(4):
        make_report(role, 50_000 + 1000 * i, experience="10+", province=42)  # Konya
    batch.run("test")
    kinds = set(ReportCohort.objects.filter(role=role).values_list("kind", "experience", "region",
                                                                   "province"))  # fmt: skip
    assert ("role", "", "", None) in kinds
    assert ("experience", "2-4", "", None) in kinds
    assert ("city", "", "", 6) in kinds
    assert ("region", "", "TR5", None) in kinds  # Ankara and Konya: Batı Anadolu, 10 reports
    assert not any(k[1] == "10+" for k in kinds) and not any(k[3] == 42 for k in kinds)
    figures = ReportSummary.objects.get(role=role).figures["groups"][0]
    assert figures["experience"]["10+"] is None  # shown as "not enough": falls back
    assert [city["plate"] for city in figures["cities"]] == [6]


def test_this_years_figures_or_last_years_never_both():
    role = make_role("Aşçı")
    for amount in (20_000, 21_000, 22_000, 23_000, 24_000):
        make_report(role, amount, year=2025)
    for amount in (30_000, 31_000, 32_000, 33_000):
        make_report(role, amount, year=2026)
    batch.run("test")
    whole = published(role, kind="role")
    assert (whole.year, whole.median) == (2025, 22_000)  # 2026 has only 4
    make_report(role, 34_000, year=2026)
    batch.run("test")
    whole = published(role, kind="role")
    assert (whole.year, whole.median, whole.count) == (2026, 32_000, 5)


def test_a_planted_outlier_is_held_with_its_reason_and_not_counted():
    role = make_role("Muhasebeci")
    rng = random.Random(3)
    clean = [round(rng.lognormvariate(10.5, 0.2), 2) for _ in range(30)]
    for amount in clean:
        make_report(role, amount)
    planted = make_report(role, round(statistics.median(clean) * 12, 2))  # a yearly figure

    run = batch.run("test")

    planted.refresh_from_db()
    assert planted.status == ReportStatus.HELD and run.held == 1
    assert "öteki bildirimlerinden çok farklı" in planted.reason
    whole = published(role, kind="role")
    assert whole.count == 30
    assert whole.median == round100(statistics.median(clean))
    # an editor accepts it: counted from the next run, and never held again
    Report.objects.filter(pk=planted.pk).update(status="accepted", reviewed_at=LATE_2026)
    again = batch.run("test")
    assert again.held == 0 and published(role, kind="role").count == 31


def test_a_second_run_with_nothing_new_changes_nothing_and_purges_nothing(settings):
    role = make_role("Eczacı")
    known_distribution(role, n=40)
    first = batch.run("test")
    stamp = ReportSummary.objects.get(role=role).computed_at
    second = batch.run("test")
    assert (first.roles_changed, second.roles_changed) == (1, 0)
    assert ReportSummary.objects.get(role=role).computed_at == stamp
    assert ReportBatchRun.objects.count() == 2
    Report.objects.filter(role=role).update(status=ReportStatus.REJECTED)
    third = batch.run("test")  # nothing left to publish: the role's figures go
    assert third.roles_changed == 1
    assert not ReportCohort.objects.filter(role=role).exists()
    assert not ReportSummary.objects.filter(role=role).exists()


def test_a_second_batch_at_the_same_time_does_not_start():
    from careers.site import redis

    assert redis.claim([batch.LOCK], 60)
    try:
        assert batch.run("test") is None
    finally:
        redis.release([batch.LOCK])
    assert batch.run("test") is not None
