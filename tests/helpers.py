"""Helpers shared by the test modules (plain functions; shared fixtures are in conftest.py)."""

import io
import os
import re
from html import unescape

import pytest

#: Set by the Makefile (and so by CI), which installs every system package and extra the
#: tests use: there, a missing one fails the test instead of skipping it.
REQUIRE_ALL = os.environ.get("REQUIRE_ALL_TESTS") == "1"


def require(available, what, how):
    """Skip the test, saying why, when ``what`` (a server, an optional extra) is missing, e.g.
    in a checkout where `pytest` runs without `make`; under `make test` and CI it fails."""
    if available:
        return
    message = f"{what} is not installed here ({how})"
    if REQUIRE_ALL:
        pytest.fail(f"{message}: make installs it, so this run must not skip it", pytrace=False)
    pytest.skip(message)


def text_of(response, start=None, end=None):
    """The page as a reader sees it: scripts, styles and tags removed, entities decoded,
    whitespace collapsed. With ``start`` (and ``end``), only the HTML from the first ``start``
    to the following ``end``."""
    html = response.content.decode()
    if start:
        html = html[html.index(start) :]
        html = html[: html.index(end)] if end else html
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html))).strip()


def image_bytes(fmt="PNG", size=(40, 30), mode="RGB", **save):
    """A real image file's bytes, made by Pillow (``save``: Pillow's options, e.g. ``exif``)."""
    from PIL import Image

    buffer = io.BytesIO()
    color = (200, 120, 40) if mode == "RGB" else 0
    Image.new(mode, size, color).save(buffer, fmt, **save)
    return buffer.getvalue()
