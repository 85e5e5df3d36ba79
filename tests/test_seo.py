"""What search engines read: titles, descriptions, canonical links, Open Graph, JSON-LD,
breadcrumbs, sitemap.xml, feeds, robots.txt and the error pages."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone
from django.views.defaults import server_error

from careers.articles.models import Role, RoleSkill, Skill
from careers.salaries.models import SalaryBand, refresh_role_salaries

from .clock import AWKWARD_HOURS
from .factories import fill_role, make_band, make_role, make_sector, make_skill
from .helpers import text_of

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8000"


@pytest.fixture
def site():
    finance = make_sector("Finans", slug="finans")
    talk = make_skill("İletişim becerisi", slug="iletisim-becerisi")
    credit = make_role(
        "Kredi Asistanı",
        sector=finance,
        alternative_titles="Kredi Yetkilisi",
        summary="Kredi başvurularını hazırlar ve müşterileri bilgilendirir.",
    )
    fill_role(credit, 2)
    RoleSkill.objects.create(role=credit, skill=talk, body="Konuşur.")
    make_band(credit, year=2024, average="25000", top="35000")
    make_band(credit, year=2025, average="30000", top="45000")
    payroll = make_role("Bordro Uzmanı", sector=finance, summary="Maaş bordrolarını hazırlar.")
    RoleSkill.objects.create(role=payroll, skill=talk, body="Yazışır.")
    draft = make_role("Taslak Meslek", sector=finance, published=False)
    scheduled = make_role(
        "Gelecek Meslek", sector=finance, published_at=timezone.now() + timedelta(days=3)
    )
    return {"credit": credit, "payroll": payroll, "draft": draft, "scheduled": scheduled}


PUBLIC_PAGES = [
    "/",
    "/meslekler/",
    "/meslekler/kredi-asistani/",
    "/meslekler/bordro-uzmani/",
    "/sektorler/finans/",
    "/beceriler/",
    "/beceriler/iletisim-becerisi/",
    "/maaslar/",
    "/maaslar/?sektor=finans",
    "/ara/",
    "/ara/?q=kredi",
]


def head(html, pattern):
    match = re.search(pattern, html)
    return match.group(1) if match else None


def jsonld(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


def test_every_page_has_a_unique_title_and_description(client, site):
    titles, descriptions = {}, {}
    for url in PUBLIC_PAGES:
        html = client.get(url).content.decode()
        title = head(html, r"<title>(.*?)</title>")
        description = head(html, r'<meta name="description" content="(.*?)">')
        assert title and description, url
        assert title not in titles, f"{url} repeats the title of {titles.get(title)}"
        titles[title] = url
        if "/ara/" not in url:  # search pages are noindex and share one description
            assert description not in descriptions, f"{url} repeats {descriptions[description]}"
            descriptions[description] = url


def test_every_page_has_canonical_open_graph_and_visible_breadcrumbs(client, site):
    for url in PUBLIC_PAGES:
        html = client.get(url).content.decode()
        canonical = head(html, r'<link rel="canonical" href="(.*?)">')
        assert canonical and canonical.startswith(SITE + "/"), url
        assert "?q=" not in canonical and "sirala" not in canonical
        assert head(html, r'<meta property="og:url" content="(.*?)">') == canonical
        assert head(html, r'<meta property="og:title" content="(.*?)">') == head(
            html, r"<title>(.*?)</title>"
        )
        assert head(html, r'<meta property="og:locale" content="(.*?)">') == "tr_TR"
        assert '<nav class="breadcrumbs wrap" aria-label="Sayfa konumu">' in html, url
        assert '<a href="/">Ana sayfa</a>' in html or 'aria-current="page">Ana sayfa' in html


def test_article_head_and_breadcrumbs(client, site):
    response = client.get("/meslekler/kredi-asistani/")
    html = response.content.decode()
    assert "<title>Kredi Asistanı Ne İş Yapar ve Maaşları Ne Kadar?</title>" in html
    assert (
        '<meta name="description" content="Kredi başvurularını hazırlar ve müşterileri '
        'bilgilendirir.">' in html
    )
    assert f'<link rel="canonical" href="{SITE}/meslekler/kredi-asistani/">' in html
    assert '<meta property="og:type" content="article">' in html
    text = text_of(response)
    assert "Ana sayfa › Finans › Kredi Asistanı" in text.replace("  ", " ") or (
        "Ana sayfa Finans Kredi Asistanı" in text
    )


def test_article_json_ld_is_valid_and_complete(client, site, settings):
    # The 2025 figure counts as current whatever the clock (in Istanbul's 2027 it would be
    # stale and rightly left out: tested apart in test_a_salary_older_than_the_stale_...).
    settings.SALARY_STALE_MONTHS = 10 * 12
    credit = site["credit"]
    SalaryBand.objects.filter(role=credit, year=2025).update(
        updated_at=timezone.now() + timedelta(hours=1)
    )
    refresh_role_salaries([credit.pk])  # as a band's save does (no signal on update())
    band_time = SalaryBand.objects.get(role=credit, year=2025).updated_at
    html = client.get(credit.get_absolute_url()).content.decode()
    data = {block["@type"]: block for block in jsonld(html)}
    article = data["Article"]
    assert article["@context"] == "https://schema.org"
    assert article["headline"] == "Kredi Asistanı Ne İş Yapar ve Maaşları Ne Kadar?"
    assert article["description"] == credit.summary
    assert article["url"] == f"{SITE}/meslekler/kredi-asistani/"
    assert article["mainEntityOfPage"]["@id"] == article["url"]
    assert article["inLanguage"] == "tr-TR"
    assert article["publisher"]["name"] == "Meslek Rehberi"
    assert article["author"]["@type"] == "Organization"
    assert article["datePublished"] == credit.published_at.isoformat()
    assert article["dateModified"] == band_time.isoformat()  # the salary update counts
    occupation = article["about"]
    assert occupation["@type"] == "Occupation"
    assert occupation["name"] == "Kredi Asistanı"
    assert occupation["alternateName"] == ["Kredi Yetkilisi"]
    assert occupation["responsibilities"] == ["Görev 1", "Görev 2"]
    assert occupation["estimatedSalary"][0]["@type"] == "MonetaryAmountDistribution"
    crumbs = data["BreadcrumbList"]["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Ana sayfa", f"{SITE}/"),
        (2, "Finans", f"{SITE}/sektorler/finans/"),
        (3, "Kredi Asistanı", f"{SITE}/meslekler/kredi-asistani/"),
    ]


def occupation_of(client, role):
    html = client.get(role.get_absolute_url()).content.decode()
    return {block["@type"]: block for block in jsonld(html)}["Article"]["about"]


SPRING_2026 = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)


def test_the_estimated_salary_is_a_monthly_distribution_with_its_median_and_last_review(client):
    """Google's estimated-salary guidance: a MonetaryAmountDistribution (name, duration,
    median, percentiles where known, currency), and lastReviewed on the Occupation's page."""
    with time_machine.travel(SPRING_2026, tick=False):
        role = make_role("Kredi Asistanı", slug="kredi-asistani")
        make_band(role, year=2024, average="25000", top="35000", pay_basis="net")
        make_band(role, year=2025, average="30000", top="45000", low="22000", pay_basis="net")
        occupation = occupation_of(client, role)
    assert occupation["estimatedSalary"] == [
        {
            "@type": "MonetaryAmountDistribution",
            "name": "Ortalama aylık net maaş (2025)",
            "currency": "TRY",
            "duration": "P1M",
            "median": 30000,
            "validFrom": "2025-01-01",
        }
    ]
    assert occupation["mainEntityOfPage"] == {
        "@type": "WebPage",
        "@id": f"{SITE}/meslekler/kredi-asistani/",
        "lastReviewed": "2026-03-10T12:00:00+03:00",  # the figures' last change, Istanbul time
    }


def test_a_salary_older_than_the_stale_threshold_is_not_offered_as_todays_estimate(
    client, settings
):
    settings.SALARY_STALE_MONTHS = 12
    with time_machine.travel(SPRING_2026, tick=False):
        role = make_role("Kredi Asistanı", slug="kredi-asistani")
        make_band(role, year=2023, average="5000", top="8000", pay_basis="gross")
        occupation = occupation_of(client, role)  # 2023 ended 26 months ago: stale
        assert "estimatedSalary" not in occupation
        assert occupation["mainEntityOfPage"]["lastReviewed"] == "2026-03-10T12:00:00+03:00"
        assert "5.000 TL" in client.get(role.get_absolute_url()).content.decode()  # still shown,
        # with the page's note that it may be out of date: to readers, not as an estimate
        make_band(role, year=2025, average="31000", top="40000", pay_basis="gross")
        cache.clear()
        assert occupation_of(client, role)["estimatedSalary"][0]["median"] == 31000


def test_the_first_crumb_is_the_home_page_the_settings_name(settings):
    """site/seo.py names no app's page: the home crumb is ``SITE_HOME_URL_NAME``."""
    from careers.site import seo

    assert seo.page_meta(title="T", description="D", path="/x/")["breadcrumbs"][0].url == "/"
    settings.SITE_HOME_URL_NAME = "articles:role_list"
    crumbs = seo.page_meta(title="T", description="D", path="/x/")["breadcrumbs"]
    assert crumbs[0] == seo.Crumb("Ana sayfa", "/meslekler/")
    home = seo.page_meta(title="T", description="D", path="/meslekler/")["breadcrumbs"]
    assert home == [seo.Crumb("Ana sayfa", "/meslekler/")]  # the home page: one crumb


def test_every_page_has_a_breadcrumb_list(client, site):
    for url in PUBLIC_PAGES:
        blocks = jsonld(client.get(url).content.decode())
        crumbs = [b for b in blocks if b["@type"] == "BreadcrumbList"]
        assert len(crumbs) == 1, url
        items = crumbs[0]["itemListElement"]
        assert items[0]["item"] == f"{SITE}/"
        assert all(item["item"].startswith(SITE) for item in items)


def test_home_json_ld_has_search_action(client, site):
    blocks = {b["@type"]: b for b in jsonld(client.get("/").content.decode())}
    action = blocks["WebSite"]["potentialAction"]
    assert action["target"] == f"{SITE}/ara/?q={{search_term_string}}"


def test_json_ld_cannot_be_broken_out_of(client):
    role = make_role(
        "Kaçış Uzmanı", summary='</script><script>alert(1)</script> & "tırnak" <!-- yorum'
    )
    html = client.get(role.get_absolute_url()).content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert all("<" not in block for block in blocks)
    article = next(b for b in map(json.loads, blocks) if b["@type"] == "Article")
    assert article["description"] == role.summary
    assert "<script>alert(1)" not in html


def test_paginated_sector_has_its_own_canonical_and_title(client):
    sector = make_sector("Finans", slug="finans")
    for i in range(25):
        make_role(f"Meslek {i:02d}", sector=sector)
    first = client.get("/sektorler/finans/").content.decode()
    second = client.get("/sektorler/finans/?sayfa=2").content.decode()
    assert f'<link rel="canonical" href="{SITE}/sektorler/finans/">' in first
    assert f'<link rel="canonical" href="{SITE}/sektorler/finans/?sayfa=2">' in second
    assert "<title>Finans meslekleri ve maaşları | Meslek Rehberi</title>" in first
    assert "<title>Finans meslekleri ve maaşları (sayfa 2) | Meslek Rehberi</title>" in second


# --- sitemap.xml ----------------------------------------------------------------------------

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_entries(client, **headers):
    """Every address of every section the sitemap index lists (on SITE_URL)."""
    response = client.get("/sitemap.xml", **headers)
    assert response.status_code == 200
    index = ET.fromstring(response.content)  # noqa: S314 (our own response)
    entries = {}
    for section in index.findall("sm:sitemap", NS):
        location = section.find("sm:loc", NS).text
        assert location.startswith(f"{SITE}/sitemap-"), location
        part = client.get(location.removeprefix(SITE), **headers)
        assert part.status_code == 200
        root = ET.fromstring(part.content)  # noqa: S314 (our own response)
        entries.update(
            {
                url.find("sm:loc", NS).text: getattr(url.find("sm:lastmod", NS), "text", None)
                for url in root.findall("sm:url", NS)
            }
        )
    return entries


def test_sitemap_lists_exactly_the_published_pages(client, site):
    entries = sitemap_entries(client)
    roles = {url for url in entries if "/meslekler/" in url and url != f"{SITE}/meslekler/"}
    assert roles == {f"{SITE}/meslekler/kredi-asistani/", f"{SITE}/meslekler/bordro-uzmani/"}
    skills_of_published_roles = {
        f"{SITE}/beceriler/{slug}/"
        for slug in Skill.objects.filter(role_skills__role__in=Role.objects.published())
        .values_list("slug", flat=True)
        .distinct()
    }
    assert f"{SITE}/beceriler/iletisim-becerisi/" in skills_of_published_roles
    make_skill("Hiç Kullanılmayan", slug="hic-kullanilmayan")
    RoleSkill.objects.create(role=site["draft"], skill=make_skill(slug="taslakta"), body="x")
    entries = sitemap_entries(client)
    assert set(entries) - roles == {
        f"{SITE}/",
        f"{SITE}/meslekler/",
        f"{SITE}/maaslar/",
        f"{SITE}/beceriler/",
        f"{SITE}/sektorler/finans/",
        *skills_of_published_roles,
    }


@pytest.mark.parametrize("utc_time", AWKWARD_HOURS)
def test_sitemap_lastmod_is_the_real_last_change(client, site, utc_time):
    """The sitemap gives the Istanbul date of the change, also in the hours when it is
    already tomorrow in Istanbul (21:00-24:00 UTC)."""
    credit = site["credit"]
    traveller = time_machine.travel(utc_time, tick=True)
    traveller.start()
    try:
        old = timezone.now() - timedelta(days=30)
        Role.objects.filter(pk=credit.pk).update(updated_at=old)
        SalaryBand.objects.filter(role=credit).update(updated_at=old)
        refresh_role_salaries([credit.pk])  # as a band's save does (no signal on update())
        expected = timezone.localdate(old).isoformat()
        assert sitemap_entries(client)[f"{SITE}/meslekler/kredi-asistani/"] == expected
        band = credit.salary_bands.get(year=2025)
        band.top = 50000
        band.save()  # an editor updates this year's figures: the article changed today
        entries = sitemap_entries(client)
        today = timezone.localdate().isoformat()
        assert entries[f"{SITE}/meslekler/kredi-asistani/"] == today
        assert entries[f"{SITE}/sektorler/finans/"] == today
    finally:
        traveller.stop()


def test_sitemap_ignores_the_request_host(client, site, settings):
    settings.ALLOWED_HOSTS = ["evil.example", "testserver"]
    response = client.get("/sitemap.xml", HTTP_HOST="evil.example")
    assert b"evil.example" not in response.content
    section = client.get("/sitemap-roles.xml", HTTP_HOST="evil.example")
    assert b"evil.example" not in section.content
    assert f"{SITE}/meslekler/kredi-asistani/".encode() in section.content


# --- feeds ----------------------------------------------------------------------------------


def test_rss_feed_lists_exactly_the_published_roles_newest_change_first(client, site):
    Role.objects.filter(pk=site["payroll"].pk).update(
        updated_at=timezone.now() + timedelta(minutes=5)
    )
    response = client.get("/besleme/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own response)
    assert channel.find("title").text == "Meslek Rehberi: yeni ve güncellenen meslekler"
    items = channel.findall("item")
    assert [item.find("link").text for item in items] == [
        f"{SITE}/meslekler/bordro-uzmani/",
        f"{SITE}/meslekler/kredi-asistani/",
    ]
    assert items[1].find("description").text == site["credit"].summary
    assert items[1].find("category").text == "Finans"


def test_atom_feed_has_updated_dates_including_salary_changes(client, site):
    band = site["credit"].salary_bands.get(year=2025)
    band.average = 31000
    band.save()
    response = client.get("/besleme/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = ET.fromstring(response.content).findall("a:entry", ns)  # noqa: S314 (our own response)
    assert len(entries) == 2
    first = entries[0]
    assert first.find("a:title", ns).text == "Kredi Asistanı"
    band.refresh_from_db()
    updated = datetime.fromisoformat(first.find("a:updated", ns).text)
    assert updated == band.updated_at
    assert first.find("a:published", ns) is not None


def test_feeds_write_dates_in_istanbul_time_as_the_site_and_the_sitemap_do(client, db):
    """Published at 21:30 UTC on 26 November: 00:30 on the 27th in Istanbul (+03:00)."""
    instant = datetime(2026, 11, 26, 21, 30, tzinfo=UTC)
    with time_machine.travel(instant, tick=False):
        role = make_role("Gece Bekçisi", published_at=instant)
    with time_machine.travel(instant + timedelta(hours=1), tick=False):
        rss = client.get("/besleme/rss/").content.decode()
        atom = client.get("/besleme/atom/").content.decode()
    assert "<pubDate>Fri, 27 Nov 2026 00:30:00 +0300</pubDate>" in rss
    assert "<lastBuildDate>Fri, 27 Nov 2026 00:30:00 +0300</lastBuildDate>" in rss
    assert "+0000" not in rss
    assert "<published>2026-11-27T00:30:00+03:00</published>" in atom
    assert "<updated>2026-11-27T00:30:00+03:00</updated>" in atom
    assert "+00:00" not in atom and role.title in atom
    with time_machine.travel(instant, tick=False):  # an empty feed: its date is now, here
        Role.objects.all().delete()
        cache.clear()
        assert "<lastBuildDate>Fri, 27 Nov 2026 00:30:00 +0300" in (
            client.get("/besleme/rss/").content.decode()
        )


def test_base_template_links_the_feeds(client, site):
    html = client.get("/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/besleme/atom/"' in html


# --- robots.txt and error pages -------------------------------------------------------------


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /yonetim/" in lines
    assert "Disallow: /ara/" in lines  # from the search app
    assert "Disallow: /okundu/" in lines  # the articles' read beacon
    assert f"Sitemap: {SITE}/sitemap.xml" in lines


def test_404_page_is_turkish_with_a_search_box(client, site):
    for url in ["/yok-boyle-bir-sayfa/", "/meslekler/taslak-meslek/", "/beceriler/yok/"]:
        response = client.get(url)
        assert response.status_code == 404
        html = response.content.decode()
        assert "<title>Sayfa bulunamadı | Meslek Rehberi</title>" in html
        assert '<meta name="robots" content="noindex">' in html
        assert 'rel="canonical"' not in html
        assert '<form class="search-form" role="search" action="/ara/" method="get">' in html
        assert "Aradığınız sayfa burada değil" in text_of(response)


def test_500_page_renders_without_request_context_or_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")  # exactly how server_error renders it
    assert "Bir sorun oluştu" in html
    assert '<form class="search-form" role="search" action="/ara/" method="get">' in html
    assert '<html lang="tr">' in html
    request = RequestFactory().get("/meslekler/x/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    assert "Meslek ara" in response.content.decode()


def test_500_from_a_broken_view(client, settings):
    client.raise_request_exception = False
    settings.ROOT_URLCONF = "tests.broken_urls"
    response = client.get("/kirik/")
    assert response.status_code == 500
    assert "Bir sorun oluştu" in response.content.decode()
