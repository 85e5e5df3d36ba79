import pytest

from careers.markup import render

ATTACKS = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    "[tıkla](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<iframe src="https://example.org"></iframe>',
    "<svg onload=alert(1)></svg>",
    '<p style="background:url(javascript:alert(1))" onclick="x()">p</p>',
    "<scr<script>ipt>alert(1)</script>",
    "[x](JaVaScRiPt:alert(1))",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "<object data='x.swf'></object><embed src='x'>",
    "<form action='/'><input name=a></form>",
]


@pytest.mark.parametrize("source", ATTACKS)
def test_nothing_dangerous_survives(source):
    html = render(source).lower()
    for needle in (
        "<script",
        "onerror",
        "onload",
        "onclick",
        "javascript:",
        "<iframe",
        "<svg",
        "style=",
        "data:text",
        "<object",
        "<embed",
        "<form",
        "<input",
    ):
        assert needle not in html, (source, html)


def test_markdown_still_renders():
    html = render("**Kalın** ve [bağlantı](https://example.org)\n\n- bir\n- iki")
    assert "<strong>Kalın</strong>" in html
    assert '<a href="https://example.org" rel="noopener">bağlantı</a>' in html
    assert "<li>bir</li>" in html


def test_turkish_text_is_kept():
    assert render("Çağrı merkezi İŞ ılık") == "<p>Çağrı merkezi İŞ ılık</p>"


def test_empty_source():
    assert render("") == ""
