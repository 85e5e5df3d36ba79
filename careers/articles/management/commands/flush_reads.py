from django.core.management import BaseCommand
from django.utils.translation import gettext as _

from careers.articles import reads


class Command(BaseCommand):
    help = _("Add the read counts kept in the cache to the articles (run from cron).")

    def handle(self, *args, **options):
        written = reads.flush()
        self.stdout.write(_("Reads written: %(count)s.") % {"count": written})
