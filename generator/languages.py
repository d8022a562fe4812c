"""Each page's links to itself in the other languages a copy publishes (`<link rel="alternate"
hreflang>`, with `x-default` for the default language), in the page's head and in the sitemap.

Every language is its own MkDocs build (the default at the site's root, the others under
/<code>/), and the pages of every language share their addresses under their root, so a page's
counterparts are found by address. Material writes one alternate link per language, to that
language's home page; once every language is built, those are replaced with the page's own
counterparts, and each sitemap lists them too (as search engines read them).

In a page, the links are relative: Material fetches the `sitemap.xml` beside every alternate link of
a page, so an absolute link would send each page view to the published host, wherever the copy is
served from (a preview, a staging host, a test), against the security policy. The sitemap, which
search engines read for the full addresses, gives them absolute."""

from __future__ import annotations

import gzip
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

# Material's links to each language's home page, one per line in the page's head.
_MATERIAL_ALTERNATES = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n')
_SITEMAP_URL = re.compile(r"(<url>\s*<loc>)([^<]*)(</loc>)")
XHTML = "http://www.w3.org/1999/xhtml"


def _address(relative: str) -> str:
    """'a/b/index.html' -> 'a/b/'; 'index.html' -> ''."""
    return relative.removesuffix("index.html")


def _pages(root: Path, skip: list[Path]) -> list[str]:
    """The pages of one language's site, by path from its root (another language's folder and the
    404 page left out)."""
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*.html")
        if not any(p.is_relative_to(s) for s in skip) and p.name != "404.html"
    )


def _href(site_url: str | None, prefix: str, address: str, page_dir: str) -> str:
    """A counterpart's address: absolute when the copy knows where it is published, else relative
    to the page that links to it."""
    if site_url:
        return urljoin(site_url.rstrip("/") + "/", prefix + address)
    return os.path.relpath(prefix + address or ".", page_dir or ".").replace(os.sep, "/") + "/"


def _links(
    metas: list[dict[str, Any]], have: dict[str, set[str]], page: str, page_dir: str, absolute: bool
) -> list[tuple[str, str]]:
    """(hreflang, href) for each language that has this page, then x-default (the default one's):
    absolute (when the copy knows its address) or relative to `page_dir`."""
    address = _address(page)
    found = [
        (meta["language"], _href(meta.get("site_url") if absolute else None, meta["prefix"], address, page_dir))
        for meta in metas
        if page in have[meta["language"]]
    ]
    if found and found[0][0] == metas[0]["language"]:
        found.append(("x-default", found[0][1]))
    return found


def link_languages(site: Path, metas: list[dict[str, Any]]) -> None:
    """Write every page's hreflang links and each language's sitemap entries (a copy of one
    language has none: nothing to link)."""
    if len(metas) < 2:
        return
    folders = [site / meta["prefix"] for meta in metas]
    have: dict[str, set[str]] = {}
    for meta, root in zip(metas, folders, strict=True):
        others = [f for f in folders if f != root and f.is_relative_to(root)]
        have[meta["language"]] = set(_pages(root, others))
    for meta, root in zip(metas, folders, strict=True):
        for page in have[meta["language"]]:
            path = root / page
            page_dir = meta["prefix"] + _address(page)
            links = _links(metas, have, page, page_dir, absolute=False)
            text = path.read_text(encoding="utf-8")
            ours = "".join(f'    <link rel="alternate" hreflang="{lang}" href="{href}">\n' for lang, href in links)
            text, count = _MATERIAL_ALTERNATES.subn("", text)
            if count:
                text = text.replace("<head>\n", "<head>\n" + ours, 1) if "<head>\n" in text else text
            path.write_text(text, encoding="utf-8")
        _sitemap(root, meta, metas, have)


def _sitemap(root: Path, meta: dict[str, Any], metas: list[dict[str, Any]], have: dict[str, set[str]]) -> None:
    """Each URL of the language's sitemap with its counterparts (only when the copy knows its
    address: a sitemap needs absolute URLs)."""
    sitemap = root / "sitemap.xml"
    site_url = meta.get("site_url")
    if not sitemap.is_file() or not site_url:
        return
    base = urljoin(site_url.rstrip("/") + "/", meta["prefix"])

    def counterparts(match: re.Match[str]) -> str:
        loc = match.group(2).strip()
        address = loc.removeprefix(base)
        page = address + "index.html" if address.endswith("/") or not address else address
        links = "".join(
            f'\n         <xhtml:link rel="alternate" hreflang="{lang}" href="{href}"/>'
            for lang, href in _links(metas, have, page, "", absolute=True)
        )
        return f"{match.group(1)}{match.group(2)}{match.group(3)}{links}"

    text = sitemap.read_text(encoding="utf-8")
    text = text.replace(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="{XHTML}">',
        1,
    )
    text = _SITEMAP_URL.sub(counterparts, text)
    sitemap.write_text(text, encoding="utf-8")
    compressed = root / "sitemap.xml.gz"
    if compressed.is_file():  # written again with the same (zero) time stamp: the same bytes each build
        compressed.write_bytes(gzip.compress(text.encode("utf-8"), mtime=0))
