""" "Awaiting my review": each editor's dashboard, the articles due for a re-review (most read in
the last 30 days first), the weekly digest to reviewers, and the salary import under review."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from careers.articles import reads
from careers.articles.models import DailyReads, Revision, RevisionState, Role
from careers.articles.review import digest
from careers.salaries.models import SalaryBand

from .factories import make_band, make_role, make_sector
from .helpers import text_of
from .test_review import approve, edit, make_reviewer, role_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cold_content_types")]

DASHBOARD = "admin:articles_revision_changelist"
NOW = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)  # 12:00 in Istanbul


@pytest.fixture
def review_on(settings):
    settings.EDITORIAL_REVIEW = True


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def reviewer_client(db):
    client = Client()
    client.force_login(make_reviewer())
    return client


def reviewed(role, days_ago):
    Role.objects.filter(pk=role.pk).update(
        last_reviewed_at=timezone.now() - dt.timedelta(days=days_ago)
    )


def due_titles(response):
    return [role.title for role in response.context["due"]]


def test_the_most_read_articles_due_for_a_re_review_come_first(clock, reviewer_client):
    sector = make_sector()
    never = make_role("Hiç Kontrol Edilmemiş", sector=sector, recent_reads=40)
    old = make_role("Eski Kontrol", sector=sector, recent_reads=900)
    fresh = make_role("Yeni Kontrol", sector=sector, recent_reads=5000)
    stale_salary = make_role("Eski Maaş", sector=sector, recent_reads=300)
    make_role("Taslak", sector=sector, published=False, recent_reads=10_000)
    reviewed(old, days_ago=400)
    reviewed(fresh, days_ago=30)
    reviewed(stale_salary, days_ago=30)
    make_band(stale_salary, year=2023)  # older than SALARY_STALE_MONTHS on 3 December 2026
    make_band(fresh, year=2026)
    response = reviewer_client.get(reverse(DASHBOARD))
    assert response.status_code == 200
    assert due_titles(response) == [old.title, stale_salary.title, never.title]
    text = text_of(response, 'id="due"')
    assert "Son kontrol: 29 Ekim 2025" in text  # 400 days before 3 December 2026
    assert "Maaş rakamları 2023 yılına ait" in text and "Hiç kontrol edilmedi" in text
    assert "900" in text and "Kontrol edildi" in text

    button = reverse("admin:articles_revision_mark_reviewed", args=[old.pk])
    assert reviewer_client.post(button, {"sayfa": "1"}).status_code == 302
    old.refresh_from_db()
    assert old.last_reviewed_at == timezone.now() and old.reviewed_by.name == "Mehmet Demir"
    assert due_titles(reviewer_client.get(reverse(DASHBOARD))) == [stale_salary.title, never.title]


def test_editors_see_their_changes_and_the_due_list_but_decide_nothing(
    review_on, editor_client, reviewer_client
):
    role = make_role("Kredi Asistanı")
    edit(editor_client, role_url(role), lambda data, response: data.update(summary="Yeni özet."))
    page = editor_client.get(reverse(DASHBOARD))
    html = page.content.decode()
    assert page.context["own"][0].role == role and page.context["waiting"] == []
    assert "İncelemenizi bekleyen değişiklikler" not in html
    assert 'id="due"' in html and "Kontrol edildi</button>" not in html
    mark = reverse("admin:articles_revision_mark_reviewed", args=[role.pk])
    assert editor_client.post(mark).status_code == 403
    waiting = reviewer_client.get(reverse(DASHBOARD)).context["waiting"]
    assert [r.summary for r in waiting] == ["Özet"]


def test_a_reviewer_is_not_asked_to_review_their_own_changes(review_on, reviewer_client):
    role = make_role()
    edit(reviewer_client, role_url(role), lambda data, response: data.update(summary="Yeni."))
    page = reviewer_client.get(reverse(DASHBOARD))
    assert page.context["waiting"] == [] and page.context["waiting_count"] == 0
    assert [r.role for r in page.context["own"]] == [role]


@pytest.mark.parametrize("count", [3, 30])
def test_dashboard_queries_do_not_grow_with_roles_or_changes(
    review_on, count, editor_user, reviewer_client, django_assert_num_queries
):
    sector = make_sector()
    for i in range(count):
        role = make_role(sector=sector, recent_reads=i)
        make_band(role, year=2023)
        Revision.objects.create(
            role=role, content_type_id=1, object_id=role.pk, object_label=role.title,
            changes={"object": {"summary": ["a", "b"]}}, summary="Özet", created_by=editor_user,
        )  # fmt: skip
    # session, user, the user's and their groups' permissions, the changes waiting (page,
    # count), the reviewer's own, the due list (count, page with the reviewers' names)
    with django_assert_num_queries(9):
        response = reviewer_client.get(reverse(DASHBOARD))
    assert len(response.context["waiting"]) == count and len(response.context["due"]) == count


@pytest.mark.parametrize("rows", [3, 30])
def test_review_page_queries_do_not_grow_with_the_rows(
    review_on, rows, editor_client, reviewer_client, django_assert_num_queries
):
    from .factories import fill_role

    role = fill_role(make_role(), rows)
    for i in range(rows):
        make_band(role, year=1995 + i)

    def change(data, response):
        data["summary"] = "Yeni özet."
        for key in [k for k in data if k.endswith(("-text", "-average"))]:
            if data.get(key.rsplit("-", 1)[0] + "-id"):  # the rows there are, not the new one
                data[key] = "Değişti" if key.endswith("-text") else "31.000"

    edit(editor_client, role_url(role), change)
    revision = Revision.objects.get()
    url = reverse("admin:articles_revision_change", args=[revision.pk])
    # session, user, the change (with its article and people), the user's and their groups'
    # permissions, the rows it changes as they are now (duties, bands)
    with django_assert_num_queries(7):
        response = reviewer_client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("31.000") == rows


# --- Reads of the last 30 days -----------------------------------------------------------------


def test_reads_of_the_last_30_days_roll_day_by_day(client):
    role = make_role()
    beacon = reads.beacon_url(role.slug)
    with time_machine.travel(dt.datetime(2026, 11, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        for _ in range(3):
            client.get(beacon)
        reads.flush()
    with time_machine.travel(dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC), tick=False):
        client.get(beacon)
        reads.flush()
    role.refresh_from_db()
    assert (role.view_count, role.recent_reads) == (4, 4)
    assert sorted(DailyReads.objects.values_list("day", "count")) == [
        (dt.date(2026, 11, 1), 3),
        (dt.date(2026, 11, 20), 1),
    ]
    assert reads.roll_recent_reads(today=dt.date(2026, 11, 30)) == 0  # 1 November: day 30
    assert reads.roll_recent_reads(today=dt.date(2026, 12, 1)) == 1
    role.refresh_from_db()
    assert (role.view_count, role.recent_reads) == (4, 1)
    assert list(DailyReads.objects.values_list("day", flat=True)) == [dt.date(2026, 11, 20)]


# --- The weekly digest ---------------------------------------------------------------------------


def test_the_weekly_digest_tells_each_reviewer_what_waits_for_them_once(
    review_on, clock, editor_client
):
    first = make_reviewer("ayse", "Ayşe", "Yılmaz")
    second = make_reviewer()
    role = make_role("Kredi Asistanı", recent_reads=120)
    edit(editor_client, role_url(role), lambda data, response: data.update(summary="Yeni."))
    assert digest.digest_job.call() == 2
    by_user = {message.to[0]: message for message in mail.outbox}
    assert set(by_user) == {first.email, second.email}
    body = by_user[first.email].body
    assert (
        by_user[first.email].subject == "[Meslek Rehberi] Haftalık inceleme: 1 değişiklik bekliyor"
    )
    assert "Kredi Asistanı: Özet (editor, 3 Aralık 2026)" in body
    assert "Kredi Asistanı (son 30 günde 120 okunma; hiç kontrol edilmedi)" in body
    assert "/yonetim/articles/revision/" in body
    assert digest.digest_job.call() == 0  # this week's are sent


def test_no_digest_when_nothing_waits_and_nothing_is_due(clock):
    make_reviewer()
    role = make_role()
    Role.objects.filter(pk=role.pk).update(last_reviewed_at=timezone.now())
    assert digest.digest_job.call() == 0 and mail.outbox == []


# --- The salary import ---------------------------------------------------------------------------


def test_an_import_holds_the_rows_of_published_articles_and_writes_the_drafts(
    review_on, editor_client, reviewer_client
):
    live = make_role("Kredi Asistanı", slug="kredi-asistani")
    draft = make_role("Veri Uzmanı", slug="veri-uzmani", published=False)
    band = make_band(live, year=2025, average="30000", top="40000")
    content = (
        "meslek,yil,ortalama,ust_duzey,kaynak,net_brut\n"
        "kredi-asistani,2025,31000,40000,Örnek veri: test,net\n"
        "kredi-asistani,2026,33000,45000,Kaynak,net\n"
        "veri-uzmani,2026,50000,70000,Kaynak,brüt\n"
    )
    upload = editor_client.post(
        reverse("admin:salaries_salaryband_import"),
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("m.csv", content.encode()),
        },
    )
    form = upload.context["confirm_form"]
    done = editor_client.post(
        reverse("admin:salaries_salaryband_process_import"), form.initial, follow=True
    )
    assert "Yayımlanmış makalelerin 2 bandı incelemeye gönderildi" in text_of(done)
    assert SalaryBand.objects.get(role=draft).average == 50000  # a draft's: written
    assert SalaryBand.objects.get(pk=band.pk).average == 30000  # held
    assert not SalaryBand.objects.filter(role=live, year=2026).exists()
    changed, added = Revision.objects.order_by("pk")
    assert changed.changes == {"object": {"average": ["30000.00", "31000.00"]}}
    assert added.adds and added.changes["object"]["year"] == [None, 2026]
    for revision in (changed, added):
        assert approve(reviewer_client, revision).status_code == 302
    assert SalaryBand.objects.get(pk=band.pk).average == 31000
    assert SalaryBand.objects.get(role=live, year=2026).top == 45000
    assert set(Revision.objects.values_list("state", flat=True)) == {RevisionState.APPROVED}
