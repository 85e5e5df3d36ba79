"""The comparison page (two or three roles side by side) and the form that picks the roles.

Both work without JavaScript: the form is a plain GET form whose text is resolved on the
server by the site's Turkish search (no list of every role: the site may have 10,000), and it
suggests roles of the same sector as links."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from careers import turkish
from careers.articles import keys
from careers.articles.listing import by_title
from careers.articles.models import Role, RoleSkill
from careers.salaries import charts, conversion, notices, rules
from careers.salaries import keys as salary_keys
from careers.salaries.models import MinimumWage
from careers.search import service, throttle
from careers.site import seo
from careers.site.pagecache import cache_public_page, shows

from . import logic
from .forms import PickForm

SUGGESTIONS = 12
RESULTS = 8


@dataclass(frozen=True)
class Figure:
    """A latest average on one basis: the source's own figure, or its counterpart computed
    with the year's payroll rules (``approximate``); ``amount`` None when there is neither."""

    amount: object = None
    approximate: bool = False


@dataclass
class Column:
    role: Role
    bands: list
    chart: dict | None
    sources: list
    notice: object
    latest: object
    chart_id: str

    def on_basis(self, basis):
        """The latest average as a net or a gross figure, so that a net band and a gross one
        are compared like with like (``conversion``: the year's average month)."""
        band = self.latest
        if band is None or band.pay_basis not in conversion.OTHER:
            return Figure()
        if band.pay_basis == basis:
            return Figure(band.average)
        converted = getattr(band, "converted_average", None)
        return Figure(converted and converted.amount, approximate=True)

    @property
    def net(self):
        return self.on_basis(conversion.NET)

    @property
    def gross(self):
        return self.on_basis(conversion.GROSS)


def _columns(request, roles, rates):
    columns = []
    converter = None
    for index, role in enumerate(roles, start=1):
        bands = MinimumWage.objects.attach_multiples(role.salary_bands.all(), rates)
        if any(band.pay_basis in conversion.OTHER for band in bands):
            converter = converter or conversion.converter(request)  # the rules, once
            converter.attach(bands)
        columns.append(
            Column(
                role=role,
                bands=bands,
                chart=charts.history_chart(bands),
                sources=rules.salary_sources(bands),
                notice=notices.notice_for_bands(bands, rates),
                latest=logic.latest_band(bands),
                chart_id=f"maas-grafik-{index}",
            )
        )
    return columns


def comparison_roles(slugs):
    """The published roles of ``slugs`` with what the page shows (three queries; the readers'
    figures come with the roles)."""
    return list(
        Role.objects.published()
        .filter(slug__in=slugs)
        .select_related("sector", "report_summary")  # readers' figures: a left join
        .prefetch_related(
            "salary_bands",
            Prefetch("role_skills", queryset=RoleSkill.objects.select_related("skill")),
        )
        .order_by("slug")
    )


@cache_public_page
def compare(request, **kwargs):
    given = [kwargs[name] for name in ("a", "b", "c") if name in kwargs]
    slugs = logic.canonical_slugs(given)
    if not logic.is_comparable(slugs):
        raise Http404
    if slugs != given:  # one address per comparison: the other orders point to it
        return redirect(logic.comparison_url(slugs), permanent=True)
    roles = comparison_roles(slugs)
    if len(roles) != len(slugs):
        raise Http404
    shows(
        request,
        salary_keys.MINWAGE,
        *keys.cards(roles),
        *(keys.skill(rs.skill_id) for role in roles for rs in role.role_skills.all()),
    )
    columns = _columns(request, roles, MinimumWage.objects.table())
    titles = turkish.and_join([role.title for role in roles])
    heading = _("%(titles)s compared") % {"titles": titles}
    path = logic.comparison_url(slugs)
    meta = seo.page_meta(
        title=seo.titled(heading),
        description=_(
            "%(titles)s side by side: salaries and their history, education and certificates, "
            "job outlook, skills and working conditions."
        )
        % {"titles": titles},
        path=path,
        crumbs=[
            seo.Crumb(_("Compare occupations"), reverse("compare:pick")),
            seo.Crumb(heading, path),
        ],
    )
    form = PickForm(initial={"meslek": slugs}) if len(slugs) < logic.MAX_ROLES else None
    return render(
        request,
        "compare/compare.html",
        {
            "heading": heading,
            "columns": columns,
            "converted": any(
                column.net.approximate or column.gross.approximate for column in columns
            ),
            "roles": roles,
            "skills": logic.compare_skills(roles),
            "form": form,
            "meta": meta,
        },
    )


def _suggestions(chosen, limit=SUGGESTIONS):
    """Roles of the first chosen role's sector, the most read first (one query)."""
    if not chosen:
        return []
    roles = (
        Role.objects.published()
        .filter(sector_id=chosen[0].sector_id)
        .exclude(pk__in=[role.pk for role in chosen])
        .only("title", "slug")
        .order_by("-view_count", "title")[:limit]
    )
    return by_title(roles)


def _resolve(request, text, chosen):
    """``(match, results)`` for a typed name: the roles the site's search finds (two
    queries), without those already chosen; ``match`` is the one the reader surely meant (its
    title typed, with or without Turkish letters, or the only result), else None. A new name
    spends the visitor's search budget (raises ``throttle.Throttled`` over it)."""
    _words, page = service.search(text, request, page_size=RESULTS + len(chosen))
    chosen_ids = {role.pk for role in chosen}
    results = [r.role for r in page.object_list if r.role.pk not in chosen_ids][:RESULTS]
    typed = turkish.ascii_fold(text)
    exact = [role for role in results if turkish.ascii_fold(role.title) == typed]
    match = exact[0] if exact else results[0] if len(results) == 1 else None
    return match, results


@cache_public_page(params=("meslek", "diger"), keys=(keys.ROLES, keys.SEARCH))
def pick(request):
    """``?meslek=<slug>[&meslek=<slug>]&diger=<text>``: the roles chosen so far and the name
    of the next one, typed. A typed name that matches one role leads straight to the
    comparison; otherwise the matches are listed as links, with roles of the same sector."""
    form = PickForm(request.GET)
    form.is_valid()
    chosen = []
    if form.chosen_slugs:
        chosen = by_title(
            Role.objects.published()
            .filter(slug__in=form.chosen_slugs)
            .only("title", "slug", "sector_id")
        )
    chosen_slugs = [role.slug for role in chosen]
    results, notice, status = [], None, 200
    if form.text:
        try:
            match, results = _resolve(request, form.text, chosen)
        except throttle.Throttled:
            match, status = None, 429
            notice = _("You have searched a lot in a short time. Please try again in a minute.")
        if match is not None and chosen:
            return redirect(logic.comparison_url([*chosen_slugs, match.slug]))
        if not results and status == 200:
            notice = _("No occupation matches “%(text)s”. Try another name.") % {"text": form.text}

    def target(role):
        if chosen:
            return logic.comparison_url([*chosen_slugs, role.slug])
        return reverse("compare:pick") + "?" + urlencode({"meslek": role.slug})

    title = _("Compare occupations")
    meta = seo.page_meta(
        title=seo.titled(title),
        description=_("Pick two or three occupations to see them side by side."),
        path=reverse("compare:pick"),
        crumbs=[seo.Crumb(title, reverse("compare:pick"))],
        robots=seo.NOINDEX,
    )
    response = render(
        request,
        "compare/pick.html",
        {
            "form": form,
            "chosen": chosen,
            "results": [(role, target(role)) for role in results],
            "suggestions": [(role, target(role)) for role in _suggestions(chosen)],
            "notice": notice,
            "meta": meta,
        },
        status=status,
    )
    if status == 429:
        response["Retry-After"] = str(throttle.Throttled.retry_after)
    return response
