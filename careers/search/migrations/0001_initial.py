"""The search documents table, and the full-text index that matches the database:

* SQLite: an FTS5 table ``search_fts`` (rowid = role id) holding the ASCII-folded title and
  text, kept in step with ``search_searchdocument`` by triggers, so every write to a document
  (from Python, in the editor's transaction) updates the index in the same transaction.
* PostgreSQL: a GIN index over the same weighted ``to_tsvector('simple', …)`` expression the
  search query uses (``careers.search.backends``).

Other databases get neither and are searched with plain ``LIKE`` (the fallback backend).
"""

import django.db.models.deletion
from django.db import migrations, models

from careers.migration_ops import RunSQLOn

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE search_fts USING fts5(
        title_folded, body_folded, tokenize = 'unicode61', prefix = '2 3'
    )
    """,
    """
    CREATE TRIGGER search_fts_after_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts (rowid, title_folded, body_folded)
        VALUES (new.role_id, new.title_folded, new.body_folded);
    END
    """,
    """
    CREATE TRIGGER search_fts_after_update AFTER UPDATE ON search_searchdocument BEGIN
        DELETE FROM search_fts WHERE rowid = old.role_id;
        INSERT INTO search_fts (rowid, title_folded, body_folded)
        VALUES (new.role_id, new.title_folded, new.body_folded);
    END
    """,
    """
    CREATE TRIGGER search_fts_after_delete AFTER DELETE ON search_searchdocument BEGIN
        DELETE FROM search_fts WHERE rowid = old.role_id;
    END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_fts_after_insert",
    "DROP TRIGGER IF EXISTS search_fts_after_update",
    "DROP TRIGGER IF EXISTS search_fts_after_delete",
    "DROP TABLE IF EXISTS search_fts",
]
# Replaced by a stored, generated column and its index in migration 0002.
POSTGRES_FORWARD = [
    """
    CREATE INDEX search_document_fts_idx ON search_searchdocument USING gin ((
        setweight(to_tsvector('simple'::regconfig, COALESCE(title_folded, '')), 'A')
        || setweight(to_tsvector('simple'::regconfig, COALESCE(body_folded, '')), 'B')
    ))
    """,
]
POSTGRES_BACKWARD = ["DROP INDEX IF EXISTS search_document_fts_idx"]


def index_existing_roles(apps, schema_editor):
    from careers.search.text import document_fields

    Role = apps.get_model("articles", "Role")
    SearchDocument = apps.get_model("search", "SearchDocument")
    db = schema_editor.connection.alias
    for role in Role.objects.using(db).prefetch_related("responsibilities", "role_skills__skill"):
        skills = []
        for role_skill in role.role_skills.all():
            skills += [role_skill.skill.name, role_skill.label]
        fields = document_fields(role, [r.text for r in role.responsibilities.all()], skills)
        SearchDocument.objects.using(db).create(role_id=role.pk, **fields)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchDocument",
            fields=[
                (
                    "role",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="search_document",
                        serialize=False,
                        to="articles.role",
                        verbose_name="role",
                    ),
                ),
                ("title", models.CharField(max_length=150, verbose_name="job title")),
                (
                    "alternative_titles",
                    models.CharField(blank=True, max_length=255, verbose_name="other names"),
                ),
                ("summary", models.TextField(blank=True, verbose_name="summary")),
                ("responsibilities", models.TextField(blank=True, verbose_name="responsibilities")),
                ("skills", models.TextField(blank=True, verbose_name="skills")),
                ("title_folded", models.TextField(blank=True, verbose_name="title, folded")),
                ("body_folded", models.TextField(blank=True, verbose_name="text, folded")),
            ],
            options={
                "verbose_name": "search document",
                "verbose_name_plural": "search documents",
            },
        ),
        RunSQLOn("sqlite", SQLITE_FORWARD, SQLITE_BACKWARD),
        RunSQLOn("postgresql", POSTGRES_FORWARD, POSTGRES_BACKWARD),
        migrations.RunPython(index_existing_roles, migrations.RunPython.noop),
    ]
