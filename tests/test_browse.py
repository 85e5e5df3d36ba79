"""Home, skill pages, the salary comparison and their query counts."""

import re
from decimal import Decimal

import pytest

from careers.articles.models import Role, RoleSkill
from careers.salaries import charts, payroll
from careers.turkish import format_money

from .factories import fill_role, make_band, make_role, make_sector, make_skill
from .helpers import text_of

pytestmark = pytest.mark.django_db


def catalogue(size=3):
    finance = make_sector("Finans", slug="finans")
    health = make_sector("Sağlık", slug="saglik")
    talk = make_skill("İletişim becerisi", slug="iletisim-becerisi")
    roles = []
    for i in range(size):
        role = make_role(f"Uzman {i:02d}", sector=finance if i % 2 else health)
        RoleSkill.objects.create(role=role, skill=talk, body="Konuşur.")
        make_band(role, year=2024, average=str(20000 + i * 1000), top=str(40000 + i * 1000))
        make_band(role, year=2025, average=str(30000 + i * 1000), top=str(50000 + i * 1000))
        roles.append(role)
    return roles


# --- Home -----------------------------------------------------------------------------------


def test_home_has_search_box_most_read_and_recently_updated(client):
    finance = make_sector("Finans", slug="finans")
    quiet = make_role("Arşivci", sector=finance)
    popular = make_role("Muhasebeci", sector=finance)
    middle = make_role("Veznedar", sector=finance)
    Role.objects.filter(pk=popular.pk).update(view_count=90)
    Role.objects.filter(pk=middle.pk).update(view_count=40)
    make_role("Gizli Okunan", sector=finance, published=False, view_count=500)
    make_band(quiet, year=2025)  # a salary update makes the oldest role the newest change
    response = client.get("/")
    html = response.content.decode()
    assert '<form class="search-form" role="search" action="/ara/" method="get">' in html
    text = text_of(response)
    most_read = text[text.index("En çok okunanlar") : text.index("Son güncellenenler")]
    assert most_read.index("Muhasebeci") < most_read.index("Veznedar")
    assert "Arşivci" not in most_read  # never read
    assert "Gizli" not in text
    recent = text[text.index("Son güncellenenler") : text.index("A’dan Z’ye tüm meslekler")]
    assert recent.index("Arşivci") < recent.index("Veznedar") < recent.index("Muhasebeci")
    assert "Finans 3 meslek" in text


def test_a_sector_or_skill_whose_roles_are_all_unpublished_is_a_404_like_a_draft(client):
    """Its name and description are no more public than its draft articles."""
    hidden = make_sector("Gizli Sektör", slug="gizli-sektor", description="Taslak sektör.")
    secret = make_skill("Gizli Beceri", slug="gizli-beceri")
    draft = make_role("Taslak Meslek", sector=hidden, published=False)
    RoleSkill.objects.create(role=draft, skill=secret, body="x")
    make_sector("Boş Sektör", slug="bos-sektor")  # no role at all
    for path in ("/sektorler/gizli-sektor/", "/beceriler/gizli-beceri/", "/sektorler/bos-sektor/"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Gizli" not in text_of(response) and "Taslak sektör" not in text_of(response)
    live = make_role("Açık Meslek", sector=hidden)  # a published role: the pages appear
    RoleSkill.objects.create(role=live, skill=secret, body="x")
    assert client.get("/sektorler/gizli-sektor/").status_code == 200
    assert client.get("/beceriler/gizli-beceri/").status_code == 200
    live.status = "draft"  # unpublished again: the cached pages go with it
    live.save()
    assert client.get("/sektorler/gizli-sektor/").status_code == 404
    assert client.get("/beceriler/gizli-beceri/").status_code == 404


# --- Skill pages ----------------------------------------------------------------------------


def test_skill_page_lists_published_roles_that_need_it(client):
    talk = make_skill("İletişim becerisi", slug="iletisim-becerisi")
    for title in ["Zabıt Kâtibi", "Çağrı Uzmanı", "Cerrah"]:
        RoleSkill.objects.create(role=make_role(title), skill=talk, body="x")
    RoleSkill.objects.create(role=make_role("Taslak", published=False), skill=talk, body="x")
    make_role("Becerisiz")
    response = client.get("/beceriler/iletisim-becerisi/")
    assert response.status_code == 200
    text = text_of(response)
    assert "<h1>İletişim becerisi gereken meslekler</h1>" in response.content.decode()
    assert "<title>İletişim becerisi gereken meslekler | Meslek Rehberi</title>" in (
        response.content.decode()
    )
    assert "3 meslek bu beceriyi istiyor." in text
    assert text.index("Cerrah") < text.index("Çağrı Uzmanı") < text.index("Zabıt Kâtibi")
    assert "Taslak" not in text and "Becerisiz" not in text
    assert client.get("/beceriler/yok/").status_code == 404


def test_skill_page_is_paginated(client):
    talk = make_skill("İletişim becerisi", slug="iletisim-becerisi")
    for i in range(23):
        RoleSkill.objects.create(role=make_role(f"Meslek {i:02d}"), skill=talk, body="x")
    first = client.get("/beceriler/iletisim-becerisi/")
    assert "Sayfa 1 / 2" in text_of(first) and "Meslek 20" not in text_of(first)
    second = client.get("/beceriler/iletisim-becerisi/?sayfa=2")
    assert "Meslek 22" in text_of(second)
    assert (
        '<link rel="canonical" href="http://127.0.0.1:8000/beceriler/iletisim-becerisi/?sayfa=2">'
        in (second.content.decode())
    )
    assert "(sayfa 2)" in text_of(second)


def test_skill_index_and_article_link_to_skill_pages(client):
    roles = catalogue(2)
    make_skill("Kullanılmayan", slug="kullanilmayan")
    text = text_of(client.get("/beceriler/"))
    assert "İletişim becerisi 2 meslek" in text
    assert "Kullanılmayan" not in text
    html = client.get(roles[0].get_absolute_url()).content.decode()
    assert "Bu becerileri isteyen diğer meslekler:" in html
    assert '<a href="/beceriler/iletisim-becerisi/">İletişim becerisi</a>' in html


# --- Salary comparison ----------------------------------------------------------------------


def gross_2025(net):
    """``"90000"`` -> ``"138.476 TL"``: the gross shown beside a 2025 net figure."""
    return format_money(payroll.gross_for_average_net(Decimal(net), 2025), 0)


def salary_rows(response):
    html = response.content.decode()
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return [
        re.sub(r"<[^>]+>", "", m) for m in re.findall(r'<th scope="row"><a [^>]+>(.*?)</a>', body)
    ]


@pytest.fixture
def salaried():
    finance = make_sector("Finans", slug="finans")
    health = make_sector("Sağlık", slug="saglik")
    roles = {
        "Çevirmen": ("30000", "70000", health),
        "Cerrah": ("90000", "150000", health),
        "İcra Memuru": ("45000", "50000", finance),
        "Ilık Su Uzmanı": ("20000", "20000", finance),
    }
    for title, (average, top, sector) in roles.items():
        role = make_role(title, sector=sector)
        make_band(role, year=2024, average="1000", top="2000")
        make_band(role, year=2025, average=average, top=top)
    make_role("Maaşsız Uzman", sector=finance)
    make_role("Taslak Uzman", sector=finance, published=False)


def test_salary_page_default_order_is_average_descending(in_late_2026, client, salaried):
    response = client.get("/maaslar/")
    assert salary_rows(response) == [
        "Cerrah", "İcra Memuru", "Çevirmen", "Ilık Su Uzmanı", "Maaşsız Uzman",
    ]  # fmt: skip
    text = text_of(response)
    # each net figure with its gross counterpart (tests/test_net_gross.py); the row says the
    # year, the link's name the rules
    average, top = (gross_2025(amount) for amount in ("90000", "150000"))
    assert f"Cerrah Sağlık 2025 net 90.000 TL ≈ {average} brüt 150.000 TL ≈ {top} brüt" in text
    assert f'aria-label="≈ {average} brüt, 2025 kurallarıyla"' in response.content.decode()
    assert "Maaşsız Uzman Finans — — —" in text
    assert "Taslak" not in text


CERRAH, CEVIRMEN, ICRA, ILIK, NONE = (
    "Cerrah", "Çevirmen", "İcra Memuru", "Ilık Su Uzmanı", "Maaşsız Uzman",
)  # fmt: skip


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"sirala": "meslek"}, [CERRAH, CEVIRMEN, ILIK, ICRA, NONE]),
        ({"sirala": "meslek", "yon": "azalan"}, [NONE, ICRA, ILIK, CEVIRMEN, CERRAH]),
        ({"sirala": "ortalama", "yon": "artan"}, [ILIK, CEVIRMEN, ICRA, CERRAH, NONE]),
        ({"sirala": "ust"}, [CERRAH, CEVIRMEN, ICRA, ILIK, NONE]),
        ({"sektor": "saglik"}, [CERRAH, CEVIRMEN]),
        ({"sektor": "finans", "sirala": "meslek"}, [ILIK, ICRA, NONE]),
    ],
)
def test_salary_page_sorts_in_turkish_order_and_filters(client, salaried, params, expected):
    response = client.get("/maaslar/", params)
    assert response.status_code == 200
    assert salary_rows(response) == expected


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"sirala": "maas; DROP"}, "Bu sıralama seçeneği yok; varsayılan sıralama gösteriliyor."),
        ({"yon": "yukari"}, "Bu sıralama seçeneği yok; varsayılan sıralama gösteriliyor."),
        ({"sektor": "uzay"}, "Böyle bir sektör yok; tüm meslekler gösteriliyor."),
        ({"sektor": "<b>x</b>"}, "Böyle bir sektör yok; tüm meslekler gösteriliyor."),
        ({"sektor": "x" * 5000}, "Böyle bir sektör yok; tüm meslekler gösteriliyor."),
    ],
)
def test_salary_page_bad_parameters_fall_back_with_a_message(client, salaried, params, notice):
    response = client.get("/maaslar/", params)
    assert response.status_code == 200
    assert notice in text_of(response)
    assert len(salary_rows(response)) == 5
    assert "<b>x</b>" not in response.content.decode()


def test_salary_page_has_an_accessible_svg_chart_and_sort_links(client, salaried):
    html = client.get("/maaslar/", {"sektor": "saglik"}).content.decode()
    assert "<h1>Sağlık maaşları karşılaştırması</h1>" in html
    assert 'role="img" aria-labelledby="karsilastirma-baslik karsilastirma-aciklama"' in html
    assert '<title id="karsilastirma-baslik">Sağlık maaşları karşılaştırması</title>' in html
    assert "ortalama 90.000 TL · üst düzey 150.000 TL" in html
    assert '<rect class="bar-top" x="0" y="68" width="100.0%"' in html  # the largest top
    assert re.findall(r' (?:x|y|width|height)="[^"]*,', html) == []  # not "640,0"
    assert "<script" not in html.replace('<script type="application/ld+json">', "")
    assert 'href="?sektor=saglik&amp;sirala=meslek&amp;yon=artan"' in html
    assert 'aria-sort="descending"' in html
    assert '<link rel="canonical" href="http://127.0.0.1:8000/maaslar/?sektor=saglik">' in html


def test_comparison_chart_geometry():
    class R:
        def __init__(self, title, average, top):
            self.title, self.salary_average, self.salary_top = title, average, top

    chart = charts.comparison_chart([R("A", 50, 100), R("B", 25, 50), R("C", None, None)])
    assert [bar["title"] for bar in chart["bars"]] == ["A", "B"]
    assert chart["bars"][0]["top_width"] == 100.0 and chart["bars"][0]["average_width"] == 50.0
    assert chart["bars"][1]["top_width"] == 50.0
    assert (chart["bars"][1]["average"], chart["bars"][1]["top"]) == ("25 TL", "50 TL")
    assert charts.comparison_chart([R("C", None, None)]) is None


# --- Salary history on the article ----------------------------------------------------------


def test_article_with_several_years_shows_salary_history_chart(client, django_assert_num_queries):
    role = make_role("Veri Analisti")
    make_band(role, year=2023, average="20000", top="30000")
    make_band(role, year=2025, average="40000", top="60000")
    make_band(role, year=2024, average="30000", top="45000")
    with django_assert_num_queries(11):  # the same as without the chart (test_views)
        html = client.get(role.get_absolute_url()).content.decode()
    desc = re.search(r'<desc id="maas-grafik-aciklama">(.*?)</desc>', html).group(1)
    assert desc == (
        "2023: ortalama 20.000 TL, üst düzey 30.000 TL; "
        "2024: ortalama 30.000 TL, üst düzey 45.000 TL; "
        "2025: ortalama 40.000 TL, üst düzey 60.000 TL"
    )
    assert '<title id="maas-grafik-baslik">Yıllara göre Veri Analisti maaşı</title>' in html
    years = re.findall(r'<text class="year"[^>]*>(\d+)</text>', html)
    assert years == ["2023", "2024", "2025"]
    assert re.findall(r' (?:x|y|width|height)="[^"]*,', html) == []  # SVG numbers unlocalized


def test_article_with_one_year_has_no_history_chart(client):
    role = make_role()
    make_band(role, year=2025)
    assert "maas-grafik" not in client.get(role.get_absolute_url()).content.decode()


def test_history_chart_geometry():
    class B:
        def __init__(self, year, average, top):
            self.year, self.average, self.top = year, average, top

    chart = charts.history_chart([B(2025, 50, 100), B(2024, 25, 50)])
    first, second = chart["years"]
    assert (first["year"], second["year"]) == (2024, 2025)
    assert second["top_height"] == chart["baseline"] - 24  # the tallest bar fills the plot
    assert first["top_height"] == second["top_height"] / 2
    assert second["top_y"] + second["top_height"] == chart["baseline"]
    assert charts.history_chart([B(2025, 1, 2)]) is None


# --- Query counts of every public page ------------------------------------------------------


@pytest.mark.parametrize("size", [3, 30])
def test_public_page_query_counts_are_constant(client, django_assert_num_queries, size):
    roles = catalogue(size)
    for role in roles[:3]:
        fill_role(role, 3)
    pages = [
        # roles with salary and last change; roles counted by sector, and their sectors; by
        # initial; the minimum wage table (the cards' notice: once, then kept in the cache for
        # every page until a wage changes); the payroll rules (the cards' net figures with their
        # gross: likewise, once)
        ("/", 6),
        ("/meslekler/", 1),  # roles with salary
        ("/sektorler/finans/", 2),  # sector; its roles
        # counts over role skills, less the unpublished roles'; the skills (kept until skills
        # change)
        ("/beceriler/", 3),
        ("/beceriler/iletisim-becerisi/", 3),  # skill; its published roles counted; a page
        ("/maaslar/", 3),  # a page of roles with salary; their sectors (counts cached); data date
        ("/maaslar/?sektor=finans&sirala=ust", 3),
        # see test_views.test_article_query_count_is_constant (the minimum wage table is in
        # the cache already); computed related roles: the ranking, then the cards
        (roles[0].get_absolute_url(), 10),
        ("/ara/?q=uzman", 2),  # full-text hits; the page's roles
        ("/ara/?q=yokboyle", 1),  # no hits (the sectors to suggest: cached counts)
        ("/ara/", 0),  # the sectors to suggest, from the cached counts
        ("/sitemap.xml", 2),  # the index: latest role and salary change (counts cached)
        ("/besleme/rss/", 1),
        ("/besleme/atom/", 1),
        ("/robots.txt", 0),
        ("/yok-boyle-sayfa/", 0),  # 404
    ]
    for url, queries in pages:
        with django_assert_num_queries(queries):
            response = client.get(url)
        assert response.status_code == (404 if "yok-boyle" in url else 200), url
        with django_assert_num_queries(0):  # then served from the page cache
            assert client.get(url).status_code == response.status_code
