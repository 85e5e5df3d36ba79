"""The readers' report pages: the form on its own address, posting a report, and a role's
published figures by city and experience.

Posting works as the comment form does (see ``careers/comments/views.py``): the form sits in a
cached page, so it carries no CSRF token, and :func:`post_report` never acts with the
browser's credentials (no session, no user: a stranger posting the same form directly gets
exactly what a reader gets). What protects it is the signed form time, the honeypot, the flood
limits and the hard limits. Errors show the form again with everything typed (400, 429; 503
while the database is away); a stored report leads to a thank-you page (``?gonderildi=1``: a
query string keeps it out of the page cache).
"""

from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from careers.articles import keys as article_keys
from careers.articles.models import Role
from careers.site import client, outage, seo
from careers.site.pagecache import cache_public_page, shows

from .. import keys, notices
from . import conf, intake, present, provinces
from .forms import ReportForm
from .models import Experience, ReportCohort

TYPED_FIELDS = ("il", "deneyim", "tutar", "net_brut", "calisma", "yil", "isveren", "imza")
SENT_PARAM = "gonderildi"


def _published_role(slug):
    return get_object_or_404(Role.objects.published().select_related("sector"), slug=slug)


def _form_page(request, role, form, *, status=200, problem=None, sent=False):
    title = _("Share your salary: %(title)s") % {"title": role.title}
    meta = seo.page_meta(
        title=seo.titled(title),
        description=_(
            "Tell us anonymously what you earn as %(title)s: no name, no e-mail. Figures are "
            "published only from %(count)s or more reports."
        )
        % {"title": role.title, "count": conf.get("REPORTS_MIN_COUNT")},
        path=reverse("salaries:report_form", kwargs={"slug": role.slug}),
        crumbs=[
            seo.Crumb(role.title, role.get_absolute_url()),
            seo.Crumb(_("Share your salary"), request.path),
        ],
        robots=seo.NOINDEX,
    )
    context = {"role": role, "form": form, "problem": problem, "sent": sent, "meta": meta}
    return render(request, "salaries/reports/form_page.html", context, status=status)


@cache_public_page
def report_form(request, slug):
    """The form on its own address (linked from the article; a refused post shows it too)."""
    role = _published_role(slug)
    shows(request, article_keys.role(role.pk))
    sent = request.GET.get(SENT_PARAM) == "1"
    return _form_page(request, role, ReportForm(role=role), sent=sent)


@csrf_exempt  # see the module docstring: this view never uses the browser's credentials
@never_cache
def post_report(request, slug):
    """Store a report; with the database unreachable or locked, a 503 with the form holding
    everything typed (nothing was stored, the flood claim is given back)."""
    try:
        return _post_report(request, slug)
    except outage.DATABASE_ERRORS as error:
        typed = {name: request.POST.get(name, "") for name in TYPED_FIELDS}
        return outage.unavailable(
            request,
            error,
            template="salaries/reports/unavailable.html",
            context={"typed": typed, "action": request.path},
        )


def _post_report(request, slug):
    role = _published_role(slug)
    if request.method != "POST":
        return HttpResponseRedirect(reverse("salaries:report_form", kwargs={"slug": slug}))
    form = ReportForm(request.POST, role=role, rates=notices.minimum_wages())
    if not form.is_valid():
        return _form_page(request, role, form, status=400)
    address = client.address_hash(client.client_ip(request))
    verdict = intake.claim(role.pk, address)
    if verdict != intake.GRANTED:
        problem = "role" if verdict == intake.CLAIMED else "quota"
        response = _form_page(request, role, form, status=429, problem=problem)
        response["Retry-After"] = str(conf.get("REPORTS_FLOOD_SECONDS"))
        return response
    try:
        with transaction.atomic():
            intake.store(role, form.cleaned_data, address)
    except BaseException:
        intake.unclaim(role.pk, address)
        raise
    url = reverse("salaries:report_form", kwargs={"slug": slug})
    return HttpResponseRedirect(f"{url}?{SENT_PARAM}=1")


@cache_public_page(params=("il", "deneyim", "tur"))
def report_figures(request, slug):
    """The role's published figures for a reader's province and experience, from the
    narrowest cohort published (one query: the role's cohort rows)."""
    role = _published_role(slug)
    shows(request, keys.reports(role.pk), article_keys.role(role.pk))
    plate = request.GET.get("il", "")
    plate = int(plate) if plate.isdigit() and provinces.get(int(plate)) else None
    experience = request.GET.get("deneyim", "")
    experience = experience if experience in Experience.values else None
    basis = "gross" if request.GET.get("tur") == "brut" else "net"
    rows = list(ReportCohort.objects.filter(role=role))
    place, band = present.lookup(rows, basis, plate, experience)
    title = _("What readers earn as %(title)s") % {"title": role.title}
    meta = seo.page_meta(
        title=seo.titled(title),
        description=_(
            "Median monthly pay reported by readers working as %(title)s, by province and "
            "experience, from %(count)s or more reports per figure."
        )
        % {"title": role.title, "count": conf.get("REPORTS_MIN_COUNT")},
        path=request.path,
        crumbs=[seo.Crumb(role.title, role.get_absolute_url()), seo.Crumb(title, request.path)],
    )
    return render(
        request,
        "salaries/reports/figures_page.html",
        {
            "role": role,
            "title": title,
            "place": place,
            "band": band,
            "whole": present.whole(rows, basis),
            "basis": basis,
            "plate": plate,
            "experience": experience,
            "provinces": provinces.choices(),
            "experiences": Experience.choices,
            "has_figures": bool(rows),
            "meta": meta,
        },
    )
