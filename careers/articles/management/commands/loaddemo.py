import json
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.db import transaction
from django.db.models import F, OuterRef, Subquery
from django.utils.translation import gettext as _

from careers.articles.models import (
    RelatedRole,
    Responsibility,
    Role,
    RoleSkill,
    SalaryBand,
    Trend,
)

DEMO_DIR = Path(settings.BASE_DIR) / "fixtures" / "demo"
#: Rows that point at other articles: loaded after every article exists, since a role file
#: may link to a role whose file comes later.
LINK_MODELS = {"articles.relatedrole"}


def demo_fixture_files():
    """Every demo fixture, in name order (sectors and skills before roles)."""
    return sorted(DEMO_DIR.rglob("*.json"))


def record_initial_history():
    """``loaddata`` saves rows raw, which django-simple-history does not record: give every
    demo row its first revision, dated when its article was last edited (so the public update
    notes say when the figures were published, not when the demo was loaded)."""
    dates = dict(Role.objects.values_list("pk", "updated_at"))
    owner = {Role: "pk", RelatedRole: "from_role_id"}
    for model in (Role, Responsibility, RoleSkill, Trend, RelatedRole, SalaryBand):
        rows = list(model.objects.all())
        for row in rows:
            row._history_date = dates[getattr(row, owner.get(model, "role_id"))]
        model.history.bulk_history_create(rows, default_change_reason=_("Demo content loaded"))


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
            record_initial_history()
        if options["verbosity"]:
            self.stdout.write(
                _("Demo content loaded: %(roles)s roles.") % {"roles": Role.objects.count()}
            )
