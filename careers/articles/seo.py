"""The article's schema.org data: an Article about the Occupation (built on the site's SEO)."""

from careers.site.seo import json_number, organization


def article_jsonld(role, *, title, canonical, last_modified, image_url=None):
    """schema.org Article about the Occupation (the salary of the latest year, monthly, TRY:
    the role keeps its latest figures)."""
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
    if role.salary_year is not None:
        occupation["estimatedSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "TRY",  # every band's currency (the only one a band may have)
            "validFrom": f"{role.salary_year}-01-01",
            "value": {
                "@type": "QuantitativeValue",
                "value": json_number(role.salary_average),
                "maxValue": json_number(role.salary_top),
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
