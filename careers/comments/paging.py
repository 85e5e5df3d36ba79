"""One page of an article's comment threads, fetched in the database (one query).

A thread starts at an approved comment that has no approved parent (a top-level comment, or
a reply whose parent was removed or is held: :func:`.threads.build_threads` shows those at
the top level too). The query takes the page's thread starts in date order (the index on
role, status, parent and time), follows their approved replies down level by level (the
same index), and counts the approved comments and the threads alongside, so an article with
a hundred thousand comments costs what one with fifty does.
"""

import datetime as dt

from django.core.paginator import InvalidPage, Paginator
from django.db import connection

from .models import Comment, CommentStatus

COLUMNS = ("id", "role_id", "parent_id", "name", "url", "body", "created_at", "status")
_TABLE = Comment._meta.db_table
_STARTS = f"""
    a.parent_id IS NULL OR NOT EXISTS (
        SELECT 1 FROM {_TABLE} p WHERE p.id = a.parent_id AND p.status = %(approved)s
    )
"""  # noqa: S608 (our table name)
#: Reply levels followed below a thread start. Posting keeps threads within
#: COMMENTS_THREAD_DEPTH levels (``moderation.reply_parent``); this leaves room for a setting
#: lowered later.
LEVELS = 12


_HEAD = f"""
starts AS (
    SELECT a.id FROM {_TABLE} a WHERE a.role_id = %(role)s AND a.status = %(approved)s
    AND ({_STARTS}) ORDER BY a.created_at, a.id LIMIT %(limit)s OFFSET %(offset)s
),
counts AS (
    SELECT COUNT(*) AS approved_count, SUM(CASE WHEN {_STARTS} THEN 1 ELSE 0 END) AS thread_count
    FROM {_TABLE} a WHERE a.role_id = %(role)s AND a.status = %(approved)s
)"""  # noqa: S608 (table and column names are ours; values are parameters)
_SELECT = f"""
SELECT {", ".join(f"c.{name}" for name in COLUMNS)}, counts.approved_count, counts.thread_count
FROM counts, {_TABLE} c WHERE c.id IN ({{ids}})
ORDER BY c.created_at, c.id
"""  # noqa: S608


def _sql(levels=LEVELS):
    """SQLite: each level of replies is one indexed ``parent_id IN (previous level)`` lookup
    (a recursive CTE would do the same, but SQLite joins it through a Bloom filter built over
    the whole comments table)."""
    steps, previous = [], "starts"
    for level in range(1, levels + 1):
        step = f"SELECT id FROM {_TABLE} WHERE parent_id IN (SELECT id FROM {previous})"  # noqa: S608
        steps.append(f"l{level} AS ({step} AND role_id = %(role)s AND status = %(approved)s)")
        previous = f"l{level}"
    ids = " UNION ALL ".join(
        ["SELECT id FROM starts", *(f"SELECT id FROM l{n}" for n in range(1, levels + 1))]  # noqa: S608
    )
    return f"WITH {_HEAD}, {', '.join(steps)} {_SELECT.format(ids=ids)}"


#: PostgreSQL follows the replies with a recursive CTE (by the same index, to any depth): its
#: plan for twelve levels took as long to make as to run (3.1 -> 1.9 ms at scale).
RECURSIVE_SQL = f"""
WITH RECURSIVE {_HEAD},
tree(id) AS (
    SELECT id FROM starts
    UNION ALL
    SELECT r.id FROM {_TABLE} r JOIN tree t ON r.parent_id = t.id
    WHERE r.role_id = %(role)s AND r.status = %(approved)s
)
{_SELECT.format(ids="SELECT id FROM tree")}"""  # noqa: S608
SQL = _sql()
COUNT_SQL = f"""
SELECT COUNT(*), SUM(CASE WHEN {_STARTS} THEN 1 ELSE 0 END)
FROM {_TABLE} a WHERE a.role_id = %(role)s AND a.status = %(approved)s
"""  # noqa: S608


class _Threads:
    """What :class:`Paginator` pages over: ``count`` threads, of which only the requested
    page's are at hand."""

    def __init__(self, count, nodes):
        self.length, self.nodes = count, nodes

    def __len__(self):
        return self.length

    def __getitem__(self, _slice):
        return self.nodes


class Shown:
    """An approved comment as its page shows it: the columns read, without a model instance
    (a page holds dozens: building them was a tenth of the article's cold render)."""

    __slots__ = COLUMNS

    def __init__(self, row):
        for name, value in zip(COLUMNS, row, strict=False):
            setattr(self, name, value)
        if self.created_at.tzinfo is None:  # SQLite's, stored in UTC (USE_TZ)
            self.created_at = self.created_at.replace(tzinfo=dt.UTC)

    @property
    def pk(self):
        return self.id

    anchor = Comment.anchor
    body_html = Comment.body_html
    body_text_html = Comment.body_text_html


def fetch(role, number, per_page):
    """``(comments of the page's threads, oldest first (:class:`Shown`), approved count,
    thread count, page number)``; a bad page number gives the first page, one past the end
    the last."""
    try:
        number = max(1, int(number))
    except (TypeError, ValueError):
        number = 1
    params = {"role": role.pk, "approved": CommentStatus.APPROVED}
    with connection.cursor() as cursor:
        sql = SQL if connection.vendor == "sqlite" else RECURSIVE_SQL
        cursor.execute(sql, {**params, "limit": per_page, "offset": (number - 1) * per_page})
        rows = cursor.fetchall()
    if rows:
        return [Shown(row) for row in rows], rows[0][-2], rows[0][-1], number
    if number == 1:  # no thread at all: then no approved comment either (the oldest one
        return [], 0, 0, 1  # has no approved parent, so it would start a thread)
    with connection.cursor() as cursor:  # an empty page: none at all, or past the end
        cursor.execute(COUNT_SQL, params)
        approved, threads = cursor.fetchone()
    if not threads:
        return [], approved or 0, 0, 1
    last = (threads + per_page - 1) // per_page
    return fetch(role, last, per_page)


def thread_page(nodes, count, number, per_page):
    paginator = Paginator(_Threads(count, nodes), per_page, allow_empty_first_page=True)
    try:
        return paginator.page(number)
    except InvalidPage:
        return paginator.page(1)
