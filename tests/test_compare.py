"""Comparing two or three roles: one address per comparison, the page's sections, the form
that picks the other role without JavaScript, query counts and the page cache."""

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse

from careers.articles.models import Role, Status
from careers.compare import logic

from .factories import fill_role, make_band, make_role, make_sector
from .helpers import text_of

pytestmark = pytest.mark.django_db

SEED, OTHER = "musteri-hizmetleri-ekip-lideri", "kredi-asistani"
PAIR = f"/karsilastir/{OTHER}/{SEED}/"  # kredi-... sorts before musteri-...


@pytest.fixture
def site(demo):
    """The demo content with its search index (written when the load commits)."""


# --- One address per comparison -------------------------------------------------------------


def test_canonical_order_is_the_sorted_addresses():
    assert logic.canonical_slugs(["veri-analisti", "kredi-asistani"]) == [
        "kredi-asistani",
        "veri-analisti",
    ]
    assert (
        logic.comparison_url(["b", "a"]) == logic.comparison_url(["a", "b"]) == "/karsilastir/a/b/"
    )
    assert logic.comparison_url(["c", "a", "b"]) == "/karsilastir/a/b/c/"


def test_other_orders_redirect_permanently_to_the_one_address(client, site):
    response = client.get(f"/karsilastir/{SEED}/{OTHER}/")
    assert response.status_code == 301 and response["Location"] == PAIR
    response = client.get(f"/karsilastir/veri-analisti/{SEED}/{OTHER}/")
    assert response["Location"] == f"/karsilastir/{OTHER}/{SEED}/veri-analisti/"
    page = client.get(PAIR)
    assert page.status_code == 200
    assert f'<link rel="canonical" href="{settings.SITE_URL}{PAIR}">' in page.content.decode()


@pytest.mark.parametrize(
    "path",
    [f"/karsilastir/{SEED}/{SEED}/", f"/karsilastir/{OTHER}/yok-boyle/", "/karsilastir/a/b/c/"],
)
def test_a_role_twice_or_an_unknown_role_is_not_found(client, site, path):
    assert client.get(path).status_code == 404


def test_drafts_are_not_compared(client, site):
    Role.objects.filter(slug=OTHER).update(status=Status.DRAFT)
    assert client.get(PAIR).status_code == 404


# --- What the page shows --------------------------------------------------------------------


@time_machine.travel("2026-12-01 23:30:00+00:00")
def test_seed_and_kredi_asistani_side_by_side(client, site):
    response = client.get(PAIR)
    text = text_of(response)
    assert "<h1>Kredi Asistanı ve Müşteri Hizmetleri Ekip Lideri karşılaştırması</h1>" in (
        response.content.decode()
    )
    glance = text_of(response, "<table", "</table>")
    assert "Ortalama maaş 39.000 TL (2026, net) 5.000 TL (2023, net/brüt: belirtilmemiş)" in glance
    assert "Asgari ücretin katı net asgari ücretin 1,4 katı —" in glance
    assert "İstihdam görünümü Azalması bekleniyor Azalması bekleniyor" in glance
    salaries = text_of(response, 'id="maaslar"', 'id="egitim"')
    assert "Bu rakamlar 2023 yılına ait ve güncel olmayabilir." in salaries  # the seed's column
    assert salaries.count("Yıllara göre Kredi Asistanı maaşı") == 1  # 3 years: a chart
    assert "Maaş rakamları nasıl derleniyor?" in salaries
    assert "Eğitim: Kredi asistanlarının çoğu işletme" in text
    assert "Eğitim: Müşteri hizmetleri ekip liderlerinin genellikle" in text
    skills = text_of(response, 'id="beceriler"', 'id="calisma-sartlari"')
    assert "Ortak beceriler İletişim becerisi" in skills
    only_credit = "Bilgisayar okuryazarlığı Detaylara dikkat Mevzuat bilgisi Sayısal yetenek"
    assert f"Yalnızca Kredi Asistanı {only_credit}" in skills
    only_seed = "Çatışma çözme Karar verme Problem çözme Takım çalışması"
    assert f"Yalnızca Müşteri Hizmetleri Ekip Lideri {only_seed}" in skills
    work = text_of(response, 'id="calisma-sartlari"', 'id="ekle"')
    assert "banka şubelerinde" in work and "Kredi Asistanı makalesinin tamamını okuyun" in work


def test_three_roles_and_skills_shared_by_some(client):
    sector = make_sector("Finans", slug="finans")
    roles = [
        make_role(title, sector=sector) for title in ("Ahmet Uzmanı", "Berk Uzmanı", "Cem Uzmanı")
    ]
    from careers.articles.models import RoleSkill

    from .factories import make_skill

    common, pair = make_skill("Ortak Beceri"), make_skill("İkili Beceri")
    for role in roles:
        RoleSkill.objects.create(role=role, skill=common, body="x")
    for role in roles[:2]:
        RoleSkill.objects.create(role=role, skill=pair, body="x")
    slugs = sorted(role.slug for role in roles)
    response = client.get(f"/karsilastir/{'/'.join(slugs)}/")
    skills = text_of(response, 'id="beceriler"', 'id="calisma-sartlari"')
    assert "Ortak beceriler Ortak Beceri" in skills
    assert "Bazılarında ortak İkili Beceri : Ahmet Uzmanı, Berk Uzmanı" in skills
    assert 'id="ekle"' not in response.content.decode()  # three is the most


@pytest.mark.parametrize("rows", [2, 20])
def test_comparison_queries_are_constant_and_then_cached(client, django_assert_num_queries, rows):
    sector = make_sector()
    roles = [fill_role(make_role(sector=sector), rows) for _ in range(2)]
    for role in roles:
        for year in range(2026 - rows, 2026):
            make_band(role, year=year)
    url = logic.comparison_url([role.slug for role in roles])
    # roles with sector; their bands; their skills; the minimum wage table; the payroll rules
    # (net bands beside gross ones)
    with django_assert_num_queries(5):
        response = client.get(url)
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert client.get(url)["X-Page-Cache"] == "hit"


# --- From the article ------------------------------------------------------------------------


def test_article_offers_compare_and_related_cards_link_to_the_comparison(client, site):
    html = client.get(f"/meslekler/{SEED}/").content.decode()
    assert f'href="/karsilastir/?meslek={SEED}">Müşteri Hizmetleri Ekip Lideri mesleğini' in html
    related = html[html.index('id="ilgili-meslekler"') :]
    assert (
        f'<a class="card-compare" href="{PAIR}">Karşılaştır<span class="visually-hidden">'
        in related
    )


# --- Picking the other role ------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["Kredi Asistanı", "kredi asistani", "KREDİ ASİSTANI"])
def test_typing_the_other_role_leads_to_the_comparison(client, site, typed):
    response = client.get(reverse("compare:pick"), {"meslek": SEED, "diger": typed})
    assert response.status_code == 302 and response["Location"] == PAIR


def test_a_vague_name_lists_the_matches_as_comparison_links(
    client, site, django_assert_num_queries
):
    # the chosen role; the search's hits and their roles; the same sector's roles
    with django_assert_num_queries(4):
        response = client.get(reverse("compare:pick"), {"meslek": SEED, "diger": "uzman"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex, follow">' in html
    assert f'<a href="/karsilastir/muhasebe-uzmani/{SEED}/">Muhasebe Uzmanı</a>' in html
    assert f'<a href="/karsilastir/{SEED}/musteri-hizmetleri-temsilcisi/">' in html  # same sector
    assert f'<input type="hidden" name="meslek" value="{SEED}"' in html
    assert 'value="uzman"' in html  # what the reader typed is kept


def test_no_match_says_so_and_keeps_the_text(client, site):
    response = client.get(reverse("compare:pick"), {"meslek": SEED, "diger": "<b>zzqq</b>"})
    html = response.content.decode()
    assert "“&lt;b&gt;zzqq&lt;/b&gt;” ile eşleşen bir meslek yok." in html
    assert "<b>zzqq</b>" not in html


def test_a_third_role_is_added_from_the_comparison(client, site):
    response = client.get(
        reverse("compare:pick"), {"meslek": [OTHER, SEED], "diger": "Veri Analisti"}
    )
    assert response["Location"] == f"/karsilastir/{OTHER}/{SEED}/veri-analisti/"
    assert client.get(response["Location"]).status_code == 200


def test_without_a_first_role_the_name_picks_it(client, site):
    response = client.get(reverse("compare:pick"), {"diger": "kredi"})
    assert f'href="/karsilastir/?meslek={OTHER}"' in response.content.decode()


def test_junk_in_the_query_string_is_ignored(client, site):
    response = client.get(reverse("compare:pick"), {"meslek": ["../etc", SEED, SEED, "x" * 500]})
    assert response.status_code == 200
    assert "Müşteri Hizmetleri Ekip Lideri mesleğini başka bir meslekle" in text_of(response)
