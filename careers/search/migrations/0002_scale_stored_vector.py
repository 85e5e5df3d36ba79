"""PostgreSQL: the weighted document vector stored in a generated column (with its GIN index),
so ranking reads it instead of rebuilding ``to_tsvector`` for every matching document (a
common word matches thousands of them at 10,000 roles). Replaces 0001's expression index."""

from django.db import migrations

from careers.migration_ops import RunSQLOn

VECTOR = """
    setweight(to_tsvector('simple'::regconfig, COALESCE(title_folded, '')), 'A')
    || setweight(to_tsvector('simple'::regconfig, COALESCE(body_folded, '')), 'B')
"""
FORWARD = [
    f"ALTER TABLE search_searchdocument ADD COLUMN document tsvector"
    f" GENERATED ALWAYS AS ({VECTOR}) STORED",
    "CREATE INDEX search_document_vector_idx ON search_searchdocument USING gin (document)",
    "DROP INDEX IF EXISTS search_document_fts_idx",
]
BACKWARD = [
    f"CREATE INDEX search_document_fts_idx ON search_searchdocument USING gin (({VECTOR}))",
    "DROP INDEX IF EXISTS search_document_vector_idx",
    "ALTER TABLE search_searchdocument DROP COLUMN document",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [RunSQLOn("postgresql", FORWARD, BACKWARD)]
