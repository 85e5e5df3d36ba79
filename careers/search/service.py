"""A search, from the reader's words to a page of results (two queries).

Every full-text search of the site runs here (the search page, the comparison picker, the
API's ``?q=``), and each one that is not answered from the cache spends one of the visitor's
fresh searches (:mod:`.throttle`): the budget is kept where the search runs, so no page or
endpoint can forget it. Callers pass the request and turn :class:`throttle.Throttled` into
their own 429."""

import hashlib
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.utils import timezone

from careers.articles import keys
from careers.articles.models import Role, published_q
from careers.site.baked import Baked
from careers.site.pagecache import cached

from . import backends, throttle
from .text import highlight, query_words, snippet, title_rank

PAGE_SIZE = 20


@dataclass
class Result:
    role: Role
    title_html: str
    other_names_html: str
    snippet_html: str


#: What a result shows of its role (the page's twenty roles were a sixth of a cold search).
RESULT_COLUMNS = (
    "slug", "title", "alternative_titles", "salary_year", "salary_average", "sector__name",
    "sector__slug", "search_document__summary", "search_document__responsibilities",
    "search_document__skills",
)  # fmt: skip


#: A page's roles, ``Role.objects.published()...in_bulk(ids)`` as a baked query
#: (careers/site/baked.py: one per number of results on a page, at most PAGE_SIZE).
_RESULTS = Baked(
    lambda ids, now: (
        Role.objects.filter(published_q(now=now), pk__in=ids)
        .select_related("sector", "search_document")
        .only(*RESULT_COLUMNS)
    )
)


def rank(hits, words):
    """Title (and other names) matches first: all words in the title, then some, then the
    rest; within each group the database's relevance, then the title."""
    return sorted(
        hits, key=lambda hit: (-title_rank(hit.title_folded, words), -hit.score, hit.title_folded)
    )


def ranked_hits(words, request):
    """The ranked hits for ``words``, from the cache when the same words (however typed:
    "Müşteri", "musteri") were looked up since roles or search documents last changed. A
    fresh lookup first spends one of ``request``'s visitor's budget: raises
    :class:`throttle.Throttled` over it."""
    digest = hashlib.sha256(" ".join(words).encode()).hexdigest()[:32]

    def lookup():
        throttle.spend(request)
        return rank(backends.search(words), words)

    return cached(f"search:hits:{digest}", [keys.SEARCH, keys.ROLES], lookup)


def search(query, request, page_number=None, page_size=PAGE_SIZE):
    """``(words, page)``: the page holds ``Result``s in rank order (raises
    :class:`throttle.Throttled` like :func:`ranked_hits`)."""
    words = query_words(query)
    hits = ranked_hits(words, request) if words else []
    page = Paginator(hits, page_size).get_page(page_number)
    if not hits:
        return words, page
    roles = {
        role.pk: role
        for role in _RESULTS([hit.role_id for hit in page.object_list], timezone.now())
    }
    page.object_list = [
        Result(
            role=role,
            title_html=highlight(role.title, words),
            other_names_html=highlight(", ".join(role.other_names), words),
            snippet_html=snippet(role.search_document, words),
        )
        for hit in page.object_list
        if (role := roles.get(hit.role_id)) is not None
    ]
    return words, page
