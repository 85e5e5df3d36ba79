"""Seed the minimum wage rates of 2023-2026, so every database has them. Rows that already
exist (same date) are left as edited.

The rates are written here, not read from a data file: a historical migration must do the same
thing forever (they were copied from the shared reference data, shared/data/asgari-ucret.csv).
Later rates are entered by editors in the admin."""

from decimal import Decimal

from django.db import migrations

RATES = [
    # effective from, net monthly TL, gross monthly TL, source
    ("2023-01-01", "8506.80", "10008.00",
     "Official 2023 minimum wage (first half), as reported in the Turkish press"),
    ("2023-07-01", "11402.32", "13414.50",
     "Official mid-2023 increase, as reported in the Turkish press"),
    ("2024-01-01", "17002.12", "20002.50",
     "Official 2024 minimum wage, as reported in the Turkish press"),
    ("2025-01-01", "22104.67", "26005.50",
     "Official 2025 minimum wage, as reported in the Turkish press"),
    ("2026-01-01", "28075.50", "33030.00",
     "Announced 2025-12-23 by the Minister of Labour: net 28.075 TL, gross 33.030 TL (+27%), "
     "as reported by NTV and Habertürk"),
]  # fmt: skip


def seed(apps, schema_editor):
    MinimumWage = apps.get_model("articles", "MinimumWage")
    db = schema_editor.connection.alias
    for effective_from, net, gross, source in RATES:
        MinimumWage.objects.using(db).get_or_create(
            effective_from=effective_from,
            defaults={
                "net_monthly": Decimal(net),
                "gross_monthly": Decimal(gross),
                "source": source[:255],
            },
        )


def unseed(apps, schema_editor):
    MinimumWage = apps.get_model("articles", "MinimumWage")
    MinimumWage.objects.using(schema_editor.connection.alias).filter(
        effective_from__in=[rate[0] for rate in RATES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_minimumwage_salary_history")]

    operations = [migrations.RunPython(seed, unseed)]
