"""The editorial review on the salary bands' own screens (``careers.articles.admin.review``):
a band of a published article is what readers see, so with the review on a change to it, a new
band for it and a deletion wait for a reviewer, as on the article's screen.

The import: the rows of published articles are not written; each band they would add or change
becomes a change for review (from a dry run of those rows: the same validation as the import),
and the other rows (drafts) are imported at once. A file with an error imports nothing, as
before.
"""

from django.contrib import messages
from django.utils.translation import ngettext

from careers.articles.admin.review import HOLD, ReviewedAdminMixin
from careers.articles.models import Role, Status
from careers.articles.review import changes as values
from careers.articles.review import workflow

from ..importers.files import COLUMNS, normalise_headers

#: The band's fields a change for review compares (what its change form edits).
BAND_FIELDS = (
    "role", "year", "pay_basis", "average", "top", "low", "hourly_average", "hourly_top",
    "source", "source_url", "is_sample",
)  # fmt: skip


class SalaryReviewMixin(ReviewedAdminMixin):
    def review_mode(self, request, band, form, change):
        """Held when its article is published, before or after the change."""
        roles = {band.role_id, form.initial.get("role") if change else None} - {None}
        published = Role.objects.filter(pk__in=roles, status=Status.PUBLISHED).exists()
        return HOLD if published else None

    def review_article(self, band):
        return band.role

    def review_is_public(self, band):
        return band.role.status == Status.PUBLISHED

    def process_dataset(self, dataset, form, request, **kwargs):
        if not workflow.is_on():
            return super().process_dataset(dataset, form, request, **kwargs)
        normalise_headers(dataset)
        held, written = split_rows(dataset)
        if len(held):
            checked = self._dry_run(held, form, request, **kwargs)
            if checked.has_errors() or checked.has_validation_errors():
                return checked  # nothing is imported (process_result says so)
            for row in checked.rows:
                self._hold_row(request, row)
        result = super().process_dataset(written, form, request, **kwargs)
        held_count = len(getattr(request, "review_submitted", []))
        if held_count:
            messages.info(
                request,
                ngettext(
                    "%(count)s band of published articles was sent for review: readers see "
                    "the figures as they were until a member of the Yayın kurulu approves it.",
                    "%(count)s bands of published articles were sent for review: readers see "
                    "the figures as they were until a member of the Yayın kurulu approves them.",
                    held_count,
                )
                % {"count": held_count},
            )
        return result

    def _dry_run(self, dataset, form, request, **kwargs):
        kwargs.pop("file_name", None)
        res_kwargs = self.get_import_resource_kwargs(request, form=form, **kwargs)
        resource = self.choose_import_resource_class(form, request)(**res_kwargs)
        imp_kwargs = self.get_import_data_kwargs(request=request, form=form, **kwargs)
        imp_kwargs["retain_instance_in_row_result"] = True
        return resource.import_data(dataset, dry_run=True, user=request.user, **imp_kwargs)

    def _hold_row(self, request, row):
        if row.import_type not in (row.IMPORT_TYPE_NEW, row.IMPORT_TYPE_UPDATE):
            return  # unchanged
        band, adding = row.instance, row.import_type == row.IMPORT_TYPE_NEW
        found = {}
        for name in BAND_FIELDS:
            field = band._meta.get_field(name)
            new = values.value_of(band, field)
            old = None if adding else values.value_of(row.original, field)
            if old != new and not (adding and new in (None, "")):
                found[name] = [old, new]
        if found:
            self._store(request, band, {"object": found}, adding=adding)


def split_rows(dataset):
    """``(held, written)``: the rows of published articles, and the others (datasets with the
    same headers)."""
    column = dataset.headers.index(COLUMNS["role"]) if COLUMNS["role"] in dataset.headers else None
    slugs = {str(row[column] or "").strip() for row in dataset} if column is not None else set()
    published = set(
        Role.objects.filter(slug__in=slugs, status=Status.PUBLISHED).values_list("slug", flat=True)
    )
    held, written = (type(dataset)(headers=dataset.headers) for _ in range(2))
    for row in dataset:
        target = (
            held if column is not None and str(row[column] or "").strip() in published else written
        )
        target.append(row)
    return held, written
