from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from careers.articles.models import Role, Status
from careers.salaries.models import SalaryBand
from careers.salaries.rules import MONTHLY_HOURS, hourly

from .factories import make_band, make_role, make_sector, make_skill
from .helpers import image_bytes

pytestmark = pytest.mark.django_db


def band(role, **fields):
    values = {"year": 2025, "average": Decimal("30000"), "top": Decimal("45000"), "source": "x"}
    values.update(fields)
    return SalaryBand(role=role, **values)


def errors_of(obj):
    with pytest.raises(ValidationError) as info:
        obj.full_clean()
    return info.value.message_dict


def test_str_and_urls():
    role = make_role("Kredi Asistanı")
    assert str(role) == "Kredi Asistanı"
    assert role.slug == "kredi-asistani"
    assert role.get_absolute_url() == "/meslekler/kredi-asistani/"
    assert role.sector.get_absolute_url() == f"/sektorler/{role.sector.slug}/"
    assert str(make_band(role, year=2024)) == "Kredi Asistanı – 2024"


def test_natural_keys_are_slugs():
    role = make_role("Bordro Vergi Uzmanı")
    assert role.natural_key() == ("bordro-vergi-uzmani",)
    assert Role.objects.get_by_natural_key("bordro-vergi-uzmani") == role


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"average": Decimal("0")}, "average", "Sıfırdan büyük bir tutar girin."),
        ({"top": Decimal("-5")}, "top", "Sıfırdan büyük bir tutar girin."),
        ({"low": Decimal("-1")}, "low", "Sıfırdan büyük bir tutar girin."),
        ({"average": Decimal("50000")}, "average", "Ortalama, üst düzey rakamdan yüksek olamaz."),
        ({"low": Decimal("35000")}, "low", "En düşük rakam ortalamadan yüksek olamaz."),
        ({"year": timezone.localdate().year + 1}, "year", "Yıl gelecekte olamaz"),
    ],
)
def test_band_validation_messages_are_turkish_and_next_to_the_field(fields, field, message):
    role = make_role()
    errors = errors_of(band(role, **fields))
    assert any(message in text for text in errors[field]), errors


def test_second_band_for_same_role_and_year_is_rejected_with_a_message():
    role = make_role()
    make_band(role, year=2024)
    errors = errors_of(band(role, year=2024))
    assert "Bu mesleğin bu yıl için maaş bilgisi zaten var." in str(errors)


@pytest.mark.parametrize(
    "fields",
    [
        {"average": Decimal("0")},
        {"top": Decimal("-1")},
        {"average": Decimal("50000")},
        {"low": Decimal("40000")},
        {"hourly_average": Decimal("0")},
        {"year": 1800},
    ],
)
def test_database_constraints_hold_even_without_form_validation(fields):
    role = make_role()
    with pytest.raises(IntegrityError), transaction.atomic():
        band(role, **fields).save()


def test_one_band_per_role_and_year_in_the_database():
    role = make_role()
    make_band(role, year=2024)
    with pytest.raises(IntegrityError), transaction.atomic():
        band(role, year=2024).save()


def test_slug_clash_is_a_validation_error_with_turkish_message():
    sector = make_sector()
    make_role("Kredi Asistanı", sector=sector)
    clash = Role(
        title="Kredi  Asistanı",
        slug="kredi-asistani",
        sector=sector,
        summary="s",
        lead="l",
        intro="i",
    )
    errors = errors_of(clash)
    assert errors["__all__"] == [
        "Bu web adresini başka bir meslek kullanıyor."
    ] or "Bu web adresini başka bir meslek kullanıyor." in str(errors)


def test_unique_skill_and_sector_names():
    make_skill("İletişim becerisi", slug="iletisim")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_skill("İletişim becerisi", slug="iletisim-2")


def test_published_queryset_hides_drafts_and_scheduled_roles():
    live = make_role("Yayında")
    make_role("Taslak", published=False)
    make_role(
        "İleride", status=Status.PUBLISHED, published_at=timezone.now() + timezone.timedelta(days=3)
    )
    assert list(Role.objects.published()) == [live]


def test_publishing_without_a_time_sets_now():
    role = make_role("Yeni", published=False)
    role.status = Status.PUBLISHED
    role.save()
    assert role.published_at is not None
    assert role.is_public


def test_markdown_is_rendered_and_sanitized_on_save():
    role = make_role(intro="**Merhaba** <script>alert(1)</script>")
    role.refresh_from_db()
    assert "<strong>Merhaba</strong>" in role.intro_html
    assert "<script" not in role.intro_html


def test_hourly_is_derived_from_monthly_when_empty_and_kept_when_entered():
    assert MONTHLY_HOURS == 225
    assert hourly(Decimal("5000")) == Decimal("22.22")
    assert hourly(Decimal("5000"), Decimal("25.20")) == Decimal("25.20")
    role = make_role()
    b = make_band(role, average="22500", top="45000")
    assert b.hourly_average_display == Decimal("100.00")
    assert b.hourly_top_display == Decimal("200.00")


def test_image_needs_a_description(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    role = make_role()
    role.image = SimpleUploadedFile("foto.png", image_bytes(), content_type="image/png")
    with pytest.raises(ValidationError) as info:
        role.clean()
    assert info.value.message_dict["image_alt"] == [
        "Görseli göremeyen okurlar için görseli tarif edin."
    ]


def test_role_lists_leave_the_long_article_texts_in_the_database():
    make_band(make_role(intro="Uzun bir giriş. " * 500), year=2025)
    card = Role.objects.published().for_cards().get()
    assert {"intro", "intro_html", "lead", "career_path_html"} <= card.get_deferred_fields()
    assert card.salary_average == Decimal("30000")


def test_the_role_keeps_its_latest_figures_their_basis_and_last_change():
    role = make_role()
    older = make_band(role, year=2024, average="25000", pay_basis="gross")
    latest = make_band(role, year=2025, average="30000", pay_basis="net")
    role.refresh_from_db()
    assert (role.salary_year, role.salary_average, role.salary_pay_basis) == (
        2025,
        Decimal("30000"),
        "net",
    )
    assert role.salary_updated_at == latest.updated_at
    latest.delete()
    role.refresh_from_db()
    assert (role.salary_year, role.salary_pay_basis) == (2024, "gross")
    assert role.salary_updated_at == older.updated_at
    older.delete()
    role.refresh_from_db()
    assert (role.salary_year, role.salary_pay_basis, role.salary_updated_at) == (None, "", None)


def test_an_editors_older_copy_of_the_role_never_writes_back_its_figures():
    role = make_role()
    opened = Role.objects.get(pk=role.pk)  # an editor opens the article
    make_band(role, year=2025, average="30000")  # meanwhile an import adds this year's figures
    opened.summary = "Yeni özet."
    opened.save()
    role.refresh_from_db()
    assert (role.summary, role.salary_year, role.salary_average) == (
        "Yeni özet.",
        2025,
        Decimal("30000"),
    )
