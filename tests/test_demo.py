"""The demo content: the seed article word for word, and the other articles complete."""

import re
from pathlib import Path

import pytest

from careers.articles.models import Role, Sector, Status
from careers.salaries.models import SalaryBand

from .helpers import text_of

ROOT = Path(__file__).resolve().parent.parent
SEED_NAME = "000_656a145a7e898b36.txt"
SEED = ROOT / "fixtures" / "seed" / SEED_NAME
SHARED_SEED = ROOT.parent / "shared" / "seed" / SEED_NAME

# Lines of the seed that the templates generate rather than store, mapped to what the page
# shows. Headings are built from the role's name (DESIGN.md), so the seed's variant
# "Takım Lideri" in three headings reads "Ekip Lideri" like the others; "Takım Lideri" is kept
# as the role's other name. Salary figures are data shown in Turkish format (25,20). The comment
# form's text follows the comments issue; it is checked by the comment tests.
TAKIM, EKIP = "Müşteri Hizmetleri Takım Lideri", "Müşteri Hizmetleri Ekip Lideri"
GENERATED = {
    f"{TAKIM} Olmak İçin Gerekli Beceriler": f"{EKIP} Olmak İçin Gerekli Beceriler",
    f"{TAKIM} İçin Mesleki Gelişme": f"{EKIP} İçin Mesleki Gelişme",
    f"{TAKIM} Nasıl Olunur?": f"{EKIP} Nasıl Olunur?",
    "2023 Yılı Ortalama Maaş: 5.000 TL (25.20 TL/saat)": (
        "2023 Yılı Ortalama Maaş: 5.000 TL (25,20 TL/saat)"
    ),
    "2023 Yılı Üst Düzey Maaşları: 8.000 TL (38.70 TL/saat)": (
        "2023 Yılı Üst Düzey Maaşları: 8.000 TL (38,70 TL/saat)"
    ),
    "Başa dön tuşu": "Başa dön",
}
COMMENT_FORM = {
    "Bir cevap yazın",
    "E-posta hesabınız yayımlanmayacak. Gerekli alanlar * ile işaretlenmişlerdir",
}

pytestmark = pytest.mark.django_db


def seed_lines():
    lines = []
    for raw in SEED.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"\s+", " ", raw.replace("•", "")).strip()
        if line and line not in COMMENT_FORM:
            lines.append(GENERATED.get(line, line))
    return lines


def test_committed_seed_is_the_shared_seed():
    if SHARED_SEED.exists():  # beside the project on developer machines and in CI
        assert SEED.read_bytes() == SHARED_SEED.read_bytes()
    assert SEED.stat().st_size > 10_000


def test_every_seed_line_appears_on_the_page_in_order(client, seed_role):
    text = text_of(client.get(seed_role.get_absolute_url()))
    position = 0
    lines = seed_lines()
    assert len(lines) == 56  # every non-empty line of the seed but the comment form's two
    for line in lines:
        found = text.find(line, position)
        assert found >= 0, f"missing or out of order: {line!r}"
        position = found + len(line)


def test_seed_salary_is_data_kept_as_stated(seed_role):
    band = SalaryBand.objects.get(role=seed_role)
    assert (band.year, band.average, band.top) == (2023, 5000, 8000)
    assert (str(band.hourly_average), str(band.hourly_top)) == ("25.20", "38.70")
    assert not band.is_sample
    assert seed_role.other_names == ["Müşteri Hizmetleri Takım Lideri"]


def test_popular_roles_of_the_seed_are_full_articles(client, seed_role):
    for slug in ("kredi-asistani", "bordro-vergi-uzmani"):
        role = Role.objects.published().get(slug=slug)
        response = client.get(role.get_absolute_url())
        assert response.status_code == 200
    text = text_of(client.get(seed_role.get_absolute_url()))
    assert "En Popüler: Kredi Asistanı Ne İş Yapar ve Maaşları Ne Kadar?" in text
    assert "En Popüler: Bordro Vergi Uzmanı Ne İş Yapar ve Maaşları Ne Kadar?" in text


SECTIONS = [
    "lead", "intro", "salary_intro", "outlook_text", "salary_footnote", "education", "training",
    "certifications", "work_environment", "trends_intro", "how_to_become", "career_path",
]  # fmt: skip


def test_demo_has_at_least_12_complete_roles_in_4_sectors(demo):
    roles = list(Role.objects.published().prefetch_related(
        "responsibilities", "role_skills", "trends", "salary_bands", "related_links"))  # fmt: skip
    assert len(roles) >= 12
    assert Sector.objects.filter(roles__status=Status.PUBLISHED).distinct().count() >= 4
    for role in roles:
        empty = [name for name in SECTIONS if not getattr(role, name).strip()]
        assert not empty, (role.slug, empty)
        assert len(role.responsibilities.all()) >= 5, role.slug
        assert len(role.role_skills.all()) >= 4, role.slug
        assert len(role.trends.all()) >= 3, role.slug
        assert role.salary_bands.all(), role.slug
        assert role.related_links.all(), role.slug


def test_made_up_figures_are_labelled_sample_data(demo):
    for band in SalaryBand.objects.exclude(role__slug="musteri-hizmetleri-ekip-lideri"):
        assert band.is_sample, band
        assert "örnek veri" in band.source.lower(), band


def test_every_demo_article_renders(client, demo):
    for role in Role.objects.published():
        response = client.get(role.get_absolute_url())
        assert response.status_code == 200, role.slug


def test_loaddemo_is_harmless_when_run_again(demo):
    from django.core.management import call_command

    counts = (Role.objects.count(), SalaryBand.objects.count())
    call_command("loaddemo", verbosity=0)
    assert (Role.objects.count(), SalaryBand.objects.count()) == counts


def test_demo_articles_were_last_updated_when_published(demo):
    for role in Role.objects.published():
        assert role.updated_at == role.published_at, role.slug
        assert all(band.updated_at == role.published_at for band in role.salary_bands.all())
