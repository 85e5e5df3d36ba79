"""The article's revisions in the admin: who changed what and when, on the role and on every
row of its inlines, with a readable word diff; and a revert that goes through the change form.

Reverting an article to a revision rebuilds what the editor's change form would have sent had
it shown the article as it was then (the role's fields and every inline row: rows added since
are deleted, rows deleted since come back) and hands that to the admin's own change view. So a
revert is validated exactly like an edit (the salary rules, the constraints' messages, image
alt text, ...), is recorded as a new revision and purges the page cache like any save; if the
old state no longer passes today's rules, the change form shows why, nothing is saved."""

import datetime as dt
import difflib
import itertools

from django.contrib import messages
from django.contrib.admin.widgets import AdminSplitDateTime
from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.http import HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import escape, format_html, format_html_join
from django.utils.translation import gettext as _
from simple_history.template_utils import HistoricalRecordContextHelper

#: Rows shown per inline model on the article's history page.
ROW_HISTORY_LIMIT = 50
LONG_TEXT = 60


def word_diff(old, new):
    """HTML: ``new`` with removed words in ``<del>`` and added words in ``<ins>`` (escaped)."""
    old_words, new_words = str(old or "").split(), str(new or "").split()
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            words = old_words[a1:a2]
            if len(words) > 12:  # long unchanged stretches are cut to their ends
                words = [*words[:5], "…", *words[-5:]]
            parts.append(escape(" ".join(words)))
            continue
        if a2 > a1:
            parts.append(format_html("<del>{}</del>", " ".join(old_words[a1:a2])))
        if b2 > b1:
            parts.append(format_html("<ins>{}</ins>", " ".join(new_words[b1:b2])))
    return format_html_join(" ", "{}", ((part,) for part in parts))


class ReadableDiffHelper(HistoricalRecordContextHelper):
    """Long texts (Markdown sections, paragraphs) as a word diff instead of two truncated
    values."""

    def context_for_delta_changes(self, delta):
        context = super().context_for_delta_changes(delta)
        for item, change in zip(context, delta.changes, strict=True):
            old, new = change.old, change.new
            texts = isinstance(old, str | type(None)) and isinstance(new, str | type(None))
            if texts and max(len(old or ""), len(new or "")) > LONG_TEXT:
                item["diff"] = word_diff(old, new)
        return context


def row_history(model, role_id, limit=ROW_HISTORY_LIMIT, label=None):
    """The latest revisions of a role's rows of ``model`` (one query), newest first, each with
    ``changes`` (field, old, new, diff) against the same row's previous revision when that is
    among them; ``label(record)``: what a row says (else :func:`label_rows` decides)."""
    owner = "from_role_id" if model._meta.model_name == "relatedrole" else "role_id"
    records = list(
        model.history.filter(**{owner: role_id})
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:limit]
    )
    label_rows(model, records, label)
    by_row = {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        previous = by_row.get(record.id)
        record.changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous, foreign_keys_are_objs=False)
            record.changes = ReadableDiffHelper(model, record).context_for_delta_changes(delta)
        by_row[record.id] = record
        record.model_name = model._meta.verbose_name
    return records


def label_rows(model, records, label=None):
    """Set ``record.label``: what the row says, without a query per row (the skills and roles
    rows point to are fetched at once; one that was deleted since shows its number)."""
    name = model._meta.model_name
    targets = {}
    if name in ("roleskill", "relatedrole"):
        from ..models import Role, Skill

        target, attr = (Skill, "skill_id") if name == "roleskill" else (Role, "to_role_id")
        targets = target.objects.only("pk", "title" if target is Role else "name").in_bulk(
            {getattr(record, attr) for record in records}
        )
    for record in records:
        if name == "roleskill":
            skill = targets.get(record.skill_id)
            record.label = record.label or (skill.name if skill else f"#{record.skill_id}")
        elif name == "relatedrole":
            role = targets.get(record.to_role_id)
            record.label = role.title if role else f"#{record.to_role_id}"
        elif label is not None:
            record.label = label(record)
        else:
            record.label = getattr(record, "text", None) or getattr(record, "title", "")


# --- Revert ---------------------------------------------------------------------------------


def _put(data, name, value, widget=None):
    """``value`` as the change form's ``widget`` sends it (``data``: a dict or a QueryDict).
    A widget that submits what it shows (``submits_shown_value``, e.g. the Turkish amount box's
    "45.000") is given the value as it shows it."""
    if getattr(widget, "submits_shown_value", False):
        value = widget.format_value(value)
    if isinstance(widget, AdminSplitDateTime):
        if isinstance(value, dt.datetime):
            value = timezone.localtime(value) if timezone.is_aware(value) else value
            value = (value.strftime("%Y-%m-%d"), value.strftime("%H:%M:%S"))
        data[f"{name}_0"], data[f"{name}_1"] = value or ("", "")
        return
    if value is None:
        data[name] = ""
    elif value is True:
        data[name] = "on"
    elif value is False or isinstance(value, File):
        return  # unticked boxes and files are not sent
    elif isinstance(value, list | tuple):
        values = [str(v) for v in value]
        if hasattr(data, "setlist"):
            data.setlist(name, values)
        else:
            data[name] = values
    else:
        data[name] = str(value)


def form_data(data, form):
    """Put ``form``'s values into ``data`` (a QueryDict) as a browser would send them."""
    for name, field in form.fields.items():
        _put(data, form.add_prefix(name), form[name].value(), field.widget)


def revert_data(model_admin, request, role, when):
    """The change form's POST data that turns ``role`` back into what it was at ``when``."""
    old_role = role.history.as_of(when)
    old_role._state.adding = False
    data = QueryDict(mutable=True)
    form_class = model_admin.get_form(request, role, change=True)
    form_data(data, form_class(instance=old_role))  # the image file itself stays as it is
    for formset, inline in model_admin.get_formsets_with_inlines(request, role):
        prefix = formset.get_default_prefix()
        current = list(inline.get_queryset(request).filter(**{formset.fk.name: role}))
        fk_name = formset.fk.name
        then = {
            row.pk: row
            for row in formset.model.history.as_of(when).filter(**{f"{fk_name}_id": role.pk})
        }
        index = itertools.count()
        for row in current:
            i = next(index)
            old = then.pop(row.pk, None)
            form = formset.form(instance=old or row, prefix=f"{prefix}-{i}")
            form_data(data, form)
            data[f"{prefix}-{i}-id"] = str(row.pk)
            data[f"{prefix}-{i}-{fk_name}"] = str(role.pk)
            if old is None:
                data[f"{prefix}-{i}-DELETE"] = "on"
        for old in then.values():  # deleted since: added again, as new rows
            i = next(index)
            old.pk = None
            form_data(data, formset.form(instance=old, prefix=f"{prefix}-{i}"))
            data[f"{prefix}-{i}-id"] = ""
            data[f"{prefix}-{i}-{fk_name}"] = str(role.pk)
        total = next(index)
        data[f"{prefix}-TOTAL_FORMS"] = str(total)
        data[f"{prefix}-INITIAL_FORMS"] = str(len(current))
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    return data


def revision_end(role, revision):
    """The moment up to which ``revision`` is the article: just before the role's next
    revision (an edit saves the role, then its rows, so the rows of that edit are later than
    the role's record), or now for the latest."""
    following = (
        role.history.filter(history_date__gt=revision.history_date).order_by("history_date").first()
    )
    if following is None:
        return timezone.now()
    return following.history_date - dt.timedelta(microseconds=1)


class ArticleHistoryMixin:
    """For RoleAdmin (with SimpleHistoryAdmin): the rows' revisions on the history page and
    the whole-article revert."""

    object_history_template = "admin/articles/role/object_history.html"
    object_history_list_template = "admin/articles/role/object_history_list.html"
    history_list_display = ["status"]

    def get_historical_record_context_helper(self, request, historical_record):
        return ReadableDiffHelper(self.model, historical_record)

    def history_view(self, request, object_id, extra_context=None):
        rows = []
        if object_id.isdigit():
            for model, label in self.history_row_models().items():
                rows.extend(row_history(model, int(object_id), label=label))
        rows.sort(key=lambda r: (r.history_date, r.history_id), reverse=True)
        extra = {"row_history": rows[:ROW_HISTORY_LIMIT], **(extra_context or {})}
        return super().history_view(request, object_id, extra_context=extra)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/gecmis/<int:history_id>/geri-al/",
                self.admin_site.admin_view(self.revert_article_view),
                name="articles_role_revert",
            ),
            *super().get_urls(),
        ]

    def revert_article_view(self, request, object_id, history_id):
        role = get_object_or_404(self.get_queryset(request), pk=object_id)
        if not self.has_change_permission(request, role):
            raise PermissionDenied
        revision = get_object_or_404(role.history.model, id=role.pk, history_id=history_id)
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:articles_role_history", args=[role.pk]))
        data = revert_data(self, request, role, revision_end(role, revision))
        data["csrfmiddlewaretoken"] = request.POST.get("csrfmiddlewaretoken", "")
        data["_continue"] = "1"
        request.POST = data
        request._revert_revision = revision
        change_url = reverse("admin:articles_role_change", args=[role.pk])
        response = self.changeform_view(request, str(role.pk), form_url=change_url)
        held = getattr(request, "review_mode", None) is not None  # sent for review (.review)
        if isinstance(response, HttpResponseRedirect) and not held:
            messages.success(
                request,
                _("The article is back as it was on %(date)s.")
                % {"date": format_html("{}", timezone.localtime(revision.history_date))},
            )
        return response

    def save_model(self, request, obj, form, change):
        revision = getattr(request, "_revert_revision", None)
        if revision is not None:
            obj._change_reason = _("Reverted to the revision of %(date)s") % {
                "date": timezone.localtime(revision.history_date).strftime("%d.%m.%Y %H:%M")
            }
        super().save_model(request, obj, form, change)
