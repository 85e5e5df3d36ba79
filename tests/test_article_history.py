"""Article revisions: who changed what and when on the role and its rows, a readable diff in
the admin, and a revert through the same validation as an edit."""

import pytest
from django.test import Client
from django.urls import reverse

from careers.articles.admin.history import word_diff
from careers.articles.models import Responsibility, Role, RoleSkill

from .adminforms import add_inline_rows, changeform_data, inline_prefix
from .factories import fill_role, make_band, make_role, make_skill

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cold_content_types")]


def edit(client, role, change):
    """Open the role's change form, apply ``change(data, response)``, save."""
    url = reverse("admin:articles_role_change", args=[role.pk])
    response = client.get(url)
    data = changeform_data(response)
    change(data, response)
    return client.post(url, data)


def test_word_diff_marks_removed_and_added_words_and_escapes():
    html = word_diff("Bankalarda <b>kredi</b> başvuruları", "Bankalarda kredi <i>dosyaları</i>")
    assert html == (
        "Bankalarda <del>&lt;b&gt;kredi&lt;/b&gt; başvuruları</del> "
        "<ins>kredi &lt;i&gt;dosyaları&lt;/i&gt;</ins>"
    )


def test_every_edit_of_the_role_and_its_rows_is_a_revision_with_who_and_what(
    editor_client, editor_user
):
    role = fill_role(make_role("Kredi Asistanı", intro="Eski giriş paragrafı."), 2)

    def change(data, response):
        data["intro"] = "Yeni giriş paragrafı, bankalarda kredi dosyalarıyla çalışan biri için."
        data[f"{inline_prefix(response, 'responsibility')}-0-text"] = "Belgeleri toplamak"

    assert edit(editor_client, role, change).status_code == 302
    latest = role.history.latest()
    assert latest.history_user == editor_user and latest.history_type == "~"
    assert latest.intro.startswith("Yeni giriş")
    duty = Responsibility.history.filter(role_id=role.pk, history_type="~").latest()
    assert duty.text == "Belgeleri toplamak" and duty.history_user == editor_user

    page = editor_client.get(reverse("admin:articles_role_history", args=[role.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "<del>Eski</del>" in html and "<ins>Yeni</ins>" in html  # the word diff of the intro
    assert "Belgeleri toplamak" in html and "Görev 1" in html  # the duty: old → new
    assert "Makaleyi bu sürüme geri al" in html


def test_revert_brings_back_the_role_and_every_row_through_the_change_form(editor_client):
    reader = Client()
    skill = make_skill("Sayısal yetenek")
    role = fill_role(make_role("Kredi Asistanı"), 2)
    make_band(role, year=2025, average="30000", top="40000")
    reader.get(role.get_absolute_url())  # cached now
    before = role.history.latest()

    def change(data, response):
        data["title"] = "Kredi Danışmanı"
        duties = inline_prefix(response, "responsibility")
        data[f"{duties}-0-text"] = "Değişen görev"
        data[f"{duties}-1-DELETE"] = "on"
        add_inline_rows(data, inline_prefix(response, "roleskill"), [
            {"skill": skill.pk, "body": "Sonradan eklenen.", "order": 5},
        ])  # fmt: skip
        data[f"{inline_prefix(response, 'salaryband')}-0-average"] = "35.000"

    assert edit(editor_client, role, change).status_code == 302
    assert Role.objects.get(pk=role.pk).title == "Kredi Danışmanı"

    url = reverse("admin:articles_role_revert", args=[role.pk, before.history_id])
    history_page = editor_client.get(reverse("admin:articles_role_history", args=[role.pk]))
    assert url in history_page.content.decode()
    response = editor_client.post(url)
    assert response.status_code == 302
    role.refresh_from_db()
    assert role.title == "Kredi Asistanı"
    assert [d.text for d in role.responsibilities.all()] == ["Görev 1", "Görev 2"]
    assert not RoleSkill.objects.filter(role=role, skill=skill).exists()
    assert str(role.salary_bands.get().average) == "30000.00"
    latest = role.history.latest()
    assert latest.history_change_reason.endswith("sürümüne geri alındı")
    html = reader.get(role.get_absolute_url()).content.decode()  # the cache was purged
    assert "Kredi Asistanı Ne İş Yapar" in html and "Görev 2" in html


def test_a_revert_that_breaks_todays_rules_is_refused_with_the_forms_message(editor_client):
    role = make_role("Kredi Asistanı", slug="kredi-asistani")
    before = role.history.latest()
    role.slug = "kredi-asistani-eski"
    role.save()
    make_role("Başka", slug="kredi-asistani")  # the old address is taken now
    response = editor_client.post(
        reverse("admin:articles_role_revert", args=[role.pk, before.history_id])
    )
    assert response.status_code == 200
    assert "Bu web adresini başka bir meslek kullanıyor." in response.content.decode()
    assert 'action="/yonetim/articles/role/' in response.content.decode()  # saves normally
    role.refresh_from_db()
    assert role.slug == "kredi-asistani-eski"


def test_revert_needs_a_post_and_the_change_permission(client, editor_client, db):
    role = make_role()
    revision = role.history.latest()
    url = reverse("admin:articles_role_revert", args=[role.pk, revision.history_id])
    assert editor_client.get(url).status_code == 302  # back to the history page
    from django.contrib.auth.models import User

    viewer = User.objects.create_user("okur", password="x-long-pass-1", is_staff=True)
    client.force_login(viewer)
    assert client.post(url).status_code == 403


@pytest.mark.parametrize("rows", [3, 30])
def test_revisions_cost_one_insert_per_saved_row(admin_client, settings, rows):
    """Saving the role screen records the role (one insert) and only the rows that changed:
    unchanged rows are not saved, so a long article costs no more than a short one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    role = fill_role(make_role(), rows)
    url = reverse("admin:articles_role_change", args=[role.pk])

    def save(summary, duty=None):
        response = admin_client.get(url)
        data = changeform_data(response)
        data["summary"] = summary
        if duty:
            data[f"{inline_prefix(response, 'responsibility')}-0-text"] = duty
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.post(url, data).status_code == 302
        return [q["sql"] for q in queries.captured_queries if "INSERT" in q["sql"]]

    settings.SIMPLE_HISTORY_ENABLED = False
    without = save("Özet bir.")
    settings.SIMPLE_HISTORY_ENABLED = True
    with_history = save("Özet iki.")
    assert len(with_history) - len(without) == 1  # the role's revision
    assert len(save("Özet üç.", duty="Yeni görev")) - len(without) == 2  # and the changed duty


@pytest.mark.parametrize("rows", [3, 30])
def test_history_page_queries_do_not_grow_with_the_rows(
    admin_client, django_assert_num_queries, rows
):
    role = fill_role(make_role(), rows)
    for i in range(rows):
        make_band(role, year=1995 + i)
    for duty in role.responsibilities.all():
        duty.text += " (düzeltildi)"
        duty.save()
    url = reverse("admin:articles_role_history", args=[role.pk])
    # session, user, the role, its revisions (count and page), the revisions of each of the
    # five row models, the skills they name, the user model's content type
    with django_assert_num_queries(HISTORY_PAGE_QUERIES):
        assert admin_client.get(url).status_code == 200


HISTORY_PAGE_QUERIES = 12
