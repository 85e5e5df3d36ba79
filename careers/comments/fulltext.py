"""Moderators find comments by a word of their text, at a million comments.

The text is kept folded as the site's search folds it (``careers.turkish.ascii_fold``: lower
case, Turkish letters to ASCII, ı and i alike) in ``Comment.body_folded``, written by
``Comment.save``, and indexed by the database, as the search app indexes articles:

* SQLite: an FTS5 table ``comments_fts`` over that column (external content: the index only,
  the text stays in the comments table), kept in step by triggers in the same transaction
  (migration ``0003``), prefixes of 2 and 3 letters indexed;
* PostgreSQL: ``to_tsvector('simple', body_folded)`` stored in a generated column
  ``body_vector`` with a GIN index (the search app's pattern);
* any other database: ``LIKE`` on the folded text.

A search term is cut into at most :data:`MAX_WORDS` words of ``[a-z0-9]`` (quotes, ``*``,
``NEAR``, ``OR`` or SQL are only separators, so no input reaches the query language); every
word must match, as the beginning of a word ("maaş" finds "maaşlar").

A common word is in a tenth of a million comments: counting and sorting all of them took half
a second. The index gives the newest :data:`MAX_MATCHES` matches instead (by id, the order
comments are stored in), which the list then counts, orders and pages in a few milliseconds;
the list is told when there were more (the moderator can add a word to narrow). The ids are
read first, so the list's own query is an indexed ``id IN (...)`` beside the exact matches
on name, e-mail and address (an ``OR`` with a subquery made PostgreSQL read every comment).
"""

import re

from django.db import connection
from django.db.models import Q

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


def newest_ids(found_words, limit=MAX_MATCHES):
    """The ids of the newest ``limit`` comments whose text has every one of ``found_words``
    (as a word's beginning), newest first: one query, read from the index alone on SQLite."""
    if not found_words:
        return []
    # (Table names are ours; the words, [a-z0-9]+ by construction, are a parameter.)
    if connection.vendor == "sqlite":
        sql = (
            "SELECT rowid FROM comments_fts WHERE comments_fts MATCH %s ORDER BY rowid DESC"
            " LIMIT %s"
        )
        query = " ".join(f'"{word}"*' for word in found_words)
    elif connection.vendor == "postgresql":
        sql = (
            "SELECT id FROM comments_comment WHERE body_vector @@ to_tsquery('simple', %s)"
            " ORDER BY id DESC LIMIT %s"
        )
        query = " & ".join(f"{word}:*" for word in found_words)
    else:
        from .models import Comment

        condition = Q()
        for word in found_words:
            condition &= Q(body_folded__contains=word)
        return list(
            Comment.objects.filter(condition).order_by("-pk").values_list("pk", flat=True)[:limit]
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, [query, limit])
        return [row[0] for row in cursor.fetchall()]
