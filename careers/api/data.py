"""The open data: what the API and the downloads publish, built from published content only.

Everything here starts from ``Role.objects.published()`` (``published_q`` across a relation):
drafts, scheduled articles and comments (with their e-mail addresses) are never read. Plain
functions returning plain dicts, shared by the JSON API (``careers.api.endpoints``) and the
CSV/JSON downloads (``careers.api.downloads``), so both always say the same thing.
"""

from django.db.models import Count

from careers.articles.models import MinimumWage, Role, SalaryBand, Sector, Skill, published_q
from careers.site import seo

LICENSE = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/deed.tr"
ATTRIBUTION = "Meslek Rehberi"

#: Values of ``SalaryBand.pay_basis`` (the readers' issue adds the field; until it is there
#: every band is "unspecified": its source does not say whether the figure is net or gross).
PAY_BASIS_UNSPECIFIED = "unspecified"


def pay_basis(band):
    return getattr(band, "pay_basis", "") or PAY_BASIS_UNSPECIFIED


def amount(value):
    """A Decimal amount as a JSON number (2 decimal places at most), or None."""
    if value is None:
        return None
    value = float(value)
    return int(value) if value.is_integer() else value


def published_bands():
    """Salary bands of published roles, by role address and newest year first (one query)."""
    return (
        SalaryBand.objects.filter(role__in=Role.objects.published())
        .select_related("role__sector")
        .order_by("role__slug", "-year")
    )


def sector_ref(sector):
    return {"slug": sector.slug, "name": sector.name}


def band_record(band, *, multiple=None):
    """One salary band: monthly figures in TRY with their year, source and kind."""
    record = {
        "year": band.year,
        "period": band.period,
        "currency": band.currency,
        "pay_basis": pay_basis(band),
        "low": amount(band.low),
        "average": amount(band.average),
        "top": amount(band.top),
        "hourly_average": amount(band.hourly_average_display),
        "hourly_top": amount(band.hourly_top_display),
        "hourly_derived": band.hourly_average is None,
        "source": band.source,
        "source_url": band.source_url,
        "is_sample": band.is_sample,
    }
    if multiple is not None:
        record["minimum_wage_multiple"] = amount(multiple)
    return record


def salary_row(band):
    """A band with its role, as one row of the downloads and of ``/salaries/{year}``."""
    role = band.role
    return {
        "role": role.slug,
        "title": role.title,
        "sector": role.sector.name,
        "sector_slug": role.sector.slug,
        "url": seo.absolute(role.get_absolute_url()),
        **band_record(band),
    }


def latest_salary(role):
    """From a role annotated by ``with_latest_salary()``: the latest year's figures (an
    article's explicit related links carry only the year and average: ``related_for``)."""
    if role.latest_year is None:
        return None
    return {
        "year": role.latest_year,
        "average": amount(role.latest_average),
        "top": amount(getattr(role, "latest_top", None)),
    }


def role_summary(role):
    """A role as lists show it (a role from ``for_cards()``)."""
    return {**role_summary_fields(role), "latest_salary": latest_salary(role)}


def sectors_with_counts():
    """Sectors that have published roles, with how many (one query)."""
    return (
        Sector.objects.annotate(
            role_count=Count("roles", filter=published_q("roles__"), distinct=True)
        )
        .filter(role_count__gt=0)
        .order_by("slug")
    )


def skills_with_counts():
    """Skills that published roles ask for, with how many roles (one query)."""
    return (
        Skill.objects.annotate(
            role_count=Count(
                "role_skills", filter=published_q("role_skills__role__"), distinct=True
            )
        )
        .filter(role_count__gt=0)
        .order_by("slug")
    )


def minimum_wage_table():
    return [
        {
            "effective_from": rate.effective_from.isoformat(),
            "net_monthly": amount(rate.net_monthly),
            "gross_monthly": amount(rate.gross_monthly),
            "source": rate.source,
        }
        for rate in MinimumWage.objects.table()
    ]


ARTICLE_HTML_SECTIONS = (
    "intro",
    "salary_intro",
    "outlook_text",
    "salary_footnote",
    "education",
    "training",
    "certifications",
    "work_environment",
    "trends_intro",
    "how_to_become",
    "career_path",
)


def role_record(role, *, bands, related, modified, card_url=None):
    """Everything the article shows, for a role fetched with ``for_article()``: its sections
    as the sanitized HTML the page prints, duties, skills, salary bands (with the minimum-wage
    multiple, ``MinimumWage.objects.attach_multiples``), trends and related roles."""
    image = None
    if role.image:
        image = {
            "url": seo.absolute(role.image.url),
            "alt": role.image_alt,
            "width": role.image_width,
            "height": role.image_height,
        }
    return {
        **role_summary_fields(role),
        "lead": role.lead,
        "sections_html": {name: getattr(role, f"{name}_html") for name in ARTICLE_HTML_SECTIONS},
        "outlook": role.outlook,
        "responsibilities": [item.text for item in role.responsibilities.all()],
        "skills": [
            {
                "slug": rs.skill.slug,
                "name": rs.skill.name,
                "label": rs.display_label,
                "body_html": rs.body_html,
            }
            for rs in role.role_skills.all()
        ],
        "salary_bands": [band_record(band, multiple=band.minimum_wage_multiple) for band in bands],
        "trends": [{"title": t.title, "body_html": t.body_html} for t in role.trends.all()],
        "related": related,
        "image": image,
        "card_image": card_url,
        "published_at": role.published_at.isoformat(),
        "last_modified": modified.isoformat(),
    }


def role_summary_fields(role):
    return {
        "slug": role.slug,
        "title": role.title,
        "other_names": role.other_names,
        "summary": role.summary,
        "sector": sector_ref(role.sector),
        "url": seo.absolute(role.get_absolute_url()),
        "api_url": seo.absolute(f"/api/v1/roles/{role.slug}"),
    }


def related_records(links, computed):
    """The related roles as the article lists them: the editor's links, then computed ones."""
    records = []
    for kind, roles in (("editor", [link.to_role for link in links]), ("computed", computed)):
        records += [
            {**role_summary_fields(r), "latest_salary": latest_salary(r), "kind": kind}
            for r in roles
        ]
    return records
