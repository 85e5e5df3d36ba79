"""Review before publish: an editor's change to a published article or salary band waits,
unseen by readers and caches, until a second editor of the Yayın kurulu approves it; the
approval goes through the same change form as an edit."""

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from careers.articles.models import Correction, Revision, RevisionState, Role, Status
from careers.salaries.models import SalaryBand
from careers.site.editors import REVIEWER_GROUP

from .adminforms import add_inline_rows, changeform_data, inline_prefix
from .factories import fill_role, make_band, make_role, make_skill
from .helpers import text_of

pytestmark = [pytest.mark.django_db]

SEED_2023 = "2023 Yılı Ortalama Maaş: 5.000 TL"
NEW_2023 = "2023 Yılı Ortalama Maaş: 5.750 TL"


@pytest.fixture
def review_on(settings):
    settings.EDITORIAL_REVIEW = True


def make_reviewer(username="kurul", first_name="Mehmet", last_name="Demir"):
    user = User.objects.create_user(
        username,
        f"{username}@example.org",
        "a-long-test-pass",
        is_staff=True,
        first_name=first_name,
        last_name=last_name,
    )
    user.groups.add(Group.objects.get(name=REVIEWER_GROUP))
    return user


@pytest.fixture
def reviewer_user(db):
    return make_reviewer()


@pytest.fixture
def reviewer_client(reviewer_user):
    client = Client()
    client.force_login(reviewer_user)
    return client


def edit(client, url, change):
    """Open an admin change form, apply ``change(data, response)``, save."""
    response = client.get(url)
    data = changeform_data(response)
    change(data, response)
    return client.post(url, data)


def role_url(role):
    return reverse("admin:articles_role_change", args=[role.pk])


def band_row(data, prefix, year):
    return next(
        key.removesuffix("-year")
        for key, value in data.items()
        if key.startswith(prefix) and key.endswith("-year") and str(value) == str(year)
    )


def set_average(year, amount):
    def change(data, response):
        row = band_row(data, inline_prefix(response, "salaryband"), year)
        data[f"{row}-average"] = amount

    return change


def approve(client, revision, **fields):
    return client.post(reverse("admin:articles_revision_approve", args=[revision.pk]), fields)


# --- The journey ------------------------------------------------------------------------------


def test_a_change_waits_for_a_second_editor_and_readers_keep_the_live_figure(
    review_on, seed_role, editor_client, editor_user, reviewer_client, reviewer_user
):
    reader = Client()
    article = seed_role.get_absolute_url()
    assert SEED_2023 in text_of(reader.get(article))  # cached from now on

    saved = edit(editor_client, role_url(seed_role), set_average(2023, "5.750"))
    revision = Revision.objects.get()
    assert saved.status_code == 302
    assert saved["Location"] == reverse("admin:articles_revision_change", args=[revision.pk])
    assert revision.state == RevisionState.PENDING and revision.created_by == editor_user
    assert revision.summary == "Maaş bilgileri (1 değişti)"
    band = SalaryBand.objects.get(role=seed_role, year=2023)
    assert band.average == 5000  # nothing written
    page = reader.get(article)
    assert SEED_2023 in text_of(page) and page["X-Page-Cache"] == "hit"  # not even purged

    # The author sees the diff but cannot approve their own change.
    review = editor_client.get(saved["Location"])
    html = review.content.decode()
    assert "5.000&nbsp;&rarr;&nbsp;5.750" in html
    assert "Onayla ve yayımla" not in html
    assert approve(editor_client, revision).status_code == 403
    assert SalaryBand.objects.get(pk=band.pk).average == 5000

    answer = approve(reviewer_client, revision, correction="2023 ortalaması yanlış girilmişti.")
    assert answer.status_code == 302, answer.content.decode()[:3000]
    revision.refresh_from_db()
    assert revision.state == RevisionState.APPROVED and revision.decided_by == reviewer_user
    assert SalaryBand.objects.get(pk=band.pk).average == 5750
    history = SalaryBand.history.filter(id=band.pk).latest()
    assert history.history_user == editor_user  # the change is its author's
    seed_role.refresh_from_db()
    assert seed_role.reviewed_by.name == "Mehmet Demir" and seed_role.last_reviewed_at
    page = text_of(reader.get(article))
    assert NEW_2023 in page and SEED_2023 not in page
    assert "Kontrol eden: Mehmet Demir" in page
    assert "Düzeltme," in page and "2023 ortalaması yanlış girilmişti." in page
    assert Correction.objects.get().revision == revision


# --- Who decides ------------------------------------------------------------------------------


def test_a_reviewer_never_approves_their_own_change_but_another_does(review_on, editor_user):
    author, other = make_reviewer("ayse", "Ayşe", "Yılmaz"), make_reviewer()
    role = make_role("Kredi Asistanı", intro="Eski giriş.")
    first, second = Client(), Client()
    first.force_login(author)
    second.force_login(other)
    edit(first, role_url(role), lambda data, response: data.update(intro="Yeni giriş."))
    revision = Revision.objects.get()
    page = first.get(reverse("admin:articles_revision_change", args=[revision.pk]))
    assert "Bu değişikliği siz önerdiniz" in page.content.decode()
    assert approve(first, revision).status_code == 403
    assert Role.objects.get(pk=role.pk).intro == "Eski giriş."
    assert approve(second, revision).status_code == 302
    assert Role.objects.get(pk=role.pk).intro == "Yeni giriş."
    again = approve(second, revision)  # decided already: nothing happens twice
    assert again.status_code == 302 and Revision.objects.get().decided_by == other


def test_editors_cannot_decide_even_on_others_changes(review_on, editor_client, reviewer_client):
    role = make_role(intro="Eski giriş.")
    edit(reviewer_client, role_url(role), lambda data, response: data.update(intro="Yeni."))
    revision = Revision.objects.get()
    assert approve(editor_client, revision).status_code == 403
    send_back = reverse("admin:articles_revision_send_back", args=[revision.pk])
    assert editor_client.post(send_back, {"comment": "Hayır."}).status_code == 403
    withdraw = reverse("admin:articles_revision_withdraw", args=[revision.pk])
    assert editor_client.post(withdraw).status_code == 403  # only its author withdraws it
    assert Revision.objects.get().state == RevisionState.PENDING


def test_a_change_sent_back_needs_a_comment_and_the_author_reads_it(
    review_on, editor_client, reviewer_client
):
    role = make_role(intro="Eski giriş.")
    edit(editor_client, role_url(role), lambda data, response: data.update(intro="Yeni."))
    revision = Revision.objects.get()
    url = reverse("admin:articles_revision_send_back", args=[revision.pk])
    refused = reviewer_client.post(url, {"comment": " "})
    assert refused.status_code == 200
    assert "Değişikliğin neden geri gönderildiğini yazara söyleyin." in refused.content.decode()
    assert reviewer_client.post(url, {"comment": "Kaynağı ekleyin."}).status_code == 302
    revision.refresh_from_db()
    assert revision.state == RevisionState.REJECTED and revision.comment == "Kaynağı ekleyin."
    assert Role.objects.get(pk=role.pk).intro == "Eski giriş."
    dashboard = text_of(editor_client.get(reverse("admin:articles_revision_changelist")))
    assert "Geri gönderildi" in dashboard and "Kaynağı ekleyin." in dashboard


def test_the_author_withdraws_a_waiting_change(review_on, editor_client):
    role = make_role(intro="Eski giriş.")
    edit(editor_client, role_url(role), lambda data, response: data.update(intro="Yeni."))
    revision = Revision.objects.get()
    url = reverse("admin:articles_revision_withdraw", args=[revision.pk])
    assert editor_client.post(url).status_code == 302
    assert Revision.objects.get().state == RevisionState.WITHDRAWN


# --- What waits and what does not ----------------------------------------------------------------


def test_drafts_are_edited_freely_and_their_publication_waits_for_review(
    review_on, editor_client, reviewer_client, in_late_2026
):
    role = make_role("Kredi Asistanı", published=False, intro="Taslak giriş.")
    edit(editor_client, role_url(role), lambda data, response: data.update(intro="İkinci taslak."))
    assert Role.objects.get(pk=role.pk).intro == "İkinci taslak." and not Revision.objects.exists()

    def publish(data, response):
        data.update(intro="Yayına hazır.", status="published")

    saved = edit(editor_client, role_url(role), publish)
    role.refresh_from_db()
    assert role.intro == "Yayına hazır."  # written: it is still a draft
    assert role.status == Status.DRAFT and not role.is_public
    assert Client().get(role.get_absolute_url()).status_code == 404
    revision = Revision.objects.get()
    assert saved["Location"].endswith(f"/revision/{revision.pk}/change/")
    assert set(revision.changes["object"]) == {"status", "published_at"}
    assert approve(reviewer_client, revision).status_code == 302
    role.refresh_from_db()
    revision.refresh_from_db()
    assert role.is_public and role.last_reviewed_at is not None
    assert abs((role.published_at - revision.decided_at).total_seconds()) < 5  # when approved
    assert Client().get(role.get_absolute_url()).status_code == 200


def test_a_new_article_added_as_published_is_saved_as_a_draft_until_approved(
    review_on, editor_client, reviewer_client
):
    from .factories import make_sector

    sector = make_sector()
    url = reverse("admin:articles_role_add")
    response = editor_client.get(url)
    data = changeform_data(response)
    data.update(
        title="Kredi Asistanı", slug="", sector=str(sector.pk), summary="Özet.", lead="Giriş.",
        intro="Bir kredi asistanı ne yapar?", status="published",
    )  # fmt: skip
    add_inline_rows(
        data, inline_prefix(response, "responsibility"), [{"text": "Görev", "order": 0}]
    )
    saved = editor_client.post(url, data)
    role = Role.objects.get(slug="kredi-asistani")
    assert role.status == Status.DRAFT and role.responsibilities.count() == 1  # rows written
    revision = Revision.objects.get()
    assert saved["Location"] == reverse("admin:articles_revision_change", args=[revision.pk])
    assert revision.changes["object"]["status"] == ["draft", "published"]
    assert approve(reviewer_client, revision).status_code == 302
    assert Role.objects.get(pk=role.pk).is_public


def test_scheduled_publishing_goes_through_the_same_review(
    review_on, editor_client, reviewer_client
):
    import datetime as dt

    import time_machine

    start = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
    with time_machine.travel(start, tick=False):
        role = make_role("Kredi Asistanı", published=False)

        def schedule(data, response):
            data.update(status="published", published_at_0="2026-12-01", published_at_1="09:00:00")

        edit(editor_client, role_url(role), schedule)
        assert approve(reviewer_client, Revision.objects.get()).status_code == 302
        role.refresh_from_db()
        assert role.status == Status.PUBLISHED and not role.is_public  # scheduled
        assert Client().get(role.get_absolute_url()).status_code == 404
    with time_machine.travel(start + dt.timedelta(days=5, hours=1), tick=False):
        assert Role.objects.get(pk=role.pk).is_public
        assert Client().get(role.get_absolute_url()).status_code == 200


def test_unpublishing_is_at_once(review_on, editor_client):
    role = make_role()
    edit(editor_client, role_url(role), lambda data, response: data.update(status="draft"))
    assert Role.objects.get(pk=role.pk).status == Status.DRAFT and not Revision.objects.exists()
    assert Client().get(role.get_absolute_url()).status_code == 404


def test_with_the_review_off_every_save_is_live(editor_client):
    role = make_role(intro="Eski giriş.")
    edit(editor_client, role_url(role), lambda data, response: data.update(intro="Yeni giriş."))
    assert Role.objects.get(pk=role.pk).intro == "Yeni giriş." and not Revision.objects.exists()


def test_a_save_without_changes_sends_nothing(review_on, editor_client):
    role = fill_role(make_role(), 2)
    make_band(role, year=2025)
    saved = edit(editor_client, role_url(role), lambda data, response: None)
    assert saved.status_code == 302 and not Revision.objects.exists()


# --- The whole article, in one approval -----------------------------------------------------------


def test_an_approval_applies_the_role_and_every_row_as_one_edit(
    review_on, editor_client, editor_user, reviewer_client
):
    skill = make_skill("Sayısal yetenek")
    role = fill_role(make_role("Kredi Asistanı", intro="Eski giriş paragrafı."), 2)
    make_band(role, year=2025, average="30000", top="40000")
    reader = Client()
    assert "Görev 2" in text_of(reader.get(role.get_absolute_url()))

    def change(data, response):
        data["intro"] = "Yeni giriş paragrafı, bankalarda kredi dosyalarıyla çalışan biri için."
        duties = inline_prefix(response, "responsibility")
        data[f"{duties}-0-text"] = "Belgeleri toplamak"
        data[f"{duties}-1-DELETE"] = "on"
        add_inline_rows(data, inline_prefix(response, "roleskill"), [
            {"skill": skill.pk, "body": "Rakamlarla çalışır.", "order": 5},
        ])  # fmt: skip
        set_average(2025, "32.500")(data, response)

    assert edit(editor_client, role_url(role), change).status_code == 302
    revision = Revision.objects.get()
    assert revision.summary == (
        "Giriş; Sorumluluklar (1 değişti, 1 silindi); Maaş bilgileri (1 değişti); "
        "Beceriler (1 eklendi)"
    )
    review = editor_client.get(reverse("admin:articles_revision_change", args=[revision.pk]))
    html = review.content.decode()
    assert "<del>Eski</del>" in html and "<ins>Yeni</ins>" in html  # the history's word diff
    assert "30.000&nbsp;&rarr;&nbsp;32.500" in html and "Sayısal yetenek" in html
    assert "Görev 2" in text_of(reader.get(role.get_absolute_url()))  # still live

    assert approve(reviewer_client, revision).status_code == 302
    role.refresh_from_db()
    assert role.intro.startswith("Yeni giriş")
    assert [d.text for d in role.responsibilities.all()] == ["Belgeleri toplamak"]
    assert role.role_skills.get(skill=skill).body == "Rakamlarla çalışır."
    assert role.salary_bands.get(year=2025).average == 32500
    assert role.history.latest().history_user == editor_user
    assert role.history.latest().history_change_reason == (
        f"kurul onayladı (değişiklik #{revision.pk})"
    )
    page = text_of(reader.get(role.get_absolute_url()))
    assert "Belgeleri toplamak" in page and "Görev 2" not in page


def test_an_approval_refuses_a_field_changed_since_and_applies_the_rest(
    review_on, editor_client, reviewer_client
):
    role = make_role(intro="Giriş.", summary="Özet.")
    make_band(role, year=2025, average="30000", top="40000")
    edit(editor_client, role_url(role), set_average(2025, "31.000"))
    edit(editor_client, role_url(role), lambda data, response: data.update(summary="Yeni özet."))
    edit(reviewer_client, role_url(role), set_average(2025, "35.000"))
    first, second, third = Revision.objects.order_by("pk")
    other = make_reviewer("ikinci", "Ali", "Kaya")
    second_reviewer = Client()
    second_reviewer.force_login(other)
    assert approve(second_reviewer, third).status_code == 302  # 30.000 -> 35.000
    refused = approve(reviewer_client, first)  # also from 30.000: a conflict
    assert refused.status_code == 200
    text = text_of(refused)
    assert "Bu değişiklik önerildikten sonra makale değişti" in text
    assert f"{role} – 2025: ortalama şimdi “35.000” (değişiklik “30.000” bekliyordu)." in text
    assert SalaryBand.objects.get(role=role).average == 35000
    assert Revision.objects.get(pk=first.pk).state == RevisionState.PENDING
    assert approve(reviewer_client, second).status_code == 302  # another field: applied
    role.refresh_from_db()
    assert role.summary == "Yeni özet." and role.salary_bands.get().average == 35000


def test_an_approval_that_breaks_the_rules_now_shows_the_forms_message(
    review_on, editor_client, reviewer_client
):
    role = make_role("Kredi Asistanı", slug="kredi-asistani")
    edit(editor_client, role_url(role), lambda data, response: data.update(slug="kredi-uzmani"))
    make_role("Kredi Uzmanı", slug="kredi-uzmani")  # the address is taken meanwhile
    refused = approve(reviewer_client, Revision.objects.get())
    assert refused.status_code == 200
    assert "Bu web adresini başka bir meslek kullanıyor." in refused.content.decode()
    assert Role.objects.get(pk=role.pk).slug == "kredi-asistani"
    assert Revision.objects.get().state == RevisionState.PENDING


def test_a_revert_of_a_published_article_is_a_change_for_review(review_on, editor_client):
    role = make_role(intro="Birinci.")
    before = role.history.latest()
    Role.objects.filter(pk=role.pk).update(intro="İkinci.")
    url = reverse("admin:articles_role_revert", args=[role.pk, before.history_id])
    response = editor_client.post(url)
    assert response.status_code == 302
    assert Role.objects.get(pk=role.pk).intro == "İkinci."
    assert Revision.objects.get().changes["object"] == {"intro": ["İkinci.", "Birinci."]}


# --- Salary bands on their own screens --------------------------------------------------------


def band_url(band):
    return reverse("admin:salaries_salaryband_change", args=[band.pk])


def test_a_bands_own_screen_holds_the_change_and_the_approval_writes_it(
    review_on, editor_client, editor_user, reviewer_client
):
    role = make_role()
    band = make_band(role, year=2025, average="30000", top="40000")
    saved = edit(editor_client, band_url(band), lambda data, response: data.update(top="42.000"))
    assert saved.status_code == 302
    revision = Revision.objects.get()
    assert revision.role == role and revision.object_id == band.pk
    assert revision.changes == {"object": {"top": ["40000.00", "42000.00"]}}
    assert SalaryBand.objects.get(pk=band.pk).top == 40000
    assert approve(reviewer_client, revision).status_code == 302
    assert SalaryBand.objects.get(pk=band.pk).top == 42000
    assert SalaryBand.history.filter(id=band.pk).latest().history_user == editor_user


def test_a_new_band_for_a_published_article_waits_and_is_added_on_approval(
    review_on, editor_client, reviewer_client
):
    role = make_role()
    url = reverse("admin:salaries_salaryband_add")
    fields = {
        "role": role.pk, "year": "2026", "pay_basis": "net", "average": "40.000",
        "top": "50.000", "source": "Kariyer siteleri",
    }  # fmt: skip
    assert editor_client.post(url, fields).status_code == 302
    assert not SalaryBand.objects.exists()
    revision = Revision.objects.get()
    assert revision.adds and revision.role == role
    assert approve(reviewer_client, revision).status_code == 302
    band = SalaryBand.objects.get()
    assert (band.year, band.average, band.pay_basis) == (2026, 40000, "net")


def test_the_editable_salary_list_sends_each_changed_band_for_review(review_on, editor_client):
    from .adminforms import changelist_data

    role = make_role()
    make_band(role, year=2024, average="30000", top="40000")
    make_band(role, year=2025, average="31000", top="41000")
    url = reverse("admin:salaries_salaryband_changelist")
    data = changelist_data(editor_client.get(url))
    averages = sorted(k for k in data if k.endswith("-average"))
    for key in averages:
        data[key] = "33.000"
    response = editor_client.post(url, data, follow=True)
    assert "2 değişiklik incelemeye gönderildi" in text_of(response)
    assert Revision.objects.count() == 2
    assert sorted(SalaryBand.objects.values_list("average", flat=True)) == [30000, 31000]


def test_only_reviewers_delete_what_readers_see(review_on, editor_client, reviewer_client):
    role, draft = make_role(), make_role(published=False)
    band, draft_band = make_band(role), make_band(draft)
    for client, allowed in ((editor_client, False), (reviewer_client, True)):
        for url in (
            reverse("admin:articles_role_delete", args=[role.pk]),
            reverse("admin:salaries_salaryband_delete", args=[band.pk]),
        ):
            assert (client.get(url).status_code == 200) is allowed, url
    assert (
        editor_client.get(reverse("admin:articles_role_delete", args=[draft.pk])).status_code == 200
    )
    url = reverse("admin:salaries_salaryband_delete", args=[draft_band.pk])
    assert editor_client.get(url).status_code == 200
    changelist = editor_client.get(reverse("admin:articles_role_changelist"))
    assert "delete_selected" not in changelist.content.decode()


# --- An image waits too ---------------------------------------------------------------------


def test_a_new_article_image_waits_as_a_stored_file_and_is_the_articles_on_approval(
    review_on, editor_client, reviewer_client, settings, tmp_path
):
    from .helpers import image_bytes
    from .test_uploads import post_role_image

    settings.MEDIA_ROOT = tmp_path
    role = make_role()
    data = image_bytes("JPEG", (800, 600))
    assert post_role_image(editor_client, role, "foto.jpg", data, "image/jpeg").status_code == 302
    role.refresh_from_db()
    assert not role.image and role.image_alt == ""  # nothing on the page yet
    revision = Revision.objects.get()
    stored = revision.changes["files"]["image"]
    assert stored.startswith("roles/") and (tmp_path / stored).exists()
    assert revision.changes["object"]["image_alt"] == ["", "Bir ekip toplantısı"]
    assert approve(reviewer_client, revision).status_code == 302
    role.refresh_from_db()
    assert role.image.name == stored and role.image_alt == "Bir ekip toplantısı"
    assert (role.image_width, role.image_height) == (800, 600)
    assert f'src="/media/{stored}"' in Client().get(role.get_absolute_url()).content.decode()


def test_a_change_sent_back_leaves_no_stored_image_behind(
    review_on,
    editor_client,
    reviewer_client,
    settings,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    from .helpers import image_bytes
    from .test_uploads import post_role_image

    settings.MEDIA_ROOT = tmp_path
    role = make_role()
    post_role_image(editor_client, role, "foto.png", image_bytes("PNG", (80, 60)), "image/png")
    revision = Revision.objects.get()
    stored = tmp_path / revision.changes["files"]["image"]
    assert stored.exists()
    url = reverse("admin:articles_revision_send_back", args=[revision.pk])
    with django_capture_on_commit_callbacks(execute=True):  # deleted once the decision commits
        assert reviewer_client.post(url, {"comment": "Başka bir fotoğraf."}).status_code == 302
    assert not stored.exists()
