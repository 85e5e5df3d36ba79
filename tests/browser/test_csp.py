"""The enforced Content-Security-Policy breaks nothing: public pages, the comment form, the admin
and markdownx's live preview work in Chromium with no CSP violation reported."""

from playwright.sync_api import expect

from .test_editor import make_editor

PUBLIC = ["/", "/meslekler/", "/maaslar/", "/beceriler/", "/ara/?q=uzman", "/yok-boyle/",
          "/karsilastir/", "/karsilastir/musteri-hizmetleri-ekip-lideri/kredi-asistani/",
          "/kvkk-aydinlatma-metni/", "/maaslar/nasil-derleniyor/",
          "/maaslar/net-brut/?tutar=45.000&tur=net&yil=2026"]  # fmt: skip


def watch_csp(page):
    """Chromium reports each blocked inline script or style, or foreign source, on the console."""
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            "Content Security Policy" in message.text and page.csp_violations.append(message.text)
        ),
    )
    return page


def test_public_pages_work_under_the_policy(open_page, site):
    for path in [site.seed.get_absolute_url(), *PUBLIC]:
        page = watch_csp(open_page(path))
        page.reload()  # watched from the first byte (and the second load is the cached page)
        assert page.evaluate("document.styleSheets.length") >= 1
        # the stylesheet applies: the header is laid out by site.css, not the browser default
        assert page.evaluate(
            "getComputedStyle(document.querySelector('.site-header')).display"
        ) in ("block", "flex", "grid")
        assert page.csp_violations == [], (path, page.csp_violations)


def test_a_comment_can_be_posted_under_the_policy(open_page, site):
    page = watch_csp(open_page(site.seed.get_absolute_url()))
    page.reload()
    page.wait_for_timeout(3_200)  # the form refuses posts faster than a person types
    page.locator("#yorum-name").fill("Ayşe Yılmaz")
    page.locator("#yorum-email").fill("ayse@example.com")
    page.locator("#yorum-comment").fill("CSP altında gönderilen yorum.")
    page.get_by_role("button", name="Yorum gönder").click()
    expect(page.get_by_text("Yorumunuz onay bekliyor.")).to_be_visible()
    assert page.csp_violations == []


def test_admin_and_markdownx_preview_work_under_the_policy(open_page, site, monkeypatch):
    username, password = make_editor(monkeypatch)
    admin = watch_csp(open_page("/yonetim/"))
    admin.get_by_label("Kullanıcı adı").fill(username)
    admin.get_by_label("Parola").fill(password)
    admin.get_by_role("button", name="Oturum aç").click()
    admin.goto(f"/yonetim/articles/role/{site.seed.pk}/change/")
    editor = admin.locator(".markdownx textarea").first
    expect(editor).to_be_visible()
    editor.fill("**CSP önizleme** ve <script>alert(1)</script>")
    preview = admin.locator(".markdownx-preview").first
    expect(preview.locator("strong")).to_have_text("CSP önizleme")  # the preview's XHR ran
    assert preview.locator("script").count() == 0
    # the admin's own scripts run: the inline "add another" links and collapsible fieldsets
    expect(admin.locator("a.add-row, .add-row a").first).to_be_visible()
    assert admin.csp_violations == [], admin.csp_violations
