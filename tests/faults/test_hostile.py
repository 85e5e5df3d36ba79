"""A hostile visitor against the production settings (gunicorn, DEBUG off): ~1,800 crafted
requests over every public address, parameter, form field, header and method. None may be
answered with a 5xx, and nothing may reach a page unescaped."""

import collections
import socket
import urllib.parse

from .conftest import SEED, request, wait_for_form_age

SLUG = "musteri-hizmetleri-ekip-lideri"
PAYLOADS = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "' OR '1'='1' --",
    "1; DROP TABLE articles_role; --",
    "../../../../etc/passwd",
    "%00", "\x00", "\u202eevil\u202c", "\u200b\u200b", "\ufeff",
    "A" * 5000, "İ" * 3000, "🙂" * 500,
    "-1", "0", "99999999999999999999999999", "1e309", "NaN", "Infinity", "0x10", "1.5", "",
    "{{ settings.SECRET_KEY }}", "{% debug %}", "${7*7}", "\\", "%s%s%s%n",
    "MATCH NEAR( \" * OR AND", "javascript:alert(1)", "data:text/html,<b>x</b>",
    "https://kotu.example/\r\nSet-Cookie: x=1",
]  # fmt: skip
PAGES = ["/", "/meslekler/", SEED, "/sektorler/musteri-hizmetleri/", "/beceriler/",
         "/beceriler/iletisim/", "/maaslar/", "/ara/", "/sitemap.xml", "/besleme/rss/",
         "/besleme/atom/", "/robots.txt", "/durum/", "/durum/hazir/", "/karsilastir/",
         "/karsilastir/musteri-hizmetleri-ekip-lideri/kredi-asistani/", "/kvkk-aydinlatma-metni/",
         "/maaslar/nasil-derleniyor/", "/okundu/sahte-imza/"]  # fmt: skip
PARAMS = ["sayfa", "q", "yorum-sayfa", "onay", "sirala", "yil", "p", "format"]
COMMENT_FIELDS = ["name", "email", "url", "comment", "parent", "zaman", "kontrol"]


def quote(value):
    return urllib.parse.quote(value, safe="")


def raw(port, data):
    """Bytes on a socket, for what http.client refuses to send (invalid UTF-8, bad syntax)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(data)
        head = sock.recv(200).decode("latin-1")
    return int(head.split()[1]) if head.startswith("HTTP/") else 0


def test_no_crafted_request_gets_a_5xx_in_production_settings(make_site):
    site = make_site(workers=2)
    statuses = collections.Counter()
    failures = []

    def check(label, answer_status, body=""):
        statuses[answer_status] += 1
        if answer_status >= 500 or answer_status == 0:
            failures.append((label, answer_status))
        for marker in ('<script>alert("x")', "<img src=x onerror"):
            if marker in body:
                failures.append((label, "unescaped"))

    def get(path, **kwargs):
        answer = site.get(path, **kwargs)
        check(f"GET {path[:80]}", answer.status, answer.body)

    for page in PAGES:
        get(page)
        for param in PARAMS:
            for payload in PAYLOADS[::4]:
                get(f"{page}?{param}={quote(payload)}")
    for payload in PAYLOADS:
        for prefix in ("/meslekler/", "/sektorler/", "/beceriler/", "/yorumlar/", "/okundu/",
                       "/karsilastir/", f"/karsilastir/{SLUG}/"):  # fmt: skip
            get(prefix + quote(payload) + "/")
        get("/ara/?q=" + quote(payload) + "&sayfa=" + quote(payload))
        get(f"/yorumlar/{quote(payload)}/yanitla/")
    token = site.comment_form()
    wait_for_form_age()
    base = {"name": "Ayşe", "email": "a@example.com", "url": "", "comment": "Merhaba.",
            "parent": "", "zaman": token, "kontrol": ""}  # fmt: skip
    for n, payload in enumerate(PAYLOADS):
        for field in COMMENT_FIELDS:
            data = {**base, field: payload}
            answer = site.post(f"/yorumlar/{SLUG}/gonder/", data, ip=f"10.{n}.{len(field)}.1")
            check(f"POST comment {field}={payload[:30]!r}", answer.status, answer.body)
    posts = {
        "empty body": b"",
        "json": b'{"name": "x"}',
        "broken form": b"name=%ZZ&&&=&email",
        "many fields": "&".join(f"f{n}=1" for n in range(1500)).encode(),
        "big body": b"comment=" + b"A" * 3_000_000,
    }
    for label, body in posts.items():
        for path in (f"/yorumlar/{SLUG}/gonder/", "/markdownx/upload/", "/markdownx/markdownify/",
                     "/yonetim/login/"):  # fmt: skip
            answer = request(
                site.port,
                "POST",
                path,
                raw_body=body,
                headers={"Content-Type": "application/x-www-form-urlencoded"},
            )
            check(f"POST {path} {label}", answer.status, answer.body)
    boundary = "sinir"
    multipart = (
        f"--{boundary}\r\n"
        'Content-Disposition: form-data; name="image"; filename="../../x.svg"\r\n'
        "Content-Type: image/svg+xml\r\n\r\n<svg onload=alert(1)>\r\n"
        f"--{boundary}--\r\n"
    ).encode()
    answer = request(
        site.port,
        "POST",
        "/markdownx/upload/",
        raw_body=multipart,
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    check("multipart upload", answer.status, answer.body)
    for method in ("PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD"):
        for page in PAGES[:6] + [f"/yorumlar/{SLUG}/gonder/"]:
            answer = request(site.port, method, page)
            check(f"{method} {page}", answer.status)
    headers = [
        {"Host": "kotu.example"},
        {"Host": "127.0.0.1:1\r\nX: y".replace("\r\n", "")},
        {"X-Forwarded-For": "<script>, 999.1.1.1, ::::"},
        {"Cookie": 'sessionid="<script>"; csrftoken=' + "x" * 4000},
        {"Accept-Language": "tr;q=abc, *;q=-1, " + "x" * 500},
        {"Range": "bytes=999999-1"},
        {"If-Modified-Since": "dün"},
        {"User-Agent": "\u202e".encode().decode("latin-1") + "x" * 2000},  # raw UTF-8 bytes
    ]
    for extra in headers:
        for page in ("/", SEED, "/ara/?q=a"):
            answer = request(site.port, "GET", page, headers=extra)
            check(f"GET {page} {list(extra)[0]}", answer.status, answer.body)
    for data in (b"GET /meslekler/\xff\xfe/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                 b"GET /ara/?q=\xc3\x28 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                 b"GET /%ff%fe%00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                 b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Bad: \x00\x01\r\n\r\n"):  # fmt: skip
        check(f"raw {data[:30]!r}", raw(site.port, data))
    for n in range(12):  # a password guesser: locked out, never an error
        answer = site.post(
            "/yonetim/login/?next=/yonetim/",
            {"username": "admin", "password": f"tahmin{n}"},
            ip="10.99.0.1",
        )
        check("admin login guess", answer.status, answer.body)

    total = sum(statuses.values())
    print(f"\n{total} crafted requests, statuses: {dict(sorted(statuses.items()))}")
    assert total > 600
    assert failures == []
    assert statuses[429] >= 1  # the guesser was locked out
    logs = site.logs()
    # Django reports refused requests (bad Host, too many fields, too big) on django.security
    # as it always does; anything else logged as an error would be a bug of ours.
    errors = [
        line[:300]
        for line in logs.splitlines()
        if ("ERROR" in line or "Traceback" in line) and "django.security" not in line
    ]
    assert errors == []
    assert "Internal Server Error" not in logs
