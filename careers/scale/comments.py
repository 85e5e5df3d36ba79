"""A million comments in minutes: rows are built as tuples and written with ``executemany``
(a million model instances would cost more than the inserts themselves), spread over the
published roles as real talk is (a few popular articles get most of it; the seed article a
fixed share), threaded as posting threads them, with addresses only on recent comments.
"""

import datetime as dt

from django.db import connection
from django.utils import timezone

from careers import turkish
from careers.articles.models import Role
from careers.comments import text as comment_text
from careers.comments.fulltext import fold
from careers.comments.models import Comment, CommentStatus

from . import vocab

COMMENT_BATCH = 20000
SEED_SLUG = "musteri-hizmetleri-ekip-lideri"
SEED_COMMENTS = 2000
IP_RETENTION_DAYS = 30
MAX_DEPTH = 5  # COMMENTS_THREAD_DEPTH


def comment_counts(rng, roles, total):
    """How many comments each role gets: a few popular articles get most of them (Zipf)."""
    order = list(roles)
    rng.shuffle(order)
    seed = next((r for r in order if r[1] == SEED_SLUG), None)
    counts = {}
    if seed is not None:
        counts[seed[0]] = min(SEED_COMMENTS, total)
        order.remove(seed)
    rest = total - sum(counts.values())
    weights = [1 / (i + 1) ** 0.9 for i in range(len(order))]
    scale = rest / sum(weights)
    for (pk, _slug, _published), weight in zip(order, weights, strict=True):
        counts[pk] = int(weight * scale)
    leftover = total - sum(counts.values())
    for pk, _slug, _published in order[:leftover]:
        counts[pk] += 1
    return counts


COMMENT_COLUMNS = ("id", "role_id", "parent_id", "name", "email", "url", "body", "body_folded",
                   "status", "moderation_reason", "ip_address", "fingerprint",
                   "created_at")  # fmt: skip


def make_comments(rng, total, made, first_pk):
    """Write ``total`` comments over the published roles, ``first_pk`` upwards."""
    if total <= 0:
        return
    now = timezone.now()
    roles = list(Role.objects.published().values_list("pk", "slug", "published_at"))
    published = {pk: at for pk, _slug, at in roles}
    counts = comment_counts(rng, roles, total)
    pk = first_pk
    table = Comment._meta.db_table
    sql = (
        f"INSERT INTO {table} ({', '.join(COMMENT_COLUMNS)}) "  # noqa: S608 (our names)
        f"VALUES ({', '.join(['%s'] * len(COMMENT_COLUMNS))})"
    )
    adapt = connection.ops.adapt_datetimefield_value
    recent = now - dt.timedelta(days=IP_RETENTION_DAYS)
    batch, statuses, parents = [], {}, {}
    with connection.cursor() as cursor:
        for role_id, n in counts.items():
            start = published[role_id]
            span = max(60, int((now - start).total_seconds()))
            times = sorted(start + dt.timedelta(seconds=rng.randrange(span)) for _ in range(n))
            approved_ids, level = [], {}
            for created in times:
                status, parent, reason = CommentStatus.APPROVED, None, ""
                roll = rng.random()
                if roll < 0.04:
                    status, reason = CommentStatus.PENDING, "Yorumda bağlantı var"
                elif roll < 0.06:
                    status, reason = CommentStatus.SPAM, "Engellenen kelime: bonus"
                if status != CommentStatus.SPAM and approved_ids and rng.random() < 0.4:
                    parent = rng.choice(approved_ids[-50:])  # replies to recent talk
                    if level[parent] >= MAX_DEPTH:  # as posting does (moderation.reply_parent)
                        parent = parents[parent]
                first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
                email = f"{turkish.slugify(first)}.{turkish.slugify(last)}{pk}@example.com"
                if status == CommentStatus.SPAM:
                    body = rng.choice(vocab.SPAM_BODIES)
                else:
                    body = (
                        f"{rng.choice(vocab.COMMENT_OPENINGS)} {rng.choice(vocab.COMMENT_DETAILS)}"
                    )
                ip = f"10.{pk % 250}.{pk // 250 % 250}.{pk % 97 + 1}" if created > recent else None
                fingerprint = comment_text.fingerprint(role_id, parent, email, body)
                batch.append(
                    (
                        pk,
                        role_id,
                        parent,
                        f"{first} {last}",
                        email,
                        "",
                        body.strip(),
                        fold(body.strip()),
                        status,
                        reason,
                        ip,
                        fingerprint,
                        adapt(created),
                    )
                )
                statuses[status] = statuses.get(status, 0) + 1
                level[pk] = level[parent] + 1 if parent else 1
                parents[pk] = parent
                if status == CommentStatus.APPROVED:
                    approved_ids.append(pk)
                pk += 1
                if len(batch) >= COMMENT_BATCH:
                    cursor.executemany(sql, batch)
                    batch = []
        if batch:
            cursor.executemany(sql, batch)
    made.add("comments", sum(statuses.values()))
    for status, n in statuses.items():
        made.add(f"  {status}", n)
