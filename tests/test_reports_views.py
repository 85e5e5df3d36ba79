"""Readers' salary reports through HTTP: the form on the article and at its own address,
posting (limits, defences, replacement), and that nothing public changes before the batch."""

import datetime as dt
import re
import time
from decimal import Decimal

import pytest
import time_machine
from django.db import OperationalError

from careers.salaries.reports import batch, intake
from careers.salaries.reports.forms import FORM_SALT
from careers.salaries.reports.models import Report
from careers.site import client as site_client
from careers.site import formguard

from .factories import make_band, make_report, make_role
from .helpers import text_of

pytestmark = pytest.mark.django_db

LATE_2026 = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _late_2026():
    with time_machine.travel(LATE_2026, tick=True):
        yield


def report_data(role, **fields):
    data = {
        "il": "6",
        "deneyim": "2-4",
        "tutar": "45.000",
        "net_brut": "net",
        "calisma": "full",
        "yil": "2026",
        "isveren": "",
        "imza": formguard.issue(FORM_SALT, role.pk, time.time() - 10),  # 10 s to fill in
        "kontrol": "",
    }
    data.update(fields)
    return data


def post_report(client, role, ip="192.0.2.50", **fields):
    return client.post(
        f"/meslekler/{role.slug}/maasini-paylas/gonder/",
        report_data(role, **fields),
        REMOTE_ADDR=ip,
    )


def section(response):
    """The article's readers' block, as text."""
    return text_of(response, '<section class="reader-reports"', "</section>")


# --- the form -------------------------------------------------------------------------------
def test_every_article_has_the_form_without_csrf_token_and_with_its_own_signed_time(client):
    role = make_role("Kredi Asistanı")
    html = client.get(role.get_absolute_url()).content.decode()
    block = html[html.index('<section class="reader-reports"') :]
    assert "<summary>Maaşını paylaş</summary>" in block
    assert f'action="/meslekler/{role.slug}/maasini-paylas/gonder/"' in block
    assert "csrfmiddlewaretoken" not in html
    token = re.search(r'name="imza" value="([^"]+)"', block).group(1)
    formguard.issued_at(token, FORM_SALT, role.pk)  # genuine, for this article
    for label in ("Çalıştığınız il", "Bu meslekteki deneyiminiz", "Aylık maaşınız (TL)",
                  "Net mi, brüt mü?", "Çalışma süresi", "Tutarın ait olduğu yıl"):  # fmt: skip
        assert label in block
    assert block.count("<option value=") == 81 + 1  # the provinces and "Seçin…"
    assert 'value="2026"' in block and 'value="2025"' in block
    assert "ad yok, e-posta yok" in text_of(client.get(role.get_absolute_url())).lower()


def test_the_form_at_its_own_address_offers_every_province(client):
    """The form's own page (a link from the article, a reader without the article's block):
    its province list was empty before the form was drawn by Jinja2 (nobody could send it)."""
    role = make_role("Kredi Asistanı")
    html = client.get(f"/meslekler/{role.slug}/maasini-paylas/").content.decode()
    form = html[html.index('<form class="report-form"') :]
    assert form.count("<option value=") == 81 + 1
    assert '<option value="34">İstanbul</option>' in form
    assert f'action="/meslekler/{role.slug}/maasini-paylas/gonder/"' in form


def test_a_report_is_stored_with_the_address_only_as_a_keyed_hash(client):
    role = make_role("Kredi Asistanı")
    response = post_report(client, role, tutar="45.000,50", isveren="10-49")
    assert response.status_code == 302
    assert response["Location"] == f"/meslekler/{role.slug}/maasini-paylas/?gonderildi=1"
    thanks = client.get(response["Location"])
    assert "Teşekkürler: bildiriminiz bize ulaştı." in text_of(thanks)
    report = Report.objects.get()
    assert (report.amount, report.province, report.experience) == (Decimal("45000.50"), 6, "2-4")
    assert (report.pay_basis, report.employment, report.year) == ("net", "full", 2026)
    assert report.status == "accepted" and report.employer_size == "10-49"
    assert report.address_hash == site_client.address_hash("192.0.2.50")
    assert "192.0.2.50" not in str(Report.objects.values().get())


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("1", "kabul ettiğimiz en düşük tutar 22.460,40 TL"),
        ("1.000.000.000", "katından fazla (en çok 1.403.775 TL). Yıllık bir rakam mı yazdınız?"),
        ("45000.50", "“45000.50” belirsiz: nokta binlikleri (45.000), virgül kuruşu ayırır"),
        ("kırk bin", "“kırk bin” bir tutar değil"),
    ],
)
def test_nonsense_amounts_are_refused_in_turkish_and_the_form_is_kept(client, amount, message):
    role = make_role("Kredi Asistanı")
    response = post_report(client, role, tutar=amount, il="35", deneyim="10+")
    assert response.status_code == 400
    page = response.content.decode()
    assert message in text_of(response)
    assert f'value="{amount}"' in page  # what was typed
    assert '<option value="35" selected>İzmir</option>' in page
    assert 'value="10+" checked' in page
    field = re.search(r'<input type="text" name="tutar"[^>]*>', page).group(0)
    assert 'aria-invalid="true"' in field and "maas-tutar-hata" in field  # tied to its error
    assert not Report.objects.exists()


def test_part_time_pay_may_be_below_the_minimum_wage_but_not_absurd(client):
    role = make_role("Garson")
    assert post_report(client, role, tutar="12.000", calisma="part").status_code == 302
    refused = post_report(client, role, tutar="1", calisma="part", ip="192.0.2.51")
    assert refused.status_code == 400 and "yarı zamanlı bir iş için çok düşük" in text_of(refused)


def test_gross_amounts_are_limited_against_the_gross_minimum_wage(client):
    role = make_role("Kredi Asistanı")
    response = post_report(client, role, tutar="25.000", net_brut="gross")  # 80 %: 26.424
    assert response.status_code == 400 and "brüt asgari ücretine göre" in text_of(response)


def test_the_honeypot_and_a_form_sent_at_once_are_refused_keeping_what_was_typed(client):
    role = make_role("Kredi Asistanı")
    trapped = post_report(client, role, kontrol="http://spam.example")
    assert trapped.status_code == 400
    assert "gizlenmiş bir alan doldurulmuş" in text_of(trapped)
    fast = post_report(client, role, imza=formguard.issue(FORM_SALT, role.pk, time.time()))
    assert fast.status_code == 400 and "çok kısa süre sonra" in text_of(fast)
    assert 'value="45.000"' in fast.content.decode()
    other = make_role("Başka Meslek")
    foreign = post_report(client, role, imza=formguard.issue(FORM_SALT, other.pk, time.time() - 9))
    assert foreign.status_code == 400
    assert not Report.objects.exists()


def test_one_report_per_role_and_ten_in_all_per_address_a_day(client):
    roles = [make_role(f"Meslek {i}") for i in range(12)]
    assert post_report(client, roles[0]).status_code == 302
    again = post_report(client, roles[0], tutar="46.000")
    assert again.status_code == 429 and again["Retry-After"] == str(24 * 3600)
    assert "zaten bir bildirim gönderildi" in text_of(again)
    assert 'value="46.000"' in again.content.decode()  # kept
    for role in roles[1:10]:
        assert post_report(client, role).status_code == 302
    over = post_report(client, roles[10])
    assert over.status_code == 429 and "çok fazla bildirim" in text_of(over)
    assert post_report(client, roles[10], ip="198.51.100.7").status_code == 302  # someone else
    assert Report.objects.count() == 11


def test_a_new_report_from_the_same_address_replaces_the_earlier_one(client):
    role = make_role("Kredi Asistanı")
    assert post_report(client, role, tutar="40.000").status_code == 302
    first = Report.objects.get()
    Report.objects.filter(pk=first.pk).update(status="held", reason="aykırı")
    # A day later. Redis keeps its own clock (time-machine moves only Python's), so the
    # flood claim's 24 h expiry is played by ending it as Redis would.
    intake.unclaim(role.pk, first.address_hash)
    with time_machine.travel(LATE_2026 + dt.timedelta(hours=25), tick=True):
        assert post_report(client, role, tutar="42.000", deneyim="5-9").status_code == 302
    report = Report.objects.get()  # one row: replaced, not added
    assert report.pk == first.pk
    assert (report.amount, report.experience, report.status, report.reason) == (
        Decimal("42000.00"),
        "5-9",
        "accepted",
        "",
    )


def test_a_failed_store_gives_the_claim_back_and_keeps_what_was_typed(client, monkeypatch):
    role = make_role("Kredi Asistanı")

    def fail(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(intake, "store", fail)
    response = post_report(client, role, tutar="47.500")
    assert response.status_code == 503 and response["Retry-After"]
    assert 'value="47.500"' in response.content.decode()
    monkeypatch.undo()
    assert post_report(client, role, tutar="47.500").status_code == 302  # not refused as a repeat


def test_drafts_take_no_reports_and_show_no_form(client, editor_client):
    draft = make_role("Taslak Meslek", published=False)
    assert post_report(client, draft).status_code == 404
    assert client.get(f"/meslekler/{draft.slug}/maasini-paylas/").status_code == 404
    preview = editor_client.get(draft.get_absolute_url()).content.decode()
    assert "Okurların bildirdiği maaşlar" in preview and "maasini-paylas/gonder" not in preview


# --- nothing public changes before the batch ------------------------------------------------
def test_a_new_report_changes_nothing_public_until_the_batch_runs(client):
    role = make_role("Kredi Asistanı")
    for amount in (30_000, 31_000, 32_000, 33_000, 34_000):
        make_report(role, amount)
    batch.run("nightly")
    url = role.get_absolute_url()
    before = client.get(url)
    assert "Medyan 32.000 TL" in section(before)
    assert post_report(client, role, tutar="90.000").status_code == 302
    after = client.get(url)
    assert after["X-Page-Cache"] == "hit"  # a report invalidates nothing
    client.cookies.clear()
    uncached = client.get(url + "?kaynak=test")  # rendered afresh: still the batch's figures
    assert section(uncached) == section(before)
    api = client.get(f"/api/v1/roles/{role.slug}/reports").json()
    assert api["cohorts"][0]["median"] == 32_000 and api["cohorts"][0]["count"] == 5
    batch.run("nightly")
    fresh = client.get(url)
    assert fresh["X-Page-Cache"] == "miss"  # the batch purged the role's pages
    assert "Medyan 32.500 TL" in section(fresh) and "6 bildirim" in section(fresh)


# --- what the pages cost --------------------------------------------------------------------
def test_the_article_costs_the_same_queries_with_readers_figures(client, django_assert_num_queries):
    role = make_role("Kredi Asistanı")
    make_band(role, year=2025)
    for i in range(12):
        make_report(role, 30_000 + 1_000 * i, experience=("0-1", "2-4", "5-9", "10+")[i % 4])
    batch.run("test")
    # the same 11 as without them (tests/test_views.py): the summary comes with the role
    with django_assert_num_queries(11):
        response = client.get(role.get_absolute_url())
    assert "Medyan 35.500 TL" in section(response)


def test_figures_by_province_and_experience_fall_back_and_say_so(client, django_assert_num_queries):
    role = make_role("Tercüman")
    for i in range(6):
        make_report(role, 30_000 + 1000 * i, province=6, experience="2-4")  # Ankara
    for i in range(4):
        make_report(role, 40_000 + 1000 * i, province=42, experience="10+")  # Konya
    batch.run("test")
    url = f"/meslekler/{role.slug}/okur-maaslari/"
    with django_assert_num_queries(2):  # the role; its published cohorts
        ankara = text_of(client.get(url + "?il=6&deneyim=2-4"))
    assert "Ankara" in ankara and "Ankara için henüz yeterli bildirim yok" not in ankara
    konya = text_of(client.get(url + "?il=42&deneyim=10%2B"))
    assert "Konya için henüz yeterli bildirim yok; gösterilen: Batı Anadolu." in konya
    assert (
        "10 yıl ve üzeri deneyim için henüz yeterli bildirim yok; gösterilen: mesleğin geneli."
        in konya
    )
    izmir = text_of(client.get(url + "?il=35"))
    assert "İzmir için henüz yeterli bildirim yok; gösterilen: mesleğin geneli." in izmir
    assert client.get(url + "?il=99&deneyim=x").status_code == 200  # nonsense: ignored


def test_methodology_and_kvkk_state_the_rules_with_the_codes_numbers(client, settings):
    settings.REPORTS_ADDRESS_RETENTION_DAYS = 21
    methodology = text_of(client.get("/maaslar/nasil-derleniyor/"))
    assert "en az 5 farklı adresten gelen en az 5 onaylı bildirimden" in methodology
    assert "%100'e" not in methodology and "100 TL’ye yuvarlanır" in methodology
    assert "“düşük”, 15 ile 49 arasında “orta”, en az 50 bildirimde “yüksek”" in methodology
    assert "çeyrekler arası açıklığın 3 katından" in methodology
    assert "21 gün sonra silinir" in methodology
    kvkk = text_of(client.get("/kvkk-aydinlatma-metni/"))
    assert "Maaşınızı paylaştığınızda" in kvkk and "21 gün sonra kendiliğinden silinir" in kvkk
    assert "IP adresiniz saklanmaz" in kvkk
