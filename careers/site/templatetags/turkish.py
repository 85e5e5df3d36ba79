"""Template filters for Turkish formatting: ``{{ band.average|money }}`` -> ``5.000 TL``."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from careers import turkish

register = template.Library()


@register.filter
def money(value, decimals=None):
    """``5000`` -> ``"5.000 TL"``; ``{{ x|money:2 }}`` always shows cents (``"25,20 TL"``)."""
    if value in (None, ""):
        return ""
    return turkish.format_money(value, None if decimals is None else int(decimals))


@register.filter
def number(value):
    """``12500`` -> ``"12.500"``."""
    if value in (None, ""):
        return ""
    return turkish.format_number(value)


@register.filter
def tr_date(value):
    """``"26 Kasım 2026"``."""
    if not value:
        return ""
    return turkish.format_date(value)


@register.filter
def with_label(html, label):
    """Put a bold ``label:`` at the start of already-sanitized HTML's first paragraph, as the
    seed writes "Eğitim: …" and "İletişim yetenekleri: …"."""
    strong = format_html("<strong>{}:</strong> ", label)
    html = str(html)
    if html.startswith("<p>"):
        return mark_safe(f"<p>{strong}{html[3:]}")  # noqa: S308 (html is sanitized, label escaped)
    return mark_safe(f"<p>{strong}</p>{html}")  # noqa: S308


@register.filter
def tr_upper(value):
    """Upper case the Turkish way: ``"i"`` -> ``"İ"`` (Django's ``upper`` gives ``"I"``)."""
    return turkish.upper(str(value))
