"""Page weight for bench/run.py: HTML sizes per page, and what a first visit to a page downloads
(gzipped as a server sends it), ours against the same page built with plain Material, plus our own
JavaScript, CSS and fonts as shipped. Kept apart from the timing code: it only reads built sites."""

from __future__ import annotations

import gzip
import os
import re
import statistics
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

from measure import REPO, page_type

GZIP_LEVEL = 6  # what a typical server (Apache mod_deflate, many CDNs) sends


def nav_links(html: str) -> int:
    return html.count('class="md-nav__link')


_PAGE_ASSETS = re.compile(r'<div class="page-assets" hidden>.*?</div>\n*', re.S)
_PAGE_DATA = re.compile(r'\sdata-[a-z-]+="[^"]*"')


def plain_docs(export: Path, out: Path) -> Path:
    """A copy of the exported tree as plain Material builds it: the same Markdown with our
    style sheets and scripts, page data (data-* attributes) and theme overrides taken out.
    Returns its mkdocs.yml."""
    import shutil

    import yaml

    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(export / "docs", out / "docs")
    for page in (out / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(_PAGE_DATA.sub("", _PAGE_ASSETS.sub("", text)), encoding="utf-8")
    config = yaml.safe_load((export / "mkdocs.yml").read_text(encoding="utf-8").split("\n", 1)[1])
    config["theme"].pop("custom_dir", None)
    config.update(extra_css=[], extra_javascript=[], docs_dir="docs", site_dir="site")
    config.get("extra", {}).pop("guide", None)
    path = out / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def html_pages(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_size for p in root.rglob("*.html")}


def page_stats(root: Path) -> dict:
    sizes = html_pages(root)
    content = {k: v for k, v in sizes.items() if k.rsplit("/", 1)[-1] != "404.html"}  # each language has one
    biggest = max(content, key=content.get)
    ordered = sorted(content, key=content.get)
    middle = ordered[len(ordered) // 2]
    return {
        "pages": len(content),
        "html_median_kb": statistics.median(content.values()) / 1024,
        "html_max_kb": content[biggest] / 1024,
        "html_max_page": biggest,
        "html_total_mb": sum(content.values()) / 2**20,
        "median_page": middle,
        "nav_links_in_median_page": nav_links((root / middle).read_text(encoding="utf-8", errors="replace")),
    }


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.css, self.js, self.images, self.classes = [], [], [], set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("class"):
            self.classes.update(a["class"].split())
        if tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").lower()
            if "stylesheet" in rel:
                self.css.append(a["href"])
            elif "manifest" in rel:
                self.js.append(a["href"])  # fetched on load by Chromium; counted with the scripts
            elif "icon" in rel and "apple-touch-icon" not in rel:
                self.images.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.js.append(a["src"])
        elif tag == "img" and a.get("src"):
            self.images.append(a["src"])


class Transfer:
    """What a first visit to one page downloads, gzipped as a server sends it.

    Counted: the HTML; every local stylesheet, script, icon and image it references; the web fonts
    declared in those stylesheets whose family is used by a rule matching a class on the page (a
    browser fetches a font only when something is drawn with it). Not counted: Material's search
    index and worker (fetched after load, the same for any site of the same text), fonts and images
    referenced by CSS for states the page is not in, data: URIs (inside their CSS already)."""

    def __init__(self, site: Path):
        self.site, self._gz, self._fonts = site, {}, {}

    def gz(self, path: Path) -> int:
        if path not in self._gz:
            data = path.read_bytes()
            # woff/woff2/png are compressed already: a server sends them as they are.
            self._gz[path] = (
                len(data)
                if path.suffix in (".woff", ".woff2", ".png", ".jpg", ".webp")
                else len(gzip.compress(data, GZIP_LEVEL, mtime=0))
            )
        return self._gz[path]

    def _local(self, page_url: str, ref: str) -> Path | None:
        if ref.startswith(("data:", "http:", "https:", "//")):
            return None
        resolved = urlparse(urljoin(page_url, ref)).path.lstrip("/")
        path = self.site / resolved
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() else None

    def _font_rules(self, css_path: Path) -> tuple[dict[str, list[Path]], list[tuple[set[str], str]]]:
        """(family -> font files, [(classes of a rule, its font-family value)]); rules for print
        only are left out (a screen visit does not download their fonts)."""
        if css_path not in self._fonts:
            text = re.sub(r"/\*.*?\*/", "", css_path.read_bytes().decode("utf-8", "replace"), flags=re.S)
            text = _without_print_rules(text)
            families: dict[str, list[Path]] = {}
            rules = []
            for selector, body in re.findall(r"([^{}]*)\{([^{}]*)\}", text):
                family = re.search(r"font-family\s*:\s*([^;]+)", body)
                if "@font-face" in selector and family:
                    name = family.group(1).strip().strip("'\"")
                    for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", body):
                        font = (css_path.parent / url).resolve()
                        if font.is_file():
                            families.setdefault(name, []).append(font)
                elif family:
                    rules.append((set(re.findall(r"\.([A-Za-z0-9_-]+)", selector)), family.group(1)))
            self._fonts[css_path] = (families, rules)
        return self._fonts[css_path]

    def page(self, rel: str) -> dict:
        html = (self.site / rel).read_bytes()
        url = "http://site/" + rel
        refs = _Refs()
        refs.feed(html.decode("utf-8", "replace"))
        parts = {"html": self.gz(self.site / rel), "css": 0, "js": 0, "fonts": 0, "images": 0, "own": 0}
        seen: set[Path] = set()
        css_files = []
        for kind, items in (("css", refs.css), ("js", refs.js), ("images", refs.images)):
            for ref in items:
                path = self._local(url, ref)
                if path and path not in seen:
                    seen.add(path)
                    parts[kind] += self.gz(path)
                    if kind in ("css", "js") and self.is_own(path):
                        parts["own"] += self.gz(path)
                    if kind == "css":
                        css_files.append(path)
        # ES modules bring the modules they import (statically, or dynamically at load).
        todo = [p for p in seen if p.suffix in (".js", ".mjs") and self.is_own(p)]
        while todo:
            for path in _module_imports(todo.pop()):
                if path not in seen and path.is_file():
                    seen.add(path)
                    parts["js"] += self.gz(path)
                    parts["own"] += self.gz(path)
                    todo.append(path)
        families, rules = {}, []
        for css in css_files:
            fam, rul = self._font_rules(css)
            for name, files in fam.items():
                families.setdefault(name, []).extend(files)
            rules += rul
        for name, files in families.items():
            used = any(name in value and (not classes or classes & refs.classes) for classes, value in rules)
            if used:
                for font in files:
                    if font not in seen:
                        seen.add(font)
                        parts["fonts"] += self.gz(font)
                        parts["own"] += self.gz(font)
        parts["total"] = sum(v for k, v in parts.items() if k != "own")
        # The same page without our stylesheets, scripts and fonts (the few <link>/<script> tags
        # that name them are left in the HTML: well under 100 bytes gzipped).
        parts["plain_estimate"] = parts["total"] - parts["own"]
        return parts

    def is_own(self, path: Path) -> bool:
        """Our CSS/JS: a file of overrides/assets/ (same path in the site) or the generated brand CSS."""
        rel = path.relative_to(self.site).as_posix()
        return rel.startswith("assets/brand/") or (REPO / "overrides" / rel).is_file()


def _without_print_rules(css: str) -> str:
    """The style sheet minus its `@media print { ... }` blocks (braces counted)."""
    out, i = [], 0
    for match in re.finditer(r"@media\s+print\s*\{", css):
        if match.start() < i:
            continue
        out.append(css[i : match.start()])
        depth, j = 1, match.end()
        while j < len(css) and depth:
            depth += {"{": 1, "}": -1}.get(css[j], 0)
            j += 1
        i = j
    out.append(css[i:])
    return "".join(out)


# `import {a} from "./x.js"`, `import "./x.js"` and `export {a} from "./x.js"`, written out or
# minified (`import{a}from"./x.js"`, which the build ships); never `import("./x.js")`, which loads
# when asked.
_STATIC_IMPORT = re.compile(r'(?<![\w$.])(?:import|export)\s*(?:[\w$*{},\s]*?\bfrom\s*)?"(\.{1,2}/[^"]+)"')


def _module_imports(path: Path) -> list[Path]:
    """The files a module imports statically: what loads with the page. (Our dynamic imports load
    code when a button asks for it; tests/browser/test_page_assets.py checks that a first visit
    fetches none of it.)"""
    text = path.read_text(encoding="utf-8", errors="replace")
    found = _STATIC_IMPORT.findall(text)
    return [Path(os.path.normpath(path.parent / ref)) for ref in found]


def heaviest_pages(site: Path, plain: Path | None, limit: int | None, languages: list[str] | None = None) -> dict:
    """Transfer of every page (or of the `limit` largest by HTML size) and the same page built plain;
    `languages`: the folders of the site that are other languages' roots (`es`)."""
    sizes = {k: v for k, v in html_pages(site).items() if k.rsplit("/", 1)[-1] != "404.html"}
    chosen = sorted(sizes, key=sizes.get, reverse=True)[:limit] if limit else list(sizes)
    ours = Transfer(site)
    results = {rel: ours.page(rel) for rel in chosen}
    heaviest = max(results, key=lambda r: results[r]["total"])
    out = {
        "pages_measured": len(chosen),
        "of_pages": len(sizes),
        "heaviest_page": heaviest,
        "ours_kb": {k: v / 1024 for k, v in results[heaviest].items()},
        "ratio_estimate": results[heaviest]["total"] / results[heaviest]["plain_estimate"],
    }
    estimates = {rel: results[rel]["total"] / results[rel]["plain_estimate"] for rel in chosen}
    worst = max(estimates, key=estimates.get)
    out.update(worst_ratio_estimate=estimates[worst], worst_ratio_estimate_page=worst)
    if plain is not None:
        base = Transfer(plain)
        if (plain / heaviest).is_file():
            out["plain_kb"] = {k: v / 1024 for k, v in base.page(heaviest).items()}
            out["ratio"] = results[heaviest]["total"] / base.page(heaviest)["total"]
        plain_totals = {rel: base.page(rel)["total"] for rel in chosen if (plain / rel).is_file()}
        ratios = {rel: results[rel]["total"] / total for rel, total in plain_totals.items()}
        worst = max(ratios, key=ratios.get)
        out["worst_ratio_page"] = worst
        out["worst_ratio"] = ratios[worst]
        out["worst_ratio_ours_kb"] = {k: v / 1024 for k, v in results[worst].items()}
        out["median_ratio"] = statistics.median(ratios.values())
        out["by_type"] = by_type(results, plain_totals, languages or [])
    return out


def by_type(results: dict[str, dict], plain_totals: dict[str, int], languages: list[str]) -> dict:
    """Per language and page type (measure.page_type): pages, the median and worst ratio to plain
    Material, and the median first-visit transfer (gzip KB), ours and plain."""
    groups: dict[str, dict[str, list[str]]] = {}
    for rel in plain_totals:
        first = rel.split("/", 1)[0]
        language = first if first in languages else "default"
        address = rel.split("/", 1)[1] if language != "default" else rel
        groups.setdefault(language, {}).setdefault(page_type(address), []).append(rel)
    out: dict = {}
    for language, types in sorted(groups.items()):
        out[language] = {}
        for kind, rels in sorted(types.items()):
            ratios = {rel: results[rel]["total"] / plain_totals[rel] for rel in rels}
            worst = max(ratios, key=ratios.get)
            out[language][kind] = {
                "pages": len(rels),
                "median_ratio": statistics.median(ratios.values()),
                "worst_ratio": ratios[worst],
                "worst_page": worst,
                "median_ours_kb": statistics.median(results[rel]["total"] for rel in rels) / 1024,
                "median_plain_kb": statistics.median(plain_totals[rel] for rel in rels) / 1024,
                "median_html_kb": statistics.median(results[rel]["html"] for rel in rels) / 1024,
            }
    return out


def own_assets(site_1x: Path | None) -> dict:
    """Our own JavaScript and CSS as shipped (each file gzipped on its own), fonts apart."""
    root = REPO / "overrides" / "assets"
    scripts = [p for p in (root / "javascripts").rglob("*.js") if "vendor" not in p.relative_to(root).parts]
    files = sorted(scripts) + sorted((root / "stylesheets").glob("*.css"))
    rows = {
        p.relative_to(REPO).as_posix(): {
            "raw": p.stat().st_size,
            "gz": len(gzip.compress(p.read_bytes(), GZIP_LEVEL, mtime=0)),
        }
        for p in files
    }
    out = {
        "files": rows,
        "js_css_raw_kb": sum(r["raw"] for r in rows.values()) / 1024,
        "js_css_gz_kb": sum(r["gz"] for r in rows.values()) / 1024,
    }
    brand_css = site_1x / "assets" / "brand" / "brand.css" if site_1x else None
    if brand_css and brand_css.is_file():
        gz = len(gzip.compress(brand_css.read_bytes(), GZIP_LEVEL, mtime=0))
        out["generated_brand_css"] = {"raw": brand_css.stat().st_size, "gz": gz}
        out["js_css_gz_with_brand_kb"] = out["js_css_gz_kb"] + gz / 1024
    fonts = sorted(p for p in (root / "fonts").glob("*") if p.suffix in (".woff", ".woff2", ".ttf", ".otf"))
    out["fonts"] = {p.name: p.stat().st_size for p in fonts}
    out["fonts_kb"] = sum(p.stat().st_size for p in fonts) / 1024
    return out
