"""The comment rules, as plain functions (tested without HTTP in tests/test_comments_rules.py).

They follow WordPress's ``wp_allow_comment()`` / ``check_comment()`` in order:

1. duplicate: the same text again from the same name or e-mail to the same place -> 409;
2. flood: one comment per IP address (or e-mail address) per ``COMMENTS_FLOOD_SECONDS`` -> 429;
3. a "spam" blocklist word anywhere in name, e-mail, website, text or IP -> stored as spam
   (the visitor sees the same "awaiting moderation" notice: spammers learn nothing);
4. more than ``COMMENTS_MAX_LINKS`` links, or a "hold" blocklist word -> held;
5. a commenter with an earlier approved comment (same name and e-mail) -> approved at once;
6. everyone else (new commenters) -> held.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from careers import turkish
from careers.site import client as site_client
from careers.site import redis

from . import conf, text
from .models import BlockedWord, BlockedWordAction, Comment, CommentStatus


@dataclass(frozen=True)
class Decision:
    status: str
    reason: str

    @property
    def held(self):
        return self.status != CommentStatus.APPROVED


def blocklist_hits(words, *values):
    """The (word, action) pairs of ``words`` found inside any of ``values``.

    Like WordPress, a word matches inside other words and ignores letter case (here with
    Turkish rules and compatibility forms folded, so “KUMAR”, “Kumarhane” and fullwidth
    “ｋｕｍａｒ” all match “kumar”)."""
    haystack = "\n".join(text.matching_key(value or "") for value in values)
    hits = []
    for word, action in words:
        key = text.matching_key(word.strip())
        if key and key in haystack:
            hits.append((word, action))
    return hits


def decide(*, name, email, url, body, ip, blocked_words, previously_approved, max_links):
    """The status a new comment gets, and why (shown to moderators)."""
    hits = blocklist_hits(blocked_words, name, email, url, body, ip)
    spam = [word for word, action in hits if action == BlockedWordAction.SPAM]
    if spam:
        return Decision(CommentStatus.SPAM, _("Spam word: %(word)s") % {"word": spam[0]})
    links = text.count_links(body)
    if links > max_links:
        return Decision(
            CommentStatus.PENDING,
            _("%(links)s links (more than %(max)s)") % {"links": links, "max": max_links},
        )
    if hits:
        return Decision(CommentStatus.PENDING, _("Held word: %(word)s") % {"word": hits[0][0]})
    if previously_approved:
        return Decision(CommentStatus.APPROVED, _("Has an earlier approved comment"))
    return Decision(CommentStatus.PENDING, _("New commenter"))


def has_approved_history(name, email):
    """Whether this name and e-mail address together have an approved comment anywhere
    (e-mail in any case; name compared the Turkish way, so “IŞIL” is “ışıl”). One query."""
    names = (
        Comment.objects.approved()
        .filter(email__iexact=email.strip())
        .order_by()
        .values_list("name", flat=True)
        .distinct()
    )
    return any(turkish.equal(name.strip(), known.strip()) for known in names)


def moderate(*, name, email, url, body, ip):
    """:func:`decide` with the blocklist and the commenter's history read from the database."""
    return decide(
        name=name,
        email=email,
        url=url,
        body=body,
        ip=ip or "",
        blocked_words=list(BlockedWord.objects.values_list("word", "action")),
        previously_approved=has_approved_history(name, email),
        max_links=conf.get("COMMENTS_MAX_LINKS"),
    )


def is_duplicate(role, parent_id, name, email, body):
    """The same comment again (WordPress: same post and parent, same author name or e-mail,
    same text), whatever its status. One query."""
    fp = text.fingerprint(role.pk, parent_id, email, body)
    return (
        Comment.objects.filter(role=role, parent_id=parent_id)
        .filter(Q(fingerprint=fp) | Q(name=name, body=body))
        .exists()
    )


def _flood_key(kind, value):
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"comments:flood:{kind}:{digest}"


def is_flooding(ip, email, now=None):
    """Whether this IP or e-mail address posted within ``COMMENTS_FLOOD_SECONDS``.

    Two checks: the database (a comment committed within the period), and one atomic claim
    of both addresses for the period in the shared cache (:func:`careers.site.redis.claim`:
    a Lua script in Redis, so of many requests arriving at the same instant on any number of
    app servers exactly one gets through, whatever the database's isolation)."""
    seconds = conf.get("COMMENTS_FLOOD_SECONDS")
    if not seconds:
        return False
    now = now or timezone.now()
    recent = Q(email__iexact=email.strip())
    if ip:
        recent |= Q(ip_address=ip)
    if Comment.objects.filter(recent, created_at__gt=now - timedelta(seconds=seconds)).exists():
        return True
    keys = ([_flood_key("ip", ip)] if ip else []) + [_flood_key("email", email)]
    return not redis.claim(keys, seconds)


def closes_at(role):
    """When the comment form closes by age, or None (``COMMENTS_CLOSE_AFTER_DAYS`` off)."""
    days = conf.get("COMMENTS_CLOSE_AFTER_DAYS")
    if days is None or role.published_at is None:
        return None
    return role.published_at + timedelta(days=days)


def comments_open(role, now=None):
    """Open unless the editor closed them on the role or the article is older than
    ``COMMENTS_CLOSE_AFTER_DAYS``."""
    if not role.comments_open:
        return False
    limit = closes_at(role)
    return limit is None or (now or timezone.now()) < limit


def thread_level(comment):
    """1 for a top-level comment, 2 for a reply, ... (walks up: at most a few queries, and
    only when a reply is posted)."""
    level, parent_id, seen = 1, comment.parent_id, {comment.pk}
    limit = conf.get("COMMENTS_THREAD_DEPTH") + 1
    while parent_id and parent_id not in seen and level <= limit:
        seen.add(parent_id)
        parent_id = Comment.objects.filter(pk=parent_id).values_list("parent_id", flat=True).first()
        level += 1
    return level


def reply_parent(parent):
    """The comment a reply to ``parent`` hangs under: ``parent`` itself, or its own parent
    when ``parent`` is already at the deepest level (the reply becomes its sibling)."""
    if parent is not None and thread_level(parent) >= conf.get("COMMENTS_THREAD_DEPTH"):
        return parent.parent if parent.parent_id else parent
    return parent


def client_ip(request):
    """The visitor's IP address behind the site's ``TRUSTED_PROXIES``."""
    return site_client.client_ip(request)
