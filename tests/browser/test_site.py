"""The built guide in headless Chromium: search works, and no page asks any other host."""

from __future__ import annotations

from urllib.parse import urlparse


def test_search_for_clams_lists_the_clams_page(page, site_url):
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("clams")
    result = page.locator(".md-search-result__link").first
    result.wait_for(timeout=10_000)
    hrefs = page.locator(".md-search-result__link").evaluate_all("els => els.map(e => e.href)")
    assert any(urlparse(h).path.rstrip("/").endswith("/exercises/clams") for h in hrefs), hrefs


def test_no_page_requests_another_host(browser, built_site, site_url, guide):
    host = urlparse(site_url).netloc
    paths = [""] + [
        p.parent.relative_to(built_site).as_posix() + "/"
        for p in built_site.rglob("index.html")
        if p.parent != built_site and "search" not in p.parts
    ]
    context = browser.new_context()
    foreign = []
    context.on(
        "request",
        lambda r: (
            foreign.append(r.url)
            if urlparse(r.url).netloc not in (host, "") and not r.url.startswith(("data:", "blob:"))
            else None
        ),
    )
    page = context.new_page()
    for path in paths:
        page.goto(site_url + path, wait_until="load")
    context.close()
    assert len(paths) >= 30
    assert foreign == []
