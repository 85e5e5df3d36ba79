"""PostgreSQL sorts NULLs last ascending but first descending: the salary page's descending
orders ("highest first, roles without figures last") need indexes declared NULLS LAST there
(SQLite's plain descending indexes already give that order)."""

from django.db import migrations

from careers.migration_ops import RunSQLOn

INDEXES = {
    "articles_role_average_pg_idx": "(salary_average DESC NULLS LAST, title_sort)",
    "articles_role_top_pg_idx": "(salary_top DESC NULLS LAST, title_sort)",
    "articles_role_sector_avg_pg_idx": "(sector_id, salary_average DESC NULLS LAST, title_sort)",
    "articles_role_sector_top_pg_idx": "(sector_id, salary_top DESC NULLS LAST, title_sort)",
}


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_scale_publish_and_salary_indexes"),
    ]

    operations = [
        RunSQLOn(
            "postgresql",
            [
                f"CREATE INDEX {name} ON articles_role {columns}"
                for name, columns in INDEXES.items()
            ],
            [f"DROP INDEX IF EXISTS {name}" for name in INDEXES],
        )
    ]
