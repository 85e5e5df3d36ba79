"""Turkish alphabetical order in the database (see careers.collation): a stored, indexed sort
key for role titles and sector and skill names, filled in for existing rows; on PostgreSQL the
key columns compare bytewise (``COLLATE "C"``), and an ICU Turkish collation ``turkish`` with
indexes on the collated titles serves the paginated lists."""

from django.db import migrations, models

from careers import turkish
from careers.migration_ops import RunSQLOn

KEYS = (
    ("Role", "title", "title_sort"),
    ("Sector", "name", "name_sort"),
    ("Skill", "name", "name_sort"),
)

POSTGRES_FORWARD = [
    'ALTER TABLE articles_role ALTER COLUMN title_sort TYPE varchar(255) COLLATE "C"',
    'ALTER TABLE articles_sector ALTER COLUMN name_sort TYPE varchar(255) COLLATE "C"',
    'ALTER TABLE articles_skill ALTER COLUMN name_sort TYPE varchar(255) COLLATE "C"',
    "CREATE COLLATION IF NOT EXISTS turkish (provider = icu, locale = 'tr-TR')",
    "CREATE INDEX articles_role_title_tr_idx ON articles_role ((title COLLATE turkish))",
    "CREATE INDEX articles_role_sector_title_tr_idx"
    " ON articles_role (sector_id, (title COLLATE turkish))",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS articles_role_sector_title_tr_idx",
    "DROP INDEX IF EXISTS articles_role_title_tr_idx",
    "DROP COLLATION IF EXISTS turkish",
]


def fill_sort_keys(apps, schema_editor):
    for model_name, name, key in KEYS:
        model = apps.get_model("articles", model_name)
        rows = list(model.objects.only("pk", name))
        for row in rows:
            setattr(row, key, turkish.sort_key(getattr(row, name)))
        model.objects.bulk_update(rows, [key], batch_size=500)


def sort_field():
    return models.CharField(db_index=True, default="", editable=False, max_length=255)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_readers_article_history"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="role",
            options={
                "ordering": ["title_sort"],
                "verbose_name": "role",
                "verbose_name_plural": "roles",
            },
        ),
        migrations.AlterModelOptions(
            name="sector",
            options={
                "ordering": ["name_sort"],
                "verbose_name": "sector",
                "verbose_name_plural": "sectors",
            },
        ),
        migrations.AlterModelOptions(
            name="skill",
            options={
                "ordering": ["name_sort"],
                "verbose_name": "skill",
                "verbose_name_plural": "skills",
            },
        ),
        migrations.AddField(model_name="role", name="title_sort", field=sort_field()),
        migrations.AddField(model_name="sector", name="name_sort", field=sort_field()),
        migrations.AddField(model_name="skill", name="name_sort", field=sort_field()),
        migrations.RunPython(fill_sort_keys, migrations.RunPython.noop),
        RunSQLOn("postgresql", POSTGRES_FORWARD, POSTGRES_BACKWARD),
    ]
