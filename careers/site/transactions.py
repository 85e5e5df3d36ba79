"""Work that waits for the commit, gathered once per transaction.

Several saves in one transaction (an admin form with its inlines, a salary import) each say
"after the commit, do X for K". Done naively that is one callback per save; the page cache
wants one marker write and one purge for the union of every key, and the search index one
rewrite per role. Django's public ``transaction.on_commit`` has no "once", and reading its
private queue (``connection.run_on_commit``) to find an earlier callback ties us to Django's
internals. This module keeps its own state instead, with the public API only:

* :func:`pending` gives the dict of work gathered for ``name`` in the current transaction; the
  first call in a transaction registers ``callback(dict)`` with ``on_commit``.
* :func:`on_commit_once` runs ``callback`` once per ``(name, key)`` after the commit.

How a rolled-back transaction is noticed without private state: the per-transaction dict lives
on the registered callback, and the connection keeps only a *weak* reference to that callback.
Django holds the callback until the commit (then runs it) or the rollback (then drops it); in
both cases the weak reference dies with it, so the next call starts a new dict. Nothing is
kept for a rolled-back transaction, and nothing of one transaction leaks into the next.
Outside a transaction (autocommit) the callback runs at once, as ``on_commit`` does.
"""

import weakref

from django.db import DEFAULT_DB_ALIAS, connections, transaction


class _Gathered:
    """The on-commit callback of one name in one transaction, holding what it gathered."""

    __slots__ = ("__weakref__", "callback", "items")

    def __init__(self, callback):
        self.callback = callback
        self.items = {}

    def __call__(self):
        self.callback(self.items)


def pending(name, callback, using=None):
    """The dict gathered for ``name`` in the current transaction of ``using``; the first call
    in a transaction registers ``callback(dict)`` to run after its commit. None outside a
    transaction: the caller does its work at once."""
    using = using or DEFAULT_DB_ALIAS
    connection = connections[using]
    if not connection.in_atomic_block:
        return None
    refs = connection.__dict__.setdefault("_careers_on_commit", {})
    gathered = refs[name]() if name in refs else None
    if gathered is None:
        gathered = _Gathered(callback)
        refs[name] = weakref.ref(gathered)
        transaction.on_commit(gathered, using=using)
    return gathered.items


def on_commit_once(name, key, callback, using=None):
    """Run ``callback()`` after the current transaction commits, once per ``(name, key)``
    however often it is asked for (at once outside a transaction; never after a rollback)."""
    items = pending(name, _run_each, using)
    if items is None:
        callback()
    else:
        items.setdefault(key, callback)


def _run_each(items):
    for callback in items.values():
        callback()
