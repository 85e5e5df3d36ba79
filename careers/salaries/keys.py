"""The salaries app's surrogate key (see ``careers.articles.keys`` for the article's own).

=================  ===================================================================
key                shown by
=================  ===================================================================
``minwage``        every page showing a figure against the minimum wage: articles
                   (multiples, the notice), role cards with a notice, the comparison,
                   the methodology page, the API's minimum wage
=================  ===================================================================

A band's change invalidates its role's and every list's keys (``role-<pk>``, ``roles``): the
role's latest figures are on its cards.
"""

MINWAGE = "minwage"
