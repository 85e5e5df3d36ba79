"""Least privilege in the newsroom: "Editörler" write and submit, "Yayın kurulu" also decide;
editors keep their own author profile only; nobody approves their own change."""

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from careers.articles.models import Author, Correction, Revision

from .factories import make_role
from .test_review import edit, make_reviewer, role_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("review_on")]


@pytest.fixture
def review_on(settings):
    settings.EDITORIAL_REVIEW = True


def login(user):
    client = Client()
    client.force_login(user)
    return client


def test_an_editor_opens_the_dashboard_and_a_change_but_no_decision(editor_client):
    role = make_role()
    edit(editor_client, role_url(role), lambda data, response: data.update(summary="Yeni."))
    revision = Revision.objects.get()
    for url in (
        reverse("admin:articles_revision_changelist"),
        reverse("admin:articles_revision_change", args=[revision.pk]),
        reverse("admin:articles_author_changelist"),
        reverse("admin:articles_correction_changelist"),
    ):
        assert editor_client.get(url).status_code == 200, url
    for url in (
        reverse("admin:articles_revision_approve", args=[revision.pk]),
        reverse("admin:articles_revision_send_back", args=[revision.pk]),
        reverse("admin:articles_revision_mark_reviewed", args=[role.pk]),
        reverse("admin:articles_author_add"),
    ):
        assert editor_client.post(url, {"comment": "x"}).status_code == 403, url


def test_staff_outside_the_groups_see_nothing_of_the_review(client):
    role = make_role()
    user = User.objects.create_user("staff", password="a-long-test-pass", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:articles_revision_changelist")).status_code == 403
    assert (
        client.post(reverse("admin:articles_revision_mark_reviewed", args=[role.pk])).status_code
        == 403
    )


def test_an_editor_keeps_their_own_profile_and_only_the_board_links_accounts(editor_user):
    own = Author.objects.create(name="Editör Kendisi", slug="editor-kendisi", user=editor_user)
    other = Author.objects.create(name="Başka Yazar", slug="baska-yazar")
    editor = login(editor_user)
    own_url = reverse("admin:articles_author_change", args=[own.pk])
    page = editor.get(own_url)
    assert page.status_code == 200 and "user" not in page.context["adminform"].form.fields
    fields = {"name": "Editör Kendisi", "slug": "editor-kendisi", "expertise": "Maaşlar", "bio": ""}
    assert editor.post(own_url, fields).status_code == 302
    assert Author.objects.get(pk=own.pk).expertise == "Maaşlar"
    other_url = reverse("admin:articles_author_change", args=[other.pk])
    assert "Kaydet" not in editor.get(other_url).content.decode()  # read only
    assert editor.post(other_url, {**fields, "slug": "baska-yazar"}).status_code == 403
    board = login(make_reviewer())
    form = board.get(other_url).context["adminform"].form
    assert "user" in form.fields
    choices = {str(label) for _value, label in form.fields["user"].choices}
    assert "editor" in choices  # staff accounts only


def test_only_the_board_fixes_or_removes_a_published_correction(editor_user):
    role = make_role()
    correction = Correction.objects.create(role=role, text="Eski not.")
    url = reverse("admin:articles_correction_change", args=[correction.pk])
    assert login(editor_user).post(url, {"text": "Değişti."}).status_code == 403
    board = login(make_reviewer())
    assert board.post(url, {"text": "Yeni not."}).status_code == 302
    assert Correction.objects.get().text == "Yeni not."
    assert board.get(reverse("admin:articles_correction_add")).status_code == 403


def test_createeditor_makes_a_board_member_with_reviewer(monkeypatch):
    import io

    from django.core.management import call_command

    from careers.articles.review.workflow import can_review

    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "Uzun-bir-parola-42")
    out = io.StringIO()
    call_command("createeditor", "--noinput", "--username=kurul", "--reviewer", stdout=out)
    user = User.objects.get(username="kurul")
    assert list(user.groups.values_list("name", flat=True)) == ["Yayın kurulu"]
    assert can_review(user) and "“Yayın kurulu” grubunda oluşturuldu" in out.getvalue()


def test_the_newsrooms_periodic_jobs_are_declared_and_importable(settings):
    from django.utils.module_loading import import_string

    jobs = {name: path for name, (path, _seconds) in settings.PERIODIC_JOBS.items()}
    assert settings.PERIODIC_JOBS["review-digest"][1] == 7 * 24 * 60 * 60  # weekly
    for name in ("review-digest", "recent-reads"):
        assert hasattr(import_string(jobs[name]), "enqueue"), name
