"""Social cards: the 1200x630 PNG a shared link shows (Open Graph / Twitter), drawn with Pillow.

Generic: it draws the strings it is given (a kicker line, a title, a figure line, the site's
name), so every app can make cards; ``careers.articles.cards`` makes one per article.

Turkish letters need a font that has them: DejaVu Sans (Debian's ``fonts-dejavu-core``, which
CI installs for Chromium) is looked for in the usual directories, then through fontconfig
(``fc-match``, which is also how an operator points it at another DejaVu install). Without any
the card is still drawn, with Pillow's built-in font, and the system check ``site.W001`` says
what to install.
"""

import functools
import io
import logging
import shutil
import subprocess
from pathlib import Path

from django.core import checks
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from PIL import Image, ImageDraw, ImageFont

from careers import turkish

logger = logging.getLogger(__name__)

WIDTH, HEIGHT = 1200, 630
#: Bump when the drawing changes: every card then gets a new name (see their URLs).
DESIGN = 1
#: A card's name says what it shows: browsers and front caches may keep it this long...
YEAR_SECONDS = 365 * 24 * 60 * 60
#: ...and the app keeps the drawn PNG this long (drawing one takes tens of milliseconds).
DRAWN_SECONDS = 30 * 24 * 60 * 60

INK = (29, 35, 43)
MUTED = (79, 91, 103)
PAPER = (255, 255, 255)
ACCENT = (11, 92, 173)
TINT = (243, 246, 248)

FONT_FILES = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
FONT_PATTERNS = {"regular": "DejaVu Sans:style=Book", "bold": "DejaVu Sans:style=Bold"}
FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",  # Debian, Ubuntu
    "/usr/share/fonts/dejavu",  # Fedora, Arch
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/opt/homebrew/share/fonts",
)


@functools.cache
def font_path(weight):
    """The font file for ``weight`` ("regular" or "bold"), or None when there is none."""
    candidates = [Path(folder) / FONT_FILES[weight] for folder in FONT_DIRS]
    for candidate in candidates:
        if candidate.is_file():
            return str(candidate)
    fc_match = shutil.which("fc-match")
    if fc_match:
        found = subprocess.run(  # noqa: S603 (a fixed program and pattern, no input)
            [fc_match, "-f", "%{file}", FONT_PATTERNS[weight]],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        ).stdout.strip()
        if found and Path(found).is_file() and "dejavu" in found.lower():
            return found
    return None


def font(weight, size):
    path = font_path(weight)
    if path is None:
        logger.warning("Social cards: no DejaVu font found; install fonts-dejavu-core")
        return ImageFont.load_default(size)
    return ImageFont.truetype(path, size)


@checks.register()
def check_card_fonts(app_configs=None, **kwargs):
    missing = [weight for weight in FONT_FILES if font_path(weight) is None]
    if not missing:
        return []
    return [
        checks.Warning(
            "No DejaVu Sans font for the social cards: Turkish letters would not render.",
            hint="apt-get install fonts-dejavu-core (found in the usual folders or by fc-match).",
            id="site.W001",
        )
    ]


def png_response(name, draw):
    """The card called ``name`` as an immutable PNG answer. A name stands for one picture
    (it carries a hash of what the card shows, or the design number), so the PNG ``draw()``
    makes is kept in the cache under it, and nothing needs purging when content changes:
    the page then points to a new name."""
    key = f"card:{DESIGN}:{name}"
    try:
        png = cache.get(key)
    except Exception:  # the cache down: draw it, a little slower
        logger.exception("Social cards: cache unavailable")
        png = None
    if png is None:
        png = draw()
        try:
            cache.set(key, png, DRAWN_SECONDS)
        except Exception:
            logger.exception("Social cards: cache unavailable")
    response = HttpResponse(png, content_type="image/png")
    patch_cache_control(response, public=True, max_age=YEAR_SECONDS, immutable=True)
    return response


def wrap(draw, text, face, width):
    """Greedy word wrap of ``text`` into lines no wider than ``width`` pixels."""
    lines, line = [], ""
    for word in text.split():
        attempt = f"{line} {word}".strip()
        if draw.textlength(attempt, font=face) <= width or not line:
            line = attempt
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def fit_title(draw, text, width, max_lines=3, sizes=(76, 68, 60, 54, 48)):
    """The largest size at which ``text`` fits in ``max_lines``; cut with "…" if none does."""
    for size in sizes:
        face = font("bold", size)
        lines = wrap(draw, text, face, width)
        if len(lines) <= max_lines:
            return face, size, lines
    lines = lines[:max_lines]
    while lines[-1] and draw.textlength(lines[-1] + "…", font=face) > width:
        lines[-1] = lines[-1][:-1].rstrip()
    lines[-1] += "…"
    return face, size, lines


def render(*, title, kicker="", figure="", site_name, site_host=""):
    """The card as PNG bytes: ``kicker`` (e.g. the sector) above the ``title``, ``figure``
    (e.g. "2025 ortalama maaş: 30.000 TL") below it, the site's name and host at the foot."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    margin = 72
    draw.rectangle((0, 0, WIDTH, 14), fill=ACCENT)
    draw.rectangle((0, HEIGHT - 96, WIDTH, HEIGHT), fill=TINT)
    # The site's mark (the favicon's "M" on blue) and name, bottom left; host bottom right.
    mark = (margin, HEIGHT - 76, margin + 56, HEIGHT - 20)
    draw.rounded_rectangle(mark, radius=10, fill=ACCENT)
    draw.text(
        ((mark[0] + mark[2]) / 2, (mark[1] + mark[3]) / 2),
        "M",
        font=font("bold", 38),
        fill=PAPER,
        anchor="mm",
    )
    draw.text((mark[2] + 18, HEIGHT - 48), site_name, font=font("bold", 34), fill=INK, anchor="lm")
    if site_host:
        draw.text(
            (WIDTH - margin, HEIGHT - 48),
            site_host,
            font=font("regular", 28),
            fill=MUTED,
            anchor="rm",
        )
    top = 78
    if kicker:
        draw.text((margin, top), turkish.upper(kicker), font=font("bold", 30), fill=ACCENT)
        top += 62
    face, size, lines = fit_title(draw, title, WIDTH - 2 * margin)
    for line in lines:
        draw.text((margin, top), line, font=face, fill=INK)
        top += int(size * 1.22)
    if figure:
        top += 24
        draw.text((margin, top), figure, font=font("regular", 40), fill=MUTED)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


# The favicon's "M" (static/favicon.svg, a 32x32 drawing) as a polygon.
MARK = (
    (7, 24), (7, 8), (10.6, 8), (16, 16), (21.4, 8), (25, 8), (25, 24), (21.6, 24),
    (21.6, 13.6), (16, 21.6), (10.4, 13.6), (10.4, 24),
)  # fmt: skip


def icon(size, *, maskable=False):
    """The site's icon as PNG bytes, ``size`` pixels square: the white "M" on the accent blue.
    A maskable icon fills the square and keeps the mark inside the central safe zone."""
    scale = 4  # drawn large, then scaled down: smooth edges without anti-aliasing support
    big = size * scale
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, big, big), fill=ACCENT)
        unit, offset = big * 0.6 / 32, big * 0.2
    else:
        draw.rounded_rectangle((0, 0, big - 1, big - 1), radius=big * 6 / 32, fill=ACCENT)
        unit, offset = big / 32, 0
    draw.polygon([(offset + x * unit, offset + y * unit) for x, y in MARK], fill=PAPER)
    buffer = io.BytesIO()
    image.resize((size, size), Image.Resampling.LANCZOS).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
