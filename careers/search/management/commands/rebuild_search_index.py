from django.core.management import BaseCommand
from django.utils.translation import gettext as _

from careers.search import documents


class Command(BaseCommand):
    help = _("Rewrite the search index from the articles (safe to run at any time).")

    def handle(self, *args, **options):
        count = documents.rebuild()
        self.stdout.write(_("Search index rebuilt: %(count)s roles.") % {"count": count})
