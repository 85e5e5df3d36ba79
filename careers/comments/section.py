"""The comment section of the article page: what templates/comments/section.html needs.

The article page reaches it only through the ``comments`` template tags (the articles app
imports nothing from here)."""

from . import conf, moderation, tokens
from .forms import CommentForm
from .models import Comment, CommentStatus
from .threads import build_threads, paginate_threads

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
            status__in=[CommentStatus.PENDING, CommentStatus.SPAM],
        )
        .only("id", "role_id", "parent_id", "name", "url", "body", "created_at", "status")
        .first()
    )


def section_context(request, role):
    """What templates/comments/section.html needs, in one query (plus one only when a held
    comment's notice is asked for): the approved comments, threaded and paginated."""
    comments = list(Comment.objects.for_display(role))
    held = held_comment(request, role)
    threads = build_threads(comments, held=held, max_depth=conf.get("COMMENTS_THREAD_DEPTH"))
    page = paginate_threads(threads, request.GET.get(PAGE_PARAM), conf.get("COMMENTS_PER_PAGE"))
    is_open = role.is_public and moderation.comments_open(role)  # drafts take no comments
    return {
        "comment_count": len(comments),
        "comment_page": page,
        "comment_page_param": PAGE_PARAM,
        "held_comment": held,
        "comments_open": is_open,
        "comment_form": CommentForm(role=role) if is_open else None,
        "comments_close_at": moderation.closes_at(role),
    }
