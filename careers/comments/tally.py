"""An article's approved comments and threads, counted when they change, not when they are
shown (:class:`~.models.CommentTally`; read by :mod:`.paging`).

Every change the public can see goes through :func:`.signals.invalidate_articles` (a comment
saved or deleted, the admin's bulk actions, an erasure on request), which asks for a recount
here: once per article, after the commit, in a transaction of its own. On PostgreSQL the
recount first locks the article's tally row, then counts in a new statement: a recount that
waited for the lock counts after the one before it has committed, so two comments approved
at once never leave a count that misses one (SQLite runs one writer at a time anyway).

Comments written without the ORM (``manage.py makescale``'s inserts) are counted by
:func:`recount_all`; an article with no tally row yet is counted on the spot by the page.
"""

import functools

from django.db import connection, transaction

from careers.articles.models import Role
from careers.site.transactions import on_commit_once

from .models import Comment, CommentStatus, CommentTally

_COMMENTS = Comment._meta.db_table
_TALLY = CommentTally._meta.db_table
#: A thread starts at an approved comment that has no approved parent (:mod:`.paging`).
STARTS = f"""
    a.parent_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM {_COMMENTS} p WHERE p.id = a.parent_id AND p.status = %(approved)s
    )
"""  # noqa: S608 (our table name)
#: ``(approved, threads)`` of the article ``%(role)s``, counted.
COUNT_SQL = f"""
SELECT COUNT(*), COALESCE(SUM(CASE WHEN {STARTS} THEN 1 ELSE 0 END), 0)
FROM {_COMMENTS} a WHERE a.role_id = %(role)s AND a.status = %(approved)s
"""  # noqa: S608
_CREATE = f"""
INSERT INTO {_TALLY} (role_id, approved, threads)
SELECT id, 0, 0 FROM {Role._meta.db_table} WHERE id = %(role)s
ON CONFLICT (role_id) DO NOTHING
"""  # noqa: S608
_UPDATE = f"""
UPDATE {_TALLY} SET (approved, threads) = ({COUNT_SQL}) WHERE role_id = %(role)s
"""  # noqa: S608
_ALL = f"""
INSERT INTO {_TALLY} (role_id, approved, threads)
SELECT r.id, COUNT(a.id), COALESCE(SUM(CASE WHEN a.id IS NOT NULL AND ({STARTS}) THEN 1 END), 0)
FROM {Role._meta.db_table} r LEFT JOIN {_COMMENTS} a ON a.role_id = r.id AND a.status = %(approved)s
GROUP BY r.id
"""  # noqa: S608


def recount(role_ids):
    """Count these articles' comments again after the current transaction commits (at once
    outside one), once per article however often asked."""
    for pk in sorted(set(role_ids)):
        on_commit_once("comments.tally", pk, functools.partial(_recount, pk))


def _recount(role_id):
    params = {"role": role_id, "approved": CommentStatus.APPROVED}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_CREATE, params)  # nothing for an article deleted meanwhile
        if connection.vendor == "postgresql":
            cursor.execute(f"SELECT 1 FROM {_TALLY} WHERE role_id = %s FOR UPDATE", [role_id])  # noqa: S608
        cursor.execute(_UPDATE, params)


def recount_all():
    """Every article's tally from its comments as they are (a migration, ``makescale``)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {_TALLY}")  # noqa: S608
        cursor.execute(_ALL, {"approved": CommentStatus.APPROVED})
