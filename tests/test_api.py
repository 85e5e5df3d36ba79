"""The open-data API (/api/v1/): schema, endpoints, drafts never leak, query counts constant in
the number of roles, page cache, ETag and the per-address rate limit."""

import datetime as dt
import html
import json

import pytest
import time_machine
from django.utils import timezone

from careers.articles.models import RoleSkill, Sector, Skill
from careers.salaries.models import MinimumWage, SalaryBand
from careers.site.seo import json_number

from .factories import fill_role, link, make_band, make_comment, make_role, make_sector, make_skill
from .test_browse import catalogue  # Uzman 00, 01, ...: two sectors, one skill, 2024-2025

pytestmark = pytest.mark.django_db


def get(client, path, **headers):
    response = client.get(path, **headers)
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    return response, json.loads(response.content)


# --- Schema and index -----------------------------------------------------------------------


def test_openapi_schema_documents_every_endpoint(client):
    response, schema = get(client, "/api/v1/openapi.json")
    assert response.status_code == 200
    assert schema["info"]["title"] == "Meslek Rehberi API"
    assert set(schema["paths"]) == {
        "/api/v1/",
        "/api/v1/roles",
        "/api/v1/roles/{slug}",
        "/api/v1/roles/{slug}/reports",
        "/api/v1/sectors",
        "/api/v1/skills",
        "/api/v1/salaries",
        "/api/v1/salaries/{year}",
        "/api/v1/minimum-wage",
    }
    band = schema["components"]["schemas"]["ArticleBand"]["properties"]
    assert band["pay_basis"]["enum"] == ["net", "gross", "unspecified"]
    assert {"year", "source", "is_sample"} <= set(band)


def test_index_lists_endpoints_and_licence(client):
    response, index = get(client, "/api/v1/")
    assert response.status_code == 200
    assert index["license"] == "CC BY 4.0"
    assert index["openapi"].endswith("/api/v1/openapi.json")
    assert index["endpoints"]["roles"].endswith("/api/v1/roles")


def test_docs_page_is_turkish_and_links_schema_and_downloads(client):
    response = client.get("/api/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Açık veri" in html and "CC BY 4.0" in html
    for href in ("/api/v1/openapi.json", "/veri/maaslar.csv", "/veri/maaslar-excel.csv"):
        assert f'href="{href}"' in html or href in html


# --- Roles ----------------------------------------------------------------------------------


def test_roles_are_listed_in_turkish_alphabetical_order(client):
    for title, slug in (("Zabıta", "zabita"), ("Çevirmen", "cevirmen"), ("Cerrah", "cerrah"),
                        ("3D Tasarımcı", "3d-tasarimci"), ("Hâkim", "hakim"),
                        ("Hz Uzmanı", "hz-uzmani"), ("Işık Teknisyeni", "isik-teknisyeni"),
                        ("İlaç Temsilcisi", "ilac-temsilcisi")):  # fmt: skip
        make_role(title, slug=slug)
    _, page = get(client, "/api/v1/roles")
    assert [r["title"] for r in page["results"]] == [
        "3D Tasarımcı", "Cerrah", "Çevirmen", "Hâkim", "Hz Uzmanı", "Işık Teknisyeni",
        "İlaç Temsilcisi", "Zabıta",
    ]  # fmt: skip


def test_roles_are_paginated_in_title_order_with_latest_salary(client):
    catalogue(5)
    response, page = get(client, "/api/v1/roles?page_size=2&page=2")
    assert response.status_code == 200
    assert page["count"] == 5 and page["pages"] == 3 and page["page"] == 2
    assert [r["slug"] for r in page["results"]] == ["uzman-02", "uzman-03"]
    latest = page["results"][0]["latest_salary"]
    assert {name: latest[name] for name in ("year", "average", "top", "pay_basis")} == {
        "year": 2025, "average": 32000, "top": 52000, "pay_basis": "net",
    }  # fmt: skip
    assert latest["average_net"] == 32000 and latest["average_gross"] > 32000  # test_net_gross
    assert page["next"].endswith("/api/v1/roles?page=3&page_size=2")
    assert page["previous"].endswith("/api/v1/roles?page=1&page_size=2")
    assert page["results"][0]["sector"] == {"slug": "saglik", "name": "Sağlık"}


def test_roles_filter_by_sector_and_skill(client):
    catalogue(4)
    _, by_sector = get(client, "/api/v1/roles?sector=finans")
    assert [r["slug"] for r in by_sector["results"]] == ["uzman-01", "uzman-03"]
    other = make_skill("Sayısal beceri", slug="sayisal")
    make_role("Muhasebeci", slug="muhasebeci").role_skills.create(skill=other, body="Hesaplar.")
    _, by_skill = get(client, "/api/v1/roles?skill=sayisal")
    assert [r["slug"] for r in by_skill["results"]] == ["muhasebeci"]


def test_roles_search_folds_turkish_letters_and_ranks_titles_first(client):
    make_role("Müşteri Hizmetleri Temsilcisi", slug="musteri-hizmetleri-temsilcisi")
    make_role("Kasiyer", slug="kasiyer", summary="Müşteri ile konuşur ve ödemeleri alır.")
    make_role("Aşçı", slug="asci")
    for query in ("musteri", "MÜŞTERİ", "müşteri"):
        _, page = get(client, f"/api/v1/roles?q={query}")
        assert [r["slug"] for r in page["results"]] == ["musteri-hizmetleri-temsilcisi", "kasiyer"]
    _, filtered = get(client, "/api/v1/roles?q=musteri&sector=nope")
    assert filtered == {"detail": "Böyle bir sektör yok."}


@pytest.mark.parametrize(
    ("path", "status", "detail"),
    [
        ("/api/v1/roles?sector=yok", 404, "Böyle bir sektör yok."),
        ("/api/v1/roles?sector=a%00b", 422, "Geçersiz parametre: sector."),
        ("/api/v1/roles?skill=%C3%A7%27--", 422, "Geçersiz parametre: skill."),
        ("/api/v1/roles/a%00b", 422, "Geçersiz parametre: slug."),
        ("/api/v1/roles?q=" + "a" * 201, 422, "Geçersiz parametre: q."),
        ("/api/v1/roles?skill=yok", 404, "Böyle bir beceri yok."),
        ("/api/v1/roles?page=9", 404, "9. sayfa yok; son sayfa 1."),
        ("/api/v1/roles?page=0", 422, "Geçersiz parametre: page."),
        ("/api/v1/roles?page=abc", 422, "Geçersiz parametre: page."),
        ("/api/v1/roles?page_size=1000", 422, "Geçersiz parametre: page_size."),
        ("/api/v1/roles/yok", 404, "Bu adreste yayında bir meslek yok."),
        ("/api/v1/salaries/1999", 404, "1999 için maaş bilgisi yok."),
        ("/api/v1/salaries/iki", 404, "Bulunamadı."),
        ("/api/v1/salaries/2026.0", 404, "Bulunamadı."),  # one address per year: 2026 only
        ("/api/v1/salaries/02026", 404, "Bulunamadı."),
        ("/api/v1/nereye", 404, "Bulunamadı."),
    ],
)
def test_bad_requests_get_a_turkish_json_answer(client, path, status, detail):
    make_role("Uzman", slug="uzman")
    response, body = get(client, path)
    assert response.status_code == status
    assert body == {"detail": detail}


def test_role_detail_has_everything_the_article_shows(client, seed_role):
    response, role = get(client, f"/api/v1/roles/{seed_role.slug}")
    assert response.status_code == 200
    assert role["title"] == "Müşteri Hizmetleri Ekip Lideri"
    assert role["sector"]["name"] == seed_role.sector.name
    assert len(role["responsibilities"]) == seed_role.responsibilities.count() > 0
    assert [s["label"] for s in role["skills"]] == [
        rs.display_label for rs in seed_role.role_skills.all()
    ]
    assert role["sections_html"]["intro"] == seed_role.intro_html
    band = role["salary_bands"][0]
    assert band["year"] == 2023 and band["average"] == 5000
    assert band["hourly_average"] == 25.2 and band["hourly_derived"] is False  # as entered
    assert band["pay_basis"] == "unspecified" and band["source"]  # its source does not say
    assert isinstance(band["is_sample"], bool)
    (shown,) = MinimumWage.objects.attach_multiples(seed_role.salary_bands.all())
    assert band["minimum_wage_multiple"] == json_number(shown.minimum_wage_multiple)  # as shown
    assert role["trends"] and role["trends"][0]["title"]
    assert role["related"][0]["slug"] == "kredi-asistani"
    assert role["related"][0]["kind"] == "editor"
    assert role["url"].endswith("/meslekler/musteri-hizmetleri-ekip-lideri/")
    # The note the article shows next to its 2023 figures, and the update notes.
    assert role["salary_notice"]["stale"] is True and role["salary_notice"]["year"] == 2023
    assert role["salary_notice"]["text"].startswith("Bu rakamlar 2023 yılına ait")
    assert role["salary_notice"]["below_minimum_wage"] is True
    assert isinstance(role["salary_updates"], list)
    card = role["card_image"].removeprefix("http://127.0.0.1:8000")
    assert client.get(card)["Content-Type"] == "image/png"


# --- Sectors, skills, salaries, minimum wage ------------------------------------------------


def test_sectors_and_skills_with_published_counts(client):
    catalogue(3)
    _, sectors = get(client, "/api/v1/sectors")
    assert [(s["slug"], s["role_count"]) for s in sectors["results"]] == [
        ("finans", 1),
        ("saglik", 2),
    ]
    assert sectors["results"][0]["roles_url"].endswith("/api/v1/roles?sector=finans")
    Sector.objects.filter(slug="finans").update(description="Bankalar ve sigorta.")
    Sector.objects.get(slug="finans").save()  # the edit, as the admin makes it (signals)
    _, sectors = get(client, "/api/v1/sectors")
    assert sectors["results"][0]["description"] == "Bankalar ve sigorta."
    _, skills = get(client, "/api/v1/skills")
    assert [(s["slug"], s["role_count"]) for s in skills["results"]] == [("iletisim-becerisi", 3)]


def test_salaries_by_year(client):
    catalogue(3)
    _, years = get(client, "/api/v1/salaries")
    assert [(y["year"], y["role_count"]) for y in years] == [(2025, 3), (2024, 3)]
    _, rows = get(client, "/api/v1/salaries/2025?sector=saglik")
    assert [(r["role"], r["average"]) for r in rows["results"]] == [
        ("uzman-00", 30000),
        ("uzman-02", 32000),
    ]
    assert rows["results"][0]["pay_basis"] == "net"  # the factory's bands are net


def test_minimum_wage_table(client):
    _, table = get(client, "/api/v1/minimum-wage")
    assert table[0]["effective_from"] == "2023-01-01"
    assert {key: table[0][key] for key in ("net_monthly", "gross_monthly")} == {
        "net_monthly": 8506.8,
        "gross_monthly": 10008.0,
    }
    assert [row["effective_from"][:4] for row in table][-1] == "2026"


# --- Drafts, scheduled articles and e-mail addresses never appear ---------------------------

ENDPOINTS = (
    "/api/v1/",
    "/api/v1/openapi.json",
    "/api/v1/roles",
    "/api/v1/roles?page_size=100",
    "/api/v1/roles?q=gizli",
    "/api/v1/roles?q=uzman",
    "/api/v1/roles?sector=finans",
    "/api/v1/roles?skill=iletisim-becerisi",
    "/api/v1/roles/uzman-00",
    "/api/v1/roles/uzman-01",
    "/api/v1/sectors",
    "/api/v1/skills",
    "/api/v1/salaries",
    "/api/v1/salaries/2024",
    "/api/v1/salaries/2025",
    "/api/v1/minimum-wage",
    "/veri/maaslar.csv",
    "/veri/maaslar-excel.csv",
    "/veri/maaslar.json",
)


def test_drafts_scheduled_roles_and_emails_never_leak(client):
    published = catalogue(2)
    secret_sector = make_sector("Gizli Sektör", slug="gizli-sektor")
    secret_skill = make_skill("Gizli Beceri", slug="gizli-beceri")
    draft = make_role("Gizli Taslak", slug="gizli-taslak", sector=secret_sector, published=False)
    scheduled = make_role(
        "Gizli Gelecek",
        slug="gizli-gelecek",
        sector=secret_sector,
        published_at=timezone.now() + dt.timedelta(days=2),
    )
    for hidden in (draft, scheduled):
        fill_role(hidden, 1, skills=[secret_skill])
        make_band(hidden, year=2019, average="11111", top="22222", source="Gizli kaynak")
        RoleSkill.objects.create(
            role=hidden, skill=published[0].role_skills.first().skill, body="x"
        )
        link(published[0], hidden)  # an explicit link to a draft is not followed either
        make_comment(hidden, email="gizli@example.org")
    make_comment(published[0], email="okur-gizli@example.org")
    for path in ENDPOINTS:
        response = client.get(path)
        assert response.status_code in (200, 404), path
        body = response.content.decode("utf-8-sig").casefold()
        for secret in ("gizli", "11111", "2019", "@example.org"):
            assert secret not in body, (path, secret)
    for path in ("/api/v1/roles/gizli-taslak", "/api/v1/roles/gizli-gelecek"):
        assert client.get(path).status_code == 404
    assert client.get("/api/v1/salaries/2019").status_code == 404
    _, skills = get(client, "/api/v1/skills")
    assert skills["results"][0]["role_count"] == 2  # the drafts asking for it are not counted


def test_scheduled_role_appears_once_its_time_comes(client):
    make_role(
        "Zamanı Gelen", slug="zamani-gelen", published_at=timezone.now() + dt.timedelta(hours=1)
    )
    assert client.get("/api/v1/roles/zamani-gelen").status_code == 404
    with time_machine.travel(timezone.now() + dt.timedelta(hours=2)):
        from django.core.cache import cache

        cache.clear()  # the page cache would keep the 404 no longer than its lifetime
        assert client.get("/api/v1/roles/zamani-gelen").status_code == 200


# --- Query counts: fixed, whatever the number of roles --------------------------------------

#: Each answer showing salary figures reads the payroll rules once (figures on both bases,
#: careers/salaries/conversion.py): + 1 query, then kept in the cache until the rules change.
PAYROLL = 1
QUERIES = {
    "/api/v1/": 0,
    "/api/v1/openapi.json": 0,
    "/api/v1/roles": 2 + PAYROLL,  # count, page
    "/api/v1/roles?page=2&page_size=2": 2 + PAYROLL,
    "/api/v1/roles?sector=finans": 3 + PAYROLL,  # + the sector
    "/api/v1/roles?skill=iletisim-becerisi": 3 + PAYROLL,  # + the skill
    "/api/v1/roles?q=uzman": 2 + PAYROLL,  # the search, the page
    "/api/v1/roles?q=uzman&sector=finans": 4 + PAYROLL,  # + the sector, the filter on the hits
    # role, 5 prefetches, computed related (the ranking, the roles), minimum wage, history
    "/api/v1/roles/uzman-01": 10 + PAYROLL,
    "/api/v1/sectors": 2,  # the pages' cached counts (listing.sectors_with_counts), the sectors
    "/api/v1/skills": 3,  # the cached counts over role skills, less unpublished, the skills
    "/api/v1/salaries": 1,
    "/api/v1/salaries/2025": 2 + PAYROLL,
    "/api/v1/salaries/2025?sector=finans": 3 + PAYROLL,
    "/api/v1/minimum-wage": 1,
    "/veri/maaslar.csv": 2 + PAYROLL,  # the data date, the rows
    "/veri/maaslar-excel.csv": 2 + PAYROLL,
    "/veri/maaslar.json": 2 + PAYROLL,
}


@pytest.mark.parametrize("size", [3, 30])
@pytest.mark.parametrize("path", list(QUERIES))
def test_query_count_is_constant_in_the_number_of_roles(
    client, django_assert_num_queries, size, path
):
    roles = catalogue(size)
    link(roles[1], roles[-1])
    with django_assert_num_queries(QUERIES[path]):
        response = client.get(path)
    assert response.status_code == 200
    with django_assert_num_queries(0):  # then from the page cache
        again = client.get(path)
    assert again["X-Page-Cache"] == "hit"
    assert again.content == response.content


# --- Page cache, ETag, rate limit -----------------------------------------------------------


def test_cached_answer_is_purged_when_content_changes(client):
    (role,) = catalogue(1)
    _, before = get(client, "/api/v1/roles/uzman-00")
    role.title = "Kıdemli Uzman"
    role.save()
    response, after = get(client, "/api/v1/roles/uzman-00")
    assert response["X-Page-Cache"] == "miss"
    assert (before["title"], after["title"]) == ("Uzman 00", "Kıdemli Uzman")


def _rename_sector():
    sector = Sector.objects.get(slug="finans")
    sector.name = "Finans ve Bankacılık"
    sector.save()
    return "Finans ve Bankacılık"


def _rename_skill():
    skill = Skill.objects.get(slug="iletisim-becerisi")
    skill.name = "Etkili İletişim"
    skill.save()
    return "Etkili İletişim"


def _new_minimum_wage():
    MinimumWage.objects.create(
        effective_from=dt.date(2026, 7, 1), net_monthly=30000, gross_monthly=35000, source="x"
    )
    return "2026-07-01"


def _raise_salary():
    band = SalaryBand.objects.get(role__slug="uzman-01", year=2025)
    band.average = 33333
    band.save()
    return "33333"


def _add_skill_to_a_role():
    role = make_role("Yeni Gelen", slug="yeni-gelen")
    RoleSkill.objects.create(role=role, skill=Skill.objects.get(slug="iletisim-becerisi"), body=".")
    return "yeni-gelen"


@pytest.mark.parametrize(
    ("path", "change"),
    [
        ("/api/v1/sectors", _rename_sector),
        ("/api/v1/roles", _rename_sector),  # the cards show the sector's name
        ("/veri/maaslar.csv", _rename_sector),
        ("/api/v1/skills", _rename_skill),
        ("/api/v1/roles/uzman-01", _rename_skill),
        ("/api/v1/minimum-wage", _new_minimum_wage),
        ("/api/v1/salaries/2025", _raise_salary),
        ("/veri/maaslar.json", _raise_salary),
        ("/api/v1/roles?skill=iletisim-becerisi", _add_skill_to_a_role),
    ],
)
def test_a_change_purges_exactly_the_answers_showing_it(client, path, change):
    catalogue(3)
    before = client.get(path)
    assert client.get(path)["X-Page-Cache"] == "hit"
    shown = change()
    after = client.get(path)
    assert after["X-Page-Cache"] == "miss" and shown in after.content.decode("utf-8-sig")
    assert shown not in before.content.decode("utf-8-sig")


def test_etag_and_conditional_get(client):
    (role,) = catalogue(1)
    first = client.get("/api/v1/roles")
    etag = first["ETag"]
    assert etag
    unchanged = client.get("/api/v1/roles", HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged["ETag"] == etag
    make_band(role, year=2026, average="40000", top="60000")
    changed = client.get("/api/v1/roles", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert b'"year": 2026' in changed.content


def test_answers_allow_other_sites_to_read_them(client):
    assert client.get("/api/v1/roles")["Access-Control-Allow-Origin"] == "*"


def test_rate_limit_per_address_answers_429_in_json(client, settings):
    settings.API_RATE_LIMIT = 3
    settings.API_RATE_WINDOW = 60
    catalogue(1)
    start = timezone.now().replace(second=5, microsecond=0) + dt.timedelta(minutes=1)
    with time_machine.travel(start, tick=False):
        for path in ("/api/v1/", "/api/v1/roles", "/api/v1/sectors"):  # three the app answers
            assert client.get(path).status_code == 200
        response, body = get(client, "/api/v1/roles/uzman-00")
        assert response.status_code == 429
        assert body == {
            "detail": "Adresinizden çok fazla istek geldi: "
            "lütfen 60 saniye bekleyip yeniden deneyin."
        }
        assert response["Retry-After"] == "60"  # when the first of the three leaves the window
        assert client.get("/veri/maaslar.csv").status_code == 429  # downloads share the limit
        other = client.get("/api/v1/roles/uzman-00", REMOTE_ADDR="192.0.2.7")
        assert other.status_code == 200  # another address has its own count
        assert client.get("/").status_code == 200  # the site's pages are not limited
    with time_machine.travel(start + dt.timedelta(seconds=60), tick=False):
        assert client.get("/api/v1/skills").status_code == 200  # the first three have left it


def test_role_detail_has_the_articles_salary_notes(client):
    role = make_role("Veri Analisti", slug="veri-analisti")
    make_band(role, year=2024, average="20000", top="30000")
    make_band(role, year=2025, average="21000", top="30000")
    _, detail = get(client, "/api/v1/roles/veri-analisti")
    article = html.unescape(client.get(role.get_absolute_url()).content.decode())
    (note,) = detail["salary_updates"]  # one day of changes
    assert note["year"] == 2025 and note["previous_year"] == 2024
    assert note["text"] in article
    notice = detail["salary_notice"]  # 21.000 TL is below today's net minimum wage
    assert notice["below_minimum_wage"] is True and notice["minimum_wage_today"] > 21000
    assert notice["text"] in article
