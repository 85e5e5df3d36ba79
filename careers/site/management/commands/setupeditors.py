from django.conf import settings
from django.core.management import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from careers.site.editors import EDITOR_GROUP, setup_editor_group


class Command(BaseCommand):
    help = "Create or update the “Editörler” group with exactly the editors' permissions."

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            group, skipped = setup_editor_group()
            self.stdout.write(
                _("Group “%(group)s” has %(count)s permissions.")
                % {"group": EDITOR_GROUP, "count": group.permissions.count()}
            )
            if skipped and options["verbosity"] > 1:
                self.stdout.write(
                    _("Skipped (app not installed yet): %(perms)s") % {"perms": ", ".join(skipped)}
                )
