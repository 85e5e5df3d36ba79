"""Editors' images: the checks every uploaded image passes, and staff-only markdownx views.

django-markdownx's own views answer anyone, trust the declared content type (an HTML file sent
as ``image/gif`` is stored as-is), accept SVG and answer 500 to files Pillow cannot read. These
replacements keep its URL names (``markdownx_upload``, ``markdownx_markdownify``), so the
editor widget works unchanged, and:

* answer only active staff who may edit articles (anonymous POSTs get 403);
* accept only images Pillow reads as JPEG, PNG, WebP or GIF (never SVG), within
  ``UPLOAD_IMAGE_MAX_BYTES`` and ``UPLOAD_IMAGE_MAX_PIXELS`` (a decompression bomb is refused
  from its header, before any pixel is decoded);
* refuse animated images (a GIF, WebP or PNG with several frames: re-encoding would keep one
  frame, keeping it as uploaded would keep whatever was appended to it);
* re-encode the image (dropping EXIF, GPS and anything hidden after the pixels), scale it down
  to ``UPLOAD_IMAGE_MAX_SIDE`` and store it under a random name,
  ``markdownx/<year>/<month>/<uuid>.<ext>``;
* answer every refusal with a Turkish JSON message and status 400, never 500.

The article image (``Role.image``, through the admin's ``VerifiedImageField``) goes through
the same :func:`prepare_image`: one code path for every image an editor uploads.
"""

import io
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from PIL import Image, ImageOps

from careers import markup, turkish

EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}


def check_image(uploaded):
    """Raise ``ValidationError`` (Turkish message) unless ``uploaded`` is a real image within
    the limits; return ``(format, width, height)``. Leaves the file at position 0."""
    max_bytes = settings.UPLOAD_IMAGE_MAX_BYTES
    if uploaded.size > max_bytes:
        raise ValidationError(
            _("The image is %(size)s MB; at most %(max)s MB is accepted.")
            % {
                "size": turkish.format_megabytes(uploaded.size),
                "max": turkish.format_megabytes(max_bytes),
            },
            code="too_large",
        )
    allowed = settings.UPLOAD_IMAGE_FORMATS
    not_an_image = ValidationError(
        _(
            "This file is not an image that can be used. Upload a JPEG, PNG, WebP or GIF "
            "photo (SVG and other files are not accepted)."
        ),
        code="not_image",
    )
    try:
        uploaded.seek(0)
        with warnings.catch_warnings():
            # Pillow only warns between MAX_IMAGE_PIXELS and twice that: make it an error.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded, formats=allowed) as image:
                width, height = image.size
                image_format = image.format
                _check_pixels(width, height)
                animated = getattr(image, "is_animated", False)
                image.verify()
            uploaded.seek(0)
            # verify() does not decode every format fully: decoding proves the data is whole.
            with Image.open(uploaded, formats=allowed) as image:
                image.load()
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _bomb_error() from error
    except Exception as error:  # Pillow raises many types for unreadable data
        raise not_an_image from error
    finally:
        uploaded.seek(0)
    if image_format not in allowed:
        raise not_an_image
    if animated:
        raise ValidationError(
            _(
                "Animated images are not accepted. Upload a still JPEG, PNG or WebP image "
                "(for example one frame of the animation)."
            ),
            code="animated",
        )
    return image_format, width, height


def _bomb_error(width=None, height=None):
    limits = {"max": turkish.format_number(settings.UPLOAD_IMAGE_MAX_PIXELS // 1_000_000)}
    if width is None:
        message = _(
            "The image has far too many pixels; at most %(max)s million are accepted. Scale "
            "it down (1600 pixels wide is plenty) and upload it again."
        )
    else:
        message = _(
            "The image has too many pixels (%(width)s × %(height)s); at most %(max)s million "
            "are accepted. Scale it down (1600 pixels wide is plenty) and upload it again."
        )
        limits |= {"width": turkish.format_number(width), "height": turkish.format_number(height)}
    return ValidationError(message % limits, code="too_many_pixels")


def _check_pixels(width, height):
    if width * height > settings.UPLOAD_IMAGE_MAX_PIXELS:
        raise _bomb_error(width, height)


def reencode(uploaded, image_format):
    """The image re-encoded in its own format from its decoded pixels only (no metadata, no
    bytes after the image), turned upright by its EXIF orientation and scaled down to fit
    ``UPLOAD_IMAGE_MAX_SIDE``. Only for a still image that passed :func:`check_image`."""
    uploaded.seek(0)
    with Image.open(uploaded) as image:
        image = ImageOps.exif_transpose(image)
        side = settings.UPLOAD_IMAGE_MAX_SIDE
        image.thumbnail((side, side))
        if image_format == "JPEG" and image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        output = io.BytesIO()
        options = {"quality": 85} if image_format in ("JPEG", "WEBP") else {}
        if image_format == "PNG":
            options = {"optimize": True}
        image.save(output, image_format, **options)
        return output.getvalue()


def prepare_image(uploaded):
    """Check and re-encode an editor's image: ``(file, format)``, the file named at random
    (``<uuid>.<ext>``: the uploaded name never reaches the site). ValidationError (Turkish
    message) when it is refused."""
    image_format, _width, _height = check_image(uploaded)
    data = reencode(uploaded, image_format)
    name = f"{uuid.uuid4().hex}.{EXTENSIONS[image_format]}"
    return ContentFile(data, name=name), image_format


def save_editor_image(uploaded):
    """Check, re-encode and store an image from the Markdown editor; return its URL."""
    image, _format = prepare_image(uploaded)
    folder = timezone.localtime().strftime(settings.MARKDOWNX_MEDIA_PATH)
    stored = default_storage.save(f"{folder}{image.name}", image)
    return default_storage.url(stored)


def can_edit_articles(user):
    """Active staff allowed to add or change some article content."""
    if not (user.is_active and user.is_staff):
        return False
    return any(
        perm.startswith(("articles.add_", "articles.change_"))
        for perm in user.get_all_permissions()
    )


def _refused():
    return JsonResponse(
        {"image": [_("Only editors who are signed in can do this.")]},
        status=403,
        json_dumps_params={"ensure_ascii": False},
    )


@require_POST
def upload_image(request):
    """The markdownx editor's image upload: JSON ``{"image_code": "![](url)"}`` or
    ``{"image": ["message"]}`` with status 400/403."""
    if not can_edit_articles(request.user):
        return _refused()
    uploaded = request.FILES.get("image")
    if uploaded is None:
        return JsonResponse(
            {"image": [_("Choose an image file to upload.")]},
            status=400,
            json_dumps_params={"ensure_ascii": False},
        )
    try:
        url = save_editor_image(uploaded)
    except ValidationError as error:
        return JsonResponse(
            {"image": error.messages}, status=400, json_dumps_params={"ensure_ascii": False}
        )
    return JsonResponse({"image_code": f"![]({url})"})


@require_POST
def markdownify(request):
    """The live preview: the same sanitizing renderer as the public page."""
    if not can_edit_articles(request.user):
        return _refused()
    return HttpResponse(markup.render(request.POST.get("content", "")))
