"""PostgreSQL: the search matches and ranks a narrow copy of each document's vector
(``search_vector``: the role, its folded title, the vector), not the document rows that also
hold every text shown in a snippet. A common word matches thousands of documents at 10,000
roles ("müşteri": 4,237), each read whole to be ranked; the narrow rows are half the pages,
and the query half the time (13.3 -> 7.1 ms: docs/scale.md).

Kept by triggers on the documents, as SQLite's FTS5 table is (migration 0001): written with
each insert and update, removed with each delete, emptied with a TRUNCATE (Django's flush).
The documents keep their generated vector (the triggers copy it); its GIN index moves here.
"""

from django.db import migrations

from careers.migration_ops import RunSQLOn

FORWARD = [
    """
    CREATE TABLE search_vector (
        role_id integer PRIMARY KEY,
        title_folded text NOT NULL,
        document tsvector NOT NULL
    )
    """,
    """
    INSERT INTO search_vector (role_id, title_folded, document)
    SELECT role_id, title_folded, document FROM search_searchdocument
    """,
    "CREATE INDEX search_vector_idx ON search_vector USING gin (document)",
    """
    CREATE FUNCTION search_vector_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'DELETE' THEN
            DELETE FROM search_vector WHERE role_id = OLD.role_id;
            RETURN OLD;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.role_id <> NEW.role_id THEN
            DELETE FROM search_vector WHERE role_id = OLD.role_id;
        END IF;
        INSERT INTO search_vector (role_id, title_folded, document)
        VALUES (NEW.role_id, NEW.title_folded, NEW.document)
        ON CONFLICT (role_id) DO UPDATE
        SET title_folded = EXCLUDED.title_folded, document = EXCLUDED.document;
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE FUNCTION search_vector_empty() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        TRUNCATE search_vector;
        RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER search_vector_write AFTER INSERT OR UPDATE OR DELETE
    ON search_searchdocument FOR EACH ROW EXECUTE FUNCTION search_vector_write()
    """,
    """
    CREATE TRIGGER search_vector_empty AFTER TRUNCATE
    ON search_searchdocument FOR EACH STATEMENT EXECUTE FUNCTION search_vector_empty()
    """,
    "DROP INDEX IF EXISTS search_document_vector_idx",
]
BACKWARD = [
    "CREATE INDEX search_document_vector_idx ON search_searchdocument USING gin (document)",
    "DROP TRIGGER IF EXISTS search_vector_empty ON search_searchdocument",
    "DROP TRIGGER IF EXISTS search_vector_write ON search_searchdocument",
    "DROP FUNCTION IF EXISTS search_vector_empty()",
    "DROP FUNCTION IF EXISTS search_vector_write()",
    "DROP TABLE IF EXISTS search_vector",
]


class Migration(migrations.Migration):
    dependencies = [("search", "0002_scale_stored_vector")]

    operations = [RunSQLOn("postgresql", FORWARD, BACKWARD)]
