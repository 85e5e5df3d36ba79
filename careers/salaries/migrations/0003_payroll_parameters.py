"""The payroll rules (net <-> gross) as an editable table, with history, seeded with 2023-2026.

The rows are written here, not read from ``payroll_params.py``: a historical migration must do
the same thing forever. They were copied from ``careers.salaries.payroll_params.PERIODS`` (where
each number's source is explained), every number with its source text;
``tests/test_payroll_rules.py`` checks that the seeded rows give back exactly those periods.
Rates are percentages here (14 for 14 %), as editors read them. Rows that exist already (same
date) are left as edited.
"""

from decimal import Decimal

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


# Each number's source, as written in payroll_params.py.
MINIMUM_WAGE = (
    "shared/data/asgari-ucret.csv (the site's minimum-wage reference data, also seeded by "
    "careers/articles/migrations/0003_seed_minimum_wage.py)"
)
SGK_SHARE = (
    "5510 sayılı Kanun m.81: insured person's share 9 % long-term (MYO) + 5 % general health "
    "(GSS) = 14 %. Published payslips: serverymm.com 2022/12/26 '2023 Yılı Asgari Ücretin "
    "İşverene Maliyeti' (İşçi SGK Payı %14: 1.401,12 on 10.008,00); megayaz.com.tr "
    "notification.aspx?ID=24 (2024: 2.800,35 on 20.002,50); bursahaberdar.com 'maaş "
    "hesaplamalarında güncel yasal kesintiler' (2025: %14)"
)
SGK_SHARE_2026 = (
    "5510 m.81 as amended by 7566 sayılı Kanun (4/12/2025): MYO 21 % of which the insured "
    "person pays 9 % (the employer's part rose), GSS 12,5 % of which the insured person pays 5 "
    "% => still 14 % (legal-changes table read in a public repository's notes on 5510 "
    "m.81/1-a); 2026 minimum-wage payslips: 4.624,20 on 33.030,00"
)
UI_SHARE = (
    "4447 sayılı İşsizlik Sigortası Kanunu m.49: insured person 1 % (employer 2 %, State 0,5 "
    "%). Payslips: serverymm.com 2023 (100,08 on 10.008,00), megayaz.com.tr 2024 (200,03 on "
    "20.002,50: 200,025 rounded half up), bursahaberdar.com 2025 (%1); unchanged in 2026 "
    "(legal-changes table: 'Sigortalı %1, işveren %2 değişmedi'; 330,30 on 33.030,00)"
)
CEILING_75 = (
    "5510 m.82: daily earnings ceiling = 7,5 x the daily floor (gross minimum wage / 30), "
    "monthly = daily x 30, as quoted by mefamusavirlik.com.tr '01.07.2022 tarihinden itibaren "
    "uygulanacak sigorta primine esas kazanç tutarları'. Published ceilings: 75.060,00 "
    "(2023/1, serverymm.com), 100.608,90 (2023/2) and 150.018,90 (2024, 'resmî tavan'), "
    "195.041,40 (2025, daily 6.501,38; ismmmo.org.tr tables as reproduced by calculators)"
)
CEILING_9 = (
    "5510 m.82/1 as amended by 7566 sayılı Kanun m.24 (4/12/2025, in force 1/1/2026): ceiling "
    "= 9 x the floor for those over 16; 2026 monthly ceiling 297.270,00 (daily 1.101 x 9 x 30)"
)
TARIFF_2023 = (
    "Gelir Vergisi Genel Tebliği (Seri No: 323), Resmî Gazete 30/12/2022 (2. mükerrer), GVK "
    "m.103 tariff for 2023, wage column: 70.000 %15; 150.000 %20; 550.000 %27 (other income "
    "370.000); 1.900.000 %35; above %40 (read at neksymm.com '2023 Yılı Gelir Vergisi "
    "Tarifesi')"
)
TARIFF_2024 = (
    "GİB 'Gelir Vergisi Tarifesi 2024' (GVK m.103), wage column: 110.000 %15; 230.000 %20; "
    "870.000 %27 (other income 580.000); 3.000.000 %35; above %40 - GİB's published text as "
    "quoted verbatim in a public repository's test fixture; same table at bdturkey.com 'gelir "
    "vergisi tarifesi' and megayaz.com.tr notification.aspx?ID=24. Tebliğ number not verified"
)
TARIFF_2025 = (
    "GİB 'Gelir Vergisi Tarifesi 2025' (GVK m.103), wage column: 158.000 %15; 330.000 %20; "
    "1.200.000 %27 (other income 800.000); 4.300.000 %35; above %40 - GİB's published text as "
    "quoted verbatim in a public repository's test fixture; same table at "
    "brutten-nete-maas-hesaplama.com/zam-hesaplama.html. Tebliğ not read in the gazette: two "
    "public repositories cite Seri No: 329, RG 30/12/2024 sayı 32738 (2. mükerrer)"
)
TARIFF_2026 = (
    "Gelir Vergisi Genel Tebliği (Seri No: 332), Resmî Gazete 31/12/2025 sayı 33124 (5. "
    "mükerrer), wage column: 190.000 %15; 400.000 %20; 1.500.000 %27 (other income 1.000.000); "
    "5.300.000 %35; above %40 (read at alomaliye.com/2025/12/31/2026-yili-vergi-dilimleri; "
    "also GİB's tariff text and ntv.com.tr 2026-01-01)"
)
STAMP = (
    "488 sayılı Damga Vergisi Kanunu, (1) sayılı tablo IV-1-b (wages): binde 7,59 = 0,759 % of "
    "the gross; e.g. kpmgvergi.com/pratik-bilgiler 'Damga Vergisi (%07,59)', "
    "mefamusavirlik.com.tr '(%0,00759)', segirt.com 2025 example (50.000 x 0,00759 = 379,50)"
)
EXEMPTION = (
    "GVK m.23/18 and DVK (2) sayılı tablo IV-36, added by 7349 sayılı Kanun (RG 25/12/2021), "
    "in force since 1/1/2022: the income tax and stamp tax computed on the minimum wage are "
    "not charged, the income tax one cumulatively month by month and never more than the tax "
    "computed on the wage; Gelir Vergisi Genel Tebliği (Seri No: 319), RG 27/01/2022 sayı "
    "31732 (denetcilerymm.com.tr sirküler 2022-21; GİB's draft with Örnek 1 at ikanun.com)"
)

WAGE_2023 = [("70000", "15"), ("150000", "20"), ("550000", "27"), ("1900000", "35"), (None, "40")]
WAGE_2024 = [("110000", "15"), ("230000", "20"), ("870000", "27"), ("3000000", "35"), (None, "40")]
WAGE_2025 = [("158000", "15"), ("330000", "20"), ("1200000", "27"), ("4300000", "35"), (None, "40")]
WAGE_2026 = [("190000", "15"), ("400000", "20"), ("1500000", "27"), ("5300000", "35"), (None, "40")]

PERIODS = [
    # in force from, minimum wage gross and net, SGK share source, SGK ceiling
    # multiple and source, tariff and source
    ("2023-01-01", "10008.00", "8506.80", SGK_SHARE, "7.5", CEILING_75, WAGE_2023, TARIFF_2023),
    ("2023-07-01", "13414.50", "11402.32", SGK_SHARE, "7.5", CEILING_75, WAGE_2023, TARIFF_2023),
    ("2024-01-01", "20002.50", "17002.12", SGK_SHARE, "7.5", CEILING_75, WAGE_2024, TARIFF_2024),
    ("2025-01-01", "26005.50", "22104.67", SGK_SHARE, "7.5", CEILING_75, WAGE_2025, TARIFF_2025),
    ("2026-01-01", "33030.00", "28075.50", SGK_SHARE_2026, "9", CEILING_9, WAGE_2026, TARIFF_2026),
]

SGK_PERCENT, UNEMPLOYMENT_PERCENT, STAMP_PERCENT = "14", "1", "0.759"


def seed(apps, schema_editor):
    """Each period, and its first history entry (the admin's history then starts from the seed,
    saying where it came from)."""
    PayrollParameters = apps.get_model("salaries", "PayrollParameters")
    Historical = apps.get_model("salaries", "HistoricalPayrollParameters")
    db = schema_editor.connection.alias
    rows = PayrollParameters.objects.using(db)
    for start, gross, net, sgk_source, ceiling, ceiling_source, tariff, tariff_source in PERIODS:
        row, created = rows.get_or_create(
            effective_from=start,
            defaults={
                "minimum_wage_gross": Decimal(gross),
                "minimum_wage_gross_source": MINIMUM_WAGE,
                "minimum_wage_net": Decimal(net),
                "minimum_wage_net_source": MINIMUM_WAGE,
                "sgk_employee_percent": Decimal(SGK_PERCENT),
                "sgk_employee_source": sgk_source,
                "unemployment_employee_percent": Decimal(UNEMPLOYMENT_PERCENT),
                "unemployment_employee_source": UI_SHARE,
                "sgk_ceiling_multiple": Decimal(ceiling),
                "sgk_ceiling_source": ceiling_source,
                "wage_brackets": [{"upper": upper, "percent": rate} for upper, rate in tariff],
                "wage_brackets_source": tariff_source,
                "stamp_tax_percent": Decimal(STAMP_PERCENT),
                "stamp_tax_source": STAMP,
                "minimum_wage_exemption": True,
                "minimum_wage_exemption_source": EXEMPTION,
            },
        )
        if created:
            values = {f.attname: getattr(row, f.attname) for f in PayrollParameters._meta.fields}
            Historical.objects.using(db).create(
                **values,
                history_date=django.utils.timezone.now(),
                history_type="+",
                history_change_reason="careers/salaries/payroll_params.py",
            )


def unseed(apps, schema_editor):
    PayrollParameters = apps.get_model("salaries", "PayrollParameters")
    PayrollParameters.objects.using(schema_editor.connection.alias).filter(
        effective_from__in=[period[0] for period in PERIODS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("salaries", "0002_reports"),  # renumbered after the readers' reports (issue 18)
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalPayrollParameters",
            fields=[
                (
                    "id",
                    models.BigIntegerField(
                        auto_created=True, blank=True, db_index=True, verbose_name="ID"
                    ),
                ),
                (
                    "effective_from",
                    models.DateField(
                        db_index=True,
                        help_text="The first day of a month: 1 January for a new year, or the month a new minimum wage starts (1 July 2023).",
                        verbose_name="in force from",
                    ),
                ),
                (
                    "minimum_wage_gross",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="Monthly, in TL: the base of the minimum-wage exemption and the ceiling.",
                        max_digits=12,
                        null=True,
                        verbose_name="gross minimum wage",
                    ),
                ),
                (
                    "minimum_wage_gross_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                (
                    "minimum_wage_net",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="The official net, kept to check the arithmetic against it.",
                        max_digits=12,
                        null=True,
                        verbose_name="net minimum wage",
                    ),
                ),
                (
                    "minimum_wage_net_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                (
                    "sgk_employee_percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=4,
                        help_text="E.g. 14 (9 pension + 5 health).",
                        max_digits=7,
                        null=True,
                        verbose_name="employee's social security share (%)",
                    ),
                ),
                (
                    "sgk_employee_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                (
                    "unemployment_employee_percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=4,
                        help_text="E.g. 1.",
                        max_digits=7,
                        null=True,
                        verbose_name="employee's unemployment insurance share (%)",
                    ),
                ),
                (
                    "unemployment_employee_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                (
                    "sgk_ceiling_multiple",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="The shares are taken on at most this many gross minimum wages: 7,5 or 9.",
                        max_digits=5,
                        null=True,
                        verbose_name="social security ceiling (× gross minimum wage)",
                    ),
                ),
                (
                    "sgk_ceiling_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                (
                    "wage_brackets",
                    models.JSONField(
                        blank=True,
                        help_text="Cumulative yearly limits and rates; the same all year.",
                        null=True,
                        verbose_name="income tax brackets for wages",
                    ),
                ),
                (
                    "wage_brackets_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                (
                    "stamp_tax_percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=4,
                        help_text="Per mille 7,59 is 0,759 %.",
                        max_digits=7,
                        null=True,
                        verbose_name="stamp tax (%)",
                    ),
                ),
                (
                    "stamp_tax_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                (
                    "minimum_wage_exemption",
                    models.BooleanField(
                        blank=True,
                        help_text="Yes: the income tax and stamp tax on the minimum wage are not charged (since 2022).",
                        null=True,
                        verbose_name="minimum-wage exemption",
                    ),
                ),
                (
                    "minimum_wage_exemption_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical payroll rules",
                "verbose_name_plural": "historical payroll rules",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="PayrollParameters",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "effective_from",
                    models.DateField(
                        help_text="The first day of a month: 1 January for a new year, or the month a new minimum wage starts (1 July 2023).",
                        unique=True,
                        verbose_name="in force from",
                    ),
                ),
                (
                    "minimum_wage_gross",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="Monthly, in TL: the base of the minimum-wage exemption and the ceiling.",
                        max_digits=12,
                        null=True,
                        verbose_name="gross minimum wage",
                    ),
                ),
                (
                    "minimum_wage_gross_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                (
                    "minimum_wage_net",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="The official net, kept to check the arithmetic against it.",
                        max_digits=12,
                        null=True,
                        verbose_name="net minimum wage",
                    ),
                ),
                (
                    "minimum_wage_net_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                (
                    "sgk_employee_percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=4,
                        help_text="E.g. 14 (9 pension + 5 health).",
                        max_digits=7,
                        null=True,
                        verbose_name="employee's social security share (%)",
                    ),
                ),
                (
                    "sgk_employee_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                (
                    "unemployment_employee_percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=4,
                        help_text="E.g. 1.",
                        max_digits=7,
                        null=True,
                        verbose_name="employee's unemployment insurance share (%)",
                    ),
                ),
                (
                    "unemployment_employee_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                (
                    "sgk_ceiling_multiple",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="The shares are taken on at most this many gross minimum wages: 7,5 or 9.",
                        max_digits=5,
                        null=True,
                        verbose_name="social security ceiling (× gross minimum wage)",
                    ),
                ),
                (
                    "sgk_ceiling_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                (
                    "wage_brackets",
                    models.JSONField(
                        blank=True,
                        help_text="Cumulative yearly limits and rates; the same all year.",
                        null=True,
                        verbose_name="income tax brackets for wages",
                    ),
                ),
                (
                    "wage_brackets_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                (
                    "stamp_tax_percent",
                    models.DecimalField(
                        blank=True,
                        decimal_places=4,
                        help_text="Per mille 7,59 is 0,759 %.",
                        max_digits=7,
                        null=True,
                        verbose_name="stamp tax (%)",
                    ),
                ),
                (
                    "stamp_tax_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
                (
                    "minimum_wage_exemption",
                    models.BooleanField(
                        blank=True,
                        help_text="Yes: the income tax and stamp tax on the minimum wage are not charged (since 2022).",
                        null=True,
                        verbose_name="minimum-wage exemption",
                    ),
                ),
                (
                    "minimum_wage_exemption_source",
                    models.TextField(
                        blank=True,
                        help_text="Where this number comes from: the Official Gazette, the law, GİB's tariff.",
                        verbose_name="source",
                    ),
                ),
            ],
            options={
                "verbose_name": "payroll rules",
                "verbose_name_plural": "payroll rules",
                "ordering": ["-effective_from"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("minimum_wage_gross__isnull", True),
                                ("minimum_wage_gross__gt", 0),
                                _connector="OR",
                            ),
                            models.Q(
                                ("minimum_wage_net__isnull", True),
                                ("minimum_wage_net__gt", 0),
                                _connector="OR",
                            ),
                            models.Q(
                                ("sgk_ceiling_multiple__isnull", True),
                                ("sgk_ceiling_multiple__gt", 0),
                                _connector="OR",
                            ),
                        ),
                        name="salaries_payroll_amounts_positive",
                        violation_error_message="Amounts must be greater than zero.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("sgk_employee_percent__isnull", True),
                            models.Q(
                                ("sgk_employee_percent__gte", 0), ("sgk_employee_percent__lte", 100)
                            ),
                            _connector="OR",
                        ),
                        name="salaries_payroll_sgk_employee_percent_range",
                        violation_error_message="A percentage is between 0 and 100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("unemployment_employee_percent__isnull", True),
                            models.Q(
                                ("unemployment_employee_percent__gte", 0),
                                ("unemployment_employee_percent__lte", 100),
                            ),
                            _connector="OR",
                        ),
                        name="salaries_payroll_unemployment_employee_percent_range",
                        violation_error_message="A percentage is between 0 and 100.",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("stamp_tax_percent__isnull", True),
                            models.Q(
                                ("stamp_tax_percent__gte", 0), ("stamp_tax_percent__lte", 100)
                            ),
                            _connector="OR",
                        ),
                        name="salaries_payroll_stamp_tax_percent_range",
                        violation_error_message="A percentage is between 0 and 100.",
                    ),
                ],
            },
        ),
        migrations.RunPython(seed, unseed),
    ]
