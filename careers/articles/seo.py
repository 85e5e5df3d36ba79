"""What search engines and link previews read: title, description, canonical address, Open
Graph, breadcrumbs and JSON-LD. Views build one ``meta`` dict with :func:`page_meta`;
``base.html`` renders it."""

from typing import NamedTuple

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

SITE_NAME = "Meslek Rehberi"


class Crumb(NamedTuple):
    name: str
    url: str


def absolute(path):
    return f"{settings.SITE_URL}{path}"


def home_crumb():
    return Crumb(_("Home"), reverse("articles:home"))


def organization():
    return {"@type": "Organization", "name": SITE_NAME, "url": absolute("/")}


def breadcrumb_list(crumbs):
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": crumb.name, "item": absolute(crumb.url)}
            for i, crumb in enumerate(crumbs, start=1)
        ],
    }


def page_meta(
    *, title, description, path, crumbs=(), og_type="website", image=None, jsonld=(), noindex=False
):
    """``crumbs`` after the home page; the last one is the page itself (given its own path)."""
    crumbs = [home_crumb(), *crumbs] if path != reverse("articles:home") else [home_crumb()]
    return {
        "title": title,
        "description": description,
        "canonical": absolute(path),
        "og_type": og_type,
        "image": image,
        "breadcrumbs": crumbs,
        "jsonld": [*jsonld, breadcrumb_list(crumbs)],
        "noindex": noindex,
    }


def number(value):
    value = float(value)
    return int(value) if value.is_integer() else value


def article_jsonld(role, *, title, canonical, last_modified, bands, image_url=None):
    """schema.org Article about the Occupation (the salary of the latest year, monthly, TRY)."""
    occupation = {
        "@type": "Occupation",
        "name": role.title,
        "description": role.summary,
        "occupationLocation": {"@type": "Country", "name": "Türkiye"},
    }
    if role.other_names:
        occupation["alternateName"] = role.other_names
    skills = [rs.display_label for rs in role.role_skills.all()]
    if skills:
        occupation["skills"] = ", ".join(skills)
    duties = [item.text for item in role.responsibilities.all()]
    if duties:
        occupation["responsibilities"] = duties
    if bands:
        latest = max(bands, key=lambda band: band.year)
        occupation["estimatedSalary"] = {
            "@type": "MonetaryAmount",
            "currency": latest.currency,
            "validFrom": f"{latest.year}-01-01",
            "value": {
                "@type": "QuantitativeValue",
                "value": number(latest.average),
                "maxValue": number(latest.top),
                "unitText": "MONTH",
            },
        }
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": title[:110],
        "description": role.summary,
        "inLanguage": "tr-TR",
        "url": canonical,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "datePublished": (role.published_at or role.created_at).isoformat(),
        "dateModified": last_modified.isoformat(),
        "author": organization(),
        "publisher": organization(),
        "articleSection": role.sector.name,
        "about": occupation,
    }
    if image_url:
        data["image"] = image_url
    return data
