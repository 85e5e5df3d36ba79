"""Seed the minimum wage from fixtures/asgari-ucret.csv (copied from the shared data), so every
database has the 2023-2026 rates. Rows that already exist (same date) are left as edited."""

import csv
from decimal import Decimal
from pathlib import Path

from django.db import migrations

CSV_PATH = Path(__file__).resolve().parents[3] / "fixtures" / "asgari-ucret.csv"


def seed(apps, schema_editor):
    MinimumWage = apps.get_model("articles", "MinimumWage")
    db = schema_editor.connection.alias
    with CSV_PATH.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            MinimumWage.objects.using(db).get_or_create(
                effective_from=row["effective_from"],
                defaults={
                    "net_monthly": Decimal(row["net_monthly_try"]),
                    "gross_monthly": Decimal(row["gross_monthly_try"]),
                    "source": row["source"][:255],
                },
            )


def unseed(apps, schema_editor):
    MinimumWage = apps.get_model("articles", "MinimumWage")
    with CSV_PATH.open(encoding="utf-8") as handle:
        dates = [row["effective_from"] for row in csv.DictReader(handle)]
    MinimumWage.objects.using(schema_editor.connection.alias).filter(
        effective_from__in=dates
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0002_minimumwage_salary_history")]

    operations = [migrations.RunPython(seed, unseed)]
