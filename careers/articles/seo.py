"""The article's schema.org data: an Article about the Occupation, by its author, on a page
reviewed by its reviewer (built on the site's SEO).

What an app built on articles knows of the occupation (the salaries app: its estimated salary)
is added through :func:`describe_occupation`, as the article page reaches those apps through
slots: this app imports none of them (a slot fills HTML; this is data)."""

from django.utils import timezone

from careers.site.seo import absolute, organization

_describers = []


def describe_occupation(describer):
    """Register ``describer(role, canonical) -> dict``: properties of the Occupation (from the
    role's fields alone: no query), merged into it. Registering it again does nothing."""
    if describer not in _describers:
        _describers.append(describer)
    return describer


def person(author):
    """An author as a schema.org Person (their profile page is its address)."""
    data = {"@type": "Person", "name": author.name, "url": absolute(author.get_absolute_url())}
    if author.expertise:
        data["knowsAbout"] = author.expertise
    if author.photo:
        data["image"] = absolute(author.photo.url)
    return data


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
        "mainEntityOfPage": web_page(role, canonical),
        "datePublished": (role.published_at or role.created_at).isoformat(),
        "dateModified": last_modified.isoformat(),
        "author": person(role.author) if role.author_id else organization(),
        "publisher": organization(),
        "articleSection": role.sector.name,
        "about": occupation,
    }
    if image_url:
        data["image"] = image_url
    return data


def web_page(role, canonical):
    """The page the article is on; once reviewed, who reviewed it and when (schema.org's
    ``reviewedBy`` and ``lastReviewed`` are the WebPage's)."""
    page = {"@type": "WebPage", "@id": canonical}
    if role.reviewed_by_id and role.last_reviewed_at:
        page["reviewedBy"] = person(role.reviewed_by)
        page["lastReviewed"] = timezone.localtime(role.last_reviewed_at).date().isoformat()
    return page
