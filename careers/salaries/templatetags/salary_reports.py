"""What readers' salary reports add to other pages, by tag (the host template knows nothing
else of them):

    {% slot "article-after-salary" role %}   (the article: :func:`article_reports`) the block
                                       below the editors' figures, with the form
    {% load salary_reports %}
    {% reader_reports role %}          the article's "Okurların bildirdiği maaşlar": the
                                       published figures, a box plot per experience band, the
                                       cities, and the "Maaşını paylaş" form
    {% reader_reports role form=False %}   the figures only (the comparison's columns)
    {% report_form form role %}        the form alone (its own page, with what was sent)
    {% report_headline role as headline %}  a list row's medians (``role.report_summary``)

The figures come from the role's :class:`ReportSummary`, read in the role's own query (the
article joins it: ``SalariesConfig.article_joins``; lists ``select_related`` it):
no query of their own, never a report. Each tag records the role's ``reports-<pk>`` key on the
page (or the article's cached fragment), which the batch invalidates when the figures change.
"""

from django import template
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext, pgettext

from careers.articles.fragments import shows_in_template
from careers.site import jinja
from careers.site.slots import link_url

from .. import keys
from ..reports import conf, present
from ..reports.forms import ReportForm, province_options
from ..reports.present import summary_of

register = template.Library()


def _html(text, **values):
    """A translated sentence holding HTML, with ``values`` escaped into it (as Django's
    ``{% blocktranslate %}`` does)."""
    return mark_safe(text % {name: escape(value) for name, value in values.items()})  # noqa: S308


def _group(group):
    """A group with its sentences, translated here (Jinja2 templates are not read by
    ``makemessages``)."""
    figures = group.all
    group.headline = _html(
        gettext("Median <strong>%(median)s</strong>; half of the reports between %(range)s."),
        median=figures.median_text,
        range=figures.range_text,
    )
    group.meta = ngettext(
        "%(count)s report, %(months)s · confidence: %(confidence)s",
        "%(count)s reports, %(months)s · confidence: %(confidence)s",
        figures.count,
    ) % {
        "count": localize(figures.count),
        "months": figures.months,
        "confidence": figures.confidence,
    }
    group.plot_title = gettext(
        "Reported pay by years of experience (%(title)s); the table below gives the same figures"
    ) % {"title": group.title}
    group.table_caption = gettext("Reported monthly pay by years of experience (%(title)s)") % {
        "title": group.title
    }
    return group


@register.simple_tag(takes_context=True)
def reader_reports(context, role, form=True):
    """The block (``salaries/reports/block.jinja``): drawn by Jinja2, the form with it, as the
    Django language took a tenth of the article's cold render at scale on these two."""
    shows_in_template(context, keys.reports(role.pk))
    summary = summary_of(role)
    groups = [_group(g) for g in present.groups(summary.figures if summary else None)]
    thin = gettext(
        "Not enough reports yet. We publish a figure only when at least %(min_count)s reports "
        "from %(min_addresses)s different addresses agree on the occupation, so that no one's "
        "pay can be told from it."
    ) % {
        "min_count": conf.get("REPORTS_MIN_COUNT"),
        "min_addresses": conf.get("REPORTS_MIN_ADDRESSES"),
    }
    t = {
        "heading": gettext("Salaries reported by readers"),
        "apart": gettext(
            "Separate from the editors' figures: monthly pay that readers working in this "
            "occupation reported to us, recomputed every night."
        ),
        "by_province": gettext("By province:"),
        "thin": thin,
        "figures_link": gettext("Figures for your province and experience"),
        "how_counted": gettext("How are readers' reports counted?"),
        "share": gettext("Share your salary"),
        "not_enough": pgettext("salary reports", "not enough reports"),
        "quartiles": pgettext("salary reports", "25th to 75th percentile"),
        "median": pgettext("salary reports", "Median"),
        "experience": pgettext("salary reports", "Experience"),
        "range": pgettext("salary reports", "25th–75th percentile"),
        "reports": pgettext("salary reports", "Reports"),
        "row_thin": gettext("Not enough reports: see the whole occupation above."),
    }
    return jinja.render(
        "salaries/reports/block.jinja",
        {
            "role": role,
            "groups": groups,
            "form": form,
            "form_html": report_form(ReportForm(role=role), role) if form else "",
            "figures_url": reverse("salaries:report_figures", args=[role.slug]) if groups else "",
            "methodology_url": link_url("methodology"),
            "t": t,
        },
    )


@register.simple_tag
def report_form(form, role):
    """ "Maaşını paylaş" (``salaries/reports/form.jinja``), blank on the article, as the reader
    sent it on its own page: ``{% report_form form role %}``."""
    privacy = form.privacy
    t = {
        "correct": gettext(
            "Please correct the errors marked below; everything you entered is still here."
        ),
        "occupation": _html(
            gettext(
                "Occupation: <strong>%(title)s</strong>. No name, no e-mail: only what is "
                "asked below."
            ),
            title=role.title,
        ),
        "choose": gettext("Choose…"),
        "privacy": _html(
            gettext(
                "We keep your address only as a scrambled code, to stop repeated reports, and "
                "delete even that after %(days)s days. Your report is never shown on its own: "
                'only figures of %(count)s reports or more. <a href="%(privacy_url)s">KVKK '
                "privacy notice</a>."
            ),
            days=privacy["days"],
            count=privacy["count"],
            privacy_url=link_url("privacy"),
        ),
        "send": gettext("Send my salary"),
    }
    return jinja.render(
        "salaries/reports/form.jinja",
        {
            "form": form,
            "non_field_errors": form.non_field_errors(),
            "action": reverse("salaries:report_post", args=[role.slug]),
            "province_options": province_options(),
            "t": t,
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
