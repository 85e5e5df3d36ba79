"""Readers' reports for editors: the review queue, bulk accept and reject, figures per role
beside the editor's, "recompute now", least privilege; and the address clean-up job."""

import datetime as dt

import pytest
import time_machine
from django.contrib.auth.models import User
from django.db import connection

from careers.salaries.reports import batch, jobs
from careers.salaries.reports.models import Report, ReportBatchRun, ReportCohort, ReportStatus

from .factories import make_band, make_report, make_role
from .helpers import text_of

pytestmark = pytest.mark.django_db

QUEUE = "/yonetim/salaries/report/"


def test_the_list_opens_on_the_queue_of_held_reports_with_their_reason(editor_client):
    role = make_role("Kredi Asistanı")
    make_report(role, 30_000)
    make_report(role, 480_000, status=ReportStatus.HELD, reason="Öteki bildirimlerden çok farklı")
    response = editor_client.get(QUEUE)
    assert response.status_code == 302 and response["Location"].endswith("?status__exact=held")
    queue = editor_client.get(response["Location"])
    text = text_of(queue)
    assert "480.000 TL" in text and "Öteki bildirimlerden çok farklı" in text
    assert "30.000 TL" not in text
    assert "1 bildirim incelemede" in text
    assert "adres" not in queue.content.decode().split('id="result_list"')[1].split("</table>")[0]


def test_editors_accept_and_reject_held_reports_in_bulk_and_never_edit_one(editor_client):
    role = make_role("Kredi Asistanı")
    held = [make_report(role, 40_000 + i, status=ReportStatus.HELD, reason="x") for i in range(3)]
    response = editor_client.post(
        QUEUE + "?status__exact=held",
        {"action": "accept", "_selected_action": [held[0].pk, held[1].pk]},
        follow=True,
    )
    assert "2 bildirim onaylandı" in text_of(response)
    editor_client.post(QUEUE, {"action": "reject", "_selected_action": [held[2].pk]})
    statuses = dict(Report.objects.values_list("pk", "status"))
    assert [statuses[r.pk] for r in held] == ["accepted", "accepted", "rejected"]
    accepted = Report.objects.get(pk=held[0].pk)
    assert accepted.reviewed_by.username == "editor" and accepted.reviewed_at is not None
    change = editor_client.get(f"{QUEUE}{held[0].pk}/change/")
    assert change.status_code == 200 and 'name="amount"' not in change.content.decode()
    assert editor_client.post(f"{QUEUE}{held[0].pk}/change/", {"amount": "1"}).status_code == 403
    assert editor_client.get(f"{QUEUE}add/").status_code == 403


def test_staff_without_the_review_permission_cannot_accept_or_recompute(client):
    viewer = User.objects.create_user("bakan", password="a-long-test-pass", is_staff=True)
    viewer.user_permissions.add(*_perms("view_report"))
    client.force_login(viewer)
    held = make_report(make_role(), 40_000, status=ReportStatus.HELD, reason="x")
    page = client.get(QUEUE + "?status__exact=held").content.decode()
    assert 'value="accept"' not in page and "Şimdi yeniden hesapla" not in page
    client.post(QUEUE, {"action": "accept", "_selected_action": [held.pk]})
    assert Report.objects.get(pk=held.pk).status == "held"
    assert client.post(QUEUE + "yeniden-hesapla/").status_code == 403


def _perms(*codenames):
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(codename__in=codenames)


def test_recompute_now_runs_the_batch_job_and_the_figures_appear(
    editor_client, client, django_capture_on_commit_callbacks
):
    role = make_role("Kredi Asistanı")
    for amount in (30_000, 31_000, 32_000, 33_000, 34_000):
        make_report(role, amount)
    assert not ReportCohort.objects.exists()
    assert editor_client.get(QUEUE + "yeniden-hesapla/").status_code == 403  # POST only
    with django_capture_on_commit_callbacks(execute=True):  # jobs run after the commit
        response = editor_client.post(
            "/yonetim/salaries/reportsummary/yeniden-hesapla/", follow=True
        )
    assert "Rakamlar onaylı bütün bildirimlerden yeniden hesaplanıyor" in text_of(response)
    run = ReportBatchRun.objects.get()  # the job ran (tests run jobs at once, after the commit)
    assert run.trigger == "admin: editor" and run.roles_changed == 1
    assert "Medyan 32.000 TL" in text_of(client.get(role.get_absolute_url()))


def test_figures_per_role_beside_the_editors_latest_with_counts(editor_client):
    role = make_role("Kredi Asistanı")
    make_band(role, year=2025, average="30000", top="45000", pay_basis="net")
    for amount in (40_000, 41_000, 42_000, 43_000, 44_000):
        make_report(role, amount)
    make_report(role, 400_000, status=ReportStatus.HELD, reason="x")
    batch.run("test")
    text = text_of(editor_client.get("/yonetim/salaries/reportsummary/"))
    assert "Kredi Asistanı" in text
    assert "42.000 TL (5)" in text  # readers' net median and count
    assert "30.000 TL (2025, net)" in text  # the editor's latest, beside it
    held_link = f"?status__exact=held&amp;role__id__exact={role.pk}"
    assert held_link in editor_client.get("/yonetim/salaries/reportsummary/").content.decode()
    assert editor_client.get(QUEUE + held_link.replace("&amp;", "&")).status_code == 200


def test_the_daily_job_deletes_address_hashes_after_30_days_and_keeps_the_reports():
    role = make_role()
    now = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(now - dt.timedelta(days=31)):
        old = make_report(role, 30_000)
    with time_machine.travel(now - dt.timedelta(days=29)):
        recent = make_report(make_role(), 30_000)
    with time_machine.travel(now):
        assert jobs.clear_addresses.call() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.address_hash is None and old.amount == 30_000
    assert recent.address_hash is not None


def test_the_nightly_and_daily_jobs_are_periodic_jobs(settings):
    assert settings.PERIODIC_JOBS["report-cohorts"] == (
        "careers.salaries.reports.jobs.recompute",
        24 * 60 * 60,
    )
    assert settings.PERIODIC_JOBS["clear-report-addresses"][0].endswith("jobs.clear_addresses")
    assert jobs.recompute.queue_name == "batch"


def test_the_queue_filters_by_year_and_searches_by_role_in_fixed_queries(
    editor_client, django_assert_num_queries
):
    """A million reports: the year filter offers this year, last year and earlier from the
    clock (no DISTINCT over every report), and a search by role counts without DISTINCT."""
    kredi, ekip = make_role("Kredi Asistanı"), make_role("Ekip Lideri")
    with time_machine.travel(dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC), tick=False):
        for role, year, amount in ((kredi, 2026, 480_000), (kredi, 2025, 470_000),
                                   (ekip, 2024, 460_000)):  # fmt: skip
            make_report(role, amount, year=year, status=ReportStatus.HELD, reason="Çok farklı")
        queue = text_of(editor_client.get(QUEUE + "?status__exact=held"))
        assert "2026" in queue and "2025" in queue and "daha önce" in queue
        earlier = text_of(editor_client.get(QUEUE + "?status__exact=held&yil=once"))
        assert "460.000 TL" in earlier and "480.000 TL" not in earlier
        last = text_of(editor_client.get(QUEUE + "?status__exact=held&yil=2025"))
        assert "470.000 TL" in last and "480.000 TL" not in last and "460.000 TL" not in last
        # session, user, the editor's permissions (2), held count, last run, count, rows
        with django_assert_num_queries(8) as captured:
            found = text_of(editor_client.get(QUEUE + "?status__exact=held&q=kredi"))
    assert "480.000 TL" in found and "470.000 TL" in found and "460.000 TL" not in found
    assert not any("DISTINCT" in query["sql"] for query in captured.captured_queries)


def test_figures_per_role_are_read_in_index_order_not_sorted(editor_client):
    """10,000 roles: the list's order comes from an index and stops at its page; sorted, the
    counts by status of every role were computed first."""
    from django.contrib import admin as django_admin
    from django.db import connection
    from django.test import RequestFactory

    from careers.salaries.reports.models import ReportSummary

    model_admin = django_admin.site._registry[ReportSummary]
    request = RequestFactory().get("/")
    ordering = model_admin.get_ordering(request)
    if connection.vendor == "postgresql":  # an empty table: tell the planner sorting costs
        with connection.cursor() as cursor:
            cursor.execute("SET enable_sort = off")
    plan = ReportSummary.objects.order_by(*ordering)[:100].explain()
    assert "salaries_summary_count_idx" in plan, plan
    assert "TEMP B-TREE" not in plan and "Sort" not in plan, plan
    assert editor_client.get("/yonetim/salaries/reportsummary/").status_code == 200


def test_a_search_in_the_queue_walks_the_held_reports_by_the_queue_index():
    """A search by role (an OR of case variants on the title) must still read the held
    reports in the queue's index order, not every report by date (0.88 s at a million)."""
    from django.db.models import Q

    model_admin = admin_for(Report)
    queryset = Report.objects.filter(status=ReportStatus.HELD).filter(
        Q(role__title__icontains="uzman") | Q(role__title__icontains="UZMAN")
    )
    ordering = model_admin.get_ordering(None) or ("-created_at",)
    plan = queryset.select_related("role").order_by(*ordering, "-pk")[:100].explain()
    if connection.vendor == "sqlite":
        assert "salaries_report_queue_idx" in plan, plan
        assert "TEMP B-TREE" not in plan and "Sort" not in plan, plan
    else:  # PostgreSQL plans by its statistics: on a test table, never every report read
        assert "Seq Scan on salaries_report" not in plan, plan
        assert "salaries_report_" in plan and "Index" in plan, plan


def admin_for(model):
    from django.contrib import admin as django_admin

    return django_admin.site._registry[model]
