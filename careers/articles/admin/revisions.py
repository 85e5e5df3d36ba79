"""The review in the admin: "awaiting my review" (the changes' list is each editor's dashboard)
and each change's page, with the diff drawn as the history page draws it and one-click
approval (see :mod:`careers.articles.review`; the change form's side is :mod:`.review`).

Query counts of both pages are pinned in tests/test_review_admin.py.
"""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Revision, Role, Status
from ..review import dashboard, workflow
from .approval import approval_data, form_errors, replay
from .diffs import current_conflicts, revision_diff
from .extensions import role_admin_extensions

WAITING_SHOWN, OWN_SHOWN, DUE_PAGE_SIZE = 50, 20, 50


class ApproveForm(forms.Form):
    correction = forms.CharField(
        label=gettext_lazy("Correction note (public, optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 70}),
        help_text=gettext_lazy(
            "If the change corrects an error readers could have relied on, say what was wrong "
            "and what is right now: it is shown, dated, at the foot of the article and on the "
            "corrections page."
        ),
    )
    comment = forms.CharField(
        label=gettext_lazy("Note to the author (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 70}),
    )


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=gettext_lazy("What should change?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 70}),
        error_messages={"required": gettext_lazy("Tell the author why the change goes back.")},
    )


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    """Its list is the dashboard, its change page the review page; decisions have their own
    addresses (POST only)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path(
                "<int:pk>/onayla/",
                self.admin_site.admin_view(self.approve_view),
                name="articles_revision_approve",
            ),
            path(
                "<int:pk>/geri-gonder/",
                self.admin_site.admin_view(self.send_back_view),
                name="articles_revision_send_back",
            ),
            path(
                "<int:pk>/geri-cek/",
                self.admin_site.admin_view(self.withdraw_view),
                name="articles_revision_withdraw",
            ),
            path(
                "kontrol-edildi/<int:pk>/",
                self.admin_site.admin_view(self.mark_reviewed_view),
                name="articles_revision_mark_reviewed",
            ),
            *super().get_urls(),
        ]

    # --- The dashboard ----------------------------------------------------------------------

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        user = request.user
        reviewer = workflow.can_review(user)
        waiting = dashboard.waiting_for(user)
        extensions = role_admin_extensions()
        extra = [q for ext in extensions if (q := ext.due_for_review()) is not None]
        due = Paginator(dashboard.due_for_review(extra), DUE_PAGE_SIZE).get_page(
            request.GET.get("sayfa")
        )
        for role in due:
            reasons = [dashboard.review_reason(role)]
            reasons += [text for ext in extensions for text in ext.review_reasons(role)]
            role.reasons = [text for text in reasons if text]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Awaiting my review"),
            "reviewer": reviewer,
            "waiting": list(waiting[:WAITING_SHOWN]) if reviewer else [],
            "waiting_count": waiting.count() if reviewer else 0,
            "own": list(dashboard.own_changes(user)[:OWN_SHOWN]),
            "due": due,
            "due_months": settings.REVIEW_DUE_MONTHS,
            "review_on": workflow.is_on(),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/articles/revision/dashboard.html", context)

    def mark_reviewed_view(self, request, pk):
        if request.method != "POST" or not workflow.can_review(request.user):
            raise PermissionDenied
        role = get_object_or_404(Role, pk=pk, status=Status.PUBLISHED)
        workflow.stamp_review(role.pk, request.user)
        messages.success(
            request, _("“%(title)s” is marked as reviewed today.") % {"title": role.title}
        )
        back = reverse("admin:articles_revision_changelist")
        page = request.POST.get("sayfa", "")
        return HttpResponseRedirect(f"{back}?sayfa={page}" if page.isdigit() else back)

    # --- One change -------------------------------------------------------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not object_id.isdigit():
            raise PermissionDenied
        revision = get_object_or_404(self._revisions(), pk=object_id)
        if not self.has_view_permission(request, revision):
            raise PermissionDenied
        return self.review_page(request, revision)

    def _revisions(self):
        return Revision.objects.select_related("role", "created_by", "decided_by")

    def review_page(self, request, revision, approve_form=None, send_back_form=None, errors=()):
        target = self._target(request, revision)
        conflicts = current_conflicts(revision, target) if revision.is_pending else []
        model = revision.model
        edit_url = None
        if target is not None:
            edit_url = reverse(
                f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[target.pk]
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Change to “%(title)s”") % {"title": revision.role.title},
            "revision": revision,
            "kind": model._meta.verbose_name,
            "diff": revision_diff(revision),
            "conflicts": conflicts,
            "errors": errors,
            "may_decide": workflow.may_decide(request.user, revision),
            "own": revision.created_by_id == request.user.pk,
            "reviewer": workflow.can_review(request.user),
            "may_withdraw": workflow.may_withdraw(request.user, revision),
            "approve_form": approve_form or ApproveForm(),
            "send_back_form": send_back_form or SendBackForm(),
            "edit_url": edit_url,
            "article_url": revision.role.get_absolute_url(),
        }
        return TemplateResponse(request, "admin/articles/revision/review.html", context)

    def _target(self, request, revision):
        if revision.adds:
            return None
        if revision.model is Role and revision.object_id == revision.role_id:
            return revision.role  # fetched with the change
        return revision.model._default_manager.filter(pk=revision.object_id).first()

    def _decidable(self, request, pk):
        if request.method != "POST":
            raise PermissionDenied
        # FOR UPDATE of the change alone: PostgreSQL refuses it on the outer-joined people
        revision = get_object_or_404(self._revisions().select_for_update(of=("self",)), pk=pk)
        if not workflow.can_review(request.user) or revision.created_by_id == request.user.pk:
            raise PermissionDenied  # four eyes: never the change's own author
        return revision

    def approve_view(self, request, pk):
        form = ApproveForm(request.POST)
        original = request.POST.copy()
        errors = []
        with transaction.atomic():
            revision = self._decidable(request, pk)
            if not revision.is_pending:
                return self._already_decided(request, revision)
            if form.is_valid():
                errors = self._apply(request, revision)
                if errors:
                    transaction.set_rollback(True)
                else:
                    workflow.approved(
                        revision,
                        request.user,
                        comment=form.cleaned_data["comment"],
                        correction=form.cleaned_data["correction"],
                    )
        if not form.is_valid() or errors:
            request.POST = original
            revision = self._revisions().get(pk=pk)
            return self.review_page(request, revision, approve_form=form, errors=errors)
        messages.success(
            request,
            _("Approved: readers see the change to “%(title)s” now.")
            % {"title": revision.role.title},
        )
        return HttpResponseRedirect(reverse("admin:articles_revision_changelist"))

    def _apply(self, request, revision):
        """Replay the change through its admin's form; the reasons it could not, or []."""
        target_admin = self.admin_site._registry.get(revision.model)
        obj = None
        if not revision.adds:
            obj = target_admin.get_queryset(request).filter(pk=revision.object_id).first()
            if obj is None:
                return [_("What this change is about was deleted meanwhile.")]
        conflicts = current_conflicts(revision, obj)
        if conflicts:
            return [
                _("The article changed since this change was proposed:"),
                *(conflict.text for conflict in conflicts),
                _("Send it back so that its author can make it again on the current version."),
            ]
        data = approval_data(target_admin, request, revision, obj)
        response = replay(target_admin, request, revision, obj, data)
        if isinstance(response, HttpResponseRedirect):
            return []
        return form_errors(response)

    def _already_decided(self, request, revision):
        messages.warning(
            request,
            _("This change was already decided: %(state)s.")
            % {"state": revision.get_state_display()},
        )
        return HttpResponseRedirect(reverse("admin:articles_revision_change", args=[revision.pk]))

    def send_back_view(self, request, pk):
        form = SendBackForm(request.POST)
        with transaction.atomic():
            revision = self._decidable(request, pk)
            if not revision.is_pending:
                return self._already_decided(request, revision)
            if form.is_valid():
                workflow.send_back(revision, request.user, form.cleaned_data["comment"])
        if not form.is_valid():
            return self.review_page(request, revision, send_back_form=form)
        messages.success(
            request,
            _("Sent back to %(user)s with your comment.") % {"user": revision.created_by or "—"},
        )
        return HttpResponseRedirect(reverse("admin:articles_revision_changelist"))

    def withdraw_view(self, request, pk):
        if request.method != "POST":
            raise PermissionDenied
        with transaction.atomic():
            revision = get_object_or_404(Revision.objects.select_for_update(), pk=pk)
            if not workflow.may_withdraw(request.user, revision):
                raise PermissionDenied
            workflow.withdraw(revision, request.user)
        messages.success(request, _("Your change was withdrawn."))
        return HttpResponseRedirect(reverse("admin:articles_revision_changelist"))
