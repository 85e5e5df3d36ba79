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
