"""The comment section of the article page (``comments/section.jinja``) and the comment form
(``comments/form.jinja``), drawn by Jinja2 with their sentences translated here: in the Django
language the section and its form were a tenth of the article's cold render at scale.

The article page reaches it only through the ``comments`` template tags (the articles app
imports nothing from here)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext, pgettext

from careers import turkish
from careers.site import jinja
from careers.site.slots import link_url

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
    """What templates/comments/section.jinja needs, in one query (plus one only when a held
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
        # Rendered when the section is (the table-of-contents entry shares this context).
        "comment_threads": lambda: jinja.render(
            "comments/thread.jinja",
            {
                "nodes": page.object_list,
                "held_notice": gettext("Your comment is awaiting moderation."),
                "reply_label": pgettext("comment", "Reply"),
            },
        ),
    }


def section_html(role, context):
    """The section's HTML from :func:`section_context`'s ``context``."""
    page, count, closes = (
        context["comment_page"],
        context["comment_count"],
        context["comments_close_at"],
    )
    t = {
        "section": pgettext("section", "Comments"),
        "count": ngettext("%(counter)s comment", "%(counter)s comments", count)
        % {"counter": count},
        "pages": gettext("Comment pages"),
        "older": gettext("Older comments"),
        "newer": gettext("Newer comments"),
        "page_of": gettext("Page %(n)s of %(total)s")
        % {"n": page.number, "total": page.paginator.num_pages},
        "reply": gettext("Leave a reply"),
        "closes": gettext("Comments close on %(date)s.") % {"date": turkish.format_date(closes)}
        if closes
        else "",
        "closed": gettext("Comments are closed for this article."),
    }
    form = context["comment_form"]
    return jinja.render(
        "comments/section.jinja",
        {
            **context,
            "comment_threads": context["comment_threads"](),
            "form_html": form_html(form, role) if form is not None else "",
            "t": t,
        },
    )


def form_html(form, role):
    """The comment form, blank on the article, as the reader sent it on its own page."""
    privacy = gettext(
        "Your name, e-mail address and IP address are stored with your comment; the e-mail "
        "address is never shown. What we keep, for how long and your rights: <a "
        'href="%(privacy_url)s">KVKK privacy notice</a>.'
    )
    t = {
        "correct": gettext(
            "Please correct the errors marked below; everything you typed is still here."
        ),
        "required": gettext("Required fields are marked *"),
        "privacy": mark_safe(privacy % {"privacy_url": escape(link_url("privacy"))}),  # noqa: S308
        "post": gettext("Post comment"),
    }
    return jinja.render(
        "comments/form.jinja",
        {
            "form": form,
            "non_field_errors": form.non_field_errors(),
            "action": reverse("comments:post", args=[role.slug]),
            "t": t,
        },
    )


def displayed(nodes, is_open):
    """The threads as plain dicts holding exactly what templates/comments/thread.jinja prints,
    formatted here once: the template only looks values up. Rendering a page of threads was
    the slowest part of an article rendered afresh at scale: this made it several times
    quicker, and Jinja2 (careers/site/jinja.py) twice as quick again."""
    prefix, suffix = reverse("comments:reply", kwargs={"pk": 0}).split("/0/")
    to_name = gettext(": to %(name)s")
    zone = timezone.get_current_timezone()  # once, not per comment

    def node_dict(node):
        c = node.comment
        local = c.created_at.astimezone(zone)
        anchor = c.anchor
        return {
            "anchor": anchor,
            "held": node.held,
            "name": c.name,
            "link": c.url if c.url and not node.held else "",
            "iso": local.replace(microsecond=0).isoformat(),
            "when": f"{turkish.format_date(local.date())}, {local:%H:%M}",
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
