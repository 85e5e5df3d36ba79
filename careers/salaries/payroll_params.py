"""The payroll rules of 2023-2026, each number with where it came from.

Why a data module: the net <-> gross arithmetic (`payroll.py`) must be checkable without a
database, and a later migration seeds the admin's editable parameter table from exactly these
rows (a historical migration copies them, as 0003_seed_minimum_wage copies the minimum wage).
A number we could not source stays None with "editor must fill in" in its source; the
arithmetic refuses a period with a missing number instead of guessing.

A period starts on a minimum-wage date: 2023 has two (1 January and 1 July), later years one.
Rates are fractions (0.14 is 14 %); amounts are Turkish lira per month; bracket thresholds are
cumulative over the calendar year, for WAGE income (from 2023 on, the third bracket of the wage
tariff is wider than the one for other income; the wage one is kept here).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal as D


@dataclass(frozen=True)
class Bracket:
    """One step of the yearly income tax tariff: `rate` applies to the cumulative tax base
    above the previous bracket's `upper` up to this `upper` (None: no upper limit)."""

    upper: D | None
    rate: D


@dataclass(frozen=True)
class PayrollPeriod:
    """The employee-side payroll rules from `effective_from` until the next period starts."""

    effective_from: date
    minimum_wage_gross: D | None
    minimum_wage_gross_source: str
    minimum_wage_net: D | None  # the official net, kept to check the arithmetic against
    minimum_wage_net_source: str
    sgk_employee_rate: D | None
    sgk_employee_rate_source: str
    unemployment_employee_rate: D | None
    unemployment_employee_rate_source: str
    sgk_ceiling_multiple: D | None  # times the daily gross minimum wage, x 30 days (5510 m.82)
    sgk_ceiling_multiple_source: str
    wage_brackets: tuple[Bracket, ...] | None
    wage_brackets_source: str
    stamp_tax_rate: D | None
    stamp_tax_rate_source: str
    minimum_wage_exemption: bool | None  # income and stamp tax on the minimum wage not charged
    minimum_wage_exemption_source: str

    def missing(self):
        """Names of the numbers nobody could source yet (the editor must fill them in)."""
        return [
            name
            for name in (
                "minimum_wage_gross",
                "sgk_employee_rate",
                "unemployment_employee_rate",
                "sgk_ceiling_multiple",
                "wage_brackets",
                "stamp_tax_rate",
                "minimum_wage_exemption",
            )
            if getattr(self, name) is None
        ]


def _tariff(*steps):
    return tuple(Bracket(None if upper is None else D(upper), D(rate)) for upper, rate in steps)


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
    "5510 m.81 as amended by 7566 sayılı Kanun (4/12/2025): MYO 21 % of which the insured person "
    "pays 9 % (the employer's part rose), GSS 12,5 % of which the insured person pays 5 % => "
    "still 14 % (legal-changes table read in a public repository's notes on 5510 m.81/1-a); "
    "2026 minimum-wage payslips: 4.624,20 on 33.030,00"
)
UI_SHARE = (
    "4447 sayılı İşsizlik Sigortası Kanunu m.49: insured person 1 % (employer 2 %, State 0,5 %). "
    "Payslips: serverymm.com 2023 (100,08 on 10.008,00), megayaz.com.tr 2024 (200,03 on "
    "20.002,50: 200,025 rounded half up), bursahaberdar.com 2025 (%1); unchanged in 2026 "
    "(legal-changes table: 'Sigortalı %1, işveren %2 değişmedi'; 330,30 on 33.030,00)"
)
CEILING_75 = (
    "5510 m.82: daily earnings ceiling = 7,5 x the daily floor (gross minimum wage / 30), monthly "
    "= daily x 30, as quoted by mefamusavirlik.com.tr '01.07.2022 tarihinden itibaren "
    "uygulanacak sigorta primine esas kazanç tutarları'. Published ceilings: 75.060,00 (2023/1, "
    "serverymm.com), 100.608,90 (2023/2) and 150.018,90 (2024, 'resmî tavan'), 195.041,40 "
    "(2025, daily 6.501,38; ismmmo.org.tr tables as reproduced by calculators)"
)
CEILING_9 = (
    "5510 m.82/1 as amended by 7566 sayılı Kanun m.24 (4/12/2025, in force 1/1/2026): ceiling = "
    "9 x the floor for those over 16; 2026 monthly ceiling 297.270,00 (daily 1.101 x 9 x 30)"
)
TARIFF_2023 = (
    "Gelir Vergisi Genel Tebliği (Seri No: 323), Resmî Gazete 30/12/2022 (2. mükerrer), GVK "
    "m.103 tariff for 2023, wage column: 70.000 %15; 150.000 %20; 550.000 %27 (other income "
    "370.000); 1.900.000 %35; above %40 (read at neksymm.com '2023 Yılı Gelir Vergisi Tarifesi')"
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
    "Gelir Vergisi Genel Tebliği (Seri No: 332), Resmî Gazete 31/12/2025 sayı 33124 "
    "(5. mükerrer), wage column: 190.000 %15; 400.000 %20; 1.500.000 %27 (other income "
    "1.000.000); 5.300.000 %35; above %40 (read at alomaliye.com/2025/12/31/"
    "2026-yili-vergi-dilimleri; also GİB's tariff text and ntv.com.tr 2026-01-01)"
)
STAMP = (
    "488 sayılı Damga Vergisi Kanunu, (1) sayılı tablo IV-1-b (wages): binde 7,59 = 0,759 % of "
    "the gross; e.g. kpmgvergi.com/pratik-bilgiler 'Damga Vergisi (%07,59)', "
    "mefamusavirlik.com.tr '(%0,00759)', segirt.com 2025 example (50.000 x 0,00759 = 379,50)"
)
EXEMPTION = (
    "GVK m.23/18 and DVK (2) sayılı tablo IV-36, added by 7349 sayılı Kanun (RG 25/12/2021), in "
    "force since 1/1/2022: the income tax and stamp tax computed on the minimum wage are not "
    "charged, the income tax one cumulatively month by month and never more than the tax "
    "computed on the wage; Gelir Vergisi Genel Tebliği (Seri No: 319), RG 27/01/2022 sayı 31732 "
    "(denetcilerymm.com.tr sirküler 2022-21; GİB's draft with Örnek 1 at ikanun.com)"
)

WAGE_2023 = _tariff((70_000, "0.15"), (150_000, "0.20"), (550_000, "0.27"),
                    (1_900_000, "0.35"), (None, "0.40"))  # fmt: skip
WAGE_2024 = _tariff((110_000, "0.15"), (230_000, "0.20"), (870_000, "0.27"),
                    (3_000_000, "0.35"), (None, "0.40"))  # fmt: skip
WAGE_2025 = _tariff((158_000, "0.15"), (330_000, "0.20"), (1_200_000, "0.27"),
                    (4_300_000, "0.35"), (None, "0.40"))  # fmt: skip
WAGE_2026 = _tariff((190_000, "0.15"), (400_000, "0.20"), (1_500_000, "0.27"),
                    (5_300_000, "0.35"), (None, "0.40"))  # fmt: skip


def _period(start, gross, net, *, ceiling, ceiling_source, tariff, tariff_source, sgk_source):
    return PayrollPeriod(
        effective_from=date.fromisoformat(start),
        minimum_wage_gross=D(gross),
        minimum_wage_gross_source=MINIMUM_WAGE,
        minimum_wage_net=D(net),
        minimum_wage_net_source=MINIMUM_WAGE,
        sgk_employee_rate=D("0.14"),
        sgk_employee_rate_source=sgk_source,
        unemployment_employee_rate=D("0.01"),
        unemployment_employee_rate_source=UI_SHARE,
        sgk_ceiling_multiple=D(ceiling),
        sgk_ceiling_multiple_source=ceiling_source,
        wage_brackets=tariff,
        wage_brackets_source=tariff_source,
        stamp_tax_rate=D("0.00759"),
        stamp_tax_rate_source=STAMP,
        minimum_wage_exemption=True,
        minimum_wage_exemption_source=EXEMPTION,
    )


PERIODS = (
    _period("2023-01-01", "10008.00", "8506.80", ceiling="7.5", ceiling_source=CEILING_75,
            tariff=WAGE_2023, tariff_source=TARIFF_2023, sgk_source=SGK_SHARE),
    _period("2023-07-01", "13414.50", "11402.32", ceiling="7.5", ceiling_source=CEILING_75,
            tariff=WAGE_2023, tariff_source=TARIFF_2023, sgk_source=SGK_SHARE),
    _period("2024-01-01", "20002.50", "17002.12", ceiling="7.5", ceiling_source=CEILING_75,
            tariff=WAGE_2024, tariff_source=TARIFF_2024, sgk_source=SGK_SHARE),
    _period("2025-01-01", "26005.50", "22104.67", ceiling="7.5", ceiling_source=CEILING_75,
            tariff=WAGE_2025, tariff_source=TARIFF_2025, sgk_source=SGK_SHARE),
    _period("2026-01-01", "33030.00", "28075.50", ceiling="9", ceiling_source=CEILING_9,
            tariff=WAGE_2026, tariff_source=TARIFF_2026, sgk_source=SGK_SHARE_2026),
)  # fmt: skip
