"""The editors' admin: one screen per article, in Turkish (apps built on articles add to it
through :mod:`.extensions`).

Query counts of the pages are pinned in tests/test_admin.py; related rows are loaded in
``get_queryset`` and autocomplete selections come from the inline's own rows (no query per row).
One module per model family; importing them registers their screens.
"""

from . import people, revisions, roles, taxonomy  # noqa: F401
