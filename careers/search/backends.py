"""Full-text search per database: FTS5 on SQLite, ``tsvector`` on PostgreSQL, ``LIKE``
elsewhere. Each returns the matching *published* roles as ``Hit``s, best first by the
database's own relevance; ``careers.search.service`` then puts title matches first.

User input never reaches the query language: the words are ``[a-z0-9]+`` by construction
(:func:`careers.search.text.query_words`) and each is quoted (FTS5) or prefixed (tsquery)
here, and passed as a parameter.
"""

from typing import NamedTuple

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from careers.articles.models import Role, Status, published_q

from .models import SearchDocument

MAX_HITS = 500
TITLE_WEIGHT = 10.0  # FTS5 bm25 column weight of the title against the text


class Hit(NamedTuple):
    role_id: int
    score: float  # higher is better
    title_folded: str


def search(words, limit=MAX_HITS):
    if not words:
        return []
    if connection.vendor == "sqlite":
        return sqlite_search(words, limit)
    if connection.vendor == "postgresql":
        return postgres_search(words, limit)
    return fallback_search(words, limit)


def fts5_query(words):
    """``["musteri", "hiz"]`` -> ``'"musteri"* "hiz"*'``: every word, as a prefix, all needed."""
    return " ".join(f'"{word}"*' for word in words)


def sqlite_search(words, limit):
    """The match runs once: the published rule is a join on each matching row's role (by
    primary key), not ``rowid IN (published roles)``, which FTS5 answers by re-running the
    match for every published role."""
    role = Role._meta.db_table
    sql = f"""
        SELECT search_fts.rowid, bm25(search_fts, {TITLE_WEIGHT}, 1.0), d.title_folded
        FROM search_fts
        JOIN {SearchDocument._meta.db_table} d ON d.role_id = search_fts.rowid
        JOIN {role} r ON r.id = search_fts.rowid
        WHERE search_fts MATCH %s AND r.status = %s AND r.published_at <= %s
        ORDER BY 2 LIMIT %s
    """  # noqa: S608 (table names are ours; input is a parameter)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(sql, [fts5_query(words), Status.PUBLISHED, now, limit])
        return [Hit(role_id, -score, title) for role_id, score, title in cursor.fetchall()]


def postgres_vector():
    """The weighted document vector; migration 0001 indexes exactly this expression."""
    from django.contrib.postgres.search import SearchVector

    return SearchVector("title_folded", weight="A", config="simple") + SearchVector(
        "body_folded", weight="B", config="simple"
    )


def tsquery(words):
    """``["musteri", "hiz"]`` -> ``"musteri:* & hiz:*"``."""
    return " & ".join(f"{word}:*" for word in words)


def postgres_search(words, limit):
    from django.contrib.postgres.search import SearchQuery, SearchRank

    query = SearchQuery(tsquery(words), search_type="raw", config="simple")
    rows = (
        SearchDocument.objects.filter(published_q("role__"))  # a join, not IN (subquery)
        .annotate(document=postgres_vector())
        .filter(document=query)
        .annotate(rank=SearchRank(postgres_vector(), query))
        .order_by("-rank")
        .values_list("role_id", "rank", "title_folded")[:limit]
    )
    return [Hit(*row) for row in rows]


def fallback_search(words, limit):
    """Databases without a full-text index: every word as a substring of the folded text."""
    condition = Q()
    for word in words:
        condition &= Q(title_folded__contains=word) | Q(body_folded__contains=word)
    rows = (
        SearchDocument.objects.filter(published_q("role__"))
        .filter(condition)
        .values_list("role_id", "title_folded")[:limit]
    )
    return [Hit(role_id, 0.0, title) for role_id, title in rows]
