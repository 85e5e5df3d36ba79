"""The review in the admin's own screens: a save that changes what readers see is held, and an
approval is that save, replayed (see :mod:`careers.articles.review`).

:class:`ReviewedAdminMixin` goes on the admin of what readers see (the article's screen, the
salary bands' screens, which the salaries app mixes in itself). Django's change form validates
as always (the form, every inline, the constraints' messages); then, when the review applies,
``save_model``/``save_related`` store the change as a revision instead of writing it, and the
editor is sent to the revision's page. A reviewer's approval builds the change form's POST
data from the live object with the change applied (:func:`approval_data`, as the article's
revert does from a revision) and runs the change form again with it, so an approval is
validated exactly like an edit and writes, logs, records history and purges like one.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Revision
from ..review import changes as values
from ..review import workflow

#: What a save does when the review applies (``review_mode``): the whole change is held, or
#: (a draft being published) everything is written but the publication.
HOLD, PUBLISH = "hold", "publish"


def object_changes(form, obj, adding=False):
    """``{field: [old, new]}`` of the form's model fields that the save would change, and the
    files it would store (``{field: uploaded file or "" to clear}``)."""
    model = type(obj)
    found, files = {}, {}
    for name in form.fields:
        field = values.model_field(model, name)
        if field is None or (not adding and name not in form.changed_data):
            continue  # as the form compares (a time shown without its microseconds is kept)
        old = None if adding else values.to_json(field, form.initial.get(name))
        if isinstance(field, models.FileField):
            if name in form.changed_data:
                uploaded = form.cleaned_data.get(name)
                files[name] = uploaded or ""
                found[name] = [old, getattr(uploaded, "name", "") if uploaded else ""]
            continue
        new = None if form.cleaned_data.get(name, "") is None else values.value_of(obj, field)
        if old != new and not (adding and new in (None, "")):
            found[name] = [old, new]
    return found, files


def row_changes(formset):
    """The rows a valid inline formset would add, change and delete (see changes.py)."""
    model = formset.model
    skip = {formset.fk.name, "id", "DELETE", "ORDER"}

    def fields_of(form, old):
        found = {}
        for name in form.fields:
            field = None if name in skip else values.model_field(model, name)
            if field is None or (old and name not in form.changed_data):
                continue
            new = (
                None
                if form.cleaned_data.get(name, "") is None
                else values.value_of(form.instance, field)
            )
            before = values.to_json(field, form.initial.get(name)) if old else None
            if not old or before != new:
                found[name] = [before, new] if old else new
        return found

    changed, added, deleted = [], [], []
    for form in formset.initial_forms:
        pk = form.instance.pk
        if formset.can_delete and formset._should_delete_form(form):
            snapshot = {
                name: values.to_json(field, form.initial.get(name))
                for name in form.fields
                if name not in skip and (field := values.model_field(model, name)) is not None
            }
            deleted.append({"pk": pk, "label": str(form.instance), "fields": snapshot})
        elif form.has_changed() and (fields := fields_of(form, old=True)):
            changed.append({"pk": pk, "label": str(form.instance), "fields": fields})
    for form in formset.extra_forms:
        if not form.has_changed() or (formset.can_delete and formset._should_delete_form(form)):
            continue
        added.append({"label": str(form.instance), "fields": fields_of(form, old=False)})
    return {
        kind: rows
        for kind, rows in (("changed", changed), ("added", added), ("deleted", deleted))
        if rows
    }


class ReviewedAdminMixin:
    """For the admin of a model readers see (first in the bases: it decides before the other
    mixins save). Subclasses say when the review applies (:meth:`review_mode`) and which
    article a change belongs to (:meth:`review_article`)."""

    def review_mode(self, request, obj, form, change):
        """:data:`HOLD`, :data:`PUBLISH` or None (written at once)."""
        return None

    def review_article(self, obj):
        """The article (a Role) a change to ``obj`` belongs to."""
        return obj

    def review_is_public(self, obj):
        """Whether readers see ``obj`` (or its article): only reviewers delete it then."""
        return False

    def hold_publication(self, request, obj, form, change):
        """For :data:`PUBLISH`: keep ``obj`` unpublished; the fields (``{field: [old, new]}``)
        whose change waits for review."""
        raise NotImplementedError

    # --- The save, held ---------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        approving = getattr(request, "review_approving", None)
        if approving is not None:
            for name, stored in approving.changes.get("files", {}).items():
                setattr(obj, name, stored)
            obj._change_reason = _("Approved by %(reviewer)s (change #%(number)s)") % {
                "reviewer": request.user.get_username(),
                "number": approving.pk,
            }
            # The revision is its author's (the reviewer is in the reason): SimpleHistoryAdmin
            # records request.user, so it is the author's while the object is saved.
            reviewer = request.user
            request.user = approving.created_by or reviewer
            try:
                return super().save_model(request, obj, form, change)
            finally:
                request.user = reviewer
        mode = self.review_mode(request, obj, form, change) if workflow.is_on() else None
        request.review_mode = mode
        if mode == HOLD:
            request.review_held = (obj, form, change)
            return None  # not written: it waits for review
        if mode == PUBLISH:
            request.review_publication = self.hold_publication(request, obj, form, change)
        return super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        approving = getattr(request, "review_approving", None)
        if approving is not None:
            for formset in formsets:
                for row_form in formset.forms:
                    row_form.instance._history_user = approving.created_by
        mode = getattr(request, "review_mode", None)
        if mode == HOLD:
            obj, form, change = request.review_held
            for formset in formsets:  # what the change message reads of a saved formset
                formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
            self._submit(request, obj, form, formsets, adding=not change)
            return
        super().save_related(request, form, formsets, change)
        if mode == PUBLISH:
            changes = {"object": request.review_publication}
            self._store(request, form.instance, changes, adding=False)

    def _submit(self, request, obj, form, formsets, adding):
        found, files = object_changes(form, obj, adding=adding)
        changes = {"object": found}
        rows = {}
        for formset in formsets:
            kinds = row_changes(formset)
            if kinds:
                rows[formset.model._meta.label_lower] = kinds
        if rows:
            changes["rows"] = rows
        if values.is_empty(changes):
            request.review_unchanged = True
            return
        stored = {}
        for name, uploaded in files.items():
            if uploaded:
                field = obj._meta.get_field(name)
                stored[name] = field.storage.save(
                    field.generate_filename(obj, uploaded.name), uploaded
                )
                changes["object"][name][1] = stored[name]
            else:
                stored[name] = ""
        if stored:
            changes["files"] = stored
        self._store(request, obj, changes, adding=adding, row_models=formsets)

    def _store(self, request, obj, changes, adding, row_models=()):
        models_by_label = {formset.model._meta.label_lower: formset.model for formset in row_models}
        revision = Revision.objects.create(
            role=self.review_article(obj),
            content_type=ContentType.objects.get_for_model(type(obj)),
            object_id=None if adding else obj.pk,
            object_label=str(obj)[:200],
            changes=changes,
            summary=values.summary(type(obj), changes, models_by_label),
            created_by=request.user,
        )
        request.review_revision = revision
        request.review_submitted = [*getattr(request, "review_submitted", []), revision]
        return revision

    # --- What the editor is told ------------------------------------------------------------

    def log_change(self, request, obj, message):
        revision = getattr(request, "review_revision", None)
        if getattr(request, "review_mode", None) == HOLD:
            if revision is None:
                return None
            message = _("Sent for review: %(summary)s") % {"summary": revision.summary}
        return super().log_change(request, obj, message)

    def log_addition(self, request, obj, message):
        if getattr(request, "review_mode", None) == HOLD:
            return None  # nothing was added (yet)
        return super().log_addition(request, obj, message)

    def _review_response(self, request, obj):
        approving = getattr(request, "review_approving", None)
        if approving is not None:
            return HttpResponseRedirect(request.path)  # the approval view answers
        if getattr(request, "review_unchanged", False):
            messages.info(request, _("Nothing was changed."))
            return HttpResponseRedirect(request.path)
        revision = getattr(request, "review_revision", None)
        if revision is None:
            return None
        if getattr(request, "review_mode", None) == PUBLISH:
            text = _(
                "Saved as a draft. It will be published when a member of the Yayın kurulu "
                "approves it."
            )
        else:
            text = _(
                "Your change was sent for review: readers see the article as it was until a "
                "member of the Yayın kurulu approves it."
            )
        messages.success(request, text)
        return HttpResponseRedirect(reverse("admin:articles_revision_change", args=[revision.pk]))

    def response_change(self, request, obj):
        return self._review_response(request, obj) or super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        return self._review_response(request, obj) or super().response_add(
            request, obj, post_url_continue
        )

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        """The editable list's "N were changed" after rows were sent for review instead."""
        submitted = getattr(request, "review_submitted", None)
        if submitted and level == messages.SUCCESS:
            message = ngettext(
                "%(count)s change was sent for review: readers see the figures as they were "
                "until a member of the Yayın kurulu approves it.",
                "%(count)s changes were sent for review: readers see the figures as they were "
                "until a member of the Yayın kurulu approves them.",
                len(submitted),
            ) % {"count": len(submitted)}
        return super().message_user(request, message, level, *args, **kwargs)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET" and object_id.isdigit() and workflow.is_on():
            for revision in self.pending_revisions(int(object_id)):
                messages.info(
                    request,
                    _(
                        "A change proposed by %(user)s on %(date)s is waiting for review: "
                        "%(summary)s"
                    )
                    % {
                        "user": revision.created_by or "—",
                        "date": values.display_moment(revision.created_at),
                        "summary": revision.summary,
                    },
                )
        return super().change_view(request, object_id, form_url, extra_context)

    def pending_revisions(self, object_id):
        content_type = ContentType.objects.get_for_model(self.model)
        return (
            Revision.objects.pending()
            .filter(content_type=content_type, object_id=object_id)
            .select_related("created_by")[:5]
        )

    # --- Deleting what readers see: reviewers only --------------------------------------------

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if not allowed or obj is None or not workflow.is_on():
            return allowed
        return workflow.can_review(request.user) or not self.review_is_public(obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if workflow.is_on() and not workflow.can_review(request.user):
            actions.pop("delete_selected", None)  # a list cannot tell what readers see
        return actions
