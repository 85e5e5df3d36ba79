"""The open data: what the API and the downloads publish, built from published content only.

Everything here starts from ``Role.objects.published()`` (``published_q`` across a relation):
drafts, scheduled articles and comments (with their e-mail addresses) are never read. Plain
functions returning plain dicts, shared by the JSON API (``careers.api.endpoints``) and the
CSV/JSON downloads (``careers.api.downloads``), so both always say the same thing.

Every figure with a known basis comes on both bases (``average_net``, ``average_gross``, ...):
the source's own figure on its basis (``pay_basis``) and the counterpart computed with the
year's payroll rules on the other (``careers.salaries.conversion``: the year's average month),
with ``conversion`` saying whether it could be (``computed``, ``no_rules``, ``out_of_range``,
``unspecified``). The callers pass one converter per answer (one fetch of the rules).
"""

import functools

from django.urls import reverse

from careers.articles.models import Role
from careers.salaries import conversion, rules
from careers.salaries.models import MinimumWage, PayBasis, SalaryBand
from careers.site import seo
from careers.site.seo import json_number

LICENSE = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/deed.tr"
ATTRIBUTION = "Meslek Rehberi"

#: A band's own columns, as the API and the downloads publish them.
BAND_FIELDS = (
    "year", "period", "currency", "low", "average", "top", "hourly_average", "hourly_top",
    "source", "source_url", "is_sample", "pay_basis",
)  # fmt: skip
#: The role's columns of a salary row: output name -> database path.
ROLE_FIELDS = {
    "role": "role__slug",
    "title": "role__title",
    "sector": "role__sector__name",
    "sector_slug": "role__sector__slug",
}


def published_bands():
    """Salary bands of published roles, by role address and newest year first, as plain rows
    (``values()``: a download of every band builds no model instances)."""
    return (
        SalaryBand.objects.published()
        .order_by("role__slug", "-year")
        .values(*BAND_FIELDS, *ROLE_FIELDS.values())
    )


def sector_ref(sector):
    return {"slug": sector.slug, "name": sector.name}


def converted_values(converter, figures, pay_basis, year):
    """``figures`` (``{"average": Decimal, ...}``) on both bases, as JSON numbers, with the
    ``conversion`` column (:meth:`careers.salaries.conversion.Converter.columns`)."""
    columns = converter.columns(figures, pay_basis, year)
    return {
        name: value if name == "conversion" else json_number(value)
        for name, value in columns.items()
    }


def band_values(row, converter):
    """One salary band from its ``BAND_FIELDS``: monthly figures in TRY with their year,
    source and kind, hourly figures as the article shows them (entered, else derived), and
    the monthly figures on both bases."""
    pay_basis = row["pay_basis"] or PayBasis.UNSPECIFIED  # rows from before the field
    figures = {name: row[name] for name in conversion.FIGURES}
    return {
        "year": row["year"],
        "period": row["period"],
        "currency": row["currency"],
        "pay_basis": pay_basis,
        "low": json_number(row["low"]),
        "average": json_number(row["average"]),
        "top": json_number(row["top"]),
        "hourly_average": json_number(rules.hourly(row["average"], row["hourly_average"])),
        "hourly_top": json_number(rules.hourly(row["top"], row["hourly_top"])),
        "hourly_derived": row["hourly_average"] is None,
        "source": row["source"],
        "source_url": row["source_url"],
        "is_sample": row["is_sample"],
        **converted_values(converter, figures, pay_basis, row["year"]),
    }


def band_record(band, converter, *, multiple=None):
    """A band of an article (a model instance), with its minimum-wage multiple."""
    record = band_values({name: getattr(band, name) for name in BAND_FIELDS}, converter)
    if multiple is not None:
        record["minimum_wage_multiple"] = json_number(multiple)
    return record


@functools.cache
def _role_path():
    return reverse("articles:role_detail", kwargs={"slug": "__slug__"})


def role_url(slug):
    """The article's address (``reverse`` once, not once per row of a download)."""
    return seo.absolute(_role_path().replace("__slug__", slug))


def salary_row(row, converter):
    """A row of :func:`published_bands` with its role: the downloads and ``/salaries/{year}``."""
    return {
        **{name: row[path] for name, path in ROLE_FIELDS.items()},
        "url": role_url(row["role__slug"]),
        **band_values(row, converter),
    }


def latest_salary(role, converter):
    """The latest year's figures, as the role keeps them (``salary_*``), on both bases."""
    if role.salary_year is None:
        return None
    pay_basis = role.salary_pay_basis or PayBasis.UNSPECIFIED
    figures = {"average": role.salary_average, "top": role.salary_top}
    return {
        "year": role.salary_year,
        "average": json_number(role.salary_average),
        "top": json_number(role.salary_top),
        "pay_basis": pay_basis,
        **converted_values(converter, figures, pay_basis, role.salary_year),
    }


def role_summary(role, converter):
    """A role as lists show it (a role from ``for_cards()``)."""
    return {**role_summary_fields(role), "latest_salary": latest_salary(role, converter)}


def minimum_wage_table():
    return [
        {
            "effective_from": rate.effective_from.isoformat(),
            "net_monthly": json_number(rate.net_monthly),
            "gross_monthly": json_number(rate.gross_monthly),
            "source": rate.source,
        }
        for rate in MinimumWage.objects.table()
    ]


def notice_record(notice):
    """The article's note next to the figures (:mod:`careers.salaries.notices`), or None."""
    if notice is None:
        return None
    return {
        "year": notice.year,
        "stale": notice.stale,
        "below_minimum_wage": notice.minimum_today is not None,
        "minimum_wage_today": json_number(notice.minimum_today),
        "text": notice.text,
    }


def update_record(note):
    return {
        "date": note.date.isoformat(),
        "year": note.year,
        "average": json_number(note.average),
        "previous_year": note.previous_year,
        "previous_average": json_number(note.previous_average),
        "text": note.text,
    }


def role_record(
    role, converter, *, bands, related, modified, card_url=None, notice=None, updates=()
):
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
        "sections_html": {name: getattr(role, f"{name}_html") for name in Role.markdown_fields},
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
        "salary_bands": [
            band_record(band, converter, multiple=band.minimum_wage_multiple) for band in bands
        ],
        "salary_notice": notice_record(notice),
        "salary_updates": [update_record(note) for note in updates],
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


def related_records(links, computed, converter):
    """The related roles as the article lists them: the editor's links, then computed ones."""
    records = []
    for kind, roles in (("editor", [link.to_role for link in links]), ("computed", computed)):
        records += [
            {**role_summary_fields(r), "latest_salary": latest_salary(r, converter), "kind": kind}
            for r in roles
        ]
    return records
