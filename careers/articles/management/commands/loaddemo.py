"""``manage.py loaddemo``: the demo articles (``fixtures/demo``) into an empty database.

The fixtures hold the articles' rows and the rows of apps built on articles that hang off a
role (salary bands); this command treats every such row alike, by its model's shape, so it
names no other app: a row with an ``updated_at`` is dated like its article, and every row of a
model with a history gets its first revision."""

import json
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import BaseCommand, call_command
from django.db import transaction
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from careers.articles.models import RelatedRole, Role

DEMO_DIR = Path(settings.BASE_DIR) / "fixtures" / "demo"
#: Rows that point at other articles: loaded after every article exists, since a role file
#: may link to a role whose file comes later.
LINK_MODELS = {"articles.relatedrole"}


def demo_fixture_files():
    """Every demo fixture, in name order (sectors and skills before roles)."""
    return sorted(DEMO_DIR.rglob("*.json"))


def date_like_their_article(rows):
    """The demo articles were last edited when they were published, not at load time:
    "recently updated" lists and dateModified then tell the articles apart. A published
    role's ``updated_at`` is its publish time, and so is that of every row of its (a row with
    an ``updated_at`` and a ``role``: its salary bands) as the fixture loads it."""
    published = {
        row["fields"]["slug"]: row["fields"]["published_at"]
        for row in rows
        if row["model"] == "articles.role" and row["fields"].get("published_at")
    }
    for row in rows:
        fields = row["fields"]
        model = apps.get_model(row["model"])
        names = {field.name for field in model._meta.fields}
        if row["model"] == "articles.role":
            when = published.get(fields["slug"])
        elif "role" in fields and "updated_at" in names:
            when = published.get(fields["role"][0])  # natural key: the role's slug
        else:
            continue
        if when is not None:
            fields["updated_at"] = parse_datetime(when).isoformat()


def record_initial_history(models):
    """``loaddata`` saves rows raw, which django-simple-history does not record: give every
    demo row of a model with a history its first revision, dated when its article was last
    edited (so the public update notes say when the figures were published)."""
    dates = dict(Role.objects.values_list("pk", "updated_at"))
    for model in models:
        if not hasattr(model, "history"):
            continue
        owner = {Role: "pk", RelatedRole: "from_role_id"}.get(model, "role_id")
        rows = list(model.objects.all())
        for row in rows:
            row._history_date = dates[getattr(row, owner)]
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
        date_like_their_article(rows)
        models = list(dict.fromkeys(apps.get_model(row["model"]) for row in [*rows, *links]))
        with tempfile.TemporaryDirectory() as tmp, transaction.atomic():
            for name, batch in (("content.json", rows), ("links.json", links)):
                if batch:
                    target = Path(tmp) / name
                    target.write_text(json.dumps(batch, ensure_ascii=False), encoding="utf-8")
                    call_command("loaddata", str(target), verbosity=options["verbosity"])
            record_initial_history(sorted(models, key=lambda model: model is not Role))
        if options["verbosity"]:
            self.stdout.write(
                _("Demo content loaded: %(roles)s roles.") % {"roles": Role.objects.count()}
            )
