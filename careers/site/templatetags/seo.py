"""``{{ data|jsonld }}``: a JSON-LD ``<script>`` that no text inside ``data`` can break out of."""

import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# The characters that could end the script element or start a comment/CDATA inside it.
_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


@register.filter
def jsonld(data):
    text = json.dumps(data, ensure_ascii=False, sort_keys=False).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
