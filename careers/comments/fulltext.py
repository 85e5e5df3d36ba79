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
"""

import re

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from careers import turkish

MAX_WORDS = 8
MAX_TERM = 200
TOKEN_RE = re.compile(r"[a-z0-9]+")


def fold(text):
    """What the index reads of a comment's text."""
    return turkish.ascii_fold(text or "")


def words(term):
    """The words of a moderator's search term, folded, at most :data:`MAX_WORDS`."""
    return list(dict.fromkeys(TOKEN_RE.findall(fold(term[:MAX_TERM]))))[:MAX_WORDS]


def matches(found_words, table="comments_comment"):
    """A condition for comments whose text has every one of ``found_words`` (as a word's
    beginning), for ``Q`` or ``filter``; None without words."""
    if not found_words:
        return None
    # (The table name is ours; the words, [a-z0-9]+ by construction, are a parameter.)
    if connection.vendor == "sqlite":
        query = " ".join(f'"{word}"*' for word in found_words)
        matching = "SELECT rowid FROM comments_fts WHERE comments_fts MATCH %s"
        sql = f"{table}.id IN ({matching})"
    elif connection.vendor == "postgresql":
        query = " & ".join(f"{word}:*" for word in found_words)
        sql = f"to_tsvector('simple'::regconfig, {table}.body_folded) @@ to_tsquery('simple', %s)"
    else:
        condition = Q()
        for word in found_words:
            condition &= Q(body_folded__contains=word)
        return condition
    return RawSQL(sql, [query], output_field=BooleanField())  # noqa: S611
