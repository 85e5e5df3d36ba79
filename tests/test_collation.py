"""Turkish alphabetical order, in Python and in the database (SQLite through the stored sort
key, PostgreSQL through the ICU collation): the same cases give the same order."""

from datetime import timedelta

import pytest
from django.utils import timezone

from careers import turkish
from careers.articles import listing
from careers.articles.models import Role

from .factories import make_role

#: (earlier, later) pairs readers notice when they are wrong.
CASES = [
    ("Hâkim", "Hz Uzmanı"),  # â sorts with a
    ("Satış Temsilcisi", "Satışçı"),  # a space before any letter
    ("Veri Analisti", "Veritabanı Yöneticisi"),
    ("3D Tasarımcı", "Zabıta"),  # digits before letters
    ("Cerrah", "Çevirmen"),
    ("Çevirmen", "Dalgıç"),
    ("Ilık", "İşçi"),  # ı before i
    ("Ofis", "Öğretmen"),
    ("Sekreter", "Şoför"),
    ("Uzman", "Ürün"),
    ("Hakim", "Hâkim"),  # the accent decides only a tie
    ("Öğretmen", "Ön Büro"),  # ğ before n
]
ORDER = [
    "3D Tasarımcı", "Cerrah", "Çevirmen", "Dalgıç", "Hakim", "Hâkim", "Hz Uzmanı", "Ilık",
    "İşçi", "Ofis", "Öğretmen", "Ön Büro", "Satış Temsilcisi", "Satışçı", "Sekreter", "Şoför",
    "Uzman", "Ürün", "Veri Analisti", "Veritabanı Yöneticisi", "Zabıta",
]  # fmt: skip


@pytest.mark.parametrize(("earlier", "later"), CASES)
def test_sort_key_puts_turkish_letters_in_their_places(earlier, later):
    assert turkish.sort_key(earlier) < turkish.sort_key(later)


def test_sort_key_orders_the_whole_list():
    shuffled = ORDER[::2] + ORDER[1::2][::-1]
    assert sorted(shuffled, key=turkish.sort_key) == ORDER


def test_letter_case_and_spacing_only_break_ties():
    assert turkish.sort_key("hakim") < turkish.sort_key("Hakim") < turkish.sort_key("Hakimi")
    assert turkish.sort_key("Veri  Analisti")[:12] == turkish.sort_key("Veri Analisti")[:12]


@pytest.mark.django_db
def test_the_database_sorts_and_paginates_in_turkish_order():
    for i, title in enumerate(reversed(ORDER)):
        make_role(title, slug=f"rol-{i}")  # "Hakim" and "Hâkim" share a slug otherwise
    in_db = list(listing.in_turkish_order(Role.objects.published()).values_list("title", flat=True))
    assert in_db == ORDER
    assert list(Role.objects.values_list("title", flat=True)) == ORDER  # admin and defaults
    page_two = listing.in_turkish_order(Role.objects.published())[5:10]
    assert [r.title for r in page_two] == ORDER[5:10]


@pytest.mark.django_db
def test_a_to_z_splits_by_turkish_initial(client):
    for i, title in enumerate(ORDER):
        make_role(title, slug=f"rol-{i}")
    assert [letter for letter, _count in listing.letters()] == [
        listing.DIGITS, "c", "ç", "d", "h", "ı", "i", "o", "ö", "s", "ş", "u", "ü", "v", "z"
    ]  # fmt: skip
    assert dict(listing.letters())["h"] == 3
    page = client.get("/meslekler/?harf=h").content.decode()
    assert page.index("Hakim") < page.index("Hâkim") < page.index("Hz Uzmanı")
    assert "Ilık" not in page
    assert "Ilık" in client.get("/meslekler/?harf=ı").content.decode()
    assert "İşçi" not in client.get("/meslekler/?harf=ı").content.decode()
    assert "3D Tasarımcı" in client.get("/meslekler/?harf=0-9").content.decode()


@pytest.mark.django_db
def test_a_to_z_counts_only_what_readers_can_open():
    """Drafts and articles scheduled for later are in no initial's count (SQLite counts the
    initials as ranges of the sort-key index, less the unpublished: both paths agree)."""
    make_role("Hakim", slug="hakim")
    make_role("Hemşire", slug="hemsire", published=False)
    make_role("Hostes", slug="hostes", published_at=timezone.now() + timedelta(days=1))
    make_role("3D Tasarımcı", slug="3d")
    make_role("4K Kurgucu", slug="4k", published=False)
    make_role("Zabıta", slug="zabita", published=False)
    assert listing.letters() == [(listing.DIGITS, 1), ("h", 1)]
