"""Drop cached pages by surrogate key, in the page cache and every front cache, now.

manage.py purge_pages              # every page (after a deploy that changed templates)
manage.py purge_pages role-12 minwage
manage.py purge_pages --hard role-12   # never served again, not even while rendered anew

By default the purge is soft, as an edit's is: readers are served the previous page while one
request renders the new one, so a deploy makes nobody wait. ``--hard`` is for what must not be
shown again (content taken down by hand).
"""

from django.core.management.base import BaseCommand, CommandError

from careers.site.pagecache import ALL, write_markers
from careers.site.pagecache.purge import purge_now


class Command(BaseCommand):
    help = "Drop cached pages showing the given surrogate keys (default: all pages)."

    def add_arguments(self, parser):
        parser.add_argument("keys", nargs="*", help="surrogate keys, e.g. role-12 minwage")
        parser.add_argument(
            "--hard", action="store_true", help="Never serve those pages again, not even stale."
        )

    def handle(self, *keys, **options):
        keys = set(keys) or {ALL}
        write_markers(keys, hard=options["hard"])
        failed = purge_now(keys, hard=options["hard"])
        if failed:
            raise CommandError(f"Front cache purge failed: {', '.join(failed)} (see the log)")
        if options["verbosity"]:
            self.stdout.write(f"Purged: {' '.join(sorted(keys))}")
