"""Every page reads on a phone: at 360 and 412 px wide, in both palettes, no page scrolls sideways
and no text falls into a narrow column (the routine card used to fall into one letter per line:
on a screen it now wraps into a layout that reads, while print keeps the one-sheet card, see
test_cards.py). A 412 px screenshot of each page is kept in build/test-output/screenshots/ for a
person to look at."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT

WIDTHS = (360, 412)
SCHEMES = ("default", "slate")
SHOTS = ROOT / "build" / "test-output" / "screenshots"
# A text squeezed into a narrow column: a box under NARROW_PX wide holding more than LONG
# characters over more than LINES lines. (A table heading of two short words over two lines
# reads; a title one letter a line does not.)
NARROW_PX, LONG, LINES = 60, 12, 2
MATERIAL_CHROME = ".md-search, .md-sidebar"
SQUEEZED_JS = """([narrow, long, lines, chrome]) => {
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const parent = node.parentElement;
    // Hidden text, and Material's own search panel and navigation drawer, which stay out of view
    // until opened.
    if (text.length <= long || !parent || parent.closest(`[hidden], template, script, style, noscript, ${chrome}`)) continue;
    const style = getComputedStyle(parent);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    if (!box.width && !box.height) continue;
    if (box.width < narrow && range.getClientRects().length > lines) found.push(`${text.slice(0, 40)} (${Math.round(box.width)} px)`);
  }
  return found;
}"""


def pages(site) -> list[str]:
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
    )


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_reads_on_a_phone(browser, built_site, site_url, width, scheme):
    context = browser.new_context(viewport={"width": width, "height": 800}, device_scale_factor=1)
    palette = {"index": 0 if scheme == "default" else 1, "color": {"media": "", "scheme": scheme}}
    context.add_init_script(f"localStorage.setItem('/.__palette', {json.dumps(json.dumps(palette))})")
    page = context.new_page()
    if width == max(WIDTHS):
        SHOTS.mkdir(parents=True, exist_ok=True)
    problems: dict[str, object] = {}
    try:
        for address in pages(built_site):
            page.goto(site_url + address)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
            wide = page.evaluate("document.documentElement.scrollWidth")
            squeezed = page.evaluate(SQUEEZED_JS, [NARROW_PX, LONG, LINES, MATERIAL_CHROME])
            if wide > width or squeezed:
                problems[address or "/"] = {"scroll_width": wide, "squeezed": squeezed}
            if width == max(WIDTHS):
                name = (address.strip("/").replace("/", "_") or "home") + ("" if scheme == "default" else "-dark")
                page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
    finally:
        context.close()
    assert problems == {}
