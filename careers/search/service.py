"""A search, from the reader's words to a page of results (two queries)."""

from dataclasses import dataclass

from django.core.paginator import Paginator

from careers.articles.models import Role

from . import backends
from .text import highlight, query_words, snippet, title_rank

PAGE_SIZE = 20


@dataclass
class Result:
    role: Role
    title_html: str
    other_names_html: str
    snippet_html: str


def rank(hits, words):
    """Title (and other names) matches first: all words in the title, then some, then the
    rest; within each group the database's relevance, then the title."""
    return sorted(
        hits, key=lambda hit: (-title_rank(hit.title_folded, words), -hit.score, hit.title_folded)
    )


def search(query, page_number=None, page_size=PAGE_SIZE):
    """``(words, page)``: the page holds ``Result``s in rank order."""
    words = query_words(query)
    hits = rank(backends.search(words), words)
    page = Paginator(hits, page_size).get_page(page_number)
    if not hits:
        return words, page
    roles = (
        Role.objects.published()
        .for_cards()
        .select_related("search_document")
        .in_bulk([hit.role_id for hit in page.object_list])
    )
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
