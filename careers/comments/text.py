"""Plain-text handling of visitors' comments: cleaning, fingerprinting, counting links and
rendering as escaped HTML. Comments are never Markdown or HTML: what a visitor types is shown
as typed, escaped, with paragraphs kept and http(s) addresses made into links."""

import hashlib
import re
import unicodedata

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from careers import turkish

# Unicode "Cc" control characters (NUL, ESC, DEL, C1 ...) and the bidirectional overrides and
# isolates that can make text display in a different order from how it is stored (spoofing).
# Zero-width joiners stay: emoji sequences and some scripts need them.
_BIDI_CONTROLS = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
_KEEP_IN_MULTILINE = {"\n", "\t"}

# An http(s) address in running text. Trailing punctuation that usually ends a sentence is
# not part of the address ("bkz. https://example.com.").
URL_RE = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}»”’'\""
_PARAGRAPH_RE = re.compile(r"\n\s*\n")


def strip_controls(value: str, *, multiline: bool) -> str:
    """Remove control characters; a multi-line text keeps its line breaks and tabs, with
    Windows and old Mac line endings made ``\\n``."""
    if not value:
        return value
    value = unicodedata.normalize("NFC", value)
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    keep = _KEEP_IN_MULTILINE if multiline else set()
    return "".join(
        ch
        for ch in value
        if ch in keep or (unicodedata.category(ch) != "Cc" and ch not in _BIDI_CONTROLS)
    )


# Characters that show nothing: Unicode "Cf" format characters (zero-width space, joiners,
# word joiner, directional marks, BOM, soft hyphen ...) and the blank letters and symbols that
# spammers use as "invisible names" (Hangul fillers, braille blank, combining grapheme joiner).
_BLANK_LETTERS = {"\u034f", "\u115f", "\u1160", "\u2800", "\u3164", "\uffa0"}


def is_invisible(ch: str) -> bool:
    return ch in _BLANK_LETTERS or unicodedata.category(ch) == "Cf"


def without_invisible(value: str) -> str:
    """``value`` without the characters that show nothing (whitespace is kept)."""
    return "".join(ch for ch in value if not is_invisible(ch))


def is_blank(value: str) -> bool:
    """True when nothing visible is left once invisible characters and whitespace go."""
    return not without_invisible(value).strip()


def normalise_body(body: str) -> str:
    """The comment as compared for duplicates: invisible characters removed, whitespace runs
    collapsed, case kept."""
    return " ".join(without_invisible(body).split())


def fingerprint(role_id, parent_id, email: str, body: str) -> str:
    """Identifies "the same comment again": same article, same place in the thread, same
    e-mail address (any case) and the same words."""
    key = "\x1f".join(
        [str(role_id), str(parent_id or ""), email.strip().lower(), normalise_body(body)]
    )
    return hashlib.sha256(key.encode()).hexdigest()


def find_urls(body: str):
    """(start, end) of each http(s) address in ``body``, without trailing punctuation."""
    for match in URL_RE.finditer(body):
        url = match.group(0)
        while url and url[-1] in _TRAILING:
            # Keep a closing parenthesis that belongs to the address (Wikipedia links).
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        if len(url) > len("https://"):
            yield match.start(), match.start() + len(url)


def count_links(body: str) -> int:
    """The number of addresses that would be shown as links (moderation counts these)."""
    return sum(1 for _ in find_urls(body))


def _linkify(paragraph: str) -> str:
    parts, position = [], 0
    for start, end in find_urls(paragraph):
        url = paragraph[start:end]
        parts.append(escape(paragraph[position:start]))
        parts.append(format_html('<a href="{}" rel="external nofollow ugc">{}</a>', url, url))
        position = end
    parts.append(escape(paragraph[position:]))
    return "".join(parts).replace("\n", "<br>\n")


def render(body: str, *, links: bool = True) -> str:
    """Escaped HTML: blank lines separate paragraphs, single line breaks are kept, and
    http(s) addresses become ``rel="external nofollow ugc"`` links (or stay plain text with
    ``links=False``, as in a comment nobody has approved yet). Every character the visitor
    typed is escaped; only the tags made here are HTML."""
    paragraphs = [p.strip("\n") for p in _PARAGRAPH_RE.split(body.strip()) if p.strip()]
    if links:
        parts = [_linkify(p) for p in paragraphs]
    else:
        parts = [escape(p).replace("\n", "<br>\n") for p in paragraphs]
    return mark_safe(  # noqa: S308 (every piece of visitor text went through escape())
        "\n".join(f"<p>{part}</p>" for part in parts)
    )


def matching_key(value: str) -> str:
    """A key for blocklist matching: compatibility forms folded (fullwidth “ｋｕｍａｒ” is
    “kumar”), Turkish case-insensitive."""
    return turkish.casefold(unicodedata.normalize("NFKC", value))
