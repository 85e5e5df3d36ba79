from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from careers.site import seo
from careers.site.pagecache import cache_public_page

from . import data
from .downloads import COLUMNS
from .endpoints import MAX_PAGE_SIZE, PAGE_SIZE, api
from .http import chain


@cache_public_page
def docs(request):
    """The API and the downloads explained in Turkish (no query: the data date is on the
    salary page; this page only describes)."""
    meta = seo.page_meta(
        title=seo.titled(_("Open data: API and downloads")),
        description=_(
            "The occupations, salaries and minimum wage of Meslek Rehberi as a JSON API and "
            "as CSV and JSON files, free to reuse under CC BY 4.0."
        ),
        path=request.path,
        crumbs=[seo.Crumb(_("Open data"), request.path)],
    )
    base = seo.absolute(reverse("api:index"))
    return render(
        request,
        "api/docs.html",
        {
            "meta": meta,
            "base": base.rstrip("/"),
            "license": data.LICENSE,
            "license_url": data.LICENSE_URL,
            "page_size": PAGE_SIZE,
            "max_page_size": MAX_PAGE_SIZE,
            "columns": COLUMNS,
        },
    )


def not_found(request, rest=""):
    """Any other address under /api/v1/: JSON, like the API's own answers."""
    return JsonResponse(
        {"detail": _("Not found.")}, status=404, json_dumps_params={"ensure_ascii": False}
    )


def _openapi(request):
    """The OpenAPI 3 description of /api/v1/ (django-ninja builds it from the endpoints)."""
    return JsonResponse(api.get_openapi_schema(), json_dumps_params={"ensure_ascii": False})


openapi = chain(_openapi)
