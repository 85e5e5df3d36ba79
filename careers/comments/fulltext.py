"""Moderators find comments by a word of their text, at a million comments.

The text is kept folded as the site's search folds it (``careers.turkish.ascii_fold``: lower
case, Turkish letters to ASCII, ı and i alike) in ``Comment.body_folded``, written by
``Comment.save``, and indexed by the database, as the search app indexes articles:

* SQLite: an FTS5 table ``comments_fts`` over that column (external content: the index only,
  the text stays in the comments table), kept in step by triggers in the same transaction
  (migration ``0003``), prefixes of 2 and 3 letters indexed;
* PostgreSQL: a GIN index over ``to_tsvector('simple', body_folded)``;
* any other database: ``LIKE`` on the folded text.

A search term is cut into at most :data:`MAX_WORDS` words of ``[a-z0-9]`` (quotes, ``*``,
``NEAR``, ``OR`` or SQL are only separators, so no input reaches the query language); every
word must match, as the beginning of a word ("maaş" finds "maaşlar").

A common word is in a tenth of a million comments: counting and sorting all of them took half
a second. The index gives the newest :data:`MAX_MATCHES` matches instead (by id, the order
comments are stored in), which the list then counts, orders and pages in a few milliseconds;
:func:`more_than_shown` tells the moderator when there were more (add a word to narrow).
"""

import re

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from careers import turkish

MAX_WORDS = 8
MAX_TERM = 200
MAX_MATCHES = 1000
TOKEN_RE = re.compile(r"[a-z0-9]+")


def fold(text):
    """What the index reads of a comment's text."""
    return turkish.ascii_fold(text or "")


def words(term):
    """The words of a moderator's search term, folded, at most :data:`MAX_WORDS`."""
    return list(dict.fromkeys(TOKEN_RE.findall(fold(term[:MAX_TERM]))))[:MAX_WORDS]


def _newest(found_words, limit):
    """``(sql, params)``: the ids of the newest ``limit`` comments with every word, from the
    index alone; None on a database without one."""
    # (Table names are ours; the words, [a-z0-9]+ by construction, are a parameter.)
    if connection.vendor == "sqlite":
        query = " ".join(f'"{word}"*' for word in found_words)
        return (
            "SELECT rowid FROM comments_fts WHERE comments_fts MATCH %s ORDER BY rowid DESC"
            " LIMIT %s",
            [query, limit],
        )
    if connection.vendor == "postgresql":
        query = " & ".join(f"{word}:*" for word in found_words)
        return (
            "SELECT id FROM comments_comment WHERE to_tsvector('simple'::regconfig, body_folded)"
            " @@ to_tsquery('simple', %s) ORDER BY id DESC LIMIT %s",
            [query, limit],
        )
    return None


def matches(found_words, table="comments_comment"):
    """A condition (for ``Q`` or ``filter``) for the newest :data:`MAX_MATCHES` comments whose
    text has every one of ``found_words``, as a word's beginning; None without words."""
    if not found_words:
        return None
    newest = _newest(found_words, MAX_MATCHES)
    if newest is None:
        condition = Q()
        for word in found_words:
            condition &= Q(body_folded__contains=word)
        return condition
    sql, params = newest
    return RawSQL(f"{table}.id IN ({sql})", params, output_field=BooleanField())  # noqa: S611


def more_than_shown(found_words):
    """Whether more than :data:`MAX_MATCHES` comments have every word (one bounded read of
    the index)."""
    newest = _newest(found_words, MAX_MATCHES + 1) if found_words else None
    if newest is None:
        return False
    sql, params = newest
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({sql}) AS found", params)  # noqa: S608
        return cursor.fetchone()[0] > MAX_MATCHES
