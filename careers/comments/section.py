"""The comment section of the article page: what templates/comments/section.html needs.

The article page reaches it only through the ``comments`` template tags (the articles app
imports nothing from here)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from careers import turkish
from careers.site import jinja

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
    is_open = role.is_public and moderation.comments_open(role)  # drafts take no comments
    page = paging.thread_page(displayed(nodes, is_open), thread_count, number, per_page)
    return {
        "comment_count": count,
        "comment_page": page,
        "comment_page_param": PAGE_PARAM,
        "held_comment": held,
        "comments_open": is_open,
        "comment_form": CommentForm(role=role) if is_open else None,
        "comments_close_at": moderation.closes_at(role),
        # Rendered when section.html prints it (the table-of-contents entry shares this).
        "comment_threads": lambda: jinja.render(
            "comments/thread.jinja",
            {
                "nodes": page.object_list,
                "held_notice": gettext("Your comment is awaiting moderation."),
                "reply_label": pgettext("comment", "Reply"),
            },
        ),
    }


def displayed(nodes, is_open):
    """The threads as plain dicts holding exactly what templates/comments/thread.jinja prints,
    formatted here once: the template only looks values up. Rendering a page of threads was
    the slowest part of an article rendered afresh at scale: this made it several times
    quicker, and Jinja2 (careers/site/jinja.py) twice as quick again."""
    prefix, suffix = reverse("comments:reply", kwargs={"pk": 0}).split("/0/")
    to_name = gettext(": to %(name)s")

    def node_dict(node):
        c = node.comment
        local = timezone.localtime(c.created_at)
        anchor = c.anchor
        return {
            "anchor": anchor,
            "held": node.held,
            "name": c.name,
            "link": c.url if c.url and not node.held else "",
            "iso": local.replace(microsecond=0).isoformat(),
            "when": f"{turkish.format_date(local)}, {local:%H:%M}",
            "body": c.body_text_html if node.held else c.body_html,
            "reply_url": f"{prefix}/{c.pk}/{suffix}" if node.can_reply and is_open else "",
            "reply_to": to_name % {"name": c.name},
            "children": [node_dict(child) for child in node.children],
        }

    return [node_dict(node) for node in nodes]


def _belongs_here(held, comments, thread_count, number, per_page):
    """A held reply shows under its parent's page; a held new thread on the last page."""
    if held.parent_id and any(c.pk == held.parent_id for c in comments):
        return True
    last = max(1, (thread_count + per_page - 1) // per_page)
    return number >= last
