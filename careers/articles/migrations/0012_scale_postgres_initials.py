"""PostgreSQL: the A–Z page of one initial reads (initial, title in ICU Turkish order) from one
index; walking the collated-title index and filtering took a scan of every earlier letter."""

from django.db import migrations

from careers.migration_ops import RunSQLOn


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_scale_covering_counts")]

    operations = [
        RunSQLOn(
            "postgresql",
            [
                "CREATE INDEX articles_role_initial_tr_idx ON articles_role"
                " ((SUBSTRING(title_sort, 1, 1)), (title COLLATE turkish))"
            ],
            ["DROP INDEX IF EXISTS articles_role_initial_tr_idx"],
        )
    ]
