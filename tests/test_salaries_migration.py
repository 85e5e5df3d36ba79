"""The salaries app took its models over from the articles app: a database built before the
split (articles at 0012), with roles, bands, their history, the minimum wages, an admin log
entry and a group permission on the band's content type, migrates forward with every row and
every history entry kept and reachable through the new models (migrations articles/0013-0014
and salaries/0001)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from careers.articles.models import Role
from careers.salaries.models import MinimumWage, SalaryBand

BEFORE = [("articles", "0012_scale_postgres_initials"), ("salaries", None)]
TABLES = (
    "articles_role",
    "articles_salaryband",
    "articles_historicalsalaryband",
    "articles_minimumwage",
    "auth_permission",
    "auth_group_permissions",
    "django_admin_log",
    "django_content_type",
)


@pytest.fixture
def _restore_migrated_data(django_db_blocker):
    """The database as the migrations made it (content types, permissions, the editors'
    group, the minimum wages), before and after this transactional test. Set up before
    ``transactional_db``: it empties the tables first (a transactional test before this one
    may have left the rows post_migrate made again, under new keys), so that the serialized
    rows load cleanly; torn down after the flush that ends the test, it puts them back for
    the tests after it."""
    with django_db_blocker.unblock():
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    yield
    with django_db_blocker.unblock():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents:
            connection.creation.deserialize_db_from_string(contents)
            reset_sequences()


def reset_sequences():
    """PostgreSQL's sequences past the rows loaded with their keys (a flush set them back)."""
    statements = connection.ops.sequence_reset_sql(no_style(), apps.get_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


@pytest.fixture
def executor(_restore_migrated_data, transactional_db, django_db_serialized_rollback):
    """The database migrated back to before the split (the models as they were then: their
    ``apps``); forward again afterwards, whatever the test did (the other tests need today's
    schema)."""
    reset_sequences()  # the migrated rows were loaded with their keys
    state = MigrationExecutor(connection).migrate(BEFORE)
    yield state.apps
    forward = MigrationExecutor(connection)
    forward.migrate(forward.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


def counts():
    with connection.cursor() as cursor:
        found = {}
        for table in TABLES:
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 (fixed table names)
            found[table] = cursor.fetchone()[0]
    return found


def build_main_database(old):
    """What a database at main holds, written with the models as they were then."""
    Sector, Role = old.get_model("articles", "Sector"), old.get_model("articles", "Role")
    Band = old.get_model("articles", "SalaryBand")
    History = old.get_model("articles", "HistoricalSalaryBand")
    ContentType = old.get_model("contenttypes", "ContentType")
    Permission = old.get_model("auth", "Permission")
    Group, User = old.get_model("auth", "Group"), old.get_model("auth", "User")
    LogEntry = old.get_model("admin", "LogEntry")
    editor = User.objects.create(username="editor", is_staff=True)
    sector = Sector.objects.create(name="Finans", slug="finans")
    published = timezone.now() - dt.timedelta(days=30)
    roles = [
        Role.objects.create(
            title=title,
            slug=slug,
            sector=sector,
            summary="Özet.",
            lead="Giriş.",
            intro="Metin.",
            status="published",
            published_at=published,
            updated_at=published,
        )  # fmt: skip
        for title, slug in (("Kredi Asistanı", "kredi-asistani"), ("Hemşire", "hemsire"))
    ]
    bands = {}
    for role, years in zip(roles, ((2023, 2024), (2025,)), strict=True):
        for year in years:
            bands[role.slug, year] = Band.objects.create(
                role=role, year=year, average=Decimal(20000 + year), top=Decimal(40000),
                pay_basis="gross" if year == 2025 else "net", source="Kaynak",
                updated_at=published + dt.timedelta(days=year - 2022),
            )  # fmt: skip
            History.objects.create(
                id=bands[role.slug, year].pk, role=role, year=year, average=Decimal(20000 + year),
                top=Decimal(40000), pay_basis="net", source="Kaynak", history_type="+",
                history_date=published, history_user=editor,
            )  # fmt: skip
    # An editor changed a band: the row and a second history entry, and the admin's log.
    edited = bands["kredi-asistani", 2024]
    edited.average = Decimal("26000")
    edited.save()
    History.objects.create(
        id=edited.pk, role=edited.role, year=2024, average=Decimal("26000"), top=Decimal(40000),
        pay_basis="net", source="Kaynak", history_type="~", history_user=editor,
        history_date=timezone.now(), history_change_reason="Yıllık güncelleme",
    )  # fmt: skip
    band_type = ContentType.objects.get(app_label="articles", model="salaryband")
    log = LogEntry.objects.create(
        user=editor, content_type=band_type, object_id=str(edited.pk), object_repr="2024",
        action_flag=CHANGE, change_message="[]", action_time=timezone.now(),
    )  # fmt: skip
    group = Group.objects.create(name="Maaş ekibi")
    group.permissions.add(
        Permission.objects.get(content_type=band_type, codename="change_salaryband")
    )
    return {"edited": edited.pk, "log": log.pk, "group": group.pk, "band_type": band_type.pk}


def test_a_database_from_before_the_split_keeps_every_row_and_history_entry(executor):
    old = executor
    made = build_main_database(old)
    # A twin content type under the new label (as post_migrate would leave it had it run with
    # the models in both places) gives way to the old one, which everything points at.
    Twin = old.get_model("contenttypes", "ContentType")
    twin = Twin.objects.create(app_label="salaries", model="minimumwage")
    wage_type = Twin.objects.get(app_label="articles", model="minimumwage").pk
    before = counts()

    forward = MigrationExecutor(connection)
    forward.migrate(forward.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()

    after = counts()
    assert after == {**before, "django_content_type": before["django_content_type"] - 1}
    assert not ContentType.objects.filter(pk=twin.pk).exists()
    # Every band and every history entry, through the salaries app's models.
    assert SalaryBand.objects.count() == 3
    edited = SalaryBand.objects.get(pk=made["edited"])
    assert (edited.role.slug, edited.year, edited.average) == ("kredi-asistani", 2024, 26000)
    history = list(edited.history.order_by("history_date").values_list("history_type", "average"))
    assert history == [("+", Decimal("20000") + 2024), ("~", Decimal("26000"))]
    assert edited.history.latest().history_user.username == "editor"
    assert SalaryBand.history.count() == 4
    assert MinimumWage.objects.count() == before["articles_minimumwage"] >= 5  # the seeded rates
    # What pointed at the models by content type points at the same rows.
    band_type = ContentType.objects.get_for_model(SalaryBand)
    assert (band_type.pk, band_type.app_label) == (made["band_type"], "salaries")
    assert ContentType.objects.get_for_model(MinimumWage).pk == wage_type
    assert LogEntry.objects.get(pk=made["log"]).get_edited_object() == edited
    group = Group.objects.get(pk=made["group"])
    assert [f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()] == [
        "salaries.change_salaryband"
    ]
    assert not ContentType.objects.filter(app_label="articles", model="salaryband").exists()
    # Each role has its latest figures, their basis and their last change.
    credit, nurse = Role.objects.get(slug="kredi-asistani"), Role.objects.get(slug="hemsire")
    assert (credit.salary_year, credit.salary_average, credit.salary_pay_basis) == (
        2024,
        Decimal("26000"),
        "net",
    )
    assert credit.salary_updated_at == edited.updated_at
    assert (nurse.salary_year, nurse.salary_pay_basis) == (2025, "gross")
