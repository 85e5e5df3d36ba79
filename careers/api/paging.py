"""Paging for the API's lists, and its error: every list answers ``count``, ``page``,
``pages``, ``page_size`` and absolute ``next``/``previous`` links that keep the other
parameters; a page past the last one is a 404 with a Turkish ``detail``, never an empty page
(so a client that walks ``next`` stops, and a mistyped page is said so).
"""

import math

from django.utils.http import urlencode
from django.utils.translation import gettext as _

from careers.site import seo


class ApiError(Exception):
    def __init__(self, status, detail, headers=None):
        super().__init__(detail)
        self.status, self.detail, self.headers = status, detail, headers or {}


def page_link(request, page):
    query = request.GET.copy()
    query["page"] = page
    return seo.absolute(f"{request.path}?{urlencode(sorted(query.items()))}")


def page_window(count, page, page_size):
    """``(offset, pages)``; a page past the last one is a 404."""
    pages = max(1, math.ceil(count / page_size))
    if page > pages:
        message = _("There is no page %(page)s; the last page is %(pages)s.")
        raise ApiError(404, message % {"page": page, "pages": pages})
    return (page - 1) * page_size, pages


def paged(request, *, count, page, page_size, pages, results):
    return {
        "count": count,
        "page": page,
        "pages": pages,
        "page_size": page_size,
        "next": page_link(request, page + 1) if page < pages else None,
        "previous": page_link(request, page - 1) if page > 1 else None,
        "results": results,
    }


def paged_queryset(request, queryset, page, page_size, record, fetch=None):
    """A page of ``queryset`` (two queries: the count and the page), or of a list (the cached
    sectors and skills with their counts: none). ``fetch`` turns the page's slice into the
    rows to show (one query, the slice as a subquery)."""
    count = len(queryset) if isinstance(queryset, list) else queryset.count()
    offset, pages = page_window(count, page, page_size)
    rows = queryset[offset : offset + page_size]
    if fetch is not None:
        rows = fetch(rows)
    return paged(
        request,
        count=count,
        page=page,
        page_size=page_size,
        pages=pages,
        results=[record(row) for row in rows],
    )
