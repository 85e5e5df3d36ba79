"""The salaries app's surrogate keys (see ``careers.articles.keys`` for the article's own).

=================  ===================================================================
key                shown by
=================  ===================================================================
``minwage``        every page showing a figure against the minimum wage: articles
                   (multiples, the notice), role cards with a notice, the comparison,
                   the methodology page, the API's minimum wage
``payroll``        every page showing a figure converted between net and gross (or
                   saying that its year has no payroll rules): articles, role cards and
                   the salary list with a net or gross figure, the comparison, the
                   API's salary answers, the downloads, the net/gross calculator
``reports-<pk>``   that role's published readers' figures: its article, comparisons with
                   it, its figures page and API answer (the report batch invalidates
                   exactly the roles whose figures changed)
``reports``        every list of readers' figures: the salary list, the downloads
=================  ===================================================================

A band's change invalidates its role's and every list's keys (``role-<pk>``, ``roles``): the
role's latest figures are on its cards.
"""

MINWAGE = "minwage"

PAYROLL = "payroll"

REPORTS = "reports"


def reports(role_pk):
    return f"reports-{role_pk}"
