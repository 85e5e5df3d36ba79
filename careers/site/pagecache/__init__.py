"""The page cache for anonymous readers, invalidated precisely by surrogate keys.

Every cached page records what it shows as *surrogate keys*: ``role-12`` (that role's article
and everything on it), ``sector-3``, ``skill-7``, ``comments-12``, ``minwage``, ``roles`` (any
list of all roles), ... A view declares them with :func:`shows` (or ``keys=`` on
:func:`cache_public_page`); template tags and :func:`cached` fragments add theirs while the
page renders. A change calls :func:`invalidate` with the keys of what changed, and exactly the
pages showing it go, in the page cache (Redis, shared by every app server: invalidation
markers, :mod:`.markers`) and in every front cache (Varnish with xkey: :mod:`.purge`, a job).
A change is soft (an edit: the previous page is served while ONE request renders the new one,
so no reader waits) or hard (``invalidate(..., hard=True)``: a takedown, never served again).

The package, imports running one way (no module imports one that imports it):

=================  ===========================================================================
``markers``        when each key last changed; whether a render is still current (no sibling)
``store``          where pages live: one Lua script per lookup on Redis (``lua/lookup.lua``),
                   which also hands out the one render claim after a soft change
``decorator``      ``cache_public_page``, ``shows``: what may be cached, the headers it gets
``middleware``     lookup early in the middleware, store on the way out; ETag, 304, gzip
``fragments``      ``cached``: values and HTML kept by the same keys and markers
``purge``          ``invalidate``; the purge job (retries, merging, the settle re-purge)
=================  ===========================================================================

Every page also carries the key :data:`ALL` (``manage.py purge_pages`` after a deploy). This
module is the public API; apps import from here, never from the modules.
"""

from .decorator import cache_public_page, shows
from .fragments import WithKeys, cached
from .markers import ALL, outdate_all_pages, write_markers
from .purge import invalidate

__all__ = [
    "ALL",
    "WithKeys",
    "cache_public_page",
    "cached",
    "invalidate",
    "outdate_all_pages",
    "shows",
    "write_markers",
]
