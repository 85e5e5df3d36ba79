"""The editors' admin, through the test client: one screen per article, salaries, quality."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.translation import gettext

from careers.articles.admin.forms import EditorMarkdownxWidget
from careers.articles.models import RelatedRole, Role, RoleSkill, Status
from careers.salaries.models import MinimumWage, SalaryBand

from .adminforms import add_inline_rows, changeform_data, changelist_data, inline_prefix
from .factories import fill_role, link, make_band, make_role, make_sector, make_skill

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("cold_content_types")]

MARKDOWN_FIELDS = Role.markdown_fields


def role_with_rows(count):
    sector = make_sector()
    role = fill_role(make_role(sector=sector), count)
    for i in range(count):
        make_band(role, year=1995 + i, average=str(30000 + i), top=str(45000 + i))
        link(role, make_role(sector=sector), order=i)
    return role


# --- Query counts ---------------------------------------------------------------------------


@pytest.mark.parametrize("count", [3, 30])
def test_role_changelist_queries_do_not_grow_with_roles(
    admin_client, count, django_assert_num_queries
):
    sector = make_sector()
    for _ in range(count):
        make_band(make_role(sector=sector), year=2024)
    # session, user, count, total count, roles, sector filter, salary-year filter
    with django_assert_num_queries(7):
        response = admin_client.get(reverse("admin:articles_role_changelist"))
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == count + 0


def test_role_add_page_queries(admin_client, django_assert_num_queries):
    make_sector()
    # session, user, content type (the admin's links), sectors for the select
    with django_assert_num_queries(4):
        response = admin_client.get(reverse("admin:articles_role_add"))
    assert response.status_code == 200


@pytest.mark.parametrize("count", [3, 30])
def test_role_change_page_queries_do_not_grow_with_inlines(
    admin_client, count, django_assert_num_queries
):
    role = role_with_rows(count)
    url = reverse("admin:articles_role_change", args=[role.pk])
    # session, user, role, one query per inline (5), content type, sectors
    with django_assert_num_queries(10):
        response = admin_client.get(url)
    assert response.status_code == 200
    prefix = inline_prefix(response, "roleskill")
    assert int(changeform_data(response)[f"{prefix}-INITIAL_FORMS"]) == count


@pytest.mark.parametrize("count", [3, 30])
def test_salary_band_changelist_queries_do_not_grow(admin_client, count, django_assert_num_queries):
    sector = make_sector()
    for i in range(count):
        role = make_role(sector=sector)
        make_band(role, year=2024, average="30000", top="40000")
        make_band(role, year=2025, average=str(31000 + i), top="42000")
    # session, user, count, bands (with role and last year's figures), minimum wages, year
    # filter, sector filter (no total count: show_full_result_count is off), the payroll rules
    # (the "other basis" column: once a page, then cached)
    with django_assert_num_queries(8):
        response = admin_client.get(reverse("admin:salaries_salaryband_changelist"))
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == min(2 * count, 50)  # 50 a page


# --- The article screen ---------------------------------------------------------------------


def test_every_markdown_field_has_the_live_preview_editor(admin_client):
    role = role_with_rows(1)
    response = admin_client.get(reverse("admin:articles_role_change", args=[role.pk]))
    html = response.content.decode()
    for name in MARKDOWN_FIELDS:
        assert f'name="{name}"' in html
    form = response.context["adminform"].form
    for name in MARKDOWN_FIELDS:
        assert isinstance(form.fields[name].widget, EditorMarkdownxWidget), name
        assert 'class="markdownx-editor' in str(form[name]) or "markdownx-editor" in str(form[name])
    # inlines' Markdown too (skills' paragraph, trends' text)
    assert (
        html.count('data-markdownx-urls-path="/markdownx/markdownify/"') >= len(MARKDOWN_FIELDS) + 2
    )
    assert 'data-markdownx-upload-urls-path="/markdownx/upload/"' in html
    assert "articles/admin/markdownx-errors.js" in html


def test_article_fieldsets_follow_the_article_and_inlines_are_all_there(admin_client):
    response = admin_client.get(reverse("admin:articles_role_add"))
    names = [str(fieldset.name) for fieldset in response.context["adminform"]]
    assert names == [
        gettext(name)
        for name in (
            "Title and introduction",
            "Responsibilities and duties",
            "Salary",
            "Requirements and qualifications",
            "Skills",
            "Working conditions",
            "Professional development",
            "How to become one",
            "Article image",
            "Publishing",
        )
    ]
    inline_models = [
        i.formset.model._meta.model_name for i in response.context["inline_admin_formsets"]
    ]
    assert inline_models == ["responsibility", "salaryband", "relatedrole", "roleskill", "trend"]


def test_whole_article_is_entered_on_one_screen(admin_client):
    sector = make_sector("Finans")
    skill = make_skill("İletişim becerisi")
    other = make_role("Kredi Uzmanı", sector=sector)
    add_url = reverse("admin:articles_role_add")
    data = changeform_data(admin_client.get(add_url))
    response = admin_client.get(add_url)
    data.update(
        title="Kredi Asistanı",
        slug="",  # left empty: filled in from the title, Turkish letters made plain
        sector=str(sector.pk),
        summary="Kredi başvurularını hazırlar.",
        lead="Kredi asistanları ...",
        intro="Bir **kredi asistanı** ne yapar?",
        status=Status.PUBLISHED,
    )
    add_inline_rows(data, inline_prefix(response, "responsibility"), [
        {"text": "Başvuruları incelemek", "order": 0},
        {"text": "Müşterilerle görüşmek", "order": 1},
    ])  # fmt: skip
    add_inline_rows(data, inline_prefix(response, "salaryband"), [
        {"year": 2025, "average": "30000", "top": "45000", "source": "Kariyer siteleri",
         "pay_basis": "net"},
    ])  # fmt: skip
    add_inline_rows(data, inline_prefix(response, "relatedrole"), [
        {"to_role": other.pk, "placement": "after_training", "order": 0},
    ])  # fmt: skip
    add_inline_rows(data, inline_prefix(response, "roleskill"), [
        {"skill": skill.pk, "label": "İletişim yetenekleri", "body": "Çok önemlidir.", "order": 0},
    ])  # fmt: skip
    add_inline_rows(data, inline_prefix(response, "trend"), [
        {"title": "Dijitalleşme", "body": "Bankalar *dijitalleşiyor*.", "order": 0},
    ])  # fmt: skip
    response = admin_client.post(add_url, data, follow=True)
    assert response.status_code == 200
    assert not response.context.get("errors"), response.context.get("errors")
    role = Role.objects.get(title="Kredi Asistanı")
    assert role.slug == "kredi-asistani"
    assert role.is_public  # published with no time: published now
    assert role.intro_html == "<p>Bir <strong>kredi asistanı</strong> ne yapar?</p>"
    assert [r.text for r in role.responsibilities.all()] == [
        "Başvuruları incelemek",
        "Müşterilerle görüşmek",
    ]
    band = role.salary_bands.get()
    assert (band.year, band.average, band.hourly_average_display) == (
        2025,
        Decimal("30000"),
        Decimal("133.33"),
    )
    assert RelatedRole.objects.get(from_role=role).to_role == other
    assert RoleSkill.objects.get(role=role).body_html == "<p>Çok önemlidir.</p>"
    assert role.trends.get().body_html == "<p>Bankalar <em>dijitalleşiyor</em>.</p>"


def test_slug_typed_with_turkish_letters_is_made_plain(admin_client):
    role = make_role("Kredi Asistanı")
    url = reverse("admin:articles_role_change", args=[role.pk])
    data = changeform_data(admin_client.get(url))
    data["slug"] = "Kredi Asistanı Ne İş Yapar"
    admin_client.post(url, data)
    role.refresh_from_db()
    assert role.slug == "kredi-asistani-ne-is-yapar"


def test_a_form_error_keeps_what_the_editor_typed(admin_client):
    role = role_with_rows(1)
    url = reverse("admin:articles_role_change", args=[role.pk])
    response = admin_client.get(url)
    data = changeform_data(response)
    data["intro"] = "Uzun uzun yazdığım yeni giriş metni."
    prefix = inline_prefix(response, "salaryband")
    data[f"{prefix}-0-average"] = "90000"  # above the top figure: an error
    response = admin_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Uzun uzun yazdığım yeni giriş metni." in html
    assert "90000" in html
    role.refresh_from_db()
    assert role.intro != data["intro"]


def test_role_list_shows_sector_status_latest_year_staleness_and_site_link(admin_client):
    sector = make_sector("Finans")
    current = make_role("Güncel Meslek", sector=sector)
    make_band(current, year=2025)
    stale = make_role("Eski Meslek", sector=sector, published=False)
    make_band(stale, year=2023)
    response = admin_client.get(reverse("admin:articles_role_changelist"))
    html = response.content.decode()
    assert "Finans" in html and "2025" in html and "2023" in html
    assert html.count('href="/meslekler/') >= 2
    assert "Sitede gör" in html
    assert gettext("Draft") in html
    rows = {role.title: role for role in response.context["cl"].result_list}
    assert rows["Güncel Meslek"].salary_year == 2025


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"maas_durumu": "eski"}, {"Eski Meslek"}),
        ({"maas_durumu": "yok"}, {"Maaşsız Meslek"}),
        ({"maas_durumu": "guncel"}, {"Güncel Meslek"}),
        ({"maas_yili": "2023"}, {"Eski Meslek"}),
        ({"q": "güncel"}, {"Güncel Meslek"}),
    ],
)
def test_role_list_filters(in_late_2026, admin_client, params, titles, settings):
    settings.SALARY_STALE_MONTHS = 12
    make_band(make_role("Güncel Meslek"), year=2025)
    make_band(make_role("Eski Meslek"), year=2023)
    make_role("Maaşsız Meslek")
    response = admin_client.get(reverse("admin:articles_role_changelist"), params)
    assert {role.title for role in response.context["cl"].result_list} == titles


# --- A save is on the public page at once ---------------------------------------------------


def test_admin_salary_change_is_on_the_public_page_at_once(admin_client, client):
    role = make_role("Kredi Asistanı")
    band = make_band(role, year=2025, average="30000", top="45000")
    url = role.get_absolute_url()
    from django.test import Client

    reader = Client()
    first = reader.get(url)
    assert "30.000 TL" in first.content.decode()
    assert reader.get(url)["X-Page-Cache"] == "hit"

    change = reverse("admin:salaries_salaryband_change", args=[band.pk])
    data = changeform_data(admin_client.get(change))
    data["average"] = "31250"
    response = admin_client.post(change, data)
    assert response.status_code == 302

    after = reader.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert "31.250 TL" in after.content.decode()
    assert "30.000 TL" not in after.content.decode()


def test_article_edit_through_the_role_screen_is_on_the_public_page(admin_client):
    from django.test import Client

    role = make_role("Kredi Asistanı")
    make_band(role, year=2025, average="30000", top="45000")
    reader = Client()
    reader.get(role.get_absolute_url())
    url = reverse("admin:articles_role_change", args=[role.pk])
    response = admin_client.get(url)
    data = changeform_data(response)
    data["title"] = "Kredi Danışmanı"
    data[f"{inline_prefix(response, 'salaryband')}-0-top"] = "47500"
    assert admin_client.post(url, data).status_code == 302
    html = reader.get(role.get_absolute_url()).content.decode()
    assert "Kredi Danışmanı" in html and "47.500 TL" in html


def test_minimum_wage_change_invalidates_what_compares_figures_with_it(admin_client, client):
    """Articles (multiples, the notice) and cards with figures (their notice says whether the
    average is below today's minimum wage) are rendered again; other pages are kept."""
    role = make_role()
    make_band(role, year=2025)
    pages = [role.get_absolute_url(), reverse("articles:role_list"), reverse("articles:skill_list")]
    for url in pages:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    wage = MinimumWage.objects.get(effective_from="2026-01-01")
    change = reverse("admin:salaries_minimumwage_change", args=[wage.pk])
    data = changeform_data(admin_client.get(change))
    data["net_monthly"] = "28100"
    assert admin_client.post(change, data).status_code == 302
    assert client.get(pages[0])["X-Page-Cache"] == "miss"  # the article shows the multiples
    assert client.get(pages[1])["X-Page-Cache"] == "miss"  # the card's notice
    assert client.get(pages[2])["X-Page-Cache"] == "hit"


# --- Salary list, warnings, history, data quality -------------------------------------------


def test_salary_list_edits_many_roles_in_place_with_the_form_rules(admin_client):
    bands = [make_band(make_role(), year=2025, average="30000", top="40000") for _ in range(3)]
    url = reverse("admin:salaries_salaryband_changelist")
    response = admin_client.get(url)
    data = changelist_data(response)
    formset = response.context["cl"].formset
    row = {form.instance.pk: i for i, form in enumerate(formset.forms)}  # newest change first
    data[f"form-{row[bands[0].pk]}-average"] = "32000"
    data[f"form-{row[bands[1].pk]}-average"] = "33000"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert [SalaryBand.objects.get(pk=b.pk).average for b in bands] == [
        Decimal("32000"),
        Decimal("33000"),
        Decimal("30000"),
    ]
    # The same validation as the form: an average above the top is refused, nothing saved.
    data[f"form-{row[bands[2].pk]}-average"] = "99000"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    message = gettext("The average cannot be higher than the top figure.")
    assert message in response.content.decode()
    assert SalaryBand.objects.get(pk=bands[2].pk).average == Decimal("30000")


def test_warnings_are_shown_after_a_save_and_in_the_list(admin_client):
    role = make_role("Çağrı Merkezi Temsilcisi")
    make_band(role, year=2024, average="20000", top="30000")
    band = make_band(role, year=2025, average="31000", top="40000")
    change = reverse("admin:salaries_salaryband_change", args=[band.pk])
    data = changeform_data(admin_client.get(change))
    data["average"] = "12000"  # below 2025's 22.104,67 TL net minimum wage
    data["hourly_top"] = "250"  # 40000 / 225 = 177,78: far off
    response = admin_client.post(change, data, follow=True)
    text = " ".join(str(m) for m in response.context["messages"])
    assert "asgari ücret" in text
    assert "22.104,67 TL" in text
    assert "177,78 TL" in text
    listing = admin_client.get(reverse("admin:salaries_salaryband_changelist")).content.decode()
    assert "22.104,67 TL" in listing


def test_salary_history_records_who_and_old_and_new_values(admin_client, admin_user):
    band = make_band(make_role(), year=2025, average="30000", top="40000")
    change = reverse("admin:salaries_salaryband_change", args=[band.pk])
    data = changeform_data(admin_client.get(change))
    data["average"] = "35000"
    admin_client.post(change, data)
    record = band.history.first()
    assert record.history_user == admin_user
    delta = record.diff_against(record.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("average", Decimal("30000.00"), Decimal("35000.00"))
    ]
    page = admin_client.get(reverse("admin:salaries_salaryband_history", args=[band.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert admin_user.username in html
    assert "30000" in html and "35000" in html
    assert "Değiştiren" in html and "Değişiklikler" in html  # simple-history, in Turkish


def test_data_quality_page(in_late_2026, admin_client, django_assert_num_queries, settings):
    settings.SALARY_STALE_MONTHS = 12
    sector = make_sector()
    jumpy = make_role("Zıplayan Meslek", sector=sector)
    make_band(jumpy, year=2024, average="20000", top="30000")
    make_band(jumpy, year=2025, average="40000", top="50000")  # +100%
    make_band(make_role("Eski Meslek", sector=sector), year=2023, average="5000", top="8000")
    make_role("Maaşsız Meslek", sector=sector)
    url = reverse("admin:salaries_salaryband_data_quality")
    # session, user, minimum wages, bands, roles, payroll rules
    with django_assert_num_queries(6):
        response = admin_client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "+%100" in html  # the average doubled
    assert "8.506,80 TL" in html  # 2023's lowest net minimum wage
    stale = response.context["report"].stale_roles
    assert [r.title for r in stale] == ["Eski Meslek", "Zıplayan Meslek"][:1] or [
        r.title for r in stale
    ] == ["Eski Meslek"]
    assert [r.title for r in response.context["report"].roles_without_figures] == ["Maaşsız Meslek"]
    changelist = admin_client.get(reverse("admin:salaries_salaryband_changelist"))
    assert url in changelist.content.decode()


@pytest.mark.parametrize(
    "name",
    [
        "admin:articles_role_add",
        "admin:salaries_salaryband_add",
        "admin:articles_skill_add",
        "admin:articles_sector_add",
        "admin:salaries_minimumwage_add",
    ],
)
def test_every_field_has_help_for_the_editor(admin_client, name):
    response = admin_client.get(reverse(name))
    forms = [response.context["adminform"].form]
    forms += [i.formset.empty_form for i in response.context.get("inline_admin_formsets", [])]
    missing = [
        f"{form.prefix}-{field_name}"
        for form in forms
        for field_name, field in form.fields.items()
        if not field.widget.is_hidden and field_name != "DELETE" and not str(field.help_text)
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("term", "found"),
    [("istanbul", "İstanbul Rehberi"), ("IŞIK", "Işık Teknisyeni"), ("ışık", "Işık Teknisyeni")],
)
def test_search_is_turkish_case_insensitive(admin_client, term, found):
    make_role("İstanbul Rehberi")
    make_role("Işık Teknisyeni")
    make_role("Isıtma Ustası")
    response = admin_client.get(reverse("admin:articles_role_changelist"), {"q": term})
    assert [role.title for role in response.context["cl"].result_list] == [found]


def test_role_list_shows_approved_comment_count(admin_client):
    from careers.comments.models import CommentStatus

    from .factories import make_comment

    role = make_role("Yorumlu Meslek")
    make_comment(role)
    make_comment(role)
    make_comment(role, status=CommentStatus.PENDING)
    response = admin_client.get(reverse("admin:articles_role_changelist"))
    html = response.content.decode()
    assert f'?role__id__exact={role.pk}">2</a>' in html


def test_apps_add_to_the_role_admin_without_registering_it_again(admin_client):
    """The articles app's own RoleAdmin serves the screen; comments (and salaries) add their
    columns in place, the link to the site stays last."""
    from django.contrib import admin

    from careers.articles.admin.roles import RoleAdmin
    from careers.articles.models import Role

    assert type(admin.site._registry[Role]) is RoleAdmin
    make_role()
    response = admin_client.get(reverse("admin:articles_role_changelist"))
    headers = re.findall(r'class="[^"]*column-(\w+)', response.content.decode())
    assert headers[-3:] == ["updated_at", "comment_count", "site_link"]


def test_admin_labels_use_turkish_capital_i(admin_client):
    """Django's capfirst() would turn “ilgili” into “Ilgili” (dotless I)."""
    role = make_role()
    html = admin_client.get(reverse("admin:articles_role_change", args=[role.pk])).content.decode()
    assert "İstihdam görünümü" in html
    assert "İlgili meslek" in html
    assert "Ilgili" not in html and "Istihdam" not in html


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"band": {"average": "0"}}, "Sıfırdan büyük bir tutar girin."),
        ({"band": {"top": "-8000"}}, "Sıfırdan büyük bir tutar girin."),
        ({"band": {"average": "90000"}}, "Ortalama, üst düzey rakamdan yüksek olamaz."),
        ({"band": {"average": "abc"}}, "“abc” bir tutar değil; 45000 ya da 45.000,50 gibi yazın."),
        ({"new_band": {"year": "1995"}}, "Bu mesleğin bu yıl için maaş bilgisi zaten var."),
        ({"slug": "taken-slug"}, "Bu web adresini başka bir meslek kullanıyor."),
        ({"same_skill_twice": True}, "Bu beceri bu meslek için zaten listede."),
    ],
)
def test_bad_input_in_the_role_screen_is_refused_next_to_the_field_and_nothing_is_saved(
    admin_client, change, message
):
    make_role("Başka Meslek", slug="taken-slug")
    role = role_with_rows(1)
    url = reverse("admin:articles_role_change", args=[role.pk])
    response = admin_client.get(url)
    data = changeform_data(response)
    data["intro"] = "Yarım kalmaması gereken yeni giriş."
    prefix = inline_prefix(response, "salaryband")
    for name, value in change.get("band", {}).items():
        data[f"{prefix}-0-{name}"] = value
    if "new_band" in change:
        row = {
            "year": "2000",
            "average": "31000",
            "top": "46000",
            "source": "x",
            "pay_basis": "net",
        }
        add_inline_rows(data, prefix, [{**row, **change["new_band"]}])
    if "slug" in change:
        data["slug"] = change["slug"]
    if "same_skill_twice" in change:
        skill_prefix = inline_prefix(response, "roleskill")
        skill_id = data[f"{skill_prefix}-0-skill"]
        add_inline_rows(data, skill_prefix, [{"skill": skill_id, "body": "Yine.", "order": 9}])
    response = admin_client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'class="errorlist' in html
    assert "Yarım kalmaması gereken yeni giriş." in html  # what the editor typed is kept
    role.refresh_from_db()
    assert role.intro != data["intro"]  # nothing saved half-way
    assert [(b.year, b.average) for b in role.salary_bands.all()] == [(1995, Decimal("30000"))]
