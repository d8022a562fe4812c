"""Checks over the whole built site: links and anchors resolve, every page has a title, a
language and one h1, and axe-core finds no accessibility violation in light or dark palette."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from conftest import TEST_SITE_URL, axe_violations

PREFIX = urlparse(TEST_SITE_URL).path  # 404.html links absolutely, under the site's path


def site_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _ids(text: str) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', text)) | set(re.findall(r'\bname="([^"]+)"', text))


def _target(site: Path, page: Path, link: str) -> tuple[Path, str] | None:
    """Resolve a local link from `page` to (file, fragment); None for other schemes."""
    if link.startswith(("mailto:", "tel:", "data:", "javascript:")):
        return None
    url = urlparse(urljoin("http://site/" + page.relative_to(site).as_posix(), html.unescape(link)))
    if url.netloc != "site":
        return None
    local = url.path[len(PREFIX) - 1 :] if url.path.startswith(PREFIX) else url.path
    path = site / unquote(local.lstrip("/"))
    if path.is_dir() or url.path.endswith("/"):
        path = path / "index.html"
    return path, url.fragment


def test_no_broken_internal_link_or_anchor(built_site, guide):
    """Every link inside this language's build resolves; the language menu's links into the other
    languages' folders, built beside it only by `guide site`, are checked there
    (tests/browser/test_languages.py)."""
    elsewhere = tuple(built_site / p.prefix for p in guide.edition.languages if p.prefix)
    pages = site_pages(built_site)
    ids = {p: _ids(p.read_text(encoding="utf-8")) for p in pages}
    checked, broken = 0, []
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for _attr, link in re.findall(r'\b(href|src)="([^"]*)"', text):
            resolved = _target(built_site, page, link)
            if resolved is None or link.startswith("http"):
                continue
            path, fragment = resolved
            if any(path.is_relative_to(folder) for folder in elsewhere):
                continue
            checked += 1
            if not path.exists():
                broken.append(f"{page.relative_to(built_site)} -> {link} (missing file)")
            elif (
                fragment
                and path.suffix == ".html"
                and fragment not in ids.get(path, _ids(path.read_text(encoding="utf-8")))
            ):
                broken.append(f"{page.relative_to(built_site)} -> {link} (missing anchor)")
    assert checked > 500
    assert broken == []


def test_no_absolute_link_to_another_host_in_content(built_site, guide):
    """Content pages link only inside the site. The exceptions: a clinic's own contact links, and
    the public sources the guide cites (data/sources.yml), which a reader may follow."""
    allowed = {v for v in guide.brand.contact.model_dump().values() if v}
    allowed |= {source.url for source in guide.sources.sources}
    for page in site_pages(built_site):
        for found in re.findall(r'\b(?:href|src)="(https?://[^"]+)"', page.read_text(encoding="utf-8")):
            link = html.unescape(found)
            assert link in allowed or link.startswith(guide.brand.site_url or "https://guide.example.org/"), (
                page,
                link,
            )


def test_every_page_has_title_language_and_one_h1(built_site):
    for page in site_pages(built_site):
        text = page.read_text(encoding="utf-8")
        assert re.search(r'<html lang="[a-z]{2}', text), page
        title = re.search(r"<title>(.*?)</title>", text, re.S)
        assert title and title.group(1).strip(), page
        assert len(re.findall(r"<h1[ >]", text)) == 1, page


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_violation_on_any_page(browser, built_site, site_url, scheme):
    context = browser.new_context()
    # Material keeps the reader's palette choice here; set it before any page loads.
    context.add_init_script(
        f"""localStorage.setItem('/.__palette', JSON.stringify({{index: {0 if scheme == "default" else 1}, color: {{media: '', scheme: '{scheme}', primary: 'custom', accent: 'custom'}}}}))"""
    )
    page = context.new_page()
    problems = {}
    paths = [p.relative_to(built_site).parent.as_posix() for p in site_pages(built_site) if p.name == "index.html"]
    for path in paths:
        page.goto(site_url + ("" if path == "." else path + "/"))
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
        found = axe_violations(page)
        if found:
            problems[path] = found
    context.close()
    assert len(paths) >= 30
    assert problems == {}
