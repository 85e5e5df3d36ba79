"""Accessibility in the browser: axe-core finds nothing, and the keyboard reaches everything."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import DESKTOP, PHONE

AXE = Axe()
# Every WCAG 2.0/2.1/2.2 A and AA rule, plus axe's best practices (landmarks, headings...).
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
}

PAGES = {
    "home": lambda site: "/",
    "a-z": lambda site: "/meslekler/",
    "sector": lambda site: site.sector.get_absolute_url(),
    "article": lambda site: site.seed.get_absolute_url(),
    "related-article": lambda site: site.popular.get_absolute_url(),
}


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("name", PAGES.keys())
def test_axe_finds_no_violations(open_page, site, name, width):
    page = open_page(PAGES[name](site), width=width)
    results = AXE.run(page, options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()


# Everything a keyboard user can reach with Tab, in document order, as the browser sees it.
FOCUSABLE_JS = """() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
  window.__focusables = Array.from(document.querySelectorAll(selector)).filter(el =>
    el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0
    && getComputedStyle(el).visibility !== 'hidden');
  return window.__focusables.map(el => (el.innerText || el.name || el.id).trim());
}"""

FOCUSED_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  return {
    index: window.__focusables.indexOf(el),
    text: (el.innerText || el.name || el.id).trim(),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
  };
}"""


@pytest.mark.parametrize("name", PAGES.keys())
def test_keyboard_reaches_every_link_with_a_visible_focus_ring(open_page, site, name):
    page = open_page(PAGES[name](site), width=PHONE)
    focusables = page.evaluate(FOCUSABLE_JS)
    assert focusables[0] == "İçeriğe geç", "the first Tab should offer to skip to the content"
    reached = []
    for _ in range(len(focusables) + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused is None:  # past the last control: focus leaves the page
            break
        assert focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2, (
            f"no visible focus ring on {focused['text']!r}: {focused}"
        )
        # The browser scrolls the focused element into view (smoothly: give it a moment).
        expect(page.locator(":focus"), f"{focused['text']!r} stays off screen").to_be_in_viewport()
        reached.append(focused["index"])
    assert reached == list(range(len(focusables))), (
        "Tab should visit every link and control once, in reading order:"
        f" reached {[focusables[i] if i >= 0 else '?' for i in reached]} of {focusables}"
    )
