"""Each article page's SEO meta (title, description, canonical address, breadcrumbs, JSON-LD),
built in one place on :func:`careers.site.seo.page_meta`; views only pick the builder."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from careers import turkish
from careers.site import seo, slots

from .cards import card_alt, card_url
from .seo import article_jsonld, person


def page_path(request, page):
    """The canonical address of a paginated list: page 1 is the plain address."""
    if page.number > 1:
        return f"{request.path}?sayfa={page.number}"
    return request.path


def _numbered(title, page):
    if page.number > 1:
        title += " (" + _("page %(n)s") % {"n": page.number} + ")"
    return seo.titled(title)


def home(request):
    return seo.page_meta(
        title=_("Meslek Rehberi: careers and salaries"),
        description=_(
            "What each occupation does, what it pays, which skills it asks for and how to "
            "get there."
        ),
        path=request.path,
        jsonld=[
            {
                "@context": "https://schema.org",
                "@type": "WebSite",
                "name": seo.SITE_NAME,
                "url": seo.absolute("/"),
                "inLanguage": "tr-TR",
                "potentialAction": {
                    "@type": "SearchAction",
                    "target": seo.absolute(slots.link_url("search")) + "?q={search_term_string}",
                    "query-input": "required name=search_term_string",
                },
            }
        ],
    )


def role_list(request, count, letter, page):
    """Each initial's pages have their own address (the first letter's first page is the
    plain one)."""
    params = {"harf": letter} if letter else {}
    if page.number > 1:
        params["sayfa"] = page.number
    path = f"{request.path}?{urlencode(params)}" if request.GET and params else request.path
    title = _("Occupations A–Z") + (f": {turkish.upper(letter)}" if letter else "")
    return seo.page_meta(
        title=_numbered(title, page),
        description=ngettext(
            "All %(counter)s occupation in alphabetical order, with the latest average salary.",
            "All %(counter)s occupations in alphabetical order, with the latest average salaries.",
            count,
        )
        % {"counter": count},
        path=path,
        crumbs=[seo.Crumb(_("Occupations A–Z"), request.path)],
    )


def sector(request, sector, page):
    return seo.page_meta(
        title=_numbered(_("%(name)s occupations and salaries") % {"name": sector.name}, page),
        description=sector.description
        or _("Occupations in %(name)s: duties, salaries and skills.") % {"name": sector.name},
        path=page_path(request, page),
        crumbs=[seo.Crumb(sector.name, sector.get_absolute_url())],
    )


def skill_list(request):
    return seo.page_meta(
        title=seo.titled(_("Skills and the occupations that need them")),
        description=_(
            "Communication, problem solving, attention to detail: find the occupations that "
            "ask for the skills you have."
        ),
        path=request.path,
        crumbs=[seo.Crumb(_("Skills"), request.path)],
    )


def skill(request, skill, heading, page):
    return seo.page_meta(
        title=_numbered(heading, page),
        description=_("%(count)s occupations ask for %(name)s: what they do and what they pay.")
        % {"count": page.paginator.count, "name": turkish.lower(skill.name)},
        path=page_path(request, page),
        crumbs=[
            seo.Crumb(_("Skills"), reverse("articles:skill_list")),
            seo.Crumb(skill.name, skill.get_absolute_url()),
        ],
    )


def article(role, modified, preview):
    title = role.article_title
    canonical = seo.absolute(role.get_absolute_url())
    card = card_url(role)
    image_url = seo.absolute(role.image.url) if role.image else card
    return seo.page_meta(
        title=title,
        description=role.summary,
        path=role.get_absolute_url(),
        crumbs=[
            seo.Crumb(role.sector.name, role.sector.get_absolute_url()),
            seo.Crumb(role.title, role.get_absolute_url()),
        ],
        og_type="article",
        image=card,
        image_alt=card_alt(role),
        robots=seo.PRIVATE if preview else None,
        jsonld=[
            article_jsonld(
                role,
                title=title,
                canonical=canonical,
                last_modified=modified,
                image_url=image_url,
            )
        ],
    )


def author(request, author, page):
    return seo.page_meta(
        title=_numbered(_("%(name)s: articles on Meslek Rehberi") % {"name": author.name}, page),
        description=(author.bio[:160] if author.bio else "")
        or _("Career articles written by %(name)s.") % {"name": author.name},
        path=page_path(request, page),
        og_type="profile",
        crumbs=[seo.Crumb(author.name, author.get_absolute_url())],
        jsonld=[
            {
                "@context": "https://schema.org",
                "@type": "ProfilePage",
                "mainEntity": person(author) | ({"description": author.bio} if author.bio else {}),
            }
        ],
    )


def corrections(request, page):
    return seo.page_meta(
        title=_numbered(_("Corrections"), page),
        description=_(
            "Every correction to our articles, dated: what was wrong and what is right now."
        ),
        path=page_path(request, page),
        crumbs=[seo.Crumb(_("Corrections"), reverse("articles:corrections"))],
    )
