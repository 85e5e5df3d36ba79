"""What readers' salary reports add to other pages, by tag (the host template knows nothing
else of them):

    {% slot "article-after-salary" role %}   (the article: :func:`article_reports`) the block
                                       below the editors' figures, with the form
    {% load salary_reports %}
    {% reader_reports role %}          the article's "Okurların bildirdiği maaşlar": the
                                       published figures, a box plot per experience band, the
                                       cities, and the "Maaşını paylaş" form
    {% reader_reports role form=False %}   the figures only (the comparison's columns)
    {% report_headline role as headline %}  a list row's medians (``role.report_summary``)

The figures come from the role's :class:`ReportSummary`, read in the role's own query (the
article joins it: ``SalariesConfig.article_joins``; lists ``select_related`` it):
no query of their own, never a report. Each tag records the role's ``reports-<pk>`` key on the
page (or the article's cached fragment), which the batch invalidates when the figures change.
"""

from django import template
from django.template.loader import render_to_string

from careers.articles.fragments import shows_in_template
from careers.site import jinja

from .. import keys
from ..reports import conf, present
from ..reports.forms import ReportForm, province_options
from ..reports.present import summary_of

register = template.Library()


@register.simple_tag(takes_context=True)
def reader_reports(context, role, form=True):
    shows_in_template(context, keys.reports(role.pk))
    summary = summary_of(role)
    return render_to_string(
        "salaries/reports/block.html",
        {
            "role": role,
            "groups": present.groups(summary.figures if summary else None),
            "form": ReportForm(role=role) if form else None,
            "province_options": province_options(),
            "min_count": conf.get("REPORTS_MIN_COUNT"),
            "min_addresses": conf.get("REPORTS_MIN_ADDRESSES"),
        },
    )


def article_reports(context, role):
    """The article's readers' block (slot "article-after-salary", under the editors' figures):
    the form only on a published article (a preview takes no report)."""
    return reader_reports(context, role, form=role.is_public)


@register.simple_tag(takes_context=True)
def report_headline(context, role):
    """The role's :class:`ReportSummary` (``net_median``, ``gross_median``, their counts and
    ``year``) for a list row, or None: ``{% report_headline role as readers %}``."""
    shows_in_template(context, keys.reports(role.pk))  # figures may appear after a batch
    summary = summary_of(role)
    if summary is None or (summary.net_median is None and summary.gross_median is None):
        return None
    return summary


@register.filter
def report_radios(field):
    """A choice of the report form as radio buttons (``salaries/reports/radios.jinja``): five
    of them in the form on every article, a cold render's slowest part of the form in the
    Django language."""
    return jinja.render("salaries/reports/radios.jinja", {"field": field})
