"""What the salaries app adds to other apps' pages. The apps below it (the article, its lists)
reach these through the slots this app fills (``SalariesConfig.slots``, careers/site/slots.py);
the apps above it may also ``{% load salaries %}``.

    {% salary_section role %}            the article's figures: bands with their minimum-wage
                                         multiples, chart, sources, update notes, the notice
                                         (slot "article-salary")
    {% salary_card_figures role %}       a role card's latest figures and note ("role-card")
    {% salary_list_link %}               the home page's link to /maaslar/ ("home-links")
    {% salary_notice role as notice %}   a card's note: old figures, below today's minimum wage
    {{ role.salary_pay_basis|pay_basis }}  the Turkish name of a pay basis ("net", "brüt", ...)
    {% other_basis role.salary_average role.salary_pay_basis role.salary_year %}
                                         a figure's net or gross counterpart (conversion.py)

Today's minimum wage is one value for a whole page: the minimum wage table is read once per
rendering (every card and the article's section share it), from the cache until a minimum
wage changes (:data:`keys.MINWAGE`), never as a subquery per row. The payroll rules likewise
(:data:`keys.PAYROLL`), read only when a figure with a known basis is shown. Each tag records
the keys of what it shows on the page, or on the article's cached fragment it is rendered in.
"""

from django import template
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext

from careers import turkish
from careers.articles.fragments import shows_in_template
from careers.site.baked import Baked

from .. import charts, conversion, keys, notices, rules
from ..models import MinimumWage, PayBasis, SalaryBand

register = template.Library()
#: Where one rendering keeps the minimum wage table (the root of the render context: shared by
#: every include of that rendering, as Django keeps its own include cache there).
_RATES = "salaries.minimum_wage_table"
_PAYROLL = "salaries.payroll_converter"
#: ``role.salary_bands.all()`` as a baked query (careers/site/baked.py).
_BANDS = Baked(lambda role_id: SalaryBand.objects.filter(role_id=role_id))


def minimum_wage_table(context):
    """``MinimumWage.objects.table()`` once per rendering: from the cache (no query) until a
    minimum wage changes; the page (or fragment) then shows the minimum wage."""
    memo = context.render_context.dicts[0]
    if _RATES not in memo:
        memo[_RATES] = notices.minimum_wages()
        shows_in_template(context, keys.MINWAGE)
    return memo[_RATES]


def payroll_converter(context):
    """The net/gross converter once per rendering (:func:`conversion.converter`: the rules
    from the cache until they change); the page (or fragment) then shows the payroll rules."""
    memo = context.render_context.dicts[0]
    if _PAYROLL not in memo:
        memo[_PAYROLL] = conversion.converter()
        shows_in_template(context, keys.PAYROLL)
    return memo[_PAYROLL]


@register.simple_tag(takes_context=True)
def salary_section(context, role):
    """The article's salary figures (``salaries/figures.html``): two queries (the bands,
    their history), plus the minimum wage table and the payroll rules when the cache has lost
    them."""
    bands = _BANDS(role.pk)
    rates = minimum_wage_table(context) if bands else []
    bands = MinimumWage.objects.attach_multiples(bands, rates)
    if any(band.pay_basis in conversion.OTHER for band in bands):
        payroll_converter(context).attach(bands)
    history = notices.recent_history(role) if bands else []
    return render_to_string(
        "salaries/figures.html",
        {
            "role": role,
            "bands": bands,
            "sources": rules.salary_sources(bands),
            "chart": charts.history_chart(bands),
            "notice": notices.notice_for_bands(bands, rates),
            "updates": notices.update_notes(history, bands),
        },
    )


@register.simple_tag(takes_context=True)
def salary_notice(context, role):
    """The note next to a card's latest figures (:func:`notices.salary_notice`), or None:
    ``{% salary_notice role as notice %}``. No query for a role without figures."""
    if role.salary_year is None:
        return None
    rate = notices.minimum_wage_on(minimum_wage_table(context), timezone.localdate())
    return notices.salary_notice(role.salary_year, role.salary_average, rate and rate.net_monthly)


@register.simple_tag(takes_context=True)
def other_basis(context, figure, pay_basis, year, short=False):
    """A figure's counterpart on the other basis, as a link to its calculation (or why there
    is none): ``{% other_basis role.salary_average role.salary_pay_basis role.salary_year %}``.
    Nothing for no figure or an unspecified basis (then no rules are read)."""
    if figure in (None, "") or pay_basis not in conversion.OTHER or not year:
        return ""
    converted = payroll_converter(context).convert(figure, pay_basis, int(year))
    return converted.html(short) if converted else ""


@register.filter
def converted_html(converted):
    """A band's counterpart attached by the section (``band.converted_average``) as HTML."""
    return converted.html() if converted else ""


@register.simple_tag(takes_context=True)
def salary_card_figures(context, role):
    """A role card's latest average with its year and basis, its counterpart on the other
    basis, and its note: nothing for a role without figures (no query). The note and the
    counterpart are found with the page's context, so that the minimum wage and the payroll
    rules are read once per page and the page records that it shows them."""
    if not role.salary_average:
        return ""
    # Built here, not by a template of its own: a list of fifty cards rendered fifty nested
    # templates, a sixth of a role list's cold render at 10,000 roles (docs/scale.md).
    text = gettext("%(year)s average: %(amount)s") % {
        "year": role.salary_year,
        "amount": turkish.format_money(role.salary_average),
    }
    basis = ""
    if role.salary_pay_basis in conversion.OTHER:
        converted = other_basis(
            context, role.salary_average, role.salary_pay_basis, role.salary_year
        )
        basis = format_html(
            ' <span class="pay-basis">{}</span> {}', pay_basis(role.salary_pay_basis), converted
        )
    html = format_html('<span class="card-salary">{}{}</span>', text, basis)
    notice = salary_notice(context, role)
    if notice:
        html += format_html('\n<span class="card-notice">{}</span>', notice.text)
    return html


@register.simple_tag(takes_context=True)
def salary_list_link(context):
    """The home page's first link onward, "Maaşları karşılaştır ·"."""
    return render_to_string("salaries/home_link.html")


@register.filter
def pay_basis(value):
    """``"gross"`` -> ``"brüt"`` (the label: one Turkish name everywhere); empty for none."""
    return PayBasis(value).label if value in PayBasis.values else ""
