"""Posting and reading comments through the test client, as a visitor would (JS off)."""

import html as html_lib
import re
import time
from datetime import timedelta
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission, User
from django.core import mail
from django.test import Client
from django.utils import timezone

from careers.comments import conf, tokens
from careers.comments.models import Comment
from careers.site import formguard

from .factories import fill_role, make_band, make_comment, make_role
from .helpers import text_of

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def form_data(role, **fields):
    data = {
        "name": "Ayşe Yılmaz",
        "email": "ayse@example.com",
        "url": "",
        "comment": "Çok faydalı bir yazı, teşekkürler.",
        "parent": "",
        "zaman": tokens.issue(role.pk, time.time() - 10),  # a person took 10 s to write
        "kontrol": "",
    }
    data.update(fields)
    return data


def post(client, role, ip="192.0.2.10", **fields):
    return client.post(f"/yorumlar/{role.slug}/gonder/", form_data(role, **fields), REMOTE_ADDR=ip)


def field_value(html, name):
    match = re.search(rf'<input type="hidden" name="{name}" value="([^"]*)"', html)
    return html_lib.unescape(match.group(1))


def moderator(username="moderator", email="moderator@example.com"):
    user = User.objects.create_user(username, email, "x-long-test-password", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="can_moderate"))
    return user


# --- the form -------------------------------------------------------------------------------
def test_article_ends_with_the_seed_form_with_real_labels_and_no_csrf_token(client):
    role = make_role("Kredi Asistanı")
    response = client.get(role.get_absolute_url())
    html = response.content.decode()
    text = text_of(response)
    assert "Bir cevap yazın Gerekli alanlar * ile işaretlenmişlerdir." in text
    assert "E-posta adresiniz yayınlanmayacak." in text
    labels = [("yorum-name", "İsim*"), ("yorum-email", "E-posta*"),
              ("yorum-url", "İnternet sitesi"), ("yorum-comment", "Yorum*")]  # fmt: skip
    for field_id, label in labels:
        match = re.search(rf'<label for="{field_id}">(.*?)</label>', html)
        assert match and re.sub(r"<[^>]+>", "", match.group(1)) == label
        assert f'id="{field_id}"' in html
    assert 'aria-describedby="yorum-email_helptext"' in html
    assert 'id="yorum-email_helptext"' in html
    assert "csrfmiddlewaretoken" not in html
    assert '<a href="#yorumlar">Bir cevap yazın</a>' in html  # table of contents


# --- the journey ----------------------------------------------------------------------------
def test_new_commenter_is_held_sees_notice_others_do_not_and_editors_are_emailed(
    client, django_capture_on_commit_callbacks
):
    moderator()
    role = make_role("Kredi Asistanı")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, role)
    comment = Comment.objects.get()
    assert comment.status == "pending"
    assert comment.ip_address == "192.0.2.10"
    assert response.status_code == 302
    assert response["Location"].startswith(f"{role.get_absolute_url()}?onay=")
    assert response["Location"].endswith(f"#yorum-{comment.pk}")
    page = client.get(response["Location"])
    text = text_of(page)
    assert "Yorumunuz onay bekliyor." in text
    assert "Çok faydalı bir yazı, teşekkürler." in text
    assert f'id="yorum-{comment.pk}"' in page.content.decode()
    assert "ayse@example.com" not in page.content.decode()
    assert "private" in page["Cache-Control"]
    # anyone else (and the cached page) shows nothing of it
    other = text_of(client.get(role.get_absolute_url()))
    assert "Yorumunuz onay bekliyor." not in other and "teşekkürler" not in other
    forged = text_of(client.get(f"{role.get_absolute_url()}?onay={comment.pk}"))
    assert "Yorumunuz onay bekliyor." not in forged
    # the moderators got an e-mail with the text and links to the admin (a job, committed
    # with the comment; the test settings run jobs at once, after the commit)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["moderator@example.com"]
    assert message.subject == "[Meslek Rehberi] Onay bekleyen yorum: Kredi Asistanı"
    assert "Çok faydalı bir yazı" in message.body
    assert f"/yonetim/comments/comment/{comment.pk}/change/" in message.body
    assert "Yeni yorumcu" in message.body


def test_known_commenter_is_approved_and_shown_at_once_on_the_cached_page(
    client, django_capture_on_commit_callbacks
):
    role = make_role()
    make_comment(role, name="Ayşe Yılmaz", email="AYSE@example.com", body="İlk yorumum.",
                 created_at=timezone.now() - timedelta(minutes=5))  # fmt: skip
    assert client.get(role.get_absolute_url())["X-Page-Cache"] == "miss"
    assert client.get(role.get_absolute_url())["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, role, comment="İkinci yorumum.")
    comment = Comment.objects.get(body="İkinci yorumum.")
    assert comment.status == "approved"
    assert response["Location"] == f"{role.get_absolute_url()}#yorum-{comment.pk}"
    page = client.get(role.get_absolute_url())
    assert page["X-Page-Cache"] == "miss"
    text = text_of(page)
    assert "2 yorum" in text and "İkinci yorumum." in text
    assert "Yorumunuz onay bekliyor." not in text
    assert not mail.outbox


def test_a_held_comment_leaves_cached_pages_in_place(client):
    role = make_role()
    client.get(role.get_absolute_url())
    post(client, role)
    assert client.get(role.get_absolute_url())["X-Page-Cache"] == "hit"


def test_posting_from_a_cached_page_works(monkeypatch):
    client = Client(enforce_csrf_checks=True)  # as a browser: Django's CSRF check is on
    role = make_role()
    client.get(role.get_absolute_url())
    cached = client.get(role.get_absolute_url())
    assert cached["X-Page-Cache"] == "hit"
    html = cached.content.decode()
    assert "csrfmiddlewaretoken" not in html and not cached.cookies
    # the reader spends a minute writing
    later = time.time() + 60
    monkeypatch.setattr(formguard, "time", SimpleNamespace(time=lambda: later))
    data = {"name": "Okur", "email": "okur@example.com", "url": "", "comment": "Önbellekten.",
            "zaman": field_value(html, "zaman"), "parent": field_value(html, "parent"),
            "kontrol": ""}  # fmt: skip
    response = client.post(f"/yorumlar/{role.slug}/gonder/", data, REMOTE_ADDR="192.0.2.20")
    assert response.status_code == 302
    assert Comment.objects.get().body == "Önbellekten."


def test_logged_in_session_gives_no_extra_authority(client):
    """The csrf-exempt view ignores the session: an editor's comment is moderated like any."""
    client.force_login(moderator())
    role = make_role()
    post(client, role, email="moderator@example.com")
    assert Comment.objects.get().status == "pending"


# --- errors keep what was typed -------------------------------------------------------------
def test_empty_form_shows_a_turkish_error_next_to_each_required_field(client):
    role = make_role()
    response = post(client, role, name=" ", email="", comment="   ")
    assert response.status_code == 400
    html = response.content.decode()
    text = text_of(response)
    assert "Yorumunuz henüz gönderilmedi" in text
    assert "Lütfen aşağıda işaretlenen hataları düzeltin" in text
    for field, message in [("name", "Lütfen adınızı yazın."),
                           ("email", "Lütfen e-posta adresinizi yazın."),
                           ("comment", "Lütfen yorumunuzu yazın.")]:  # fmt: skip
        assert re.search(
            rf'<label for="yorum-{field}">.*?</label>\s*<ul class="errorlist" '
            rf'id="yorum-{field}-hata"><li>{re.escape(message)}</li>',
            html,
        ), field
        assert re.search(rf'<(input|textarea)[^>]*aria-invalid="true"[^>]*id="yorum-{field}"',
                         html), field  # fmt: skip
    assert 'id="yorum-url"' in html and "yorum-url-hata" not in html
    assert not Comment.objects.exists()


def test_a_bad_email_keeps_everything_typed(client):
    role = make_role()
    body = "Uzun uzun yazdığım yorum.\n\nİkinci paragraf <b>kalın</b>."
    response = post(client, role, email="ayse@", comment=body, url="https://ayse.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Geçerli bir e-posta adresi yazın, ör. ad@ornek.com." in html
    assert 'value="Ayşe Yılmaz"' in html and 'value="ayse@"' in html
    assert 'value="https://ayse.example"' in html
    assert html_lib.escape(body, quote=False) in html
    # fix it and send again from the error page: accepted
    data = form_data(role, comment=body, url="https://ayse.example")
    data["zaman"] = field_value(html, "zaman")
    assert client.post(f"/yorumlar/{role.slug}/gonder/", data).status_code == 302


@pytest.mark.parametrize(
    ("url", "stored"),
    [("ornek.com", "https://ornek.com"), ("http://ornek.com/a", "http://ornek.com/a"),
     ("", "")],
)  # fmt: skip
def test_website_accepts_http_and_https_only(client, url, stored):
    role = make_role()
    assert post(client, role, url=url).status_code == 302
    assert Comment.objects.get().url == stored


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://ornek.com/", "data:text/html,x", "mailto:a@b.com"]
)
def test_other_url_schemes_are_refused(client, url):
    response = post(client, make_role(), url=url)
    assert response.status_code == 400
    assert "http:// veya https:// ile başlayan bir internet adresi yazın." in text_of(response)
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("field", "limit"),
    [("name", 245), ("email", 100), ("url", 200), ("comment", 65525)],
)
def test_wordpress_maximum_lengths(client, field, limit):
    role = make_role()

    def value(length):
        if field == "email":
            return "a" * (length - len("@example.com")) + "@example.com"
        if field == "url":
            return "https://ornek.com/" + "a" * (length - len("https://ornek.com/"))
        return "ş" * length

    too_long = post(client, role, **{field: value(limit + 1)})
    assert too_long.status_code == 400
    assert f"En fazla {limit} karakter yazabilirsiniz (bu {limit + 1} karakter)." in text_of(
        too_long
    )
    assert post(client, role, **{field: value(limit)}).status_code == 302
    stored = Comment.objects.get()
    assert len(stored.body if field == "comment" else getattr(stored, field)) == limit


def test_control_characters_are_stripped_before_storing(client):
    role = make_role()
    post(client, role, name="Ay\x00şe\u202e", comment="Satır\x07 bir\r\nSatır\x1b iki")
    comment = Comment.objects.get()
    assert comment.name == "Ayşe"
    assert comment.body == "Satır bir\nSatır iki"


def test_honeypot_refuses_and_keeps_the_text(client):
    role = make_role()
    response = post(client, role, kontrol="http://spam.example", comment="Benim yorumum.")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Otomatik spamı yakalamak için gizlenmiş bir alan doldurulmuş" in text_of(response)
    assert "Benim yorumum." in html
    assert "spam.example" not in html  # the honeypot is not echoed back
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("token", "message", "same_token"),
    [
        ("", "Form doğrulanamadı.", False),
        ("1:123:abc", "Form doğrulanamadı.", False),
        ("expired", "Sayfa uzun süre açık kaldığı için formun süresi doldu.", False),
        ("fresh", "Form, sayfa açıldıktan çok kısa süre sonra gönderildi.", True),
    ],
)
def test_missing_tampered_expired_or_too_fast_token(client, settings, token, message, same_token):
    role = make_role()
    if token == "expired":
        token = tokens.issue(role.pk, time.time() - conf.get("COMMENTS_FORM_MAX_AGE") - 5)
    elif token == "fresh":
        token = tokens.issue(role.pk)
    response = post(client, role, zaman=token, comment="Kaybolmasın.")
    assert response.status_code == 400
    assert message in text_of(response)
    html = response.content.decode()
    assert "Kaybolmasın." in html
    assert (field_value(html, "zaman") == token) is same_token
    tokens.issued_at(field_value(html, "zaman"), role.pk)  # a genuine token to send again
    assert not Comment.objects.exists()


def test_token_of_another_article_is_refused(client):
    role, other = make_role(), make_role()
    response = post(client, role, zaman=tokens.issue(other.pk, time.time() - 10))
    assert response.status_code == 400


def test_flood_is_answered_429_in_turkish_with_the_text_kept(client):
    role = make_role()
    assert post(client, role, ip="192.0.2.30").status_code == 302
    response = post(client, role, ip="192.0.2.30", email="baska@example.com", comment="Hızlı.")
    assert response.status_code == 429
    assert response["Retry-After"] == "15"
    text = text_of(response)
    assert "Çok hızlı yorum gönderiyorsunuz. Lütfen 15 saniye bekleyip yeniden gönderin" in text
    assert "Hızlı." in response.content.decode()
    # the same e-mail address from another IP address is flooding too
    assert post(client, role, ip="192.0.2.31", comment="Başka.").status_code == 429
    # another visitor is not affected
    assert (
        post(client, role, ip="192.0.2.32", email="c@example.com", comment="C").status_code == 302
    )
    assert Comment.objects.count() == 2


def test_flood_window_passes(client, settings):
    role = make_role()
    make_comment(role, ip_address="192.0.2.40", status="pending",
                 created_at=timezone.now() - timedelta(seconds=16))  # fmt: skip
    assert post(client, role, ip="192.0.2.40").status_code == 302


def test_duplicate_is_409(client):
    role = make_role()
    assert post(client, role, ip="192.0.2.50").status_code == 302
    again = post(client, role, ip="192.0.2.51", comment="Çok faydalı bir yazı,  teşekkürler. ")
    assert again.status_code == 409
    assert "Bu yorumu zaten gönderdiniz." in text_of(again)
    assert Comment.objects.count() == 1


def test_post_to_a_draft_or_missing_role_is_404_and_get_redirects_to_the_form(client):
    draft = make_role(published=False)
    assert post(client, draft).status_code == 404
    assert client.post("/yorumlar/yok-boyle/gonder/", {}).status_code == 404
    role = make_role()
    response = client.get(f"/yorumlar/{role.slug}/gonder/")
    assert response.status_code == 302 and response["Location"].endswith("#yorum-yaz")
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "data",
    [{}, {"parent": "abc"}, {"parent": "-1"}, {"parent": "99999999999999999999999"},
     {"name": ["a", "b"]}, {"zaman": "x" * 5000}, {"email": "a@b.c" * 60}],
)  # fmt: skip
def test_odd_input_never_gives_a_500(client, data):
    role = make_role()
    response = client.post(f"/yorumlar/{role.slug}/gonder/", data)
    assert response.status_code == 400


# --- closing --------------------------------------------------------------------------------
def test_closed_role_says_so_instead_of_the_form_and_refuses_posts(client):
    role = make_role(comments_open=False)
    make_comment(role, body="Eski yorum.")
    text = text_of(client.get(role.get_absolute_url()))
    assert "Bu makale yorumlara kapalıdır." in text
    assert "Eski yorum." in text
    assert "Bir cevap yazın" not in text and "Yanıtla" not in text
    response = post(client, role, comment="Kapalıyken yazdım.")
    assert response.status_code == 403
    assert "Kapalıyken yazdım." in response.content.decode()  # the text is given back
    assert not Comment.objects.exclude(body="Eski yorum.").exists()


def test_comments_close_after_n_days_when_configured(client, settings):
    role = make_role(published_at=timezone.now() - timedelta(days=10))
    assert "Bir cevap yazın" in text_of(client.get(role.get_absolute_url()))
    settings.COMMENTS_CLOSE_AFTER_DAYS = 9
    client.get("/")  # nothing cached for the article matters: rendering reads the setting
    from django.core.cache import cache

    cache.clear()
    assert "Bu makale yorumlara kapalıdır." in text_of(client.get(role.get_absolute_url()))
    assert post(client, role).status_code == 403
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    cache.clear()
    text = text_of(client.get(role.get_absolute_url()))
    assert "Bir cevap yazın" in text
    closes = role.published_at + timedelta(days=30)
    assert f"Yorumlar {timezone.localtime(closes).day} " in text


# --- replies --------------------------------------------------------------------------------
def test_reply_without_javascript_nests_three_levels(client):
    role = make_role()
    first = make_comment(role, name="Birinci", body="Soru?")
    html = client.get(role.get_absolute_url()).content.decode()
    assert f'<a rel="nofollow" href="/yorumlar/{first.pk}/yanitla/"' in html
    page = client.get(f"/yorumlar/{first.pk}/yanitla/")
    assert page.status_code == 200
    page_html = page.content.decode()
    assert "Birinci kişisine yanıt:" in text_of(page) and "Soru?" in page_html
    assert field_value(page_html, "parent") == str(first.pk)
    assert "noindex" in page_html
    parent = first
    for level in (2, 3):
        known = {"name": f"Yanıtlayan {level}", "email": f"y{level}@example.com"}
        make_comment(role, **known, body=f"eski {level}", created_at=timezone.now() - timedelta(1))
        response = post(client, role, ip=f"192.0.2.{60 + level}", parent=str(parent.pk),
                        comment=f"Yanıt {level}", **known)  # fmt: skip
        assert response.status_code == 302
        parent = Comment.objects.get(body=f"Yanıt {level}")
        assert parent.status == "approved"
    html = client.get(role.get_absolute_url()).content.decode()
    nested = re.search(
        rf'id="yorum-{first.pk}".*?<ol class="comment-replies">.*?Yanıt 2.*?'
        r'<ol class="comment-replies">.*?Yanıt 3',
        html,
        re.S,
    )
    assert nested


def test_reply_page_and_reply_post_need_an_approved_parent_of_the_same_role(client):
    role, other = make_role(), make_role()
    pending = make_comment(role, status="pending")
    elsewhere = make_comment(other)
    assert client.get(f"/yorumlar/{pending.pk}/yanitla/").status_code == 404
    assert client.get("/yorumlar/999999/yanitla/").status_code == 404
    response = post(client, role, parent=str(elsewhere.pk), comment="Yanlış yere.")
    assert response.status_code == 400
    assert "Yanıtladığınız yorum artık yayında değil." in text_of(response)
    assert "Yanlış yere." in response.content.decode()
    draft_comment = make_comment(make_role(published=False))
    assert client.get(f"/yorumlar/{draft_comment.pk}/yanitla/").status_code == 404


# --- display --------------------------------------------------------------------------------
def test_display_approved_only_oldest_first_turkish_dates_heading_and_links(client):
    role = make_role()
    when = timezone.make_aware(timezone.datetime(2026, 11, 26, 14, 5))
    make_comment(role, name="Üçüncü", created_at=when + timedelta(hours=2))
    make_comment(role, name="Birinci", url="https://birinci.example", created_at=when)
    make_comment(role, name="İkinci", created_at=when + timedelta(hours=1))
    for status in ("pending", "spam", "removed"):
        make_comment(role, name=f"Gizli {status}", status=status)
    response = client.get(role.get_absolute_url())
    text = text_of(response)
    html = response.content.decode()
    assert "3 yorum" in text
    assert text.index("Birinci") < text.index("İkinci") < text.index("Üçüncü")
    assert "26 Kasım 2026, 14:05" in text
    assert "Gizli" not in text
    assert '<a href="https://birinci.example" rel="external nofollow ugc">Birinci</a>' in html
    assert "Yorumlar (3)" in text  # table of contents


def test_xss_in_every_field_comes_back_escaped(client):
    role = make_role()
    make_comment(role, name=XSS, email="x@example.com", url='https://x.example/"onmouseover=1',
                 body=XSS + "\n\nhttps://ok.example/<script>")  # fmt: skip
    page = client.get(role.get_absolute_url())
    html = page.content.decode()
    assert "<script>" not in html and "<img src=x" not in html
    # What a browser reads (either escaping of a quote, &quot; or &#34;, reads the same): the
    # name and the text as text, the address whole inside its attribute.
    links = _links(html)
    assert ('https://x.example/"onmouseover=1', XSS) in links
    assert not any("onmouseover" in attrs for attrs in _attributes(html))
    assert XSS in text_of(page)
    # and on the error page, each field's value escaped
    response = post(client, role, name=XSS, email=XSS, url=XSS, comment=XSS)
    assert response.status_code == 400
    assert "<script>" not in response.content.decode()
    assert "<img src=x" not in response.content.decode()


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.links, self._href, self._text = [], [], None, []

    def handle_starttag(self, tag, attrs):
        self.tags.append(dict(attrs))
        if tag == "a":
            self._href, self._text = dict(attrs).get("href"), []

    def handle_data(self, data):
        self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, "".join(self._text)))
            self._href = None


def _parsed(html):
    parser = _Tags()
    parser.feed(html)
    return parser


def _links(html):
    """``(href, text)`` of every link, as a browser decodes them."""
    return _parsed(html).links


def _attributes(html):
    return _parsed(html).tags


def test_email_never_appears_in_public_html(client):
    role = make_role()
    parent = make_comment(role, email="gizli.adres@example.com")
    held = post(client, role, email="ikinci.gizli@example.com")
    pages = [
        client.get(role.get_absolute_url()),
        client.get(held["Location"]),
        client.get(f"/yorumlar/{parent.pk}/yanitla/"),
    ]
    for page in pages:
        content = page.content.decode()
        assert "gizli.adres" not in content and "ikinci.gizli" not in content


def test_comments_paginate_past_20_threads_and_redirect_to_the_right_page(client):
    role = make_role()
    start = timezone.now() - timedelta(days=1)
    first = make_comment(role, body="Konu 0", created_at=start)
    make_comment(role, parent=first, body="Yanıt 0", created_at=start + timedelta(hours=1))
    for i in range(1, 21):
        make_comment(role, body=f"Konu {i}", created_at=start + timedelta(minutes=i))
    page1 = text_of(client.get(role.get_absolute_url()))
    assert "22 yorum" in page1
    assert "Konu 19" in page1 and "Yanıt 0" in page1 and "Konu 20" not in page1
    assert "Sayfa 1 / 2" in page1 and "Daha yeni yorumlar" in page1
    page2 = text_of(client.get(f"{role.get_absolute_url()}?yorum-sayfa=2"))
    assert "Konu 20" in page2 and "Konu 19" not in page2
    assert client.get(f"{role.get_absolute_url()}?yorum-sayfa=abc").status_code == 200
    # a new top-level comment lands on page 2; a reply to the first on page 1
    response = post(client, role)
    assert "yorum-sayfa=2" in response["Location"]
    assert "Yorumunuz onay bekliyor." in text_of(client.get(response["Location"]))
    response = post(client, role, ip="192.0.2.99", email="b@example.com", parent=str(first.pk))
    assert "yorum-sayfa" not in response["Location"]
    assert "Yorumunuz onay bekliyor." in text_of(client.get(response["Location"]))


@pytest.mark.parametrize("count", [3, 60])
def test_article_queries_stay_constant_with_threaded_comments(
    client, django_assert_num_queries, count
):
    role = fill_role(make_role(), 3)
    make_band(role)
    parent = None
    for i in range(count):
        parent = make_comment(role, parent=parent if i % 4 else None)
    with django_assert_num_queries(11):  # test_views, + the payroll rules for the net band
        response = client.get(role.get_absolute_url())
    assert f"{count} yorum" in text_of(response)


def test_reply_page_held_notice_and_post_query_counts(client, django_assert_num_queries):
    role = make_role()
    parent = make_comment(role)
    with django_assert_num_queries(1):  # the comment with its published role
        assert client.get(f"/yorumlar/{parent.pk}/yanitla/").status_code == 200
    # role; (SAVEPOINT) duplicate; flood; blocklist; history; (SAVEPOINT) insert (RELEASE)
    # (RELEASE); the comment's page. Outside the test's transaction the outer pair is BEGIN
    # IMMEDIATE / COMMIT.
    with django_assert_num_queries(11):
        response = post(client, role)
    with django_assert_num_queries(
        9
    ):  # the article's 8 (no bands to compare with the minimum wage) + the held comment
        assert client.get(response["Location"]).status_code == 200
