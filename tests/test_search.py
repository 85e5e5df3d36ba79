"""Search: Turkish-insensitive matching, ranking, snippets, bad queries, index upkeep."""

import re

import pytest
from django.db import connection

from careers.articles.models import Responsibility, Role, RoleSkill, Status
from careers.search import backends, text
from careers.search.models import SearchDocument

from .factories import fill_role, make_band, make_role, make_sector, make_skill
from .helpers import text_of

pytestmark = pytest.mark.django_db


def result_titles(response):
    html = response.content.decode()
    return [
        re.sub(r"<[^>]+>", "", title)
        for title in re.findall(r'<li class="search-result">\s*<h2><a [^>]+>(.*?)</a>', html)
    ]


@pytest.fixture
def catalogue():
    service = make_sector("Müşteri Hizmetleri", slug="musteri-hizmetleri")
    finance = make_sector("Finans", slug="finans")
    communication = make_skill("İletişim becerisi", slug="iletisim-becerisi")
    lead = make_role(
        "Müşteri Hizmetleri Ekip Lideri",
        sector=service,
        alternative_titles="Çağrı Merkezi Takım Lideri",
        summary="Müşteri temsilcilerinden oluşan ekibi yönetir ve performansı izler.",
    )
    Responsibility.objects.create(role=lead, text="Ekibin günlük iş planını hazırlamak")
    RoleSkill.objects.create(role=lead, skill=communication, body="Ekiple konuşur.")
    make_band(lead, year=2025, average="42000", top="60000")
    credit = make_role(
        "Kredi Asistanı",
        sector=finance,
        summary="Kredi başvurularını hazırlar.",
    )
    Responsibility.objects.create(role=credit, text="Müşteri şikayetlerini kayıt altına almak")
    light = make_role("Işık Teknisyeni", summary="Sahne ışıklarını kurar ve ayarlar.")
    make_role("Müşteri Taslak Uzmanı", published=False, summary="Yayında olmayan müşteri makalesi.")
    return {"lead": lead, "credit": credit, "light": light, "communication": communication}


# --- Turkish matching ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["musteri", "MÜŞTERİ", "müşteri", "Musteri Hizmetleri", "MUSTERI hizmet", "müşteri"]
)
def test_turkish_letters_and_case_do_not_matter(client, catalogue, query):
    titles = result_titles(client.get("/ara/", {"q": query}))
    assert titles[0] == "Müşteri Hizmetleri Ekip Lideri"


@pytest.mark.parametrize("query", ["ışık", "işık", "isik", "IŞIK", "ISIK", "İŞIK", "ısık"])
def test_dotless_and_dotted_i_are_one_letter_for_search(client, catalogue, query):
    assert result_titles(client.get("/ara/", {"q": query})) == ["Işık Teknisyeni"]


def test_words_match_as_prefixes_and_all_must_match(client, catalogue):
    assert result_titles(client.get("/ara/", {"q": "tekn"})) == ["Işık Teknisyeni"]
    assert result_titles(client.get("/ara/", {"q": "müşteri kredi"})) == ["Kredi Asistanı"]
    assert result_titles(client.get("/ara/", {"q": "müşteri zürafa"})) == []


def test_alternative_titles_responsibilities_and_skills_are_searched(client, catalogue):
    assert result_titles(client.get("/ara/", {"q": "çağrı merkezi"})) == [
        "Müşteri Hizmetleri Ekip Lideri"
    ]
    assert result_titles(client.get("/ara/", {"q": "şikayet"})) == ["Kredi Asistanı"]
    assert result_titles(client.get("/ara/", {"q": "iletisim"})) == [
        "Müşteri Hizmetleri Ekip Lideri"
    ]
    assert result_titles(client.get("/ara/", {"q": "günlük iş planı"})) == [
        "Müşteri Hizmetleri Ekip Lideri"
    ]


def test_drafts_are_never_found(client, catalogue):
    response = client.get("/ara/", {"q": "taslak"})
    assert result_titles(response) == []
    assert "Müşteri Taslak Uzmanı" not in response.content.decode()
    assert "Müşteri Taslak Uzmanı" not in result_titles(client.get("/ara/", {"q": "müşteri"}))


# --- Ranking and snippets -----------------------------------------------------------------


def test_title_matches_rank_first(client, catalogue):
    # "müşteri" is in the lead's title and only in the credit assistant's duties.
    assert result_titles(client.get("/ara/", {"q": "müşteri"})) == [
        "Müşteri Hizmetleri Ekip Lideri",
        "Kredi Asistanı",
    ]


def test_title_match_beats_many_body_mentions(client):
    make_role(
        "Çağrı Uzmanı",
        summary="Muhasebe muhasebe muhasebe muhasebe muhasebe muhasebe kayıtlarına bakar.",
    )
    make_role("Muhasebeci", summary="Defter tutar.")
    make_role("Mali Müşavir", summary="Şirketlerin muhasebe işlerini denetler.")
    titles = result_titles(client.get("/ara/", {"q": "muhasebe"}))
    assert titles[0] == "Muhasebeci"
    assert set(titles[1:]) == {"Çağrı Uzmanı", "Mali Müşavir"}


def test_result_shows_highlighted_escaped_snippet(client, catalogue):
    response = client.get("/ara/", {"q": "musteri"})
    html = response.content.decode()
    assert "<mark>Müşteri</mark> Hizmetleri Ekip Lideri" in html
    assert "<mark>Müşteri</mark> temsilcilerinden oluşan ekibi" in html
    assert "<mark>Müşteri</mark> şikayetlerini kayıt altına almak" in html  # the matching duty
    text = text_of(response)
    assert "“musteri” için arama sonuçları" in text
    assert "2 meslek bulundu." in text
    assert "2025 ortalaması: 42.000 TL" in text


def test_snippet_escapes_editor_text(client):
    make_role("Web Geliştirici", summary='<script>alert("x")</script> web <b>siteleri</b> yapar')
    html = client.get("/ara/", {"q": "web"}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>web</mark> &lt;b&gt;" in html


def test_highlight_and_excerpt_rules():
    words = text.query_words("MÜŞTERİ ilişki")
    assert words == ["musteri", "iliski"]
    assert str(text.highlight("Müşteri & <ilişkileri>", words)) == (
        "<mark>Müşteri</mark> &amp; &lt;<mark>ilişkileri</mark>&gt;"
    )
    long = "Birinci cümle uzun bir giriş. " * 10 + "Burada müşteri geçiyor. " + "Son. " * 40
    piece = text.excerpt(long, ["musteri"], length=80)
    assert piece.startswith("…") and piece.endswith("…")
    assert "müşteri" in piece and len(piece) <= 82


def test_query_words_are_bounded_and_plain():
    assert text.query_words('"müşteri"* OR NEAR(a b) -- ; DROP TABLE x') == [
        "musteri", "or", "near", "a", "b", "drop", "table", "x",
    ]  # fmt: skip
    assert text.query_words("kelime " * 1000) == ["kelime"]  # cut to "keli", implied
    assert len(text.query_words(" ".join(f"k{i}" for i in range(50)))) == text.MAX_WORDS
    assert text.query_words("a" * 10_000) == ["a" * text.MAX_WORD_LENGTH]
    assert text.query_words("«»—…!?") == []


# --- Bad queries: a normal page, never a 500 ------------------------------------------------

BAD_QUERIES = [
    "",
    "   ",
    "x" * 10_000,
    "müşteri " * 2_000,
    '"',
    '"""',
    "*",
    "müş*",
    "NEAR(",
    "NEAR(müşteri lider, 2)",
    "OR",
    "müşteri OR",
    "AND NOT",
    "title:müşteri",
    "^müşteri",
    "{title body}: x",
    "' OR 1=1 --",
    "'; DROP TABLE search_fts; --",
    "%_%",
    "\\",
    "müşteri\x00lider",
    "<script>alert(1)</script>",
    "𝕄üşteri 🙂",
    "مشتری",
    "&:|!()",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_queries_give_a_normal_page(client, catalogue, query):
    response = client.get("/ara/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert 'name="q"' in html


def test_empty_query_helps_the_reader_on(client, catalogue):
    text = text_of(client.get("/ara/"))
    assert "Meslek ara" in text
    assert "Göz atarak bulun" in text
    assert "Müşteri Hizmetleri 1 meslek" in text


def test_long_query_is_kept_in_the_box_and_explained(client, catalogue):
    query = "müşteri " + "x" * 10_000
    response = client.get("/ara/", {"q": query})
    html = response.content.decode()
    assert f'value="{query.strip()}"' in html  # nothing the reader typed is lost
    assert "Aramanız çok uzun: yalnızca ilk 200 karakteri kullanıldı." in text_of(response)


def test_punctuation_only_query_is_explained(client, catalogue):
    text = text_of(client.get("/ara/", {"q": '"*()'}))
    assert "Aramanızda aranacak harf ya da rakam yok." in text


def test_no_results_page_suggests_sectors_and_a_to_z(client, catalogue):
    response = client.get("/ara/", {"q": "astronot"})
    text = text_of(response)
    assert "“astronot” ile eşleşen meslek bulunamadı." in text
    assert "“musteri” yazınca “müşteri” de bulunur" in text
    assert "Finans 1 meslek" in text and "Müşteri Hizmetleri 1 meslek" in text
    html = response.content.decode()
    assert 'href="/meslekler/"' in html and 'href="/sektorler/finans/"' in html


def test_search_pages_are_not_indexed(client, catalogue):
    html = client.get("/ara/", {"q": "müşteri"}).content.decode()
    assert '<meta name="robots" content="noindex, follow">' in html


def test_results_are_paginated(client):
    for i in range(25):
        make_role(f"Analist {i:02d}")
    first = client.get("/ara/", {"q": "analist"})
    assert len(result_titles(first)) == 20
    assert "Sayfa 1 / 2" in text_of(first)
    assert 'href="?sayfa=2&amp;q=analist"' in first.content.decode()
    second = client.get("/ara/", {"q": "analist", "sayfa": "2"})
    assert len(result_titles(second)) == 5
    assert client.get("/ara/", {"q": "analist", "sayfa": "999"}).status_code == 200
    assert client.get("/ara/", {"q": "analist", "sayfa": "x"}).status_code == 200


# --- Query counts and the page cache ------------------------------------------------------


def test_search_query_counts(client, catalogue, django_assert_num_queries):
    # full-text hits; the page's roles with salary; the minimum wage table for the notice next
    # to their figures (then kept in the cache)
    with django_assert_num_queries(3):
        assert client.get("/ara/", {"q": "müşteri"}).status_code == 200
    with django_assert_num_queries(3):  # no hits; sectors to suggest (roles counted, sectors)
        assert client.get("/ara/", {"q": "astronot"}).status_code == 200
    with django_assert_num_queries(0):  # empty: sectors to suggest (counts cached just now)
        assert client.get("/ara/").status_code == 200


def test_search_pages_come_from_the_cache_until_content_changes(
    client, catalogue, django_assert_num_queries
):
    assert client.get("/ara/", {"q": "lider"})["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert client.get("/ara/", {"q": "lider"})["X-Page-Cache"] == "hit"
    make_role("Vardiya Lideri")
    response = client.get("/ara/", {"q": "lider"})
    assert response["X-Page-Cache"] == "miss"
    assert "Vardiya Lideri" in result_titles(response)


# --- Keeping the index in step ------------------------------------------------------------


def test_index_follows_edits_of_roles_duties_and_skills(client, catalogue):
    lead = catalogue["lead"]
    lead.title = "Çağrı Merkezi Şefi"
    lead.save()
    assert result_titles(client.get("/ara/", {"q": "şef"})) == ["Çağrı Merkezi Şefi"]
    duty = Responsibility.objects.create(role=lead, text="Vardiya çizelgesi yapmak")
    assert result_titles(client.get("/ara/", {"q": "çizelge"})) == ["Çağrı Merkezi Şefi"]
    duty.delete()
    assert result_titles(client.get("/ara/", {"q": "çizelge"})) == []
    skill = catalogue["communication"]
    skill.name = "Diksiyon"
    skill.save()
    assert result_titles(client.get("/ara/", {"q": "diksiyon"})) == ["Çağrı Merkezi Şefi"]
    RoleSkill.objects.filter(role=lead).delete()
    assert result_titles(client.get("/ara/", {"q": "diksiyon"})) == []


def test_unpublishing_and_deleting_remove_a_role_from_results(client, catalogue):
    light = catalogue["light"]
    light.status = Status.DRAFT
    light.save()
    assert result_titles(client.get("/ara/", {"q": "ışık"})) == []
    fill_role(light, 2)
    light.delete()
    assert not SearchDocument.objects.filter(role_id=light.pk).exists()
    assert backends.search(["isik"]) == []


def test_rebuild_command_restores_a_lost_index(client, catalogue):
    from django.core.management import call_command

    SearchDocument.objects.all().delete()
    assert result_titles(client.get("/ara/", {"q": "kredi"})) == []
    call_command("rebuild_search_index", verbosity=0)
    assert result_titles(client.get("/ara/", {"q": "kredi"})) == ["Kredi Asistanı"]


def test_database_backend_is_the_full_text_index(catalogue):
    hits = backends.search(["musteri"])
    assert {hit.role_id for hit in hits} == {catalogue["lead"].pk, catalogue["credit"].pk}
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'musteri'")
            assert cursor.fetchone()[0] == 3  # the draft is indexed, filtered at query time


def test_fallback_backend_agrees_on_simple_queries(catalogue):
    for words in (["musteri"], ["isik"], ["kredi", "asistan"], ["zurafa"]):
        assert {h.role_id for h in backends.fallback_search(words, 50)} == {
            h.role_id for h in backends.search(words)
        }


def test_the_searched_copy_follows_every_write_of_the_documents(catalogue):
    """What the database searches is a copy kept by triggers (SQLite: the FTS5 table
    ``search_fts``; PostgreSQL: the narrow ``search_vector``): an edit, a delete and an
    emptying of the documents (Django's flush truncates them on PostgreSQL) all reach it."""
    postgres = connection.vendor == "postgresql"

    def searched():
        with connection.cursor() as cursor:
            if postgres:
                cursor.execute("SELECT role_id, title_folded FROM search_vector ORDER BY 1")
            else:
                cursor.execute("SELECT rowid, title_folded FROM search_fts ORDER BY 1")
            return [tuple(row) for row in cursor.fetchall()]

    def documents():
        return list(
            SearchDocument.objects.order_by("role_id").values_list("role_id", "title_folded")
        )

    assert len(searched()) == 4 and searched() == documents()
    document = SearchDocument.objects.get(role=catalogue["lead"])
    document.title_folded = "zurafa bakicisi"
    document.save()
    assert searched() == documents()
    assert [hit.role_id for hit in backends.search(["zurafa"])] == [catalogue["lead"].pk]
    SearchDocument.objects.filter(role=catalogue["credit"]).delete()
    assert searched() == documents() and len(documents()) == 3
    with connection.cursor() as cursor:
        table = SearchDocument._meta.db_table
        if postgres:  # the test's transaction holds deferred key checks: run them first
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute(f"TRUNCATE {table}" if postgres else f"DELETE FROM {table}")  # noqa: S608
    assert searched() == [] and backends.search(["musteri"]) == []


def test_search_uses_the_full_text_index(catalogue):
    """SQLite answers from the FTS5 table; PostgreSQL from the GIN index on the narrow copy
    of the document vectors (search migration 0003)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(
                "EXPLAIN SELECT role_id FROM search_vector"
                " WHERE document @@ to_tsquery('simple', %s)",
                ["musteri:*"],
            )
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "search_vector_idx" in plan
        else:
            cursor.execute(
                "EXPLAIN QUERY PLAN SELECT rowid FROM search_fts WHERE search_fts MATCH %s",
                [backends.fts5_query(["musteri"])],
            )
            plan = " ".join(str(row) for row in cursor.fetchall())
            assert "VIRTUAL TABLE INDEX" in plan


def test_loaddata_writes_each_document_once_when_the_load_commits(
    client, django_capture_on_commit_callbacks
):
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with (
        CaptureQueriesContext(connection) as captured,
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("loaddemo", verbosity=0)
        assert not SearchDocument.objects.exists()  # nothing written row by row
    roles = list(Role.objects.values_list("pk", flat=True))
    writes = [
        q["sql"].split()[0]
        for q in captured.captured_queries
        if q["sql"].startswith(("INSERT", "UPDATE")) and '"search_searchdocument"' in q["sql"]
    ]
    assert writes == ["INSERT"] * len(roles)  # once per role, not once per duty or skill
    assert SearchDocument.objects.count() == len(roles)
    titles = result_titles(client.get("/ara/", {"q": "MUSTERI HIZMETLERI"}))
    assert titles[:2] == ["Müşteri Hizmetleri Ekip Lideri", "Müşteri Hizmetleri Temsilcisi"] or (
        titles[:2] == ["Müşteri Hizmetleri Temsilcisi", "Müşteri Hizmetleri Ekip Lideri"]
    )
    assert "Kredi Asistanı" in result_titles(client.get("/ara/", {"q": "kredi basvurusu"}))
