from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from careers.site.editors import crud


class SalariesConfig(AppConfig):
    """What a role pays: the editors' salary bands (with history, import and export, quality
    warnings), the minimum wage they are compared with, what readers are told next to the
    figures, and the salary comparison page. Built on articles, which never imports it: the
    article shows the figures through the slots this app fills, and this app keeps each role's
    latest figures on the role (``Role.salary_*``) for the articles' lists."""

    name = "careers.salaries"
    label = "salaries"
    verbose_name = _("Salaries")
    #: Editors keep salaries, the minimum wage and the payroll rules current (bulk import
    #: needs change_salaryband) and read the bands' and the rules' history
    #: (careers.site.editors). The payroll rules turn every net or gross figure on the site
    #: at once: editors add a new year's and correct a number (history kept), but removing a
    #: period (every figure of its months loses its counterpart) is the editorial board's.
    #: Readers' reports: editors review them (accept or reject, never add or edit one) and
    #: see the published cohorts and the batch's runs.
    editor_permissions = (
        *crud("salaryband", "minimumwage"),
        "view_payrollparameters",
        "add_payrollparameters",
        "change_payrollparameters",
        "view_historicalsalaryband",
        "view_historicalpayrollparameters",
        "view_report",
        "review_report",
        "view_reportsummary",
        "view_reportbatchrun",
    )
    reviewer_permissions = ("delete_payrollparameters",)

    #: The article reads its readers' figures in the role's own query (no query of its own;
    #: careers.articles.models.article_joins).
    article_joins = ("report_summary",)

    def ready(self):
        from careers.articles.seo import describe_occupation

        from . import seo, signals  # noqa: F401  (signals: refresh the roles' figures, invalidate pages)

        describe_occupation(seo.occupation_salary)  # the article's estimatedSalary

    def slots(self):
        """The article's figures and, under them, its readers' reports (before the comparison
        link: apps fill a slot in INSTALLED_APPS order), a role card's figures, the home page's
        link to /maaslar/ (careers/site/slots.py)."""
        from .templatetags import salaries, salary_reports

        return {
            "article-salary": salaries.salary_section,
            "article-after-salary": salary_reports.article_reports,
            "role-card": salaries.salary_card_figures,
            "home-links": salaries.salary_list_link,
        }
