"""Lists read from the database in pages, in the right order, whatever the number of roles."""

import pytest

from careers.articles import listing

from .factories import make_band, make_role, make_sector

pytestmark = pytest.mark.django_db


def test_recently_updated_and_most_read_come_from_the_indexes_without_drafts(client):
    old = make_role("Eski Meslek", view_count=5)
    make_band(old, year=2025)
    popular = make_role("Çok Okunan", view_count=90)
    draft = make_role("Taslak Meslek", published=False, view_count=500)
    make_band(draft, year=2026)  # the newest change of all, but a draft's
    read, updated = listing.home_selection(5)
    assert [r.title for r in read] == ["Çok Okunan", "Eski Meslek"]
    assert draft.pk not in {r.pk for r in updated}
    assert updated[0].pk in {old.pk, popular.pk}
    assert "Taslak Meslek" not in client.get("/").content.decode()
    assert "Taslak Meslek" not in client.get("/besleme/rss/").content.decode()


def table(response):
    html = response.content.decode()
    return html[html.index('class="salary-table"') :]


def test_salary_page_pages_by_figure_with_roles_without_figures_last(client):
    sector = make_sector("Finans", slug="finans")
    for i in range(55):
        make_band(make_role(f"Meslek {i:02d}", sector=sector), average=str(20000 + i * 100))
    make_role("Rakamsız Meslek", sector=sector)
    first = table(client.get("/maaslar/"))
    assert first.index("Meslek 54") < first.index("Meslek 53")  # highest average first
    assert "Meslek 04" not in first and "Rakamsız Meslek" not in first  # 50 a page
    second = table(client.get("/maaslar/?sayfa=2"))
    assert second.index("Meslek 00") < second.index("Rakamsız Meslek")
    ascending = table(client.get("/maaslar/?sirala=ortalama&yon=artan"))
    assert ascending.index("Meslek 00") < ascending.index("Meslek 01")
    assert "Rakamsız Meslek" not in ascending  # still last: on the second page
    by_title = table(client.get("/maaslar/?sirala=meslek&yon=azalan&sektor=finans"))
    assert by_title.index("Rakamsız Meslek") < by_title.index("Meslek 54")  # R after M, Z–A
