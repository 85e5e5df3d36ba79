"""Editors' image uploads: markdownx upload/preview views (staff only) and the article image."""

import json
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from careers.articles.models import Role

from .adminforms import changeform_data
from .factories import make_role
from .helpers import image_bytes

pytestmark = pytest.mark.django_db

UPLOAD = "/markdownx/upload/"
PREVIEW = "/markdownx/markdownify/"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def stored_files(root):
    return sorted(
        os.path.relpath(os.path.join(d, f), root)
        for d, _dirs, files in os.walk(root)
        for f in files
    )


def post_file(client, name, data, content_type, url=UPLOAD):
    upload = SimpleUploadedFile(name, data, content_type=content_type)
    return client.post(url, {"image": upload}, headers={"x-requested-with": "XMLHttpRequest"})


def errors(response):
    return " ".join(json.loads(response.content)["image"])


# --- Accepted -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "name", "content_type", "extension"),
    [
        ("PNG", "a.png", "image/png", "png"),
        ("JPEG", "a.jpg", "image/jpeg", "jpg"),
        ("WEBP", "a.webp", "image/webp", "webp"),
        ("GIF", "a.gif", "image/gif", "gif"),
    ],
)
def test_real_images_are_stored_under_a_dated_path(
    admin_client, media, fmt, name, content_type, extension
):
    response = post_file(admin_client, name, image_bytes(fmt), content_type)
    assert response.status_code == 200
    code = json.loads(response.content)["image_code"]
    month = timezone.localtime().strftime("%Y/%m")
    assert code.startswith(f"![](/media/markdownx/{month}/") and code.endswith(f".{extension})")
    [path] = stored_files(media)
    assert path.startswith(f"markdownx/{month}/") and path.endswith(f".{extension}")
    with Image.open(media / path) as stored:
        assert stored.format == fmt


def test_large_images_are_scaled_down_and_exif_is_dropped(admin_client, media):
    exif = Image.Exif()
    exif[0x010F] = "Camera maker with GPS"  # Make
    data = image_bytes("JPEG", size=(3200, 1600), exif=exif.tobytes())
    response = post_file(admin_client, "photo.jpg", data, "image/jpeg")
    assert response.status_code == 200
    [path] = stored_files(media)
    with Image.open(media / path) as stored:
        assert stored.size == (1600, 800)
        assert not stored.getexif()


def test_the_declared_content_type_does_not_matter_only_the_content(admin_client, media):
    response = post_file(admin_client, "photo.bin", image_bytes("PNG"), "application/octet-stream")
    assert response.status_code == 200
    assert stored_files(media)[0].endswith(".png")


# --- Refused, each with its message, nothing stored -----------------------------------------

NOT_AN_IMAGE = "Bu dosya kullanılabilecek bir görsel değil."


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("notes.png", b"This is a text file renamed to .png\n" * 20, "image/png"),
        ("page.gif", b"<html><script>alert(1)</script></html>", "image/gif"),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            b"<script>alert(1)</script></svg>",
            "image/svg+xml",
        ),
        ("cut.png", image_bytes("PNG", size=(400, 400), mode="RGB")[:200], "image/png"),
        ("photo.bmp", image_bytes("BMP"), "image/bmp"),
        ("empty.png", b"", "image/png"),
    ],
    ids=["text-renamed-png", "html-as-gif", "svg", "truncated-png", "bmp", "empty"],
)
def test_non_images_are_refused_with_a_clear_message(admin_client, media, name, data, content_type):
    response = post_file(admin_client, name, data, content_type)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert NOT_AN_IMAGE in errors(response) or "Yüklemek için bir görsel" in errors(response)
    assert stored_files(media) == []


def test_an_oversized_image_is_refused(admin_client, media):
    data = image_bytes("BMP", size=(1000, 1000))  # 3 MB of pixels; size is checked first
    response = post_file(admin_client, "big.png", data, "image/png")
    assert response.status_code == 400
    assert errors(response) == "Görsel 2,9 MB; en fazla 2 MB kabul edilir."
    assert stored_files(media) == []


def test_a_decompression_bomb_is_refused_from_its_header(admin_client, media):
    bomb = image_bytes("PNG", size=(20000, 20000), mode="1", optimize=True)  # 400 Mpx
    assert len(bomb) < 200_000
    response = post_file(admin_client, "bomb.png", bomb, "image/png")
    assert response.status_code == 400
    assert errors(response).startswith("Görselde çok fazla piksel var; en fazla 24 milyon")
    assert stored_files(media) == []


def test_an_image_over_the_pixel_limit_names_its_size(admin_client, media):
    big = image_bytes("PNG", size=(6000, 5000), mode="1")  # 30 Mpx: under Pillow's own limit
    response = post_file(admin_client, "big.png", big, "image/png")
    assert response.status_code == 400
    assert "(6.000 × 5.000)" in errors(response)
    assert stored_files(media) == []


def test_random_bytes_never_cause_a_500(admin_client, media):
    for seed in range(20):
        data = os.urandom(64 + seed * 50)
        assert post_file(admin_client, "x.png", data, "image/png").status_code == 400
    assert (
        post_file(
            admin_client, "x.png", b"\x89PNG\r\n\x1a\n" + os.urandom(300), "image/png"
        ).status_code
        == 400
    )


def test_upload_without_a_file(admin_client):
    response = admin_client.post(UPLOAD, {})
    assert response.status_code == 400
    assert errors(response) == "Yüklemek için bir görsel dosyası seçin."


# --- Staff only -----------------------------------------------------------------------------


def test_anonymous_posts_to_upload_and_preview_are_refused(client, media):
    response = post_file(client, "a.png", image_bytes("PNG"), "image/png")
    assert response.status_code == 403
    assert errors(response) == "Bunu yalnızca giriş yapmış editörler yapabilir."
    assert client.post(PREVIEW, {"content": "**x**"}).status_code == 403
    assert stored_files(media) == []


def test_signed_in_non_staff_users_are_refused(client, django_user_model, media):
    client.force_login(django_user_model.objects.create_user("reader", password="x-long-pass-1"))
    assert post_file(client, "a.png", image_bytes("PNG"), "image/png").status_code == 403
    assert client.post(PREVIEW, {"content": "x"}).status_code == 403


def test_csrf_is_required(editor_user, media):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor_user)
    assert post_file(strict, "a.png", image_bytes("PNG"), "image/png").status_code == 403
    assert stored_files(media) == []


def test_get_is_not_allowed(admin_client):
    assert admin_client.get(UPLOAD).status_code == 405
    assert admin_client.get(PREVIEW).status_code == 405


def test_preview_uses_the_sanitizing_renderer(editor_client):
    response = editor_client.post(
        PREVIEW,
        {
            "content": "**kalın** <script>alert(1)</script> [x](javascript:alert(1)) "
            "<img src=x onerror=alert(1)>"
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>kalın</strong>" in html
    assert "<script" not in html and "onerror" not in html and "javascript:" not in html


def test_preview_without_content_is_empty_not_500(editor_client):
    response = editor_client.post(PREVIEW, {})
    assert response.status_code == 200
    assert response.content == b""


# --- The article image (role form) ----------------------------------------------------------


def post_role_image(client, role, name, data, content_type="image/png", alt="Bir ekip toplantısı"):
    url = reverse("admin:articles_role_change", args=[role.pk])
    form = changeform_data(client.get(url))
    form["image"] = SimpleUploadedFile(name, data, content_type=content_type)
    form["image_alt"] = alt
    return client.post(url, form)


def test_article_image_is_stored_under_a_dated_path(admin_client, media):
    role = make_role()
    response = post_role_image(
        admin_client, role, "photo.jpg", image_bytes("JPEG", (800, 600)), "image/jpeg"
    )
    assert response.status_code == 302
    role.refresh_from_db()
    assert role.image.name.startswith(timezone.localtime().strftime("roles/%Y/%m/"))
    assert (role.image_width, role.image_height) == (800, 600)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("page.png", b"<html></html>", NOT_AN_IMAGE),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', NOT_AN_IMAGE),
        (
            "bomb.png",
            image_bytes("PNG", size=(20000, 20000), mode="1"),
            "Görselde çok fazla piksel var",
        ),
        ("big.bmp", image_bytes("BMP", size=(1000, 1000)), "en fazla 2 MB kabul edilir"),
    ],
    ids=["html", "svg", "bomb", "oversized"],
)
def test_article_image_gets_the_same_checks(admin_client, media, name, data, message):
    role = make_role()
    response = post_role_image(admin_client, role, name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert stored_files(media) == []
    assert not Role.objects.get(pk=role.pk).image


def test_article_image_needs_a_description(admin_client, media):
    role = make_role()
    response = post_role_image(admin_client, role, "a.png", image_bytes("PNG"), alt="")
    assert response.status_code == 200
    assert not Role.objects.get(pk=role.pk).image
