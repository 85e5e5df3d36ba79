"""Posting a comment and the reply page (the article's comment section: ``section.py``).

Why the comment form carries no CSRF token, and why that is safe
-----------------------------------------------------------------
The article page is served to anonymous readers from a shared cache, so it cannot carry a
per-visitor CSRF token (one reader's token would be handed to the next) or messages. The form
therefore posts to :func:`post_comment`, which is ``csrf_exempt`` and **never acts with the
authority of the browser's cookies**: it does not read the session or ``request.user``, does
not log anyone in, and grants nothing a stranger could not get by posting the same form
directly. CSRF is the attack of making a victim's browser use the victim's credentials; a
view that ignores credentials has nothing to forge. (A logged-in editor's comment is held or
approved by the same rules as anyone's; moderation happens in the admin, which keeps its
CSRF protection.) What protects this view instead is what protects it from bots: the signed
timestamp (the form came from this site, for this article, neither too fast nor too old),
the honeypot, flood control, duplicate detection and moderation.

Everything personal happens on responses that are never cached: errors re-render the form on
this view's own response (status 400/409/429/403, typed text kept), and the "awaiting
moderation" notice appears after a redirect to the article with a signed ``onay`` query
parameter (a query string is never served from or stored in the page cache).
"""

import math

from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from careers.articles.models import Role
from careers.site import methods, outage

from . import conf, moderation, notify, tokens
from .forms import CommentForm
from .models import Comment, CommentStatus
from .section import HELD_PARAM, PAGE_PARAM


def _render_form_page(request, role, form, *, status, parent=None, problem=None):
    return render(
        request,
        "comments/form_page.html",
        {
            "role": role,
            "form": form,
            "parent": parent,
            "problem": problem,
            "flood_seconds": conf.get("COMMENTS_FLOOD_SECONDS"),
        },
        status=status,
    )


def _page_of(comment):
    """The comment page (1-based) on which ``comment``'s thread is shown: threads are
    paginated by their top-level comment, oldest first; a held top-level comment is shown
    after the approved ones."""
    root = comment
    seen = set()
    while root.parent_id and root.parent_id not in seen:
        seen.add(root.pk)
        parent = Comment.objects.filter(pk=root.parent_id).only("id", "parent_id").first()
        if parent is None:
            break
        root = parent
    before = (
        Comment.objects.approved()
        .filter(role_id=comment.role_id, parent__isnull=True, created_at__lte=root.created_at)
        .exclude(pk=root.pk)
        .count()
    )
    return math.ceil((before + 1) / conf.get("COMMENTS_PER_PAGE"))


def _redirect_to(comment, role):
    params = {}
    page = _page_of(comment)
    if page > 1:
        params[PAGE_PARAM] = page
    if comment.status != CommentStatus.APPROVED:
        params[HELD_PARAM] = tokens.sign_held(comment.pk)
    query = f"?{urlencode(params)}" if params else ""
    return HttpResponseRedirect(f"{role.get_absolute_url()}{query}#{comment.anchor}")


TYPED_FIELDS = ("name", "email", "url", "comment", "zaman", "parent")


@csrf_exempt  # see the module docstring: this view never uses the browser's credentials
@methods.only("GET", "HEAD", "POST")  # GET: the form, on the article
@never_cache
def post_comment(request, slug):
    """Post a comment; with the database unreachable or locked past its timeout, a 503 that
    shows the form again holding everything typed (nothing was saved, nothing is lost)."""
    try:
        return _post_comment(request, slug)
    except outage.DATABASE_ERRORS as error:
        typed = {name: request.POST.get(name, "") for name in TYPED_FIELDS}
        return outage.unavailable(
            request,
            error,
            template="comments/unavailable.html",
            context={"typed": typed, "action": request.path},
        )


def _post_comment(request, slug):
    role = get_object_or_404(Role.objects.published(), slug=slug)
    if request.method != "POST":
        return HttpResponseRedirect(f"{role.get_absolute_url()}#yorum-yaz")
    form = CommentForm(request.POST, role=role)
    if not moderation.comments_open(role):
        return render(
            request,
            "comments/closed.html",
            {"role": role, "typed": form.data.get("comment", "")},
            status=403,
        )
    if not form.is_valid():
        return _render_form_page(request, role, form, status=400, parent=form.parent_comment)

    data = form.cleaned_data
    parent = moderation.reply_parent(form.parent_comment)
    parent_id = parent.pk if parent else None
    ip = moderation.client_ip(request)
    with transaction.atomic():
        # Under SQLite's IMMEDIATE transactions these checks and the insert run as one unit.
        if moderation.is_duplicate(role, parent_id, data["name"], data["email"], data["comment"]):
            return _duplicate(request, role)
        if moderation.is_flooding(ip, data["email"]):
            response = _render_form_page(
                request, role, form, status=429, parent=form.parent_comment, problem="flood"
            )
            response["Retry-After"] = str(conf.get("COMMENTS_FLOOD_SECONDS"))
            return response
        decision = moderation.moderate(
            name=data["name"], email=data["email"], url=data["url"], body=data["comment"], ip=ip
        )
        comment = Comment(
            role=role,
            parent=parent,
            name=data["name"],
            email=data["email"],
            url=data["url"],
            body=data["comment"],
            status=decision.status,
            moderation_reason=decision.reason[:200],
            ip_address=ip,
        )
        try:
            with transaction.atomic():
                comment.save()
                if decision.status == CommentStatus.PENDING:
                    notify.held_comment(comment)  # a job, committed with the comment
        except IntegrityError:  # an identical comment committed a moment ago
            return _duplicate(request, role)
    return _redirect_to(comment, role)


def _duplicate(request, role):
    return render(request, "comments/duplicate.html", {"role": role}, status=409)


@never_cache
def reply(request, pk):
    """The reply form for one comment, on its own page: works with JavaScript off and costs
    the article page nothing."""
    parent = get_object_or_404(
        Comment.objects.approved().select_related("role"),
        pk=pk,
        role__in=Role.objects.published(),
    )
    role = parent.role
    if not moderation.comments_open(role):
        return render(request, "comments/closed.html", {"role": role, "typed": ""}, status=403)
    form = CommentForm(role=role, parent=parent)
    return render(
        request,
        "comments/form_page.html",
        {"role": role, "form": form, "parent": parent, "problem": None},
    )
