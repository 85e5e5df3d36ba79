"""The comment section of the article page: what templates/comments/section.html needs.

The article page reaches it only through the ``comments`` template tags (the articles app
imports nothing from here)."""

from . import conf, moderation, paging, tokens
from .forms import CommentForm
from .models import Comment, CommentStatus
from .threads import build_threads

PAGE_PARAM = "yorum-sayfa"
HELD_PARAM = "onay"


def held_comment(request, role):
    """The visitor's own held comment named by a valid ``onay`` parameter, or None."""
    value = request.GET.get(HELD_PARAM)
    if not value:
        return None
    comment_id = tokens.unsign_held(value)
    if comment_id is None:
        return None
    return (
        Comment.objects.filter(
            pk=comment_id,
            role=role,
            status=CommentStatus.PENDING,  # never spam: its links would be shown to anyone
        )
        .only("id", "role_id", "parent_id", "name", "url", "body", "created_at", "status")
        .first()
    )


def section_context(request, role):
    """What templates/comments/section.html needs, in one query (plus one only when a held
    comment's notice is asked for): one page of threads, fetched and counted in the
    database (:mod:`.paging`)."""
    per_page = conf.get("COMMENTS_PER_PAGE")
    comments, count, thread_count, number = paging.fetch(
        role, request.GET.get(PAGE_PARAM), per_page
    )
    held = held_comment(request, role)
    if held is not None and not _belongs_here(held, comments, thread_count, number, per_page):
        held = None  # its thread is on another page
    nodes = build_threads(comments, held=held, max_depth=conf.get("COMMENTS_THREAD_DEPTH"))
    page = paging.thread_page(nodes, thread_count, number, per_page)
    is_open = role.is_public and moderation.comments_open(role)  # drafts take no comments
    return {
        "comment_count": count,
        "comment_page": page,
        "comment_page_param": PAGE_PARAM,
        "held_comment": held,
        "comments_open": is_open,
        "comment_form": CommentForm(role=role) if is_open else None,
        "comments_close_at": moderation.closes_at(role),
    }


def _belongs_here(held, comments, thread_count, number, per_page):
    """A held reply shows under its parent's page; a held new thread on the last page."""
    if held.parent_id and any(c.pk == held.parent_id for c in comments):
        return True
    last = max(1, (thread_count + per_page - 1) // per_page)
    return number >= last
