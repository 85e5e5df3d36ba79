from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from careers.site.editors import crud


class SalariesConfig(AppConfig):
    """What a role pays: the editors' salary bands (with history, import and export, quality
    warnings), the minimum wage they are compared with, what readers are told next to the
    figures, and the salary comparison page. Built on articles, which never imports it: the
    article shows the figures through this app's template tags, and this app keeps each role's
    latest figures on the role (``Role.salary_*``) for the articles' lists."""

    name = "careers.salaries"
    label = "salaries"
    verbose_name = _("Salaries")
    #: Editors keep salaries and the minimum wage current (bulk import needs
    #: change_salaryband) and read the bands' history (careers.site.editors).
    #: Readers' reports: editors review them (accept or reject, never add or edit one) and
    #: see the published cohorts and the batch's runs.
    editor_permissions = (
        *crud("salaryband", "minimumwage"),
        "view_historicalsalaryband",
        "view_report",
        "review_report",
        "view_reportsummary",
        "view_reportbatchrun",
    )

    def ready(self):
        from careers.articles.models import join_to_article

        from . import signals  # noqa: F401  (refresh the roles' figures, invalidate pages)

        # The article reads its readers' figures in the role's own query (no query of its own).
        join_to_article("report_summary")
