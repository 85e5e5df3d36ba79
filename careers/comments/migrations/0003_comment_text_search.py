"""The comments' text, folded, and a full-text index over it for the moderators' search
(careers/comments/fulltext.py): the search app's pattern (search/0001 and 0002).

* ``body_folded``: filled here for the comments already stored (in batches), then by
  ``Comment.save``.
* SQLite: an FTS5 table ``comments_fts`` with the comments table as its external content
  (it holds the index, not a second copy of the text), kept in step by triggers in the same
  transaction: on insert, on delete, and on an update that writes ``body_folded`` (a status
  change or an address cleared leaves the index alone). Filled once with 'rebuild'.
* PostgreSQL: the vector stored in a generated column ``body_vector`` with a GIN index, as
  search/0002 stores the roles' (the newest matches are found by walking the primary key back
  and testing each row's stored vector, or through the index for a rare word: the planner
  chooses from the column's statistics; computing the vector per row cost 30-90 ms more).
"""

from django.db import migrations, models

from careers.migration_ops import RunSQLOn

BATCH = 5000

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE comments_fts USING fts5(
        body_folded, content = 'comments_comment', content_rowid = 'id',
        tokenize = 'unicode61', prefix = '2 3'
    )
    """,
    """
    CREATE TRIGGER comments_fts_after_insert AFTER INSERT ON comments_comment BEGIN
        INSERT INTO comments_fts (rowid, body_folded) VALUES (new.id, new.body_folded);
    END
    """,
    """
    CREATE TRIGGER comments_fts_after_delete AFTER DELETE ON comments_comment BEGIN
        INSERT INTO comments_fts (comments_fts, rowid, body_folded)
        VALUES ('delete', old.id, old.body_folded);
    END
    """,
    """
    CREATE TRIGGER comments_fts_after_update AFTER UPDATE OF body_folded ON comments_comment
    BEGIN
        INSERT INTO comments_fts (comments_fts, rowid, body_folded)
        VALUES ('delete', old.id, old.body_folded);
        INSERT INTO comments_fts (rowid, body_folded) VALUES (new.id, new.body_folded);
    END
    """,
    "INSERT INTO comments_fts (comments_fts) VALUES ('rebuild')",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS comments_fts_after_insert",
    "DROP TRIGGER IF EXISTS comments_fts_after_delete",
    "DROP TRIGGER IF EXISTS comments_fts_after_update",
    "DROP TABLE IF EXISTS comments_fts",
]
POSTGRES_FORWARD = [
    "ALTER TABLE comments_comment ADD COLUMN body_vector tsvector"
    " GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, body_folded)) STORED",
    "CREATE INDEX comments_body_vector_idx ON comments_comment USING gin (body_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS comments_body_vector_idx",
    "ALTER TABLE comments_comment DROP COLUMN body_vector",
]


def fold_stored_comments(apps, schema_editor):
    from careers.comments.fulltext import fold

    Comment = apps.get_model("comments", "Comment")
    db = schema_editor.connection.alias
    last = 0
    while True:
        batch = list(
            Comment.objects.using(db).filter(pk__gt=last).order_by("pk").only("pk", "body")[:BATCH]
        )
        if not batch:
            return
        for comment in batch:
            comment.body_folded = fold(comment.body)
        Comment.objects.using(db).bulk_update(batch, ["body_folded"], batch_size=500)
        last = batch[-1].pk


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0002_scale_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="comment",
            name="body_folded",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.RunPython(fold_stored_comments, migrations.RunPython.noop),
        RunSQLOn("sqlite", SQLITE_FORWARD, SQLITE_BACKWARD),
        RunSQLOn("postgresql", POSTGRES_FORWARD, POSTGRES_BACKWARD),
    ]
