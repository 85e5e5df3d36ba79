"""The article's schema.org data: an Article about the Occupation (built on the site's SEO).

What an app built on articles knows of the occupation (the salaries app: its estimated salary)
is added through :func:`describe_occupation`, as the article page reaches those apps through
template tags: this app imports none of them."""

from careers.site.seo import organization

_describers = []


def describe_occupation(describer):
    """Register ``describer(role, canonical) -> dict``: properties of the Occupation (from the
    role's fields alone: no query), merged into it. Registering it again does nothing."""
    if describer not in _describers:
        _describers.append(describer)
    return describer


def article_jsonld(role, *, title, canonical, last_modified, image_url=None):
    """schema.org Article about the Occupation."""
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
    for describer in _describers:
        occupation.update(describer(role, canonical))
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
