import datetime as dt
from decimal import Decimal

import pytest

from careers import turkish


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Kredi Asistanı", "kredi-asistani"),
        ("Müşteri Hizmetleri Ekip Lideri", "musteri-hizmetleri-ekip-lideri"),
        ("Bordro Vergi Uzmanı", "bordro-vergi-uzmani"),
        ("ÇAĞRI MERKEZİ ÖĞRETMENİ ŞÜKRÜ IŞIK", "cagri-merkezi-ogretmeni-sukru-isik"),
        ("çağrı merkezi öğretmeni şükrü ışık", "cagri-merkezi-ogretmeni-sukru-isik"),
        ("İnsan Kaynakları  /  İK", "insan-kaynaklari-ik"),
        ("  --Yazılım_Geliştirici--  ", "yazilim-gelistirici"),
    ],
)
def test_slugify_maps_every_turkish_letter(title, slug):
    assert turkish.slugify(title) == slug


def test_slugify_respects_max_length_without_trailing_dash():
    assert turkish.slugify("Müşteri Hizmetleri Ekip Lideri", max_length=19) == "musteri-hizmetleri"


@pytest.mark.parametrize(
    ("a", "b"),
    [("İSTANBUL", "istanbul"), ("IŞIK", "ışık"), ("Çağrı", "ÇAĞRI"), ("ÜĞÖ", "üğö")],
)
def test_turkish_case_insensitive_equal(a, b):
    assert turkish.equal(a, b)


@pytest.mark.parametrize(("a", "b"), [("ışık", "isik"), ("IŞIK", "işik"), ("İSTANBUL", "ıstanbul")])
def test_dotted_and_dotless_i_stay_different(a, b):
    assert not turkish.equal(a, b)


def test_casefold_normalises_decomposed_input():
    assert turkish.equal("I\u0307STANBUL", "istanbul")  # I + combining dot above


def test_upper_and_lower():
    assert turkish.upper("istanbul ılık") == "İSTANBUL ILIK"
    assert turkish.lower("İSTANBUL ILIK") == "istanbul ılık"


@pytest.mark.parametrize(
    ("value", "decimals", "text"),
    [
        (5000, None, "5.000 TL"),
        (Decimal("5000.00"), None, "5.000 TL"),
        (Decimal("25.20"), 2, "25,20 TL"),
        (Decimal("25.2"), None, "25,20 TL"),
        (1250000, None, "1.250.000 TL"),
        (Decimal("999.995"), 2, "1.000,00 TL"),
        (0, None, "0 TL"),
        (-1500, None, "-1.500 TL"),
    ],
)
def test_money(value, decimals, text):
    assert turkish.format_money(value, decimals) == text


@pytest.mark.parametrize(
    ("size", "text"),
    [(3_040_000, "2,9"), (2 * 1024 * 1024, "2"), (20 * 2**20, "20"), (1_100_000_000, "1.049")],
)
def test_megabytes_for_messages(size, text):
    assert turkish.format_megabytes(size) == text


def test_and_join_lists_the_way_turkish_does():
    assert turkish.and_join(["Kredi Asistanı"]) == "Kredi Asistanı"
    assert turkish.and_join(["A", "B"]) == "A ve B"
    assert turkish.and_join(["A", "B", "C"]) == "A, B ve C"


def test_dates_in_turkish():
    assert turkish.format_date(dt.date(2026, 11, 26)) == "26 Kasım 2026"
    assert turkish.format_date(dt.date(2024, 2, 1)) == "1 Şubat 2024"


def test_aware_datetime_is_shown_in_istanbul_time(settings):
    utc_evening = dt.datetime(2026, 11, 26, 22, 30, tzinfo=dt.UTC)  # 01:30 next day in Istanbul
    assert turkish.format_date(utc_evening) == "27 Kasım 2026"


def test_turkish_alphabetical_order():
    words = [
        "Zabıta",
        "Çevirmen",
        "Cerrah",
        "Dalgıç",
        "İşçi",
        "Ilık",
        "Öğretmen",
        "Ofis",
        "Şoför",
        "Sekreter",
        "Ürün",
        "Uzman",
    ]
    assert sorted(words, key=turkish.sort_key) == [
        "Cerrah", "Çevirmen", "Dalgıç", "Ilık", "İşçi", "Ofis", "Öğretmen",
        "Sekreter", "Şoför", "Uzman", "Ürün", "Zabıta",
    ]  # fmt: skip


def test_initial_is_turkish_upper_case():
    assert turkish.initial("ılık") == "I"
    assert turkish.initial("işçi") == "İ"
