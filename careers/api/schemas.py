"""The API's response shapes (pydantic, through django-ninja): they make the OpenAPI schema
at ``/api/v1/openapi.json`` and validate every answer. Field descriptions are Turkish: they
are read by the API's users in the schema and on ``/api/``."""

from typing import Literal

from ninja import Field, Schema

PayBasis = Literal["net", "gross", "unspecified"]
Conversion = Literal["computed", "no_rules", "out_of_range", "unspecified"]
CONVERSION = (
    "Diğer esasa çevrim: computed: o yılın bordro kurallarıyla hesaplandı (yılın ortalama ayı: "
    "net rakam için her ay ödenen ve on iki ayın net ortalaması o rakam olan brüt; brüt rakam "
    "için on iki ayın net ortalaması); no_rules: o yılın bordro kuralları sitede yok (diğer "
    "sütunlar boş); out_of_range: hesaplanamadı; unspecified: net/brüt belirtilmemiş, "
    "çevrilmez."
)


def on_basis(figure, basis):
    """A figure's column on one basis: the source's own figure, or its computed counterpart."""
    other = "gross" if basis == "net" else "net"
    name = "net" if basis == "net" else "brüt"
    return Field(
        description=(
            f"{figure}, {name} TL: pay_basis {basis} ise kaynaktaki rakam, {other} ise o yılın "
            "bordro kurallarıyla hesaplanan karşılığı (≈); hesaplanamazsa ya da net/brüt "
            "belirtilmemişse boş."
        ),
    )


class Error(Schema):
    detail: str = Field(description="Hatanın Türkçe açıklaması.")


class SectorRef(Schema):
    slug: str
    name: str


class LatestSalary(Schema):
    year: int = Field(description="Rakamların ait olduğu yıl.")
    average: float = Field(description="Aylık ortalama maaş, TL.")
    top: float | None = Field(description="Aylık üst düzey maaş, TL.")
    pay_basis: PayBasis = Field(description="Kaynaktaki rakamların esası: net, gross, unspecified.")
    average_net: float | None = on_basis("Aylık ortalama", "net")
    average_gross: float | None = on_basis("Aylık ortalama", "gross")
    top_net: float | None = on_basis("Aylık üst düzey", "net")
    top_gross: float | None = on_basis("Aylık üst düzey", "gross")
    conversion: Conversion = Field(description=CONVERSION)


class RoleSummary(Schema):
    slug: str = Field(description="Mesleğin adresteki kısa adı; /api/v1/roles/{slug}.")
    title: str
    other_names: list[str]
    summary: str
    sector: SectorRef
    latest_salary: LatestSalary | None = Field(description="En son yılın rakamları.")
    url: str = Field(description="Makalenin sitedeki adresi.")
    api_url: str


class RelatedRole(RoleSummary):
    kind: Literal["editor", "computed"] = Field(
        description="editor: editörün seçtiği; computed: ortak beceri ve sektörden."
    )


class SalaryBand(Schema):
    year: int
    period: Literal["monthly"]
    currency: Literal["TRY"]
    pay_basis: PayBasis = Field(
        description="net, gross (brüt) ya da unspecified (kaynak belirtmiyor)."
    )
    low: float | None = Field(description="Aylık en düşük, TL (varsa).")
    average: float = Field(description="Aylık ortalama, TL.")
    top: float = Field(description="Aylık üst düzey, TL.")
    hourly_average: float = Field(description="Saatlik ortalama, TL.")
    hourly_top: float = Field(description="Saatlik üst düzey, TL.")
    hourly_derived: bool = Field(
        description="true: saatlik rakam aylıktan 225 çalışma saatiyle hesaplandı."
    )
    source: str
    source_url: str
    is_sample: bool = Field(description="true: örnek veri (gerçek bir ölçüm değil).")
    low_net: float | None = on_basis("Aylık en düşük", "net")
    low_gross: float | None = on_basis("Aylık en düşük", "gross")
    average_net: float | None = on_basis("Aylık ortalama", "net")
    average_gross: float | None = on_basis("Aylık ortalama", "gross")
    top_net: float | None = on_basis("Aylık üst düzey", "net")
    top_gross: float | None = on_basis("Aylık üst düzey", "gross")
    conversion: Conversion = Field(description=CONVERSION)


class ArticleBand(SalaryBand):
    minimum_wage_multiple: float | None = Field(
        None, description="Ortalamanın o yılın net asgari ücretine oranı."
    )


class SalaryNotice(Schema):
    year: int = Field(description="En son rakamların yılı.")
    stale: bool = Field(description="true: rakamlar eski (güncel olmayabilir).")
    below_minimum_wage: bool = Field(
        description="true: ortalama bugünkü net asgari ücretin altında."
    )
    minimum_wage_today: float | None
    text: str = Field(description="Makalenin rakamların yanında gösterdiği not.")


class SalaryUpdate(Schema):
    date: str = Field(description="Maaş bilgilerinin güncellendiği gün (YYYY-AA-GG).")
    year: int
    average: float
    previous_year: int | None
    previous_average: float | None
    text: str


class Skill(Schema):
    slug: str
    name: str
    label: str = Field(description="Makalenin beceriye verdiği ad.")
    body_html: str = Field(description="Bu mesleğe özgü paragraf (temizlenmiş HTML).")


class Trend(Schema):
    title: str
    body_html: str


class Image(Schema):
    url: str
    alt: str
    width: int | None
    height: int | None


class Sections(Schema):
    intro: str
    salary_intro: str
    outlook_text: str
    salary_footnote: str
    education: str
    training: str
    certifications: str
    work_environment: str
    trends_intro: str
    how_to_become: str
    career_path: str


class RoleDetail(Schema):
    slug: str
    title: str
    other_names: list[str]
    summary: str
    sector: SectorRef
    url: str
    api_url: str
    lead: str
    sections_html: Sections = Field(
        description="Makalenin bölümleri, sayfadaki temizlenmiş HTML olarak."
    )
    outlook: Literal["grows", "stable", "declines"]
    responsibilities: list[str]
    skills: list[Skill]
    salary_bands: list[ArticleBand] = Field(description="Yıllara göre, en yeni önce.")
    salary_notice: SalaryNotice | None = Field(description="Eski ya da düşük rakam uyarısı.")
    salary_updates: list[SalaryUpdate] = Field(description="Son güncelleme notları.")
    trends: list[Trend]
    related: list[RelatedRole]
    image: Image | None
    card_image: str | None = Field(description="Paylaşım kartı (1200x630 PNG).")
    published_at: str
    last_modified: str = Field(description="Makalenin ya da maaşlarının son değişikliği.")


class SectorItem(Schema):
    slug: str
    name: str
    description: str
    role_count: int = Field(description="Yayındaki meslek sayısı.")
    url: str
    roles_url: str


class SkillItem(Schema):
    slug: str
    name: str
    role_count: int = Field(description="Bu beceriyi isteyen yayındaki meslek sayısı.")
    url: str
    roles_url: str


class SalaryYear(Schema):
    year: int
    role_count: int
    url: str


class SalaryRow(SalaryBand):
    role: str = Field(description="Mesleğin slug'ı.")
    title: str
    sector: str
    sector_slug: str
    url: str


class MinimumWage(Schema):
    effective_from: str = Field(description="Yürürlük tarihi (YYYY-AA-GG).")
    net_monthly: float
    gross_monthly: float
    source: str


def page_of(item, name):
    """A page of ``item``s: ``count``, ``page``, ``pages``, ``next``/``previous`` addresses."""
    return type(
        name,
        (Schema,),
        {
            "__annotations__": {
                "count": int,
                "page": int,
                "pages": int,
                "page_size": int,
                "next": str | None,
                "previous": str | None,
                "results": list[item],
            }
        },
    )


RolePage = page_of(RoleSummary, "RolePage")
SectorPage = page_of(SectorItem, "SectorPage")
SkillPage = page_of(SkillItem, "SkillPage")
SalaryPage = page_of(SalaryRow, "SalaryPage")
