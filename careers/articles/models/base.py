"""What every article model shares: touch, Turkish sort keys, natural keys, the role indexes
(Markdown rendered on save comes from :mod:`careers.site.markdown`)."""

from django.db import models
from django.utils import timezone

from careers import turkish


def touch(instance, save_kwargs):
    """Set ``updated_at`` on a save (``auto_now`` would, but it also leaves fixture rows
    loaded by ``loaddata`` without a value: raw saves skip it)."""
    instance.updated_at = timezone.now()
    if save_kwargs.get("update_fields") is not None:
        save_kwargs["update_fields"] = {*save_kwargs["update_fields"], "updated_at"}


def sort_field():
    """The stored Turkish sort key of a name (:func:`careers.turkish.sort_key`), indexed;
    set before every save, fixtures included (``signals.set_sort_keys``)."""
    return models.CharField(
        max_length=turkish.SORT_KEY_MAX_LENGTH, editable=False, default="", db_index=True
    )


class SlugNaturalKeyManager(models.Manager):
    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


#: (sector prefix, direction, figure, index name) of the salary page's indexes.
SALARY_ORDER_INDEXES = [
    ([], "-", "average", "articles_role_average_idx"),
    ([], "", "average", "articles_role_average_up_idx"),
    ([], "-", "top", "articles_role_top_idx"),
    ([], "", "top", "articles_role_top_up_idx"),
    (["sector"], "-", "average", "articles_role_sector_avg_idx"),
    (["sector"], "-", "top", "articles_role_sector_top_idx"),
]


def role_indexes():
    """The role table's indexes, one per list the site sorts or filters in the database."""
    # No index on (status, published_at): nearly every role is published, so it selects
    # nothing, and SQLite then read every public role through it rather than walk the
    # index a list is sorted by.
    return [
        # Lists in the database (sector pages, most read, recently updated, salaries):
        # (sector, title) pages; with the publish fields it also covers the cached counts by
        # sector and initial (read from the index alone):
        models.Index(
            fields=["sector", "title_sort", "status", "published_at"],
            name="articles_role_sector_sort_idx",
        ),
        models.Index(fields=["sector", "-view_count"], name="articles_role_sector_read_idx"),
        models.Index(fields=["-view_count"], name="articles_role_reads_idx"),
        # The re-review list: most read in the last 30 days first (careers.articles.review;
        # its count reads the table, about 30 ms at 10,000 roles on SQLite: an index leading
        # with the status would serve it but mislead every list sorted by title, see above);
        models.Index(fields=["-recent_reads", "title_sort"], name="articles_role_recent_idx"),
        # an author's page: their articles in Turkish order, counted from the index; and what
        # they reviewed (both also the foreign keys' indexes).
        models.Index(
            fields=["author", "title_sort", "status", "published_at"],
            name="articles_role_author_idx",
        ),
        # Partial (reviewed articles only): a whole one, led by a column of few values, was
        # skip-scanned by SQLite after ANALYZE for any "published" filter instead of the index
        # a list is sorted by (at 10,000 roles the home page's query took 250 ms, 1 ms now).
        models.Index(
            fields=["reviewed_by", "status", "published_at"],
            condition=models.Q(reviewed_by__isnull=False),
            name="articles_role_reviewer_idx",
        ),
        models.Index(fields=["-updated_at"], name="articles_role_updated_idx"),
        # ... and by the last change of their salary figures (recently updated, feeds):
        models.Index(fields=["-salary_updated_at"], name="articles_role_salary_upd_idx"),
        # The sitemap's pages by address skip earlier pages in the index alone:
        models.Index(fields=["slug", "status", "published_at"], name="articles_role_sitemap_idx"),
        # The publish rule of roles found by key (a search's matches, SQLite's `INDEXED BY` in
        # careers/search/backends.py; the few roles not published, which the skill counts
        # subtract) read from the index alone, not from each role's row of article text: at
        # 10,000 roles a search for "müşteri" 16 -> 8 ms (SQLite), the unpublished 26 -> 3 ms
        # (PostgreSQL, which leaves the key out of every other index).
        models.Index(fields=["id", "status", "published_at"], name="articles_role_published_idx"),
        # The salary page's orders, whole (figure, then title), so no sort is needed:
        *(
            models.Index(fields=[*sector, f"{sign}salary_{key}", "title_sort"], name=name)
            for sector, sign, key, name in SALARY_ORDER_INDEXES
        ),
    ]
