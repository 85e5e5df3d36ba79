"""Readers' salary reports in the open data: the published cohorts of a role
(``/api/v1/roles/{slug}/reports``), and of every published role as CSV
(``/veri/okur-maaslari.csv``, and for Turkish Excel). Only aggregates that passed the privacy
threshold, as the batch published them (``careers.salaries.reports``): never a report, never
how many addresses a cohort came from.
"""

import csv
import io
from typing import Literal

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Schema

from careers.articles import keys
from careers.articles.models import Role
from careers.salaries import keys as salary_keys
from careers.salaries.reports import conf, present, provinces
from careers.salaries.reports.models import ReportCohort
from careers.site.pagecache import shows

from . import data, schemas
from .downloads import excel_amount, file_response, plain_amount, safe_text
from .endpoints import SLUG, api
from .http import chain
from .paging import ApiError


class Province(Schema):
    plate: int = Field(description="Plaka kodu (1-81).")
    name: str


class Cohort(Schema):
    pay_basis: Literal["net", "gross"] = Field(description="net ya da gross (brüt); karışmaz.")
    employment: Literal["full", "part"] = Field(description="full: tam, part: yarı zamanlı.")
    year: int = Field(description="Tutarların ait olduğu yıl.")
    kind: Literal["role", "experience", "region", "city"] = Field(
        description="Grup: mesleğin tümü, deneyim, İBBS-1 bölgesi ya da il."
    )
    experience: str | None = Field(description="Deneyim (yıl): 0-1, 2-4, 5-9 ya da 10+.")
    region: str | None = Field(description="İBBS-1 bölge kodu (TR1 ... TRC).")
    region_name: str | None
    province: Province | None
    count: int = Field(description="Gruptaki onaylı bildirim sayısı (en az 5).")
    p25: int = Field(description="25. yüzdelik, aylık TL, 100 TL'ye yuvarlanmış.")
    median: int = Field(description="Medyan, aylık TL, 100 TL'ye yuvarlanmış.")
    p75: int = Field(description="75. yüzdelik, aylık TL, 100 TL'ye yuvarlanmış.")
    first_month: str = Field(description="İlk bildirimin ayı (YYYY-AA).")
    last_month: str = Field(description="Son bildirimin ayı (YYYY-AA).")
    confidence: Literal["low", "medium", "high"] = Field(
        description="Bildirim sayısına göre güven: low 5-14, medium 15-49, high 50+."
    )


class Choice(Schema):
    asked: str = Field(description="İstenen grup (il ya da deneyim).")
    used: str = Field(description="Kullanılan grup: istenen, bölgesi ya da mesleğin tümü.")
    fell_back: bool
    median: int | None
    p25: int | None
    p75: int | None
    count: int | None


class RoleReports(Schema):
    role: str = Field(description="Mesleğin slug'ı.")
    title: str
    url: str
    min_reports: int = Field(description="Bir grubun yayımlanması için gereken bildirim sayısı.")
    min_addresses: int = Field(description="... ve farklı adres sayısı.")
    rounded_to: int = Field(description="Tutarların yuvarlandığı TL.")
    cohorts: list[Cohort]
    province: Choice | None = Field(
        description="?province= verildiyse: il -> bölge -> meslek sırasıyla kullanılan grup."
    )
    experience: Choice | None = Field(
        description="?experience= verildiyse: deneyim -> meslek sırasıyla kullanılan grup."
    )


def cohort_record(row):
    province = provinces.get(row.province) if row.province else None
    region = provinces.REGIONS.get(row.region) if row.region else None
    return {
        "pay_basis": row.pay_basis,
        "employment": row.employment,
        "year": row.year,
        "kind": row.kind,
        "experience": row.experience or None,
        "region": row.region or None,
        "region_name": region.name if region else None,
        "province": {"plate": province.plate, "name": province.name} if province else None,
        "count": row.count,
        "p25": row.p25,
        "median": row.median,
        "p75": row.p75,
        "first_month": row.first_month.strftime("%Y-%m"),
        "last_month": row.last_month.strftime("%Y-%m"),
        "confidence": present.confidence(row.count)[0],
    }


def choice_record(answer):
    if answer is None:
        return None
    figures = answer.figures
    return {
        "asked": answer.asked,
        "used": answer.used,
        "fell_back": answer.fell_back,
        "median": figures.median if figures else None,
        "p25": figures.p25 if figures else None,
        "p75": figures.p75 if figures else None,
        "count": figures.count if figures else None,
    }


@api.get(
    "/roles/{slug}/reports",
    response={200: RoleReports, 404: schemas.Error},
    url_name="role_reports",
    summary="Okurların bildirdiği maaşlar",
)
def role_reports(
    request,
    slug: str = Path(..., pattern=SLUG),
    province: int | None = Query(None, ge=1, le=81, description="İl plaka kodu: o ilin rakamı."),
    experience: Literal["0-1", "2-4", "5-9", "10+"] | None = Query(
        None, description="Deneyim (yıl): o deneyimin rakamı."
    ),
    basis: Literal["net", "gross"] = Query("net", description="province/experience için."),
):
    """Okurların bildirimlerinden yayımlanan gruplar (en az 5 farklı adresten 5 bildirim;
    her gece hesaplanır). Tek tek bildirimler hiçbir zaman yayımlanmaz."""
    role = Role.objects.published().filter(slug=slug).only("pk", "slug", "title").first()
    if role is None:
        raise ApiError(404, _("There is no published occupation at this address."))
    shows(request, keys.role(role.pk), salary_keys.reports(role.pk))
    rows = list(ReportCohort.objects.filter(role=role))
    place, band = present.lookup(rows, basis, province, experience)
    return {
        "role": role.slug,
        "title": role.title,
        "url": data.role_url(role.slug),
        "min_reports": conf.get("REPORTS_MIN_COUNT"),
        "min_addresses": conf.get("REPORTS_MIN_ADDRESSES"),
        "rounded_to": conf.get("REPORTS_ROUND_TO"),
        "cohorts": [cohort_record(row) for row in rows],
        "province": choice_record(place),
        "experience": choice_record(band),
    }


COLUMNS = (
    "meslek", "meslek_adi", "net_brut", "calisma", "yil", "grup", "deneyim", "bolge_kodu",
    "bolge", "il_plaka", "il", "bildirim", "yuzde_25", "medyan", "yuzde_75", "ilk_ay", "son_ay",
    "guven", "adres",
)  # fmt: skip
GROUP_NAMES = {"role": "meslek", "experience": "deneyim", "region": "bolge", "city": "il"}
BASIS_NAMES = {"net": "net", "gross": "brüt"}
EMPLOYMENT_NAMES = {"full": "tam zamanlı", "part": "yarı zamanlı"}
CONFIDENCE_NAMES = {"low": "düşük", "medium": "orta", "high": "yüksek"}


def published_cohorts():
    """Every published cohort of a published role, by role address, as plain rows."""
    return (
        ReportCohort.objects.filter(role__in=Role.objects.published())
        .order_by(
            "role__slug", "pay_basis", "employment", "kind", "experience", "region", "province"
        )
        .annotate(slug=F("role__slug"), title=F("role__title"))
        .values(
            "slug",
            "title",
            "pay_basis",
            "employment",
            "year",
            "kind",
            "experience",
            "region",
            "province",
            "count",
            "p25",
            "median",
            "p75",
            "first_month",
            "last_month",
        )
    )


def csv_row(row, amount):
    province = provinces.get(row["province"]) if row["province"] else None
    region = provinces.REGIONS.get(row["region"]) if row["region"] else None
    return [
        safe_text(row["slug"]),
        safe_text(row["title"]),
        BASIS_NAMES[row["pay_basis"]],
        EMPLOYMENT_NAMES[row["employment"]],
        row["year"],
        GROUP_NAMES[row["kind"]],
        row["experience"],
        row["region"],
        region.name if region else "",
        province.plate if province else "",
        province.name if province else "",
        row["count"],
        *(amount(row[name]) for name in ("p25", "median", "p75")),
        row["first_month"].strftime("%Y-%m"),
        row["last_month"].strftime("%Y-%m"),
        CONFIDENCE_NAMES[present.confidence(row["count"])[0]],
        data.role_url(row["slug"]),
    ]


def csv_download(delimiter, amount, suffix):
    def view(request):
        buffer = io.StringIO()
        buffer.write("\ufeff")  # Excel reads the file as UTF-8
        writer = csv.writer(buffer, delimiter=delimiter)
        writer.writerow(COLUMNS)
        rows = published_cohorts().iterator(chunk_size=5000)
        writer.writerows(csv_row(row, amount) for row in rows)
        response = file_response(
            buffer.getvalue().encode(), "text/csv; charset=utf-8", suffix, None
        )
        name = f"meslek-rehberi-okur-maaslari-{timezone.localdate().isoformat()}{suffix}"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    return view


reports_csv = chain(csv_download(",", plain_amount, ".csv"), keys=(salary_keys.REPORTS,))
reports_excel_csv = chain(
    csv_download(";", excel_amount, "-excel.csv"), keys=(salary_keys.REPORTS,)
)
