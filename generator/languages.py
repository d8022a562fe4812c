"""Each page's counterparts in the other languages a copy publishes, as search engines read
them: the sitemap's `<xhtml:link rel="alternate" hreflang>` for every page, with `x-default` for
the default language; on the page itself, the language menu links each counterpart (`<a hreflang>`).

Every language is its own MkDocs build (the default at the site's root, the others under
/<code>/), and the pages of every language share their addresses under their root, so a page's
counterparts are found by address.

Why not `<link rel="alternate" hreflang>` in each page's head: Material reads every such link
as a language's home page and fetches a `sitemap.xml` beside it on every page view
(mkdocs-material#6582), so per-page links cost each page view one failed request per language.
Material's own links (one per language, to its home) are taken out too: the language menu keeps
the reader on the same page by itself (app/languages.js), and Google treats hreflang in a sitemap
as it treats links in the head."""

from __future__ import annotations

import gzip
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


def _href(site_url: str, prefix: str, address: str) -> str:
    """A counterpart's absolute address (a sitemap lists absolute URLs only)."""
    return urljoin(site_url.rstrip("/") + "/", prefix + address)


def _links(metas: list[dict[str, Any]], have: dict[str, set[str]], page: str) -> list[tuple[str, str]]:
    """(hreflang, href) for each language that has this page, then x-default (the default one's)."""
    address = _address(page)
    found = [
        (meta["language"], _href(meta["site_url"], meta["prefix"], address))
        for meta in metas
        if page in have[meta["language"]]
    ]
    if found and found[0][0] == metas[0]["language"]:
        found.append(("x-default", found[0][1]))
    return found


def link_languages(site: Path, metas: list[dict[str, Any]]) -> None:
    """Write each language's sitemap entries with their counterparts, and take Material's links
    to each language's home out of every page's head (see the module's docstring)."""
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
            text = path.read_text(encoding="utf-8")
            text, count = _MATERIAL_ALTERNATES.subn("", text)
            if count:
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
            for lang, href in _links(metas, have, page)
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
