"""What every page must pass in the browser; journeys call these on the pages they visit."""

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

AXE = Axe()  # axe-core bundled with axe-playwright-python: runs offline
# Every WCAG 2.0/2.1/2.2 A and AA rule (target-size included), plus axe's best practices
# (landmarks, heading order, ...).
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
}

# "2025 Yılı Ortalama Maaş: 28.000 TL (150,54 TL/saat) — net asgari ücretin 1,3 katı (...)":
# dot for thousands, comma for decimals.
TURKISH_AVERAGE_SALARY = re.compile(
    r"^20\d\d Yılı Ortalama Maaş: \d{1,3}(\.\d{3})* TL \(\d{1,3}(\.\d{3})*,\d\d TL/saat\)"
)


def heading(page, text, level=None):
    return page.get_by_role("heading", name=text, exact=True, level=level)


def article_title(role):
    return f"{role.title} Ne İş Yapar ve Maaşları Ne Kadar?"


def assert_fits_width(page):
    """No horizontal scrolling: nothing sticks out past the right edge of the viewport."""
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url}: the page scrolls sideways by {overflow}px"


def assert_no_axe_violations(page):
    results = AXE.run(page, options=AXE_OPTIONS)
    width = page.viewport_size["width"]
    assert results.violations_count == 0, f"{page.url} at {width}px\n{results.generate_report()}"


# Everything a keyboard user can reach with Tab, in document order, as the browser sees it. A
# group of radio buttons is one Tab stop (its checked button, else its first; arrows move within).
FOCUSABLE_JS = """() => {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
  const tabStop = el => {
    if (el.type !== 'radio' || !el.name) return true;
    const group = Array.from(document.getElementsByName(el.name)).filter(r => r.type === 'radio');
    return el === (group.find(r => r.checked) || group[0]);
  };
  // what a closed <details> holds is not shown (nor reached by Tab), only its summary
  const folded = el => {
    const details = el.closest('details:not([open])');
    const summary = details && details.querySelector(':scope > summary');
    return details !== null && !(summary && summary.contains(el));
  };
  window.__focusables = Array.from(document.querySelectorAll(selector)).filter(el =>
    el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0 && !folded(el)
    && getComputedStyle(el).visibility !== 'hidden' && tabStop(el));
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


def assert_keyboard_reaches_everything(page):
    """Tab from the top visits every link and control once, in reading order, each showing a
    focus ring (a real outline, at least 2px) and scrolled into view."""
    focusables = page.evaluate(FOCUSABLE_JS)
    assert focusables[0] == "İçeriğe geç", "the first Tab should offer to skip to the content"
    reached = []
    for _ in range(len(focusables) + 1):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_JS)
        if focused is None:  # past the last control: focus leaves the page
            break
        assert focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2, (
            f"{page.url}: no visible focus ring on {focused['text']!r}: {focused}"
        )
        # The browser scrolls the focused element into view (smoothly, unless reduced motion).
        expect(page.locator(":focus"), f"{focused['text']!r} stays off screen").to_be_in_viewport()
        reached.append(focused["index"])
    assert reached == list(range(len(focusables))), (
        f"{page.url}: Tab should visit every link and control once, in reading order:"
        f" reached {[focusables[i] if i >= 0 else '?' for i in reached]} of {focusables}"
    )
