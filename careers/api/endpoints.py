"""The read-only JSON API, version 1 (django-ninja; schema at ``/api/v1/openapi.json``).

Every endpoint reads through ``careers.api.data`` (published content only), costs a fixed
number of queries whatever the number of roles (pinned in ``tests/test_api.py``), pages its
lists in the database, and answers through ``careers.api.http.chain``: rate limit, ETag/304
and the site's page cache, wrapped around each address's view (:func:`urls`).
"""

from django.db.models import Count
from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Path, Query
from ninja.errors import ValidationError
from ninja.renderers import JSONRenderer

from careers.articles import keys, listing
from careers.articles.cards import card_url
from careers.articles.freshness import last_modified
from careers.articles.models import Role, Sector, Skill
from careers.articles.related import related_for
from careers.salaries import conversion, notices
from careers.salaries import keys as salary_keys
from careers.salaries.models import MinimumWage
from careers.search import service, throttle
from careers.search.text import query_words
from careers.site import seo
from careers.site.pagecache import shows

from . import converters, data, openapi, schemas
from .http import chain, head_as_get
from .paging import ApiError, page_window, paged, paged_queryset

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}  # Turkish letters as UTF-8, not \u escapes


converters.register()  # "{year:year}" below


class Api(NinjaAPI):
    def get_openapi_schema(self, *args, **kwargs):
        return openapi.document_errors(super().get_openapi_schema(*args, **kwargs))


api = Api(
    title="Meslek Rehberi API",
    version="1",
    description=(
        "Meslek Rehberi'nin yayındaki meslekleri, becerileri, maaşları ve asgari ücret tablosu; "
        "salt okunur. Lisans: CC BY 4.0 (kaynak gösterilerek serbestçe kullanılabilir). "
        "Türkçe belgeler: /api/"
    ),
    urls_namespace="api",
    docs_url=None,  # the human documentation is /api/ (no third-party script)
    openapi_url=None,  # served by views.openapi: cached, rate-limited and with an ETag
    renderer=Renderer(),
)

PAGING = ("page", "page_size")
#: The surrogate keys each endpoint's answers show (careers/articles/keys.py); the roles list
#: and the article add the keys of what they hold while they run (``shows``).
CACHE_KEYS = {
    "roles": (keys.ROLES, salary_keys.PAYROLL),  # latest figures on both bases
    "sectors": (keys.SECTORS, keys.ROLES),  # counts of published roles
    "skills": (keys.SKILLS, keys.ROLES),
    "salary_years": (keys.ROLES,),
    # a band's change invalidates its role and every role list; figures on both bases
    "salaries": (keys.ROLES, salary_keys.PAYROLL),
    "minimum_wage": (salary_keys.MINWAGE,),
    # role_reports (readers' salary reports, careers/api/reports.py) declares its own
}
#: The query parameters each endpoint's cached answer may vary by (any other: not cached).
CACHE_PARAMS = {
    "roles": ("sector", "skill", "q", *PAGING),
    "sectors": PAGING,
    "skills": PAGING,
    "salaries": ("sector", *PAGING),
    "role_reports": ("province", "experience", "basis"),
}
SLUG = r"^[-a-zA-Z0-9_]{1,160}$"  # what a slug may be (anything else never reaches a query)


@api.exception_handler(ApiError)
def api_error(request, exc):
    response = api.create_response(request, {"detail": exc.detail}, status=exc.status)
    for name, value in exc.headers.items():
        response[name] = value
    return response


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(request, {"detail": _("Not found.")}, status=404)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    names = sorted({str(error["loc"][-1]) for error in exc.errors if error.get("loc")})
    return api.create_response(
        request,
        {"detail": _("Invalid parameter: %(names)s.") % {"names": ", ".join(names)}},
        status=422,
    )


def lookup(model, slug, message):
    found = model.objects.filter(slug=slug).first()
    if found is None:
        raise ApiError(404, message)
    return found


def api_url(name, **kwargs):
    return seo.absolute(reverse(f"api:{name}", kwargs=kwargs or None))


@api.get("/", url_name="index", summary="Uç noktaların listesi")
def index(request):
    return {
        "name": "Meslek Rehberi API",
        "version": "1",
        "documentation": seo.absolute(reverse("api_docs")),
        "openapi": seo.absolute(reverse("api_openapi")),
        "license": data.LICENSE,
        "license_url": data.LICENSE_URL,
        "endpoints": {
            "roles": api_url("roles"),
            "role": api_url("roles") + "/{slug}",
            "role_reports": api_url("roles") + "/{slug}/reports",
            "sectors": api_url("sectors"),
            "skills": api_url("skills"),
            "salaries": api_url("salary_years"),
            "salaries_by_year": api_url("salary_years") + "/{year}",
            "minimum_wage": api_url("minimum_wage"),
        },
    }


Page = Query(1, ge=1, description="Sayfa numarası (1'den başlar).")
Size = Query(PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Sayfadaki kayıt sayısı (en çok 100).")


@api.get("/roles", response=schemas.RolePage, url_name="roles", summary="Meslekler")
def roles(
    request,
    sector: str | None = Query(
        None, pattern=SLUG, description="Sektörün slug'ı.", examples=["musteri-hizmetleri"]
    ),
    skill: str | None = Query(
        None, pattern=SLUG, description="Becerinin slug'ı.", examples=["empati"]
    ),
    q: str | None = Query(None, max_length=200, description="Arama (Türkçe harfsiz de olur)."),
    page: int = Page,
    page_size: int = Size,
):
    """Yayındaki meslekler, Türkçe alfabe sırasıyla; `q` verilirse sitedeki arama gibi, en
    uygun önce."""
    found = Role.objects.published()
    converter = conversion.converter()  # the payroll key: CACHE_KEYS

    def summary(role):
        return data.role_summary(role, converter)

    if sector:
        found = found.filter(sector=lookup(Sector, sector, _("There is no such sector.")))
    if skill:
        wanted = lookup(Skill, skill, _("There is no such skill."))
        shows(request, keys.skill(wanted.pk))  # who asks for it changes with its role links
        found = found.filter(role_skills__skill=wanted)
    if q is None:
        # The page's roles by address first, then their cards: the latest-salary subqueries
        # run for those rows only (SQLite would run them for every row an OFFSET skips).
        order = ("title_sort", "pk")  # Turkish alphabetical order, by the indexed sort key
        return paged_queryset(
            request,
            found.order_by(*order).values("pk"),
            page,
            page_size,
            summary,
            fetch=lambda pks: Role.objects.for_cards().filter(pk__in=pks).order_by(*order),
        )
    shows(request, keys.SEARCH)
    words = query_words(q)
    if not words:  # nothing to look for (punctuation, symbols): nothing found
        return paged(request, count=0, page=page, page_size=page_size, pages=1, results=[])
    try:
        ids = [hit.role_id for hit in service.ranked_hits(words, request)]
    except throttle.Throttled as throttled:
        raise ApiError(
            429,
            _("You have searched a lot in a short time. Please try again in a minute."),
            headers={"Retry-After": str(throttled.retry_after)},
        ) from None
    if sector or skill:
        allowed = set(found.filter(pk__in=ids).values_list("pk", flat=True))
        ids = [pk for pk in ids if pk in allowed]
    offset, pages = page_window(len(ids), page, page_size)
    shown = ids[offset : offset + page_size]
    by_id = found.for_cards().in_bulk(shown)
    return paged(
        request,
        count=len(ids),
        page=page,
        page_size=page_size,
        pages=pages,
        results=[summary(by_id[pk]) for pk in shown if pk in by_id],
    )


@api.get(
    "/roles/{slug}",
    response={200: schemas.RoleDetail, 404: schemas.Error},
    url_name="role",
    summary="Bir meslek",
)
def role(
    request,
    slug: str = Path(..., pattern=SLUG, examples=["musteri-hizmetleri-ekip-lideri"]),
):
    """Makalenin gösterdiği her şey: görevler, beceriler, maaşlar (eski ya da asgari ücretin
    altındaysa uyarısı, güncelleme notları), eğilimler, ilgili meslekler."""
    found = Role.objects.published().for_article().filter(slug=slug).first()
    if found is None:
        raise ApiError(404, _("There is no published occupation at this address."))
    links, computed = related_for(found)
    shows(request, *keys.article(found, links, computed), salary_keys.MINWAGE)
    bands = list(found.salary_bands.all())
    rates = MinimumWage.objects.table() if bands else []
    bands = MinimumWage.objects.attach_multiples(bands, rates)
    converter = conversion.converter(request)  # bands and related roles on both bases
    return data.role_record(
        found,
        converter,
        bands=bands,
        related=data.related_records(links, computed, converter),
        modified=last_modified(found),
        card_url=card_url(found),
        notice=notices.notice_for_bands(bands, rates),
        updates=notices.update_notes(notices.recent_history(found), bands) if bands else [],
    )


@api.get("/sectors", response=schemas.SectorPage, url_name="sectors", summary="Sektörler")
def sectors(request, page: int = Page, page_size: int = Size):
    """Yayında mesleği olan sektörler ve meslek sayıları."""

    def record(sector):
        return {
            **data.sector_ref(sector),
            "description": sector.description,
            "role_count": sector.role_count,
            "url": seo.absolute(sector.get_absolute_url()),
            "roles_url": api_url("roles") + "?" + urlencode({"sector": sector.slug}),
        }

    return paged_queryset(request, listing.sectors_with_counts(), page, page_size, record)


@api.get("/skills", response=schemas.SkillPage, url_name="skills", summary="Beceriler")
def skills(request, page: int = Page, page_size: int = Size):
    """Yayındaki mesleklerin istediği beceriler ve kaç mesleğin istediği."""

    def record(skill):
        return {
            "slug": skill.slug,
            "name": skill.name,
            "role_count": skill.role_count,
            "url": seo.absolute(skill.get_absolute_url()),
            "roles_url": api_url("roles") + "?" + urlencode({"skill": skill.slug}),
        }

    return paged_queryset(request, listing.skills_with_counts(), page, page_size, record)


@api.get(
    "/salaries", response=list[schemas.SalaryYear], url_name="salary_years", summary="Maaş yılları"
)
def salary_years(request):
    """Maaş bilgisi olan yıllar, en yeni önce, ve her yılın meslek sayısı."""
    years = (
        data.published_bands()
        .order_by()
        .values("year")
        .annotate(role_count=Count("role", distinct=True))
        .order_by("-year")
    )
    return [{**row, "url": api_url("salaries", year=row["year"])} for row in years]


@api.get(
    "/salaries/{year:year}",
    response={200: schemas.SalaryPage, 404: schemas.Error},
    url_name="salaries",
    summary="Bir yılın maaşları",
)
def salaries(
    request,
    year: int = Path(..., ge=1000, le=9999, description="Yıl.", examples=[2025]),
    sector: str | None = Query(None, pattern=SLUG, description="Sektörün slug'ı."),
    page: int = Page,
    page_size: int = Size,
):
    """O yılın bütün maaş bantları, meslek slug sırasıyla."""
    bands = data.published_bands().filter(year=year)
    if sector:
        bands = bands.filter(role__sector=lookup(Sector, sector, _("There is no such sector.")))
    converter = conversion.converter()  # the payroll key: CACHE_KEYS
    answer = paged_queryset(
        request, bands, page, page_size, lambda row: data.salary_row(row, converter)
    )
    if not answer["count"]:
        raise ApiError(404, _("There are no salary figures for %(year)s.") % {"year": year})
    return answer


@api.get(
    "/minimum-wage",
    response=list[schemas.MinimumWage],
    url_name="minimum_wage",
    summary="Asgari ücret",
)
def minimum_wage(request):
    """Türkiye'de aylık net ve brüt asgari ücret, yürürlük tarihine göre (eskiden yeniye)."""
    return data.minimum_wage_table()


def urls():
    """django-ninja's address patterns, each view wrapped in :func:`careers.api.http.chain`
    (at the address, where the site's page cache looks for what it may serve) and answering
    HEAD like GET."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback = chain(
            head_as_get(pattern.callback),
            params=CACHE_PARAMS.get(pattern.name, ()),
            keys=CACHE_KEYS.get(pattern.name, ()),
        )
    return patterns, app_name, namespace
