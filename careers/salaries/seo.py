"""What search engines are told a role pays: the Occupation's ``estimatedSalary`` in the
article's schema.org data (registered with ``careers.articles.seo.describe_occupation``).

Google's estimated-salary guidance asks for a ``MonetaryAmountDistribution``: a name, the
period (``P1M``: the figures are monthly), the median and the percentiles where they are
known, the currency; and recommends ``lastReviewed`` on the Occupation's page. An editor's
band gives one typical figure, its average, written as the median (the figure readers are
shown first); no percentile is known for it, so none is invented. The last review is the last
change of the role's salary figures.

A figure older than ``SALARY_STALE_MONTHS`` (``quality.is_stale``) is still shown to readers,
with the page's note that it may be out of date, but it is not offered to search engines as
today's estimate: the Occupation then has no ``estimatedSalary``. Everything comes from the
latest figures the role keeps (``Role.salary_*``): no query.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from careers.site.seo import json_number

from . import quality
from .models import PayBasis


def _name(role):
    if role.salary_pay_basis in (PayBasis.NET, PayBasis.GROSS):
        return _("Average monthly %(basis)s salary (%(year)s)") % {
            "basis": PayBasis(role.salary_pay_basis).label,
            "year": role.salary_year,
        }
    return _("Average monthly salary (%(year)s)") % {"year": role.salary_year}


def occupation_salary(role, canonical):
    """``estimatedSalary`` and the page's ``lastReviewed`` for the role's Occupation."""
    if role.salary_year is None:
        return {}
    described = {}
    if role.salary_updated_at is not None:
        described["mainEntityOfPage"] = {
            "@type": "WebPage",
            "@id": canonical,
            "lastReviewed": timezone.localtime(role.salary_updated_at).isoformat(),
        }
    if not quality.is_stale(role.salary_year):
        described["estimatedSalary"] = [
            {
                "@type": "MonetaryAmountDistribution",
                "name": _name(role),
                "currency": "TRY",  # every band's currency (the only one a band may have)
                "duration": "P1M",
                "median": json_number(role.salary_average),
                "validFrom": f"{role.salary_year}-01-01",
            }
        ]
    return described
