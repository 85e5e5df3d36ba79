"""The site's figures on the demo content, page by page, as a reader and the issue's "Done
when" see them: every net or gross figure the demo shows comes with its counterpart (or why it
has none), the seed article's unspecified figures never do, and showing both bases costs each
demo page at most one query (the payroll rules, read once per page on a cold cache, then kept).

The cost is measured against the same page rendered with the rules handed over without a query
(``conversion.fetch_periods`` patched to return the very rows the table holds): everything else
on the page is the same, so the difference is exactly what reading the rules costs. The figures
themselves are checked against the pure module in tests/test_net_gross.py.
"""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.articles.models import Role, Sector
from careers.compare import logic
from careers.salaries import conversion
from careers.salaries.models import PayrollParameters, SalaryBand

from .helpers import text_of

pytestmark = pytest.mark.django_db

SEED = "musteri-hizmetleri-ekip-lideri"
#: What a figure with a known basis carries beside it: its counterpart, or why there is none.
COUNTERPART = re.compile(r"≈ [\d.]+ TL (net|brüt), \d{4} kurallarıyla|karşılığı yok: \d{4}")


def demo_pages():
    """Every public page of the demo that shows salary figures, and the open data."""
    roles = list(Role.objects.published().order_by("slug"))
    with_figures = [role for role in roles if role.salary_average and role.slug != SEED]
    pages = ["/", "/meslekler/", "/maaslar/", "/maaslar/net-brut/?tutar=45.000&tur=net&yil=2025"]
    pages += [role.get_absolute_url() for role in roles]
    pages += [sector.get_absolute_url() for sector in Sector.objects.order_by("slug")[:3]]
    pages += [
        logic.comparison_url([with_figures[0].slug, with_figures[1].slug]),
        logic.comparison_url([SEED, with_figures[0].slug]),
        "/api/v1/roles",
        f"/api/v1/roles/{with_figures[0].slug}",
        f"/api/v1/salaries/{with_figures[0].salary_year}",
        "/veri/maaslar.csv",
    ]
    return pages


def cold_queries(client, url):
    """The queries of one request on an empty cache (page cache, minimum wages, rules)."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response


def test_showing_both_bases_costs_each_demo_page_at_most_one_query(demo, client, monkeypatch):
    pages = demo_pages()
    counts = {url: cold_queries(client, url)[0] for url in pages}
    rules = PayrollParameters.objects.periods()
    monkeypatch.setattr(conversion, "fetch_periods", lambda: rules)
    without = {url: cold_queries(client, url)[0] for url in pages}
    growth = {url: counts[url] - without[url] for url in pages}
    assert set(growth.values()) <= {0, 1}, growth
    # the pages that convert figures pay exactly the one read (the seed article too: its own
    # figures are unspecified, but its related roles' cards show net figures)
    assert growth["/maaslar/"] == growth["/"] == growth["/api/v1/roles"] == 1
    assert growth[f"/meslekler/{SEED}/"] == 1
    print("\n".join(f"{counts[url]:3} {without[url]:3} {url}" for url in pages))


def test_every_demo_figure_with_a_basis_shows_the_other_and_unspecified_never(demo, client):
    for role in Role.objects.published().exclude(slug=SEED).filter(salary_average__isnull=False):
        html = client.get(role.get_absolute_url()).content.decode()
        block = html[html.index('id="maas"') : html.index("</section>", html.index('id="maas"'))]
        lines = re.findall(r"<li>(.*?)</li>", block, re.S)
        figures = [line for line in lines if "pay-basis-net" in line or "pay-basis-gross" in line]
        bands = SalaryBand.objects.filter(role=role).exclude(pay_basis="unspecified").count()
        assert len(figures) == 2 * bands, role.slug  # the average and the top of each band
        for line in figures:
            text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", line))
            assert COUNTERPART.search(text), (role.slug, text)
    seed = client.get(f"/meslekler/{SEED}/")
    block = text_of(seed, 'id="maas"', "</section>")
    assert "belirtilmemiş" in block and "≈" not in block and "karşılığı yok" not in block


def test_the_demo_lists_show_each_net_figure_with_its_gross(demo, client):
    shown = Role.objects.published().exclude(slug=SEED).filter(salary_average__isnull=False)
    converted = shown.filter(salary_pay_basis__in=["net", "gross"]).count()
    salary_list = text_of(client.get("/maaslar/"))
    # the average and the top of each role on the first page (paginated in the database)
    assert salary_list.count("≈") >= min(converted, 20) * 2
    home = client.get("/").content.decode()
    cards = re.findall(r'<li class="role-card">(.*?)</li>', home, re.S)
    for card in cards:
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", card))
        if " net" in text or " brüt" in text:
            assert COUNTERPART.search(text), text
