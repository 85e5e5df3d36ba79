"""The one Markdown renderer of the site.

Every piece of Markdown (article sections, the admin's live preview) goes through
:func:`render`: Python-Markdown turns it into HTML, then nh3 (the Rust ``ammonia`` sanitizer)
keeps only an allow-list of tags and attributes. Raw HTML typed into Markdown is escaped or
dropped, ``<script>``, ``<iframe>``, event handlers (``onerror=``) and ``javascript:`` URLs
cannot pass. Editors' links are trusted content: they get ``rel="noopener"`` only (visitors'
comments are plain text and never come through here).
"""

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "b", "i", "code", "pre", "blockquote",
    "ul", "ol", "li", "h2", "h3", "h4", "a", "img", "table", "thead", "tbody",
    "tr", "th", "td", "abbr", "sup", "sub",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES = {"http", "https", "mailto"}

_EXTENSIONS = ["markdown.extensions.tables", "markdown.extensions.sane_lists"]


def sanitize(html: str) -> str:
    """Keep only the allow-listed tags, attributes and URL schemes."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener",
        strip_comments=True,
    )


def render(text: str) -> str:
    """Markdown source -> safe HTML (a ``str`` ready for ``mark_safe`` only after this)."""
    if not text:
        return ""
    html = markdown.markdown(text, extensions=_EXTENSIONS, output_format="html")
    return sanitize(html)
