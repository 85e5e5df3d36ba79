from django.conf import settings
from django.core.management import BaseCommand
from django.utils import translation
from django.utils.translation import gettext as _

from careers.site.editors import setup_editor_groups


class Command(BaseCommand):
    help = (
        "Create or update the “Editörler” and “Yayın kurulu” groups with exactly the "
        "editors' and the reviewers' permissions."
    )

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            for group, skipped in setup_editor_groups():
                self.stdout.write(
                    _("Group “%(group)s” has %(count)s permissions.")
                    % {"group": group.name, "count": group.permissions.count()}
                )
                if skipped and options["verbosity"] > 1:
                    self.stdout.write(
                        _("Skipped (app not installed yet): %(perms)s")
                        % {"perms": ", ".join(skipped)}
                    )
