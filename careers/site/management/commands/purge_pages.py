"""Drop cached pages by surrogate key, in the page cache and every front cache, now.

manage.py purge_pages              # every page (after a deploy that changed templates)
manage.py purge_pages role-12 minwage
"""

from django.core.management.base import BaseCommand, CommandError

from careers.site.pagecache import ALL, write_markers
from careers.site.pagecache.purge import purge_now


class Command(BaseCommand):
    help = "Drop cached pages showing the given surrogate keys (default: all pages)."

    def add_arguments(self, parser):
        parser.add_argument("keys", nargs="*", help="surrogate keys, e.g. role-12 minwage")

    def handle(self, *keys, **options):
        keys = set(keys) or {ALL}
        write_markers(keys)
        failed = purge_now(keys)
        if failed:
            raise CommandError(f"Front cache purge failed: {', '.join(failed)} (see the log)")
        if options["verbosity"]:
            self.stdout.write(f"Purged: {' '.join(sorted(keys))}")
