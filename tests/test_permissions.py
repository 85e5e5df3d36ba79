"""The "Editörler" group: editors can do the whole job, and nothing more."""

import io

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.http import HttpRequest
from django.urls import reverse
from PIL import Image

from careers.articles.models import Role
from careers.salaries.models import SalaryBand
from careers.site.editors import EDITOR_GROUP, REVIEWER_GROUP, setup_editor_group

from .adminforms import changeform_data, inline_prefix
from .factories import make_band, make_role, make_skill

pytestmark = pytest.mark.django_db

ARTICLE_MODELS = ["sector", "skill", "role", "responsibility", "roleskill", "trend", "relatedrole"]
SALARY_MODELS = ["salaryband", "minimumwage"]


#: What "Yayın kurulu" may do beyond the editors: decide on others' changes, keep every
#: author's profile, fix or remove a published correction, remove a period of payroll rules.
REVIEWER_EXTRA = {
    "articles.review_revision",
    "articles.add_author",
    "articles.delete_author",
    "articles.change_correction",
    "articles.delete_correction",
    "salaries.delete_payrollparameters",
}


def group_perms(name=EDITOR_GROUP):
    group = Group.objects.get(name=name)
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    }


def test_every_database_has_the_group_with_exactly_the_editors_permissions():
    expected = (
        {
            f"articles.{action}_{model}"
            for model in ARTICLE_MODELS
            for action in ("view", "add", "change", "delete")
        }
        | {
            f"articles.view_historical{model}"
            for model in ("role", "responsibility", "roleskill", "trend", "relatedrole")
        }
        | {
            f"salaries.{action}_{model}"
            for model in SALARY_MODELS
            for action in ("view", "add", "change", "delete")
        }
        | {f"salaries.{action}_payrollparameters" for action in ("view", "add", "change")}
        | {"salaries.view_historicalsalaryband", "salaries.view_historicalpayrollparameters"}
        # readers' salary reports: reviewed (accepted or rejected), never added or edited
        | {
            f"salaries.{codename}"
            for codename in (
                "view_report",
                "review_report",
                "view_reportsummary",
                "view_reportbatchrun",
            )
        }
        | {
            f"comments.{codename}"
            for codename in ("view_comment", "change_comment", "delete_comment", "can_moderate")
        }
        | {f"comments.{action}_blockedword" for action in ("view", "add", "change", "delete")}
        | {"pages.view_simplepage", "pages.change_simplepage", "pages.view_historicalsimplepage"}
        # the review: see the changes waiting and the corrections, pick an article's author,
        # keep their own profile
        | {
            "articles.view_revision",
            "articles.view_author",
            "articles.change_author",
            "articles.view_correction",
        }
    )
    assert group_perms() == expected
    assert not any(
        p.startswith(("auth.", "admin.", "contenttypes.", "sessions.")) for p in expected
    )
    assert group_perms(REVIEWER_GROUP) == expected | REVIEWER_EXTRA


def test_setupeditors_resets_the_group_to_exactly_the_list():
    group = Group.objects.get(name=EDITOR_GROUP)
    group.permissions.add(Permission.objects.get(codename="change_user"))
    out = io.StringIO()
    call_command("setupeditors", verbosity=2, stdout=out)
    assert "auth.change_user" not in group_perms()
    text = out.getvalue()
    assert "“Editörler” grubunun 65 izni var." in text
    assert "“Yayın kurulu” grubunun 71 izni var." in text
    group2, skipped = setup_editor_group()
    assert group2 == group and skipped == []  # the comments app is installed now


# --- An editor can do the whole job ---------------------------------------------------------


def test_editor_opens_every_page_of_the_job(editor_client):
    role = make_role()
    band = make_band(role, year=2025)
    skill = make_skill("İletişim")
    pages = [
        reverse("admin:index"),
        reverse("admin:articles_role_changelist"),
        reverse("admin:articles_role_add"),
        reverse("admin:articles_role_change", args=[role.pk]),
        reverse("admin:salaries_salaryband_changelist"),
        reverse("admin:salaries_salaryband_change", args=[band.pk]),
        reverse("admin:salaries_salaryband_history", args=[band.pk]),
        reverse("admin:salaries_salaryband_import"),
        reverse("admin:salaries_salaryband_export"),
        reverse("admin:salaries_salaryband_data_quality"),
        reverse("admin:salaries_minimumwage_changelist"),
        reverse("admin:articles_skill_change", args=[skill.pk]),
        reverse("admin:articles_sector_add"),
        reverse("admin:comments_comment_changelist"),
        reverse("admin:comments_pendingcomment_changelist"),
        reverse("admin:comments_blockedword_changelist"),
        reverse("admin:comments_blockedword_add"),
        reverse("admin:autocomplete")
        + "?app_label=articles&model_name=roleskill&field_name=skill&term=ilet",
    ]
    for url in pages:
        response = editor_client.get(url)
        assert response.status_code == 200, url
    results = editor_client.get(pages[-1]).json()["results"]
    assert [r["text"] for r in results] == ["İletişim"]


def test_editor_writes_an_article_and_updates_its_salary(editor_client):
    role = make_role("Kredi Asistanı", published=False)
    make_band(role, year=2024, average="30000", top="40000")
    url = reverse("admin:articles_role_change", args=[role.pk])
    response = editor_client.get(url)
    data = changeform_data(response)
    data["intro"] = "Yeni giriş."
    data["status"] = "published"
    data[f"{inline_prefix(response, 'salaryband')}-0-average"] = "32000"
    assert editor_client.post(url, data).status_code == 302
    role.refresh_from_db()
    assert role.is_public and role.intro_html == "<p>Yeni giriş.</p>"
    assert SalaryBand.objects.get(role=role).average == 32000


def test_editor_imports_salaries(editor_client):
    make_role("Kredi Asistanı", slug="kredi-asistani")
    content = (
        "meslek,yil,ortalama,ust_duzey,kaynak,net_brut\n"
        "kredi-asistani,2025,30000,40000,Kaynak,net\n"
    )
    response = editor_client.post(
        reverse("admin:salaries_salaryband_import"),
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("m.csv", content.encode()),
        },
    )
    form = response.context["confirm_form"]
    editor_client.post(reverse("admin:salaries_salaryband_process_import"), form.initial)
    assert SalaryBand.objects.filter(role__slug="kredi-asistani", year=2025).exists()


def test_editor_uploads_an_image(editor_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20)).save(buffer, "PNG")
    response = editor_client.post(
        "/markdownx/upload/", {"image": SimpleUploadedFile("a.png", buffer.getvalue(), "image/png")}
    )
    assert response.status_code == 200
    assert "image_code" in response.json()


# --- ...and nothing more ------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "admin:auth_user_changelist",
        "admin:auth_user_add",
        "admin:auth_group_changelist",
        "admin:auth_group_add",
    ],
)
def test_editor_cannot_open_users_or_groups(editor_client, name):
    assert editor_client.get(reverse(name)).status_code == 403


def test_editor_index_does_not_list_users_or_groups(editor_client):
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:auth_user_changelist") not in html
    assert reverse("admin:auth_group_changelist") not in html
    assert reverse("admin:articles_role_changelist") in html


def test_staff_without_the_group_cannot_upload_or_preview(client):
    user = User.objects.create_user("staff", password="a-long-test-pass", is_staff=True)
    client.force_login(user)
    assert client.post("/markdownx/markdownify/", {"content": "x"}).status_code == 403


# --- createeditor -----------------------------------------------------------------------------


@pytest.fixture
def answers(monkeypatch):
    """What the person at the terminal types: input() and getpass() answers, in order."""

    def setup(inputs=(), passwords=()):
        inputs, passwords = iter(inputs), iter(passwords)
        monkeypatch.setattr("builtins.input", lambda prompt="": next(inputs))
        monkeypatch.setattr("getpass.getpass", lambda prompt="": next(passwords))

    return setup


def test_createeditor_asks_for_a_password_and_makes_a_staff_editor(answers, client):
    answers(
        inputs=["ayse", "ayse@example.org"],
        passwords=["kısa", "farklı", "Çok-gizli-2026", "Çok-gizli-2026"],
    )
    out, err = io.StringIO(), io.StringIO()
    call_command("createeditor", stdout=out, stderr=err)
    user = User.objects.get(username="ayse")
    assert user.is_staff and not user.is_superuser and user.email == "ayse@example.org"
    assert list(user.groups.values_list("name", flat=True)) == [EDITOR_GROUP]
    assert "Parolalar eşleşmiyor" in err.getvalue()
    assert "“ayse” editörü “Editörler” grubunda oluşturuldu." in out.getvalue()
    # django-axes needs the request that signs in
    assert client.login(request=HttpRequest(), username="ayse", password="Çok-gizli-2026")
    assert client.get(reverse("admin:articles_role_changelist")).status_code == 200


def test_createeditor_refuses_weak_passwords_and_creates_nobody(answers):
    answers(inputs=["ali", ""], passwords=["123", "123", "password", "password", "ali", "ali"])
    with pytest.raises(CommandError, match="kabul edilebilir bir parola verilmedi"):
        call_command("createeditor", stdout=io.StringIO(), stderr=io.StringIO())
    assert not User.objects.filter(username="ali").exists()


def test_createeditor_noinput_needs_the_environment_variable(monkeypatch):
    monkeypatch.delenv("DJANGO_EDITOR_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="DJANGO_EDITOR_PASSWORD"):
        call_command("createeditor", "--noinput", "--username=veli", stdout=io.StringIO())
    monkeypatch.setenv("DJANGO_EDITOR_PASSWORD", "Uzun-bir-parola-42")
    call_command("createeditor", "--noinput", "--username=veli", stdout=io.StringIO())
    assert User.objects.get(username="veli").check_password("Uzun-bir-parola-42")


def test_createeditor_refuses_an_existing_user(answers, editor_user):
    with pytest.raises(CommandError, match="zaten var"):
        call_command("createeditor", "--username=editor", stdout=io.StringIO())


def test_roles_are_not_deleted_by_setup():
    make_role()
    setup_editor_group()
    assert Role.objects.count() == 1
