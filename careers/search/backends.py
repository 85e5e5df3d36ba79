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
    primary key, read from ``articles_role_published_idx`` alone), not ``rowid IN (published
    roles)``, which FTS5 answers by re-running the match for every published role. Only the
    ``limit`` best then read their folded title (a common word matches thousands of roles: at
    10,000 roles "müşteri" took 16 ms, now 8)."""
    role = Role._meta.db_table
    sql = f"""
        SELECT best.id, best.score, d.title_folded
        FROM (
            SELECT search_fts.rowid AS id, bm25(search_fts, {TITLE_WEIGHT}, 1.0) AS score
            FROM search_fts
            JOIN {role} r INDEXED BY articles_role_published_idx ON r.id = search_fts.rowid
            WHERE search_fts MATCH %s AND r.status = %s AND r.published_at <= %s
            ORDER BY 2 LIMIT %s
        ) best
        JOIN {SearchDocument._meta.db_table} d ON d.role_id = best.id
        ORDER BY best.score
    """  # noqa: S608 (table names are ours; input is a parameter)
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    with connection.cursor() as cursor:
        cursor.execute(sql, [fts5_query(words), Status.PUBLISHED, now, limit])
        return [Hit(role_id, -score, title) for role_id, score, title in cursor.fetchall()]


def tsquery(words):
    """``["musteri", "hiz"]`` -> ``"musteri:* & hiz:*"``."""
    return " & ".join(f"{word}:*" for word in words)


def postgres_search(words, limit):
    """The narrow copy of the document vectors (``search_vector``, migration 0003: the role,
    its folded title and the vector, under a GIN index) is matched and ranked; the published
    rule is a join on the role's primary key."""
    sql = f"""
        SELECT v.role_id, ts_rank(v.document, q.query) AS rank, v.title_folded
        FROM search_vector v
        CROSS JOIN to_tsquery('simple', %s) AS q(query)
        JOIN {Role._meta.db_table} r ON r.id = v.role_id
        WHERE v.document @@ q.query AND r.status = %s AND r.published_at <= %s
        ORDER BY rank DESC LIMIT %s
    """  # noqa: S608 (table names are ours; input is a parameter)
    with connection.cursor() as cursor:
        cursor.execute(sql, [tsquery(words), Status.PUBLISHED, timezone.now(), limit])
        return [Hit(*row) for row in cursor.fetchall()]


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
