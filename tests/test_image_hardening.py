"""The article image (Role.image) treated like editor uploads: GPS EXIF, appended bytes and the
original file name never published; animated images refused (the issue's image findings)."""

import io

import pytest
from PIL import ExifTags, Image

from careers.articles.models import Role

from .factories import make_role
from .test_uploads import errors, media, post_file, post_role_image, stored_files

pytestmark = pytest.mark.django_db
__all__ = ["media"]  # the fixture, used by name

APPENDED = b"<html><script>alert(document.cookie)</script></html>"


def photo_with_gps(size=(2400, 1800)):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "TelefonMarka"
    exif[ExifTags.Base.Model] = "Model X"
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (41.0, 0.0, 52.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (28.0, 58.0, 0.0),
    }
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, "JPEG", exif=exif)
    data = buffer.getvalue()
    with Image.open(io.BytesIO(data)) as check:  # the test's own premise
        assert check.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    return data + APPENDED


def animated_gif():
    frames = [Image.new("RGB", (60, 40), rgb) for rgb in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    with Image.open(io.BytesIO(buffer.getvalue())) as check:  # the test's own premise
        assert check.n_frames == 3
    return buffer.getvalue() + APPENDED


def test_the_article_image_is_re_encoded_without_gps_appended_bytes_or_its_name(
    admin_client, media
):
    role = make_role()
    data = photo_with_gps()
    response = post_role_image(admin_client, role, "ev-adresim-gps.jpg", data, "image/jpeg")
    assert response.status_code == 302
    role = Role.objects.get(pk=role.pk)
    assert role.image.name.startswith("roles/")
    assert "ev-adresim" not in role.image.name
    stored = (media / role.image.name).read_bytes()
    assert APPENDED not in stored and b"<script" not in stored
    assert stored.endswith(b"\xff\xd9")  # the JPEG ends where its pixels end
    with Image.open(io.BytesIO(stored)) as image:
        assert image.format == "JPEG"
        assert not image.getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert ExifTags.Base.Make not in image.getexif()
        assert max(image.size) == 1600  # scaled down like editor images
    assert (role.image_width, role.image_height) == (1600, 1200)


def test_an_animated_gif_with_html_appended_is_refused_as_article_image(admin_client, media):
    role = make_role()
    response = post_role_image(admin_client, role, "anim.gif", animated_gif(), "image/gif")
    assert response.status_code == 200
    assert "Hareketli görseller kabul edilmiyor" in response.content.decode()
    assert stored_files(media) == []
    assert not Role.objects.get(pk=role.pk).image


def test_an_animated_gif_is_refused_in_the_editor_too(admin_client, media):
    response = post_file(admin_client, "anim.gif", animated_gif(), "image/gif")
    assert response.status_code == 400
    assert "Hareketli görseller kabul edilmiyor" in errors(response)
    assert stored_files(media) == []


def test_an_editor_image_with_appended_bytes_is_stored_without_them(admin_client, media):
    response = post_file(admin_client, "foto.jpg", photo_with_gps((800, 600)), "image/jpeg")
    assert response.status_code == 200
    [name] = stored_files(media)
    stored = (media / name).read_bytes()
    assert APPENDED not in stored and stored.endswith(b"\xff\xd9")
    assert "foto" not in name
