import json
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils.translation import gettext as _

from careers.articles.models import Role, SalaryBand

DEMO_DIR = Path(settings.BASE_DIR) / "fixtures" / "demo"
#: Rows that point at other articles: loaded after every article exists, since a role file
#: may link to a role whose file comes later.
LINK_MODELS = {"articles.relatedrole"}


def demo_fixture_files():
    """Every demo fixture, in name order (sectors and skills before roles)."""
    return sorted(DEMO_DIR.rglob("*.json"))


class Command(BaseCommand):
    help = _("Load the demo articles into an empty database (does nothing if roles exist).")

    def handle(self, *args, **options):
        # Never over an editor's work: running `make run` again must be harmless.
        if Role.objects.exists():
            if options["verbosity"]:
                self.stdout.write(_("Roles already exist; demo content not loaded again."))
            return
        rows, links = [], []
        for path in demo_fixture_files():
            for row in json.loads(path.read_text(encoding="utf-8")):
                (links if row["model"] in LINK_MODELS else rows).append(row)
        with tempfile.TemporaryDirectory() as tmp, transaction.atomic():
            for name, batch in (("content.json", rows), ("links.json", links)):
                if batch:
                    target = Path(tmp) / name
                    target.write_text(json.dumps(batch, ensure_ascii=False), encoding="utf-8")
                    call_command("loaddata", str(target), verbosity=options["verbosity"])
            # The demo articles were last edited when they were published, not at load time:
            # "recently updated" lists and dateModified then tell the articles apart.
            Role.objects.filter(published_at__isnull=False).update(updated_at=F("published_at"))
            SalaryBand.objects.update(
                updated_at=Subquery(
                    Role.objects.filter(pk=OuterRef("role_id")).values("updated_at")[:1]
                )
            )
        if options["verbosity"]:
            self.stdout.write(
                _("Demo content loaded: %(roles)s roles.") % {"roles": Role.objects.count()}
            )
