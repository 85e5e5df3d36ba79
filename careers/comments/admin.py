"""The moderators' screens: every comment, the pending queue with its count, bulk approve /
spam / remove (only with the ``can_moderate`` permission), the blocklist, and the KVKK
export and erasure of one commenter's comments by e-mail address."""

import json

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Prefetch, Q
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from careers import turkish
from careers.articles.admin.extensions import RoleAdminExtension, extend_role_admin
from careers.articles.models import Role
from careers.site.admin_search import TurkishSearchMixin, case_variants, valid_for
from careers.site.paginator import EstimatedCountPaginator

from . import fulltext, privacy
from .models import BlockedWord, Comment, CommentStatus, PendingComment, approved_comment_count
from .signals import invalidate_articles

MODERATE_PERM = "comments.can_moderate"


def can_moderate(user):
    return user.is_active and user.has_perm(MODERATE_PERM)


@admin.display(description=_("comments"), ordering="approved_comments")
def comment_count(role):
    """Approved comments; links to the role's comments in the moderation list."""
    count = role.approved_comments or 0
    url = reverse("admin:comments_comment_changelist") + f"?role__id__exact={role.pk}"
    return format_html('<a href="{}">{}</a>', url, count)


class ApprovedCommentsColumn(RoleAdminExtension):
    """The article list, plus each role's approved comments linked to the moderation list (the
    articles app knows nothing of comments: this app adds the column to its screen)."""

    list_display = (comment_count,)

    def annotate(self, queryset):
        return queryset.annotate(approved_comments=approved_comment_count())


extend_role_admin(ApprovedCommentsColumn())


@admin.register(Comment)
class CommentAdmin(TurkishSearchMixin, admin.ModelAdmin):
    list_display = (
        "excerpt",
        "name",
        "email",
        "article_link",
        "status",
        "created_at",
        "is_reply",
        "moderation_reason",
    )
    list_filter = ("status", "created_at")
    # At a million comments: the whole term matched exactly on what identifies a commenter
    # (indexed), or every word of it in the text (a full-text index: fulltext.py).
    search_fields = ("=name", "=email", "=ip_address")
    full_text_search = True
    # The page's roles in a second query by primary key: a join lets the planner walk
    # every role's comments before sorting them by date.
    list_select_related = False
    # No date hierarchy (a DISTINCT over every comment's date) and no full count.
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    ordering = ("-created_at",)
    list_per_page = 50
    actions = ["approve", "mark_spam", "remove"]
    fields = (
        "article_link",
        "parent",
        "name",
        "email",
        "url",
        "body",
        "status",
        "moderation_reason",
        "ip_address",
        "created_at",
    )
    readonly_fields = ("article_link", "parent", "moderation_reason", "ip_address", "created_at")
    change_list_template = "admin/comments/comment/change_list.html"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        roles = Role.objects.only("id", "title", "slug")
        return super().get_queryset(request).prefetch_related(Prefetch("role", queryset=roles))

    def get_search_results(self, request, queryset, search_term):
        """``Ayşe Yılmaz``, ``ayse@example.com`` or an address: that commenter's comments
        (the whole term, exactly, in its Turkish case variants); and the comments whose text
        has every word of the term ("maaş istanbul" finds "Bu maaşlar İstanbul için mi?")."""
        term = search_term.strip()
        if not self.full_text_search or not term:
            return super().get_search_results(request, queryset, search_term)
        condition = Q()
        for variant in case_variants(term):
            for name in ("name", "email", "ip_address"):
                if valid_for(queryset.model, name, variant):
                    condition |= Q(**{name: variant})
        found = fulltext.newest_ids(fulltext.words(term), fulltext.MAX_MATCHES + 1)
        if found:
            condition |= Q(pk__in=found[: fulltext.MAX_MATCHES])
        if len(found) > fulltext.MAX_MATCHES:
            messages.info(
                request,
                _(
                    "More than %(count)s comments have these words: the newest "
                    "%(count)s are listed. Add a word to narrow the search."
                )
                % {"count": turkish.format_number(fulltext.MAX_MATCHES)},
            )
        return (queryset.filter(condition) if condition else queryset.none()), False

    # --- list columns ---------------------------------------------------------------------
    @admin.display(description=pgettext_lazy("comments", "comment text"))
    def excerpt(self, obj):
        return Truncator(obj.body).chars(90)

    @admin.display(description=pgettext_lazy("comments", "article"), ordering="role__title")
    def article_link(self, obj):
        url = obj.role.get_absolute_url()
        if obj.status == CommentStatus.APPROVED:
            url += f"#{obj.anchor}"
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', url, obj.role)

    @admin.display(description=pgettext_lazy("comments", "reply"), boolean=True)
    def is_reply(self, obj):
        return obj.parent_id is not None

    # --- permissions ----------------------------------------------------------------------
    def has_add_permission(self, request):
        return False  # comments come from visitors

    def has_can_moderate_permission(self, request):
        return can_moderate(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not can_moderate(request.user):
            fields.append("status")  # approving and rejecting is the moderators' call
        return fields

    # --- bulk actions ---------------------------------------------------------------------
    def _set_status(self, request, queryset, status, message):
        role_ids = list(queryset.values_list("role_id", flat=True).distinct())
        count = queryset.update(status=status)
        # update() sends no signals: refresh those articles here (for good, unless approving)
        invalidate_articles(role_ids, hard=status != CommentStatus.APPROVED)
        self.message_user(request, message(count) % {"count": count}, messages.SUCCESS)

    @admin.action(permissions=["can_moderate"], description=_("Approve selected comments"))
    def approve(self, request, queryset):
        self._set_status(
            request,
            queryset,
            CommentStatus.APPROVED,
            lambda n: ngettext("%(count)s comment approved.", "%(count)s comments approved.", n),
        )

    @admin.action(permissions=["can_moderate"], description=_("Mark selected comments as spam"))
    def mark_spam(self, request, queryset):
        self._set_status(
            request,
            queryset,
            CommentStatus.SPAM,
            lambda n: ngettext(
                "%(count)s comment marked as spam.", "%(count)s comments marked as spam.", n
            ),
        )

    @admin.action(permissions=["can_moderate"], description=_("Remove selected comments"))
    def remove(self, request, queryset):
        self._set_status(
            request,
            queryset,
            CommentStatus.REMOVED,
            lambda n: ngettext("%(count)s comment removed.", "%(count)s comments removed.", n),
        )

    def changelist_view(self, request, extra_context=None):
        extra_context = dict(extra_context or {})
        if "pending_count" not in extra_context:
            extra_context["pending_count"] = Comment.objects.in_moderation().count()
        return super().changelist_view(request, extra_context)

    # --- KVKK -----------------------------------------------------------------------------
    def get_urls(self):
        return [
            path(
                "kvkk/",
                self.admin_site.admin_view(self.privacy_view),
                name="comments_comment_privacy",
            ),
            *super().get_urls(),
        ]

    def privacy_view(self, request):
        user = request.user
        may_export = can_moderate(user) and self.has_view_permission(request)
        may_erase = can_moderate(user) and self.has_delete_permission(request)
        if not may_export:
            raise PermissionDenied
        form = PrivacyForm(request.POST or None)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Commenter's data (KVKK)"),
            "form": form,
            "may_erase": may_erase,
        }
        if request.method == "POST" and form.is_valid():
            email = form.cleaned_data["email"]
            found = Comment.objects.by_email(email).count()
            context.update(email=email, found=found)
            if "export" in request.POST:
                data = privacy.export(email)
                response = HttpResponse(
                    json.dumps(data, ensure_ascii=False, indent=2),
                    content_type="application/json; charset=utf-8",
                )
                filename = f"yorumlar-{turkish.slugify(email) or 'bos'}.json"
                response["Content-Disposition"] = f'attachment; filename="{filename}"'
                return response
            if "erase" in request.POST or "confirm_erase" in request.POST:
                if not may_erase:
                    raise PermissionDenied
                if "confirm_erase" in request.POST:
                    deleted = privacy.erase(email)
                    self.message_user(
                        request,
                        ngettext(
                            "%(count)s comment by %(email)s erased.",
                            "%(count)s comments by %(email)s erased.",
                            deleted,
                        )
                        % {"count": deleted, "email": email},
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(reverse("admin:comments_comment_privacy"))
                context["confirm"] = True
        return TemplateResponse(request, "admin/comments/privacy.html", context)


class PrivacyForm(forms.Form):
    email = forms.EmailField(
        label=_("Commenter's e-mail address"),
        max_length=254,
        error_messages={"invalid": _("Enter a valid e-mail address, e.g. ad@ornek.com.")},
    )


@admin.register(PendingComment)
class PendingCommentAdmin(CommentAdmin):
    """The queue: only comments awaiting moderation, oldest first, with their count."""

    list_filter = ("created_at",)
    search_fields = ("name", "email", "body", "ip_address", "role__title")
    full_text_search = False  # a few rows: every field searched inside
    ordering = ("created_at",)
    change_list_template = "admin/change_list.html"

    def get_queryset(self, request):
        return super().get_queryset(request).in_moderation()

    def get_urls(self):
        return admin.ModelAdmin.get_urls(self)

    def changelist_view(self, request, extra_context=None):
        count = Comment.objects.in_moderation().count()
        extra_context = {
            **(extra_context or {}),
            "pending_count": count,
            "title": ngettext(
                "%(count)s comment awaiting moderation",
                "%(count)s comments awaiting moderation",
                count,
            )
            % {"count": count},
        }
        return super().changelist_view(request, extra_context)

    # The queue shows Comment rows: the moderators' permissions on Comment apply to it.
    def _comment_perm(self, request, action):
        codename = get_permission_codename(action, Comment._meta)
        return request.user.has_perm(f"comments.{codename}")

    def has_view_permission(self, request, obj=None):
        return self._comment_perm(request, "view") or self._comment_perm(request, "change")

    def has_change_permission(self, request, obj=None):
        return self._comment_perm(request, "change")

    def has_delete_permission(self, request, obj=None):
        return self._comment_perm(request, "delete")

    def has_module_permission(self, request):
        return self.has_view_permission(request)


@admin.register(BlockedWord)
class BlockedWordAdmin(TurkishSearchMixin, admin.ModelAdmin):
    list_display = ("word", "action", "created_at")
    list_filter = ("action",)
    search_fields = ("word",)
    list_editable = ("action",)
