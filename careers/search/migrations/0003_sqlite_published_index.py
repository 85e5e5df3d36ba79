"""SQLite: the published rule of a search's matches read from an index, not from the roles'
rows. The search joins each match to its role by primary key; SQLite then reads the role's
whole row (several kilobytes of article text) to check two columns: for a common word (4,000
matches at 10,000 roles) that was most of the search. This index holds the two columns beside
the key (``sqlite_search`` names it with ``INDEXED BY``). PostgreSQL ranks from its stored
vector and needs none."""

from django.db import migrations

from careers.migration_ops import RunSQLOn

FORWARD = [
    "CREATE INDEX search_role_published_idx ON articles_role (id, status, published_at)",
]
BACKWARD = ["DROP INDEX IF EXISTS search_role_published_idx"]


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_scale_stored_vector"),
        ("articles", "0016_reviewer_index_partial"),
    ]

    operations = [RunSQLOn("sqlite", FORWARD, BACKWARD)]
