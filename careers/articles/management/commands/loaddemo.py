from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.utils.translation import gettext as _

from careers.articles.models import Role

DEMO_DIR = Path(settings.BASE_DIR) / "fixtures" / "demo"


def demo_fixture_files():
    """Every demo fixture, in name order (sectors and skills before roles, links last)."""
    return sorted(str(path) for path in DEMO_DIR.rglob("*.json"))


class Command(BaseCommand):
    help = _("Load the demo articles into an empty database (does nothing if roles exist).")

    def handle(self, *args, **options):
        # Never over an editor's work: running `make run` again must be harmless.
        if Role.objects.exists():
            self.stdout.write(_("Roles already exist; demo content not loaded again."))
            return
        call_command("loaddata", *demo_fixture_files(), verbosity=options["verbosity"])
