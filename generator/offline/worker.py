"""The service worker's text: its precache list (every file the built site serves, keyed by the
address a browser asks for, with a hash of the file's content) followed by the worker's code
(sw.js beside this module). A new build changes the hashes of what changed, and only that."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .. import urls

WORKER_FILE = "sw.js"
# Not needed offline: the worker itself, the headers file (read by the host, never served), and
# the compressed sitemap for search engines (the plain one stays: Material's instant navigation
# reads it to know which links are the site's own).
SKIPPED = {WORKER_FILE, "_headers", "sitemap.xml.gz"}
SOURCE = Path(__file__).with_name("sw.js")
# Every other build (a `make serve` preview, the hook-less export) serves this at the worker's
# address instead: a worker an earlier visit left there removes itself and what it saved, and
# reloads the pages it controlled, so nobody is stuck with stale pages.
RETIRING_WORKER = """// This copy of the guide keeps nothing offline: a worker an earlier visit left here retires.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const ours = `guide:${self.registration.scope}:`;
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(ours)).map((name) => caches.delete(name)));
    await self.registration.unregister();
    for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
  })());
});
"""


def page_address(path: str) -> str:
    """'a/b/index.html' → 'a/b/' (what a browser asks for); 'index.html' → ''."""
    if path == "index.html":
        return ""
    if path.endswith("/index.html"):
        return path.removesuffix("index.html")
    return path


# Never asked for by a page: source maps (developer tools only) and type declarations.
SKIPPED_SUFFIXES = (".map", ".d.mts", ".d.ts")
# Material's search support for languages other than English: only the stemmer of the guide's own
# language (and what every stemmer needs) is loaded, so only those are kept offline.
LUNR_LANGUAGES = "assets/javascripts/lunr/"


def _search_file(relative: str, language: str) -> bool:
    """Whether one of Material's search-language files is used by a guide in `language`."""
    code = language.split("-", maxsplit=1)[0]
    return code != "en" and relative.removeprefix(LUNR_LANGUAGES) in (
        "min/lunr.stemmer.support.min.js",
        f"min/lunr.{code}.min.js",
    )


def precache(site: Path, language: str = "en", elsewhere: list[str] | None = None) -> dict[str, str]:
    """Address → the first 16 hex digits of the SHA-256 of each file the site serves (the folders
    of other languages built inside it left out: each language keeps its own)."""
    files: dict[str, str] = {}
    skip = tuple(elsewhere or ())
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        relative = path.relative_to(site).as_posix()
        if relative in SKIPPED or relative.startswith(".") or relative.endswith(SKIPPED_SUFFIXES):
            continue
        if (skip and relative.startswith(skip)) or (
            relative.startswith(LUNR_LANGUAGES) and not _search_file(relative, language)
        ):
            continue
        files[page_address(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    return files


def worker_text(site: Path, language: str = "en", elsewhere: list[str] | None = None) -> str:
    """sw.js for the site built in `site`, a guide in `language`; `elsewhere` are the folders of
    the other languages under it (`es/`), whose pages their own workers keep and serve."""
    files = precache(site, language, elsewhere)
    version = hashlib.sha256(json.dumps(files, sort_keys=True).encode("utf-8")).hexdigest()[:16]
    data = {
        "version": version,
        "offline": urls.page("offline").url,
        "files": files,
        "elsewhere": sorted(elsewhere or []),
    }
    head = "// Written by the guide's generator after each build; do not edit.\n"
    return (
        head
        + f"const PRECACHE = {json.dumps(data, sort_keys=True, separators=(',', ':'))};\n"
        + SOURCE.read_text(encoding="utf-8")
    )
