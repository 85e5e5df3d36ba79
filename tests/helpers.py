"""Helpers shared by the test modules (plain functions; shared fixtures are in conftest.py)."""

import io
import re
from html import unescape


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
