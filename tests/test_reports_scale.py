"""makescale's salary reports: drawn from a known distribution with planted outliers, which
the batch (run by makescale) finds: what it holds was (almost always) planted, and most of
what was planted is held."""

import pytest
from django.core.management import call_command

from careers.salaries.reports.models import Report, ReportBatchRun, ReportCohort
from careers.scale import reports as scale_reports

pytestmark = pytest.mark.django_db


def ratio(report, this_year):
    """The report's amount against the median it was drawn around."""
    expected = scale_reports.expected_median(
        report.role_id,
        experience=report.experience,
        plate=report.province,
        basis=report.pay_basis,
        part_time=report.employment == "part",
        last_year=report.year < this_year,
    )
    return float(report.amount) / expected


def test_makescale_reports_follow_their_distribution_and_the_batch_holds_the_planted_ones(db):
    call_command("makescale", roles=30, comments=0, reports=9000, verbosity=0)
    assert Report.objects.count() == 9000
    run = ReportBatchRun.objects.get()
    assert run.trigger == "makescale" and run.cohorts == ReportCohort.objects.count() > 30
    year = Report.objects.order_by("-year").values_list("year", flat=True).first()
    held = list(Report.objects.filter(status="held"))
    clean_held = [r for r in held if ratio(r, year) < 4]
    assert len(clean_held) <= 0.001 * 9000  # a clean report in the far tail, rarely
    planted = [r for r in Report.objects.filter(employment="full") if ratio(r, year) > 7]
    caught = [r for r in planted if r.status == "held"]
    # the fences are the role's: x10 in the lowest-paid band can stay inside them
    assert len(caught) >= 0.8 * len(planted) and len(held) > len(clean_held)
    # most reports lie near their median: a log-normal with sigma 0.3
    sample = list(Report.objects.filter(status="accepted")[:2000])
    near = [r for r in sample if 0.55 < ratio(r, year) < 1.8]
    assert len(near) >= 0.94 * len(sample)
