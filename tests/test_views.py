import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission, User
from django.utils import timezone

from careers.articles.models import Status

from .factories import fill_role, link, make_band, make_role, make_sector, make_skill
from .helpers import text_of

pytestmark = pytest.mark.django_db


def full_role(title="Kredi Asistanı", **fields):
    sector = make_sector("Finans", slug="finans")
    role = make_role(
        title,
        sector=sector,
        lead="Kredi asistanlarını tanıyın.",
        intro="Kredi asistanları **kredi** başvurularını hazırlar.",
        salary_intro="Maaşlar deneyime bağlıdır.",
        outlook="grows",
        outlook_text="İstihdamın artması bekleniyor.",
        salary_footnote="Dipnot: Maaşlar örnek veridir.",
        education="Lise diploması gerekir.",
        training="İş başında eğitim verilir.",
        certifications="Sertifika şart değildir.",
        work_environment="Ofiste çalışılır.",
        trends_intro="Üç eğilim var.",
        how_to_become="Bankada işe başlayın.",
        career_path="Kredi uzmanlığına yükselinir.",
        **fields,
    )
    fill_role(role, 2)
    make_band(
        role,
        year=2023,
        average="5000",
        top="8000",
        hourly_average=Decimal("25.20"),
        hourly_top=Decimal("38.70"),
        source="Kariyer siteleri ve forumlar",
    )
    return role


def test_article_has_every_section_in_the_seed_order(client):
    role = full_role()
    response = client.get("/meslekler/kredi-asistani/")
    assert response.status_code == 200
    text = text_of(response)
    expected = [
        "Kredi Asistanı Ne İş Yapar ve Maaşları Ne Kadar?",
        "Kredi asistanlarını tanıyın.",
        "İçindekiler",
        "Kredi asistanları kredi başvurularını hazırlar.",
        "Kredi Asistanı Sorumlulukları ve Görevleri",
        "Bir kredi asistanı genel olarak aşağıdaki sorumluluklara sahiptir:",
        "Görev 1",
        "Görev 2",
        "Kredi Asistanı Maaşı Ne Kadar?",
        "Maaşlar deneyime bağlıdır.",
        "2023 Yılı Ortalama Maaş: 5.000 TL (25,20 TL/saat)",
        "2023 Yılı Üst Düzey Maaşları: 8.000 TL (38,70 TL/saat)",
        "Kaynak: Kariyer siteleri ve forumlar (2023)",
        "İstihdamın artması bekleniyor.",
        "Dipnot: Maaşlar örnek veridir.",
        "Kredi Asistanı İçin Şartlar ve Nitelikler Neler?",
        "Eğitim: Lise diploması gerekir.",
        "Antrenman tecrübesi: İş başında eğitim verilir.",
        "Sertifikalar ve Lisanslar: Sertifika şart değildir.",
        "Kredi Asistanı Olmak İçin Gerekli Beceriler",
        "Beceri paragrafı 1.",
        "Kredi Asistanı Çalışma Şartları Nasıl?",
        "Ofiste çalışılır.",
        "Kredi Asistanı İçin Mesleki Gelişme",
        "Üç eğilim var.",
        "Eğilim 1",
        "Eğilim metni 1.",
        "Kredi Asistanı Nasıl Olunur?",
        "Bankada işe başlayın.",
        "Kariyer ve İş İmkanları",
        "Kredi uzmanlığına yükselinir.",
        "İlgili meslekler",
        "Başa dön",
    ]
    position = 0
    for piece in expected:
        found = text.find(piece, position)
        assert found >= 0, f"{piece!r} missing or out of order"
        position = found + len(piece)
    assert response["Content-Language"] == "tr"
    assert '<html lang="tr">' in response.content.decode()
    assert role.get_absolute_url() in response.content.decode()


def test_headings_are_built_from_the_role_name(client):
    full_role("İşe Alım Uzmanı")
    html = client.get("/meslekler/ise-alim-uzmani/").content.decode()
    assert "<h1>İşe Alım Uzmanı Ne İş Yapar ve Maaşları Ne Kadar?</h1>" in html
    assert "Bir işe alım uzmanı genel olarak" in html  # Turkish lower case of İ
    assert "<title>İşe Alım Uzmanı Ne İş Yapar ve Maaşları Ne Kadar?</title>" in html


def test_derived_hourly_and_sample_label(client):
    role = make_role("Veri Analisti")
    make_band(
        role, year=2025, average="45000", top="90000", is_sample=True, source="Örnek veri: tahmin"
    )
    text = text_of(client.get(role.get_absolute_url()))
    assert "2025 Yılı Ortalama Maaş: 45.000 TL (200,00 TL/saat)" in text
    assert "2025 Yılı Üst Düzey Maaşları: 90.000 TL (400,00 TL/saat)" in text
    assert "Kaynak: Örnek veri: tahmin (2025) · örnek veri" in text


def test_markdown_cannot_inject_script_into_the_page(client):
    role = make_role(
        intro='<script>alert("x")</script> [a](javascript:alert(1)) <img src=x onerror=alert(1)>'
        '<iframe src="https://evil.example"></iframe>',
        training="<b onmouseover=alert(1)>x</b>",
    )
    html = client.get(role.get_absolute_url()).content.decode().lower()
    html = re.sub(r'<script type="application/ld\+json">[^<]*</script>', "", html)  # data only
    html = html.replace('<script src="/static/js/share.js" defer></script>', "")  # the site's own
    assert "<script" not in html
    assert "javascript:" not in html
    assert "onerror" not in html and "onmouseover" not in html
    assert "<iframe" not in html


def test_plain_text_fields_are_escaped(client):
    role = make_role(lead='<script>alert("lead")</script>', summary='"><script>x</script>')
    html = client.get(role.get_absolute_url()).content.decode()
    assert "<script>" not in html
    # Escaped (Jinja2 writes a quote as &#34;, Django as &quot;): a browser shows the text.
    assert "&lt;script&gt;alert(" in html
    assert '<script>alert("lead")</script>' in text_of(client.get(role.get_absolute_url()))


def test_draft_is_404_for_the_public(client):
    role = make_role(published=False)
    assert client.get(role.get_absolute_url()).status_code == 404


def test_scheduled_article_is_404_until_its_time(client):
    role = make_role(
        status=Status.PUBLISHED, published_at=timezone.now() + timezone.timedelta(hours=2)
    )
    assert client.get(role.get_absolute_url()).status_code == 404


def editor(with_perm=True):
    user = User.objects.create_user("editor", password="x-long-test-password", is_staff=True)
    if with_perm:
        user.user_permissions.add(Permission.objects.get(codename="change_role"))
    return user


def test_staff_sees_draft_with_banner_and_noindex(client):
    role = make_role("Gizli Meslek", published=False)
    client.force_login(editor())
    response = client.get(role.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Taslak" in html
    assert "Bu makale yayında değil" in html
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "private" in response["Cache-Control"]


def test_staff_without_change_permission_gets_404_for_drafts(client):
    role = make_role(published=False)
    client.force_login(editor(with_perm=False))
    assert client.get(role.get_absolute_url()).status_code == 404


def test_published_article_has_no_draft_banner_or_noindex(client):
    role = make_role()
    html = client.get(role.get_absolute_url()).content.decode()
    assert "noindex" not in html
    assert "draft-banner" not in html


def test_missing_role_is_404(client):
    assert client.get("/meslekler/yok-boyle-bir-meslek/").status_code == 404


def test_popular_links_appear_where_the_editor_placed_them(client):
    role = full_role()
    other = make_role("Bordro Vergi Uzmanı")
    link(role, other, placement="after_trends_intro")
    text = text_of(client.get(role.get_absolute_url()))
    popular = "En Popüler: Bordro Vergi Uzmanı Ne İş Yapar ve Maaşları Ne Kadar?"
    assert popular in text
    assert text.index("Üç eğilim var.") < text.index(popular) < text.index("Eğilim 1")


def test_related_roles_explicit_first_then_shared_skills_drafts_excluded(client):
    skills = [make_skill() for _ in range(3)]
    role = fill_role(make_role("Ana Meslek"), 3, skills=skills)
    explicit = make_role("Zeybek Uzmanı")
    make_band(explicit, year=2025, average="40000", top="60000")
    link(role, explicit)
    two_shared = fill_role(make_role("Beta Uzmanı"), 2, skills=skills[:2])
    one_shared = fill_role(make_role("Alfa Uzmanı"), 1, skills=skills[:1])
    fill_role(make_role("Taslak Uzmanı", published=False), 3, skills=skills)
    make_role("Alakasız Uzman")  # other sector, no shared skill
    text = text_of(client.get(role.get_absolute_url()))
    related = text[text.index("İlgili meslekler", text.index("Kariyer ve İş")) :]
    assert (
        related.index("Zeybek Uzmanı")
        < related.index(two_shared.title)
        < related.index(one_shared.title)
    )
    assert "2025 ortalaması: 40.000 TL" in related
    assert "Taslak Uzmanı" not in related
    assert "Alakasız Uzman" not in related


def test_home_lists_sectors_and_roles_a_to_z_with_latest_salary(client):
    finans = make_sector("Finans", slug="finans")
    saglik = make_sector("Sağlık", slug="saglik")
    a = make_role("Çağrı Uzmanı", sector=finans)
    make_band(a, year=2024, average="30000", top="40000")
    make_band(a, year=2025, average="36000", top="50000")
    make_role("Cerrah", sector=saglik)
    make_role("İşçi", sector=saglik)
    make_role("Gizli", sector=saglik, published=False)
    text = text_of(client.get("/"))
    assert "Finans 1 meslek" in text
    assert "Sağlık 2 meslek" in text
    # The home page shows a selection and the initials of the A–Z, in Turkish order.
    a_to_z = text[text.index("A’dan Z’ye tüm meslekler") :]
    assert a_to_z.index("C") < a_to_z.index("Ç") < a_to_z.index("İ")
    assert "2025 ortalaması: 36.000 TL" in text
    assert "Gizli" not in text


def test_role_list_and_sector_page(client):
    sector = make_sector("Finans", slug="finans")
    for title in ["Muhasebeci", "Kredi Asistanı", "Ödeme Uzmanı"]:
        make_role(title, sector=sector)
    make_role("Kuaför", sector=sector)
    text = text_of(client.get("/meslekler/"))  # the first initial's roles
    assert text.index("Kredi Asistanı") < text.index("Kuaför")
    assert "Muhasebeci" not in text
    assert "Ödeme Uzmanı" in text_of(client.get("/meslekler/?harf=ö"))
    response = client.get("/sektorler/finans/")
    assert response.status_code == 200
    assert "Finans meslekleri" in text_of(response)
    assert client.get("/sektorler/yok/").status_code == 404


def test_sector_page_is_paginated(client):
    sector = make_sector("Finans", slug="finans")
    for i in range(25):
        make_role(f"Meslek {i:02d}", sector=sector)
    first = text_of(client.get("/sektorler/finans/"))
    assert "Sayfa 1 / 2" in first and "Meslek 19" in first and "Meslek 20" not in first
    second = text_of(client.get("/sektorler/finans/?sayfa=2"))
    assert "Meslek 24" in second
    assert client.get("/sektorler/finans/?sayfa=abc").status_code == 200
    assert client.get("/sektorler/finans/?sayfa=999").status_code == 200


def rich_role(n):
    skills = [make_skill() for _ in range(n)]
    role = fill_role(make_role(f"Zengin {n}"), n, skills=skills)
    for year in range(2026 - n, 2026):
        make_band(role, year=year)
    for i in range(min(n, 5)):
        other = fill_role(make_role(f"Komşu {n}-{i}"), 1, skills=skills[i : i + 1])
        make_band(other, year=2025)
        link(role, other, order=i)
    return role


@pytest.mark.parametrize("size", [3, 30])
def test_article_query_count_is_constant(client, django_assert_num_queries, size):
    role = rich_role(size)
    # role+sector, responsibilities, skills, trends, explicit links, computed related, bands,
    # minimum wages (for "asgari ücretin 1,4 katı"; then kept in the cache), the payroll rules
    # (each net band with its gross; likewise kept), salary history (the public update notes),
    # approved comments (threaded in Python)
    with django_assert_num_queries(11):
        response = client.get(role.get_absolute_url())
    assert response.status_code == 200


@pytest.mark.parametrize("size", [3, 30])
def test_home_query_count_is_constant(client, django_assert_num_queries, size):
    for i in range(size):
        make_band(make_role(f"Meslek {i}"), year=2025)
    # roles with latest salary; roles counted by sector, and their sectors; by initial; the
    # minimum wage table for the cards' notice and the payroll rules for their net figures'
    # gross (both then kept in the cache: the next page reads neither)
    with django_assert_num_queries(6):
        assert client.get("/").status_code == 200
    with django_assert_num_queries(1):
        assert client.get("/meslekler/").status_code == 200


def test_anonymous_article_is_served_from_cache_and_invalidated_on_save(
    client, django_assert_num_queries
):
    role = full_role()
    first = client.get(role.get_absolute_url())
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(role.get_absolute_url())
    assert second["X-Page-Cache"] == "hit"
    band = role.salary_bands.get(year=2023)
    band.average = Decimal("6000")
    band.save()
    third = client.get(role.get_absolute_url())
    assert third["X-Page-Cache"] == "miss"
    assert "2023 Yılı Ortalama Maaş: 6.000 TL" in text_of(third)


def test_cached_page_carries_no_csrf_token_or_cookie(client):
    role = full_role()
    client.get(role.get_absolute_url())
    response = client.get(role.get_absolute_url())
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies


@pytest.mark.parametrize(
    ("method", "url", "status", "text"),
    [
        ("post", "/yonetim/login/", 403, "Formun süresi doldu"),  # no CSRF token
        ("post", "/meslekler/{slug}/", 405, "yalnızca şu yöntemleri kabul eder: GET, HEAD"),
        ("get", "/meslekler/{slug}-yok/", 404, "Sayfa bulunamadı"),
    ],
)
def test_error_pages_are_turkish(method, url, status, text):
    from django.test import Client

    role = make_role("Hata Testi")
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(url.format(slug=role.slug))
    assert response.status_code == status
    assert text in response.content.decode()
