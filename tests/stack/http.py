"""A small HTTP client for the stack tests: plain http.client, cookies kept by hand (the
stack runs production settings on plain HTTP, so its cookies are marked Secure), forms read
from the HTML as a browser would submit them."""

import http.client
import re
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit


class Response:
    def __init__(self, status, raw_headers, body):
        self.status, self.raw_headers, self.body = status, raw_headers, body
        self.headers = {k.lower(): v for k, v in raw_headers}

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def header(self, name, default=None):
        return self.headers.get(name.lower(), default)


def request(base, method, path, *, body=None, headers=None, timeout=10):
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        answer = connection.getresponse()
        data = answer.read()
        return Response(answer.status, answer.getheaders(), data)
    finally:
        connection.close()


def get(base, path, **headers):
    return request(base, "GET", path, headers=headers)


def post(base, path, fields, **headers):
    headers = {"Content-Type": "application/x-www-form-urlencoded", **headers}
    return request(base, "POST", path, body=urlencode(fields), headers=headers)


class FormParser(HTMLParser):
    """The fields of one form (``<form id=...>`` or the first with a matching action)."""

    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.inside, self.fields = form_id, False, []
        self._select = self._textarea = None
        self._options = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("id") == self.form_id:
            self.inside = True
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append((name, a.get("value", "on")))
            elif kind not in ("submit", "button", "file", "image"):
                self.fields.append((name, a.get("value", "")))
        elif tag == "select" and name:
            self._select, self._options = name, []
        elif tag == "option" and self._select:
            self._options.append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "form":
            self.inside = False
        elif tag == "select" and self._select:
            chosen = [value for value, selected in self._options if selected]
            self.fields += [(self._select, value) for value in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.fields.append((self._textarea[0], self._textarea[1].removeprefix("\n")))
            self._textarea = None


def form_fields(html, form_id):
    parser = FormParser(form_id)
    parser.feed(html)
    assert parser.fields, f"no form #{form_id}"
    return parser.fields


class Browser:
    """One visitor with cookies, on one server."""

    def __init__(self, base):
        self.base, self.cookies = base, {}

    def _headers(self, extra):
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return {**({"Cookie": cookie} if cookie else {}), **extra}

    def _keep(self, response):
        for name, value in response.raw_headers:
            if name.lower() == "set-cookie":
                for morsel in SimpleCookie(value).values():
                    self.cookies[morsel.key] = morsel.value
        return response

    def get(self, path, **headers):
        return self._keep(request(self.base, "GET", path, headers=self._headers(headers)))

    def post(self, path, fields, **headers):
        headers = {"Content-Type": "application/x-www-form-urlencoded", **headers}
        answer = request(
            self.base, "POST", path, body=urlencode(fields), headers=self._headers(headers)
        )
        return self._keep(answer)

    def login(self, username, password):
        page = self.get("/yonetim/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        answer = self.post(
            "/yonetim/login/",
            {"username": username, "password": password, "csrfmiddlewaretoken": token,
             "next": "/yonetim/"},
        )  # fmt: skip
        assert answer.status == 302 and "sessionid" in self.cookies, answer.text[:500]

    def change(self, path, form_id, **changes):
        """Open an admin change form, change some fields, save it; returns the answer."""
        fields = [(k, v) for k, v in form_fields(self.get(path).text, form_id) if k not in changes]
        fields += list(changes.items()) + [("_save", "Kaydet")]
        return self.post(path, fields)

    def approve(self, revision_path, **fields):
        """Approve the change for review at ``revision_path`` (its page in the admin)."""
        page = self.get(revision_path).text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        action = revision_path.replace("/change/", "/onayla/")
        return self.post(action, {"csrfmiddlewaretoken": token.group(1), **fields})
