"""`make bench`: how the guide builds at 1x, 10x and 100x the shipped protocol.

    .venv/bin/python bench/run.py              # 1x, 10x, 100x; about 15 minutes on 2 cores
    .venv/bin/python bench/run.py --quick      # 1x and 10x only, a few minutes
    .venv/bin/python bench/run.py --profile    # pyinstrument: load + validate + render at 100x and 1x,
                                               # the cards PDF at 10x (bench/results/profile-*.txt)

Each scale gets a synthetic project copy in a temporary folder (bench/synth.py). Measured there:
the generator's own steps in one fresh process (bench/steps.py), the real build (`mkdocs build`
with the hook), the whole `python -m generator site`, a no-change rebuild, the time from a data
edit to the rebuilt page under `mkdocs serve`, and two baselines on the same generated Markdown
(`python -m generator write`): plain MkDocs + Material with no generator step, and Zensical.
Times are medians of several runs; the ratios matter more than the seconds (shared machines are
noisy). A time budget (--budget, default 900 s) drops repeats and optional measurements at the
largest scale rather than overrun; what was skipped is recorded.

Prints a table and writes bench/results/bench.json (and profile-*.txt with --profile).
"""
from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from datetime import datetime, timezone
from html.parser import HTMLParser
from importlib import metadata
from pathlib import Path
from urllib.parse import urljoin, urlparse

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
RESULTS = BENCH / "results"
PY = sys.executable
ZENSICAL_VENV = REPO / "build" / "bench" / "zensical-venv"
GZIP_LEVEL = 6  # what a typical server (Apache mod_deflate, many CDNs) sends

RUNS = {1: 3, 10: 3, 100: 2}
TARGETS = {
    "generator_share_max": 0.10,
    "whole_100x_over_1x_max": 120.0,
    "pdf_ms_per_card_max": 30.0,
    "nochange_files_written_max": 0,
    "nochange_generator_s_1x_max": 0.3,
    "own_js_css_gz_max_kb": 15.0,
    "heaviest_page_vs_plain_max": 1.10,
}


# ---------------------------------------------------------------------------------------------
# Running things


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def base_env() -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GUIDE_BRAND", None)
    env.pop("SITE_URL", None)
    if "SOURCE_DATE_EPOCH" not in env:
        # As `make site` in the repository does: dates from the last commit (read-only git).
        try:
            stamp = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=REPO, capture_output=True,
                                   text=True, timeout=10).stdout.strip()
            if stamp.isdigit():
                env["SOURCE_DATE_EPOCH"] = stamp
        except (OSError, subprocess.SubprocessError):
            pass
    return env


def run_timed(cmd: list[str], cwd: Path, env: dict, timeout: float = 3600) -> dict:
    """Run a command; wall time, exit code, peak RSS of it and its children (wait4), output."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    built = re.search(r"Documentation built in ([0-9.]+) seconds", text)
    return {"wall_s": wall, "rc": proc.returncode, "maxrss_mb": usage.ru_maxrss / 1024,
            "cpu_s": usage.ru_utime + usage.ru_stime, "output": text,
            "mkdocs_reported_s": float(built.group(1)) if built else None}


def checked(result: dict, what: str) -> dict:
    if result["rc"] != 0:
        tail = "\n".join(result["output"].splitlines()[-25:])
        raise RuntimeError(f"{what} failed (exit {result['rc']}):\n{tail}")
    return result


def warnings_in(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()
            if re.search(r"\bWARN|\bERROR|\bwarning\b|\berror\b", line, re.I) and "site_url is not set" not in line]


def median(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


class Budget:
    """Wall-clock budget for the whole run: optional measurements are dropped when they would overrun."""

    def __init__(self, seconds: float):
        self.seconds, self.start, self.skipped = seconds, time.perf_counter(), []

    def elapsed(self) -> float:
        return time.perf_counter() - self.start

    def allow(self, what: str, estimate: float) -> bool:
        if self.elapsed() + estimate <= self.seconds:
            return True
        self.skipped.append(f"{what} (would take ~{estimate:.0f} s; {self.elapsed():.0f} of {self.seconds:.0f} s used)")
        log(f"skipped for the time budget: {self.skipped[-1]}")
        return False


# ---------------------------------------------------------------------------------------------
# Output analysis


def snapshot(root: Path, hashes: bool) -> dict[str, tuple]:
    out = {}
    for path in root.rglob("*"):
        if path.is_file():
            st = path.stat()
            digest = hashlib.sha1(path.read_bytes()).hexdigest() if hashes else None
            out[path.relative_to(root).as_posix()] = (st.st_mtime_ns, st.st_ino, st.st_size, digest)
    return out


def compare_snapshots(before: dict, after: dict) -> dict:
    written = [p for p, v in after.items() if p not in before or before[p][:2] != v[:2]]
    removed = [p for p in before if p not in after]
    changed = [p for p, v in after.items() if p not in before or before[p][3] != v[3] or before[p][2] != v[2]]
    return {"files": len(after), "files_written": len(written) + len(removed),
            "content_changed": len(changed) + len(removed), "content_changed_examples": changed[:5]}


def tree_size(root: Path) -> dict:
    files = [p for p in root.rglob("*") if p.is_file()]
    return {"bytes": sum(p.stat().st_size for p in files), "files": len(files)}


def html_pages(root: Path) -> dict[str, int]:
    return {p.relative_to(root).as_posix(): p.stat().st_size for p in root.rglob("*.html")}


def page_stats(root: Path) -> dict:
    sizes = html_pages(root)
    content = {k: v for k, v in sizes.items() if k != "404.html"}
    biggest = max(content, key=content.get)
    ordered = sorted(content, key=content.get)
    middle = ordered[len(ordered) // 2]
    return {"pages": len(content), "html_median_kb": statistics.median(content.values()) / 1024,
            "html_max_kb": content[biggest] / 1024, "html_max_page": biggest,
            "html_total_mb": sum(content.values()) / 2**20, "median_page": middle,
            "nav_links_in_median_page": nav_links((root / middle).read_text(encoding="utf-8", errors="replace"))}


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
            elif "icon" in rel:
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
            self._gz[path] = (len(data) if path.suffix in (".woff", ".woff2", ".png", ".jpg", ".webp")
                              else len(gzip.compress(data, GZIP_LEVEL, mtime=0)))
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
        """(family -> font files, [(classes of a rule, its font-family value)])."""
        if css_path not in self._fonts:
            text = re.sub(r"/\*.*?\*/", "", css_path.read_bytes().decode("utf-8", "replace"), flags=re.S)
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


def heaviest_pages(site: Path, plain: Path | None, limit: int | None) -> dict:
    """Transfer of every page (or of the `limit` largest by HTML size) and the same page built plain."""
    sizes = {k: v for k, v in html_pages(site).items() if k != "404.html"}
    chosen = sorted(sizes, key=sizes.get, reverse=True)[:limit] if limit else list(sizes)
    ours = Transfer(site)
    results = {rel: ours.page(rel) for rel in chosen}
    heaviest = max(results, key=lambda r: results[r]["total"])
    out = {"pages_measured": len(chosen), "of_pages": len(sizes), "heaviest_page": heaviest,
           "ours_kb": {k: v / 1024 for k, v in results[heaviest].items()},
           "ratio_estimate": results[heaviest]["total"] / results[heaviest]["plain_estimate"]}
    estimates = {rel: results[rel]["total"] / results[rel]["plain_estimate"] for rel in chosen}
    worst = max(estimates, key=estimates.get)
    out.update(worst_ratio_estimate=estimates[worst], worst_ratio_estimate_page=worst)
    if plain is not None:
        base = Transfer(plain)
        if (plain / heaviest).is_file():
            out["plain_kb"] = {k: v / 1024 for k, v in base.page(heaviest).items()}
            out["ratio"] = results[heaviest]["total"] / base.page(heaviest)["total"]
        ratios = {rel: results[rel]["total"] / base.page(rel)["total"] for rel in chosen if (plain / rel).is_file()}
        worst = max(ratios, key=ratios.get)
        out["worst_ratio_page"] = worst
        out["worst_ratio"] = ratios[worst]
        out["worst_ratio_ours_kb"] = {k: v / 1024 for k, v in results[worst].items()}
        out["median_ratio"] = statistics.median(ratios.values())
    return out


def own_assets(site_1x: Path | None) -> dict:
    """Our own JavaScript and CSS as shipped (each file gzipped on its own), fonts apart."""
    root = REPO / "overrides" / "assets"
    files = sorted((root / "javascripts").glob("*.js")) + sorted((root / "stylesheets").glob("*.css"))
    rows = {p.relative_to(REPO).as_posix(): {"raw": p.stat().st_size,
                                           "gz": len(gzip.compress(p.read_bytes(), GZIP_LEVEL, mtime=0))}
            for p in files}
    out = {"files": rows, "js_css_raw_kb": sum(r["raw"] for r in rows.values()) / 1024,
           "js_css_gz_kb": sum(r["gz"] for r in rows.values()) / 1024}
    brand_css = site_1x / "assets" / "brand" / "brand.css" if site_1x else None
    if brand_css and brand_css.is_file():
        gz = len(gzip.compress(brand_css.read_bytes(), GZIP_LEVEL, mtime=0))
        out["generated_brand_css"] = {"raw": brand_css.stat().st_size, "gz": gz}
        out["js_css_gz_with_brand_kb"] = out["js_css_gz_kb"] + gz / 1024
    fonts = sorted(p for p in (root / "fonts").glob("*") if p.suffix in (".woff", ".woff2", ".ttf", ".otf"))
    out["fonts"] = {p.name: p.stat().st_size for p in fonts}
    out["fonts_kb"] = sum(p.stat().st_size for p in fonts) / 1024
    return out


# ---------------------------------------------------------------------------------------------
# Serve: edit a title, wait for the rebuilt page


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, OSError, TimeoutError):
        return None


def wait_for(url: str, needle: str, timeout: float, proc: subprocess.Popen) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            return None
        page = fetch(url)
        if page is not None and needle in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def serve_edits(project: Path, env: dict, edits: int, timeout: float) -> dict:
    """Start `mkdocs serve`, then `edits` times: change an exercise title in data/exercises.yml and
    time until http://127.0.0.1:PORT/exercises/<id>/ shows it."""
    exercises = project / "data" / "exercises.yml"
    text = exercises.read_text(encoding="utf-8")
    item_id = re.search(r"^\s*-\s*id:\s*([a-z0-9-]+)\s*$", text, re.M).group(1)
    title = re.search(r"^\s*title:\s*(.+?)\s*$", text, re.M).group(1)
    port = free_port()
    url = f"http://127.0.0.1:{port}/exercises/{item_id}/"
    serve_log = project / "serve.log"
    with open(serve_log, "wb") as out:
        proc = subprocess.Popen([PY, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
                                cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
    result: dict = {"url_path": f"/exercises/{item_id}/", "edits": []}
    try:
        first = wait_for(url, title, timeout, proc)
        result["first_page_s"] = first
        if first is None:
            result["error"] = "the server never served the page"
            return result
        time.sleep(1.0)  # let the watcher settle after the first build
        current = title
        for i in range(edits):
            new = f"{title} edited {i + 1}"
            text = exercises.read_text(encoding="utf-8")
            text = text.replace(f"title: {current}\n", f"title: {new}\n", 1)
            exercises.write_text(text, encoding="utf-8")
            waited = wait_for(url, new, timeout, proc)
            result["edits"].append(waited)
            if waited is None:
                result["error"] = f"edit {i + 1} did not show within {timeout:.0f} s"
                break
            current = new
            time.sleep(1.0)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log_text = serve_log.read_bytes().decode("utf-8", "replace")
        result["rebuilds_logged"] = log_text.count("Building documentation")
        result["warnings"] = warnings_in(log_text)[:10]
        exercises.write_text(exercises.read_text(encoding="utf-8").replace(f"title: {current}\n", f"title: {title}\n", 1),
                             encoding="utf-8")
    result["edit_to_page_s"] = median(result["edits"]) if result["edits"] and None not in result["edits"] else None
    return result


# ---------------------------------------------------------------------------------------------
# Zensical


def find_zensical(install: bool) -> dict:
    """Zensical from the project's venv, else from a venv of its own under build/bench/ (made on
    first use when `install`). Its newest releases need `zensical-ui`, which a package index may
    not carry; pip then settles on the newest release that installs, and we say which."""
    candidates = [Path(PY).parent / "zensical", ZENSICAL_VENV / "bin" / "zensical"]
    found = next((c for c in candidates if c.is_file()), None)
    info: dict = {}
    if found is None and install:
        log("installing Zensical into build/bench/zensical-venv (once)")
        try:
            if not (ZENSICAL_VENV / "bin" / "python").is_file():
                subprocess.run([PY, "-m", "venv", "--clear", str(ZENSICAL_VENV)], check=True, capture_output=True, timeout=300)
            pinned = REPO / "requirements-zensical.txt"
            # The project's pin first; if the package index cannot satisfy it, the newest release that installs.
            attempts = ([["-r", str(pinned)]] if pinned.is_file() else []) + [["zensical"]]
            for args in attempts:
                pip = subprocess.run([str(ZENSICAL_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", *args],
                                     capture_output=True, text=True, timeout=900)
                lines = [line for line in (pip.stdout + pip.stderr).splitlines() if "is ignored" not in line]
                info.setdefault("install_log", []).extend(lines[-6:])
                if pip.returncode == 0 and candidates[1].is_file():
                    found = candidates[1]
                    break
                if args[0] == "-r":
                    errors = [line for line in lines if line.startswith("ERROR")]
                    info["pin_failed"] = f"pip install -r requirements-zensical.txt failed: {' '.join(errors)[:300]}"
        except (OSError, subprocess.SubprocessError) as exc:
            info["install_log"] = [str(exc)]
    if found is None:
        info.update(available=False, reason=("zensical is not installed (not in .venv, not in build/bench/zensical-venv)"
                                             + ("; pip could not install it: " + " | ".join(info.get("install_log", []))
                                                if install else "; run without --no-zensical-install to try")))
        return info
    version = subprocess.run([str(found), "--version"], capture_output=True, text=True).stdout.strip()
    info.update(available=True, executable=str(found), version=version)
    pin = re.search(r"^zensical==(\S+)", (REPO / "requirements-zensical.txt").read_text(encoding="utf-8"), re.M) \
        if (REPO / "requirements-zensical.txt").is_file() else None
    info["pinned"] = pin.group(1) if pin else None
    if version.startswith("0.0."):
        probe = subprocess.run([str(found.parent / "python"), "-m", "pip", "install", "--dry-run", "--no-deps",
                                "zensical-ui"], capture_output=True, text=True, timeout=300)
        if probe.returncode != 0:
            info["note"] = ("Zensical 0.1 and later need the package zensical-ui, which this machine's package index "
                            f"does not offer; pip settled on {version}, the last release without it"
                            + (f" (requirements-zensical.txt pins {info['pinned']})" if info.get("pinned") else ""))
    return info


def nav_links(html: str) -> int:
    return html.count('class="md-nav__link')


def compare_outputs(mkdocs_site: Path, zensical_site: Path) -> list[str]:
    """What differs between the plain MkDocs build and the Zensical build of the same export."""
    diffs = []
    a, b = html_pages(mkdocs_site), html_pages(zensical_site)
    only_a, only_b = sorted(set(a) - set(b)), sorted(set(b) - set(a))
    if only_a:
        diffs.append(f"{len(only_a)} page(s) only in the MkDocs build, e.g. {only_a[:3]}")
    if only_b:
        diffs.append(f"{len(only_b)} page(s) only in the Zensical build, e.g. {only_b[:3]}")
    for name in ("sitemap.xml", "sitemap.xml.gz", "search/search_index.json", "cards/routine-cards.pdf",
                 "assets/brand/brand.css", "assets/fonts/atkinson-hyperlegible-latin-400-normal.woff"):
        if (mkdocs_site / name).exists() != (zensical_site / name).exists():
            where = "MkDocs" if (mkdocs_site / name).exists() else "Zensical"
            diffs.append(f"{name} exists only in the {where} build")
    pdf_a, pdf_b = mkdocs_site / "cards/routine-cards.pdf", zensical_site / "cards/routine-cards.pdf"
    if pdf_a.exists() and pdf_b.exists() and pdf_a.read_bytes() != pdf_b.read_bytes():
        diffs.append("the cards PDF differs")
    common = sorted(set(a) & set(b) - {"404.html"})
    sample = [p for p in ("index.html", "flowchart/index.html") if p in common]
    sample += [p for p in common if p.startswith("routines/")][:1] + [p for p in common if p.startswith("exercises/")][:1]
    markers = {
        "guide-disclaimer": "the disclaimer under each page (overrides/main.html)",
        "guide-footer": "the publisher footer (overrides/partials/copyright.html)",
        'role="dialog" aria-label=': "the named search dialog (overrides/partials/search.html)",
        "routine-card": "the routine card markup",
        "flowchart": "the flowchart widget",
        "navigation.prune": "the navigation.prune feature in the page config",
        "navigation.instant": "the navigation.instant feature in the page config",
    }
    for rel in sample:
        ha = (mkdocs_site / rel).read_text(encoding="utf-8", errors="replace")
        hb = (zensical_site / rel).read_text(encoding="utf-8", errors="replace")
        for marker, meaning in markers.items():
            if (marker in ha) != (marker in hb):
                diffs.append(f"{rel}: {meaning} is {'missing' if marker in ha else 'added'} in the Zensical build")
        css_a = re.findall(r'<link rel="stylesheet" href="([^"]+)"', ha)
        css_b = re.findall(r'<link rel="stylesheet" href="([^"]+)"', hb)
        dup = sorted({c for c in css_b if css_b.count(c) > 1})
        if dup:
            diffs.append(f"{rel}: stylesheets linked twice in the Zensical build ({', '.join(Path(d).name for d in dup)}): "
                         "its INHERIT appends lists where MkDocs replaces them")
        if [Path(c).name.split(".")[0] for c in css_a] != [Path(c).name.split(".")[0] for c in css_b] and not dup:
            diffs.append(f"{rel}: stylesheets differ: MkDocs {[Path(c).name for c in css_a]} vs Zensical {[Path(c).name for c in css_b]}")
        if nav_links(ha) != nav_links(hb):
            diffs.append(f"{rel}: navigation links in the page: MkDocs {nav_links(ha)}, Zensical {nav_links(hb)}")
        if abs(len(ha) - len(hb)) > 0.2 * len(ha):
            diffs.append(f"{rel}: HTML size MkDocs {len(ha) / 1024:.0f} KB vs Zensical {len(hb) / 1024:.0f} KB")
    if "modern" in " ".join(str(p) for p in (zensical_site / "assets" / "stylesheets").glob("*")):
        diffs.append("Zensical ships its own 'modern' theme variant of the Material styles (assets/stylesheets/modern/)")
    seen, unique = set(), []
    for d in diffs:
        if d not in seen:
            seen.add(d)
            unique.append(d)
    return unique


# ---------------------------------------------------------------------------------------------
# One scale


def bench_scale(k: int, runs: int, budget: Budget, work: Path, env: dict, zensical: dict, opts,
                prior: dict | None = None) -> dict:
    project = work / f"project-{k}x"
    log(f"{k}x: writing the synthetic project")
    res: dict = {"scale": k, "runs_planned": runs, "loadavg_start": os.getloadavg(),
                 "counts": synth.make_project(project, k)}
    big = k >= 100
    growth = k / prior["scale"] if prior else 1.0

    def extrapolate(value: float | None, fallback: float) -> float:
        """A cost seen at the scale before, grown linearly (plus half again for safety)."""
        return value * growth * 1.5 if prior and value is not None else fallback

    if k == 1:
        # What any command pays before it does anything: the interpreter, then our imports.
        bare = [run_timed([PY, "-c", "pass"], project, env)["wall_s"] for _ in range(3)]
        site_import = [run_timed([PY, "-c", "import generator.site"], project, env)["wall_s"] for _ in range(3)]
        cli_import = [run_timed([PY, "-c", "import generator.cli"], project, env)["wall_s"] for _ in range(3)]
        res["startup"] = {"python_s": median(bare), "import_generator_site_s": median(site_import) - median(bare),
                          "import_generator_cli_s": median(cli_import) - median(bare)}

    # 1. The generator's own steps, in one fresh process.
    log(f"{k}x: generator steps (load, render, PDF, export) x{runs}")
    steps = run_timed([PY, str(BENCH / "steps.py"), str(project), "--runs", str(runs),
                       "--pdf-runs", str(1 if big else runs), "--tracemalloc"], REPO, env)
    checked(steps, "bench/steps.py")
    s = json.loads(steps["output"].strip().splitlines()[-1])
    s["process_maxrss_mb"] = steps["maxrss_mb"]
    res["steps"] = s
    write_s = max(s["export_fresh_median_s"] - s["render_warm_median_s"], 0.0)
    res["generator"] = {
        "load_cold_s": s["load_s"][0], "load_median_s": s["load_median_s"],
        "render_cold_s": s["render_s"][0], "render_median_s": s["render_warm_median_s"],
        "write_s": write_s, "export_fresh_median_s": s["export_fresh_median_s"],
        "imports_s": s["import_load_s"] + s["import_render_s"] + s["import_pdf_export_s"],
        "pdf_median_s": s["pdf_median_s"], "pdf_ms_per_card": 1000 * s["pdf_median_s"] / s["pdf_cards"],
    }
    g = res["generator"]
    g["steps_cold_s"] = g["load_cold_s"] + g["render_cold_s"] + write_s  # one run of each, as a build does
    g["steps_cold_with_imports_s"] = g["steps_cold_s"] + g["imports_s"]
    g["steps_warm_s"] = g["load_median_s"] + g["render_median_s"] + write_s
    export = project / "export"

    # 2. The whole `python -m generator site`, into a fresh folder.
    def site_run(out: Path) -> dict:
        return checked(run_timed([PY, "-m", "generator", "site", "--out", str(out)], project, env), "generator site")

    log(f"{k}x: python -m generator site (fresh)")
    site_out = work / f"site-{k}x"
    site_runs = [site_run(site_out)]
    res["site_output"] = tree_size(site_out)
    res["pages"] = page_stats(site_out)
    search_index = site_out / "search" / "search_index.json"
    if search_index.is_file():
        data = search_index.read_bytes()
        res["search_index"] = {"kb": len(data) / 1024, "gz_kb": len(gzip.compress(data, GZIP_LEVEL, mtime=0)) / 1024}

    # 3. Plain MkDocs + Material on the exported Markdown (no generator step).
    def plain_run(config: Path, out: Path) -> dict:
        r = run_timed([PY, "-m", "mkdocs", "build", "-f", str(config), "-d", str(out)], project, env)
        return checked(r, f"mkdocs build -f {config.name}")

    log(f"{k}x: plain MkDocs build of the export")
    plain_out = work / f"plain-{k}x"
    plain_runs = [plain_run(export / "mkdocs.yml", plain_out)]
    res["plain_warnings"] = warnings_in(plain_runs[0]["output"])[:10]
    one_build = max(site_runs[0]["wall_s"], 1.0)

    # 4. The real build: mkdocs build --strict with the hook.
    hooked_runs = []
    hooked_out = work / f"hooked-{k}x"
    if budget.allow(f"{k}x hooked mkdocs build", one_build):
        log(f"{k}x: mkdocs build --strict (with the hook)")
        hooked_runs.append(checked(run_timed([PY, "-m", "mkdocs", "build", "--strict", "-d", str(hooked_out)],
                                             project, env), "mkdocs build"))
        shutil.rmtree(hooked_out, ignore_errors=True)

    # 5. Zensical on the same export.
    zres: dict = {"available": zensical.get("available", False)}
    z_prior = (prior or {}).get("zensical", {}).get("cold_median_s")
    if zensical.get("available") and budget.allow(f"{k}x zensical build",
                                                  extrapolate(z_prior, max(plain_runs[0]["wall_s"] * 0.5, 2))):
        log(f"{k}x: zensical build")
        zsite = export / "site"
        shutil.rmtree(zsite, ignore_errors=True)
        z = run_timed([zensical["executable"], "build", "-f", "mkdocs.yml", "--clean"], export, env)
        zres.update(rc=z["rc"], maxrss_mb=z["maxrss_mb"],
                    warnings=warnings_in(z["output"])[:15], output_tail=z["output"].strip().splitlines()[-5:])
        if z["rc"] != 0:
            lines = z["output"].strip().splitlines()
            zres["failed"] = lines[-1] if lines else f"exit {z['rc']}"
            zres["failed_after_s"] = z["wall_s"]
        else:
            zres["cold_s"] = [z["wall_s"]]
        if z["rc"] == 0 and zsite.is_dir():
            zres["site_output"] = tree_size(zsite)
            zres["pages"] = page_stats(zsite)
            zres["differences"] = compare_outputs(plain_out, zsite)
            if budget.allow(f"{k}x zensical warm rebuild", z["wall_s"]):
                zw = run_timed([zensical["executable"], "build", "-f", "mkdocs.yml"], export, env)
                zres["warm_s"] = zw["wall_s"]
        shutil.rmtree(zsite, ignore_errors=True)
    elif not zensical.get("available"):
        zres["reason"] = zensical.get("reason")
    res["zensical"] = zres

    # 6. No-change rebuild: the same command again into the same folder.
    nochange = None
    nc_prior = ((prior or {}).get("nochange") or {}).get("wall_s")
    if not big or budget.allow(f"{k}x no-change rebuild", extrapolate(nc_prior, one_build)):
        log(f"{k}x: no-change rebuild")
        before = snapshot(site_out, hashes=not big)
        r = site_run(site_out)
        after = snapshot(site_out, hashes=not big)
        nochange = {"wall_s": r["wall_s"], **compare_snapshots(before, after)}
        if big:
            nochange.pop("content_changed", None)
            nochange.pop("content_changed_examples", None)
    res["nochange"] = nochange

    # 7. A plain Material page of the same text: the export without our CSS, JS and fonts.
    plain_material = None
    if not big or budget.allow(f"{k}x plain-Material build (page transfer)", plain_runs[0]["wall_s"]):
        log(f"{k}x: plain Material build (no extra CSS/JS) for page transfer")
        config = export / "mkdocs-plain-material.yml"
        config.write_text("INHERIT: mkdocs.yml\nextra_css: []\nextra_javascript: []\n", encoding="utf-8")
        plain_material = work / f"plain-material-{k}x"
        plain_run(config, plain_material)
    log(f"{k}x: page transfer")
    res["transfer"] = heaviest_pages(site_out, plain_material, limit=60 if big else None)
    if k == 1:
        res["own_assets"] = own_assets(site_out)
    if plain_material:
        shutil.rmtree(plain_material, ignore_errors=True)

    # 8. Edit -> rebuilt page under `mkdocs serve`.
    serve_edits_n = {1: 3, 10: 2}.get(k, 1)
    hooked_est = hooked_runs[0]["wall_s"] if hooked_runs else one_build
    edit_prior = ((prior or {}).get("serve") or {}).get("edit_to_page_s")
    serve_est = hooked_est + serve_edits_n * (extrapolate(edit_prior, hooked_est) + 1) + 3
    if opts.serve and budget.allow(f"{k}x mkdocs serve (first build + {serve_edits_n} edit(s))", serve_est):
        log(f"{k}x: mkdocs serve, {serve_edits_n} edits")
        res["serve"] = serve_edits(project, env, serve_edits_n, timeout=max(120.0, hooked_est * 4))
    else:
        res["serve"] = None

    # 9. Repeats, for the medians.
    for i in range(1, runs):
        if budget.allow(f"{k}x repeat {i + 1}: generator site", one_build):
            log(f"{k}x: repeat {i + 1}: generator site (fresh)")
            out = work / f"site-{k}x-repeat"
            site_runs.append(site_run(out))
            shutil.rmtree(out, ignore_errors=True)
            for stamp in out.parent.glob(f".{out.name}*"):  # any no-change marker the build left beside it
                shutil.rmtree(stamp, ignore_errors=True) if stamp.is_dir() else stamp.unlink()
        if budget.allow(f"{k}x repeat {i + 1}: plain build", plain_runs[0]["wall_s"]):
            log(f"{k}x: repeat {i + 1}: plain MkDocs build")
            plain_runs.append(plain_run(export / "mkdocs.yml", plain_out))
        if hooked_runs and budget.allow(f"{k}x repeat {i + 1}: hooked build", hooked_runs[0]["wall_s"]):
            log(f"{k}x: repeat {i + 1}: mkdocs build with the hook")
            hooked_runs.append(checked(run_timed([PY, "-m", "mkdocs", "build", "--strict", "-d", str(hooked_out)],
                                                 project, env), "mkdocs build"))
            shutil.rmtree(hooked_out, ignore_errors=True)
        if zres.get("cold_s") and zres.get("rc") == 0 and budget.allow(f"{k}x repeat {i + 1}: zensical", zres["cold_s"][0]):
            z = run_timed([zensical["executable"], "build", "-f", "mkdocs.yml", "--clean"], export, env)
            zres["cold_s"].append(z["wall_s"])
            shutil.rmtree(export / "site", ignore_errors=True)

    def summary(rs: list[dict]) -> dict | None:
        if not rs:
            return None
        return {"runs": len(rs), "wall_s": [r["wall_s"] for r in rs], "median_s": median([r["wall_s"] for r in rs]),
                "maxrss_mb": max(r["maxrss_mb"] for r in rs), "cpu_median_s": median([r["cpu_s"] for r in rs]),
                "mkdocs_reported_median_s": median([r["mkdocs_reported_s"] for r in rs])}

    res["site"] = summary(site_runs)
    res["plain"] = summary(plain_runs)
    res["hooked"] = summary(hooked_runs)
    if zres.get("cold_s"):
        zres["cold_median_s"] = median(zres["cold_s"])
    res["loadavg_end"] = os.getloadavg()
    if opts.keep:
        res["project"] = str(project)
    else:
        for path in (project, site_out, plain_out):
            shutil.rmtree(path, ignore_errors=True)
    return res


# ---------------------------------------------------------------------------------------------
# Report


def machine() -> dict:
    info: dict = {"nproc": os.cpu_count(), "platform": platform.platform()}
    try:
        cpu = Path("/proc/cpuinfo").read_text()
        model = re.search(r"^model name\s*:\s*(.+)$", cpu, re.M)
        info["cpu_model"] = model.group(1) if model else None
        mem = re.search(r"^MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text(), re.M)
        info["memory_gb"] = round(int(mem.group(1)) / 2**20, 1) if mem else None
    except OSError:
        pass
    try:
        info["nproc_cmd"] = int(subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip())
    except (OSError, ValueError):
        pass
    info["loadavg_start"] = os.getloadavg()
    return info


def versions() -> dict:
    out = {"python": platform.python_version()}
    for dist in ("mkdocs", "mkdocs-material", "weasyprint", "pydantic", "Jinja2", "PyYAML", "pyinstrument"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[dist] = None
    try:
        import yaml
        out["pyyaml_libyaml"] = bool(yaml.__with_libyaml__)
    except ImportError:
        pass
    try:
        out["repo_commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                                            text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True, timeout=10)
        out["repo_uncommitted_files"] = len(dirty.stdout.splitlines())
    except (OSError, subprocess.SubprocessError):
        pass
    return out


def ratios_and_targets(scales: dict, assets: dict | None) -> tuple[dict, list[dict]]:
    ratios: dict = {}
    targets: list[dict] = []

    def target(name, value, limit, ok_if, detail=""):
        passed = None if value is None else ok_if(value, limit)
        targets.append({"target": name, "value": value, "limit": limit, "pass": passed, "detail": detail})

    for k, r in scales.items():
        plain = r["plain"]["median_s"]
        g = r["generator"]
        ratios[f"generator_share_{k}x"] = g["steps_cold_s"] / plain
        ratios[f"generator_share_with_imports_{k}x"] = g["steps_cold_with_imports_s"] / plain
        ratios[f"generator_share_with_pdf_{k}x"] = (g["steps_cold_s"] + g["pdf_median_s"]) / plain
        if r["hooked"]:
            ratios[f"hooked_over_plain_{k}x"] = r["hooked"]["median_s"] / plain
        ratios[f"site_over_plain_{k}x"] = r["site"]["median_s"] / plain
        if r["zensical"].get("cold_median_s"):
            ratios[f"zensical_over_plain_{k}x"] = r["zensical"]["cold_median_s"] / plain
        ratios[f"pdf_ms_per_card_{k}x"] = g["pdf_ms_per_card"]
        target(f"generator (load+validate+render+write) / plain mkdocs build, {k}x", ratios[f"generator_share_{k}x"],
               TARGETS["generator_share_max"], lambda v, lim: v <= lim,
               f"{g['steps_cold_s']:.3f} s / {plain:.2f} s (cold single run of each step; imports excluded, "
               f"with imports {ratios[f'generator_share_with_imports_{k}x']:.1%}; with the PDF "
               f"{ratios[f'generator_share_with_pdf_{k}x']:.1%})")
        target(f"cards PDF ms per card, {k}x", g["pdf_ms_per_card"], TARGETS["pdf_ms_per_card_max"], lambda v, lim: v <= lim,
               f"{g['pdf_median_s']:.2f} s for {r['steps']['pdf_cards']} cards")
    ks = sorted(scales)
    if len(ks) >= 2:
        lo, hi = ks[0], ks[-1]
        whole = scales[hi]["site"]["median_s"] / scales[lo]["site"]["median_s"]
        ratios[f"whole_build_{hi}x_over_{lo}x"] = whole
        ratios[f"plain_build_{hi}x_over_{lo}x"] = scales[hi]["plain"]["median_s"] / scales[lo]["plain"]["median_s"]
        ratios[f"html_median_{hi}x_over_{lo}x"] = scales[hi]["pages"]["html_median_kb"] / scales[lo]["pages"]["html_median_kb"]
        ratios[f"pages_{hi}x_over_{lo}x"] = scales[hi]["pages"]["pages"] / scales[lo]["pages"]["pages"]
        if hi == 100 and lo == 1:
            target("whole build (python -m generator site) 100x / 1x", whole, TARGETS["whole_100x_over_1x_max"],
                   lambda v, lim: v <= lim, f"{scales[hi]['site']['median_s']:.1f} s / {scales[lo]['site']['median_s']:.2f} s")
        hi_pdf, lo_pdf = scales[hi]["generator"], scales[ks[-2]]["generator"]
        cards_hi, cards_lo = scales[hi]["steps"]["pdf_cards"], scales[ks[-2]]["steps"]["pdf_cards"]
        if cards_hi > cards_lo:
            ratios[f"pdf_marginal_ms_per_card_{ks[-2]}x_to_{hi}x"] = \
                1000 * (hi_pdf["pdf_median_s"] - lo_pdf["pdf_median_s"]) / (cards_hi - cards_lo)
        target(f"page size flat with scale: median HTML per page {hi}x / {lo}x", ratios[f"html_median_{hi}x_over_{lo}x"],
               1.5, lambda v, lim: v <= lim,
               f"{scales[lo]['pages']['html_median_kb']:.0f} KB -> {scales[hi]['pages']['html_median_kb']:.0f} KB "
               f"(limit 1.5 is ours: 'flat' within noise)")
    one = scales.get(1)
    if one and one.get("nochange"):
        nc = one["nochange"]
        # When nothing was written MkDocs did not run: the whole rebuild is the generator's part.
        gen_part = nc["wall_s"] if nc["files_written"] == 0 else max(nc["wall_s"] - one["plain"]["median_s"], 0.0)
        ratios["nochange_generator_part_1x_s"] = gen_part
        target("no-change rebuild at 1x: files written", nc["files_written"], TARGETS["nochange_files_written_max"],
               lambda v, lim: v <= lim, f"{nc['files_written']} of {nc['files']} files rewritten, "
               f"{nc.get('content_changed')} with different content")
        target("no-change rebuild at 1x: generator part (s)", gen_part, TARGETS["nochange_generator_s_1x_max"],
               lambda v, lim: v < lim, (f"the whole no-change `generator site` ({nc['wall_s']:.2f} s): it wrote nothing, "
               "so MkDocs did not run" if nc["files_written"] == 0 else
               f"the no-change `generator site` {nc['wall_s']:.2f} s minus the plain MkDocs build "
               f"{one['plain']['median_s']:.2f} s (the PDF, {one['generator']['pdf_median_s']:.2f} s, is re-made)")
               + f"; for comparison, the generator steps in a fresh process take "
               f"{one['generator']['steps_cold_with_imports_s']:.2f} s with imports")
    if assets:
        target("our JS + CSS gzipped (KB)", assets["js_css_gz_kb"], TARGETS["own_js_css_gz_max_kb"], lambda v, lim: v < lim,
               f"{assets['js_css_raw_kb']:.1f} KB raw; with the generated brand.css "
               f"{assets.get('js_css_gz_with_brand_kb', 0):.1f} KB gz; fonts apart: {assets['fonts_kb']:.1f} KB")
    for k, r in scales.items():
        t = r.get("transfer") or {}
        if t.get("ratio"):
            target(f"heaviest page transfer vs plain Material, {k}x", t["ratio"], TARGETS["heaviest_page_vs_plain_max"],
                   lambda v, lim: v <= lim, f"{t['heaviest_page']}: {t['ours_kb']['total']:.0f} KB vs "
                   f"{t['plain_kb']['total']:.0f} KB gz (of which our CSS/JS/fonts {t['ours_kb']['own']:.0f} KB: "
                   f"fonts {t['ours_kb']['fonts']:.0f}); worst ratio {t['worst_ratio']:.2f} on {t['worst_ratio_page']} "
                   f"(estimate without a plain build: {t['ratio_estimate']:.2f})")
        elif t.get("ratio_estimate"):
            target(f"heaviest page transfer vs plain Material, {k}x (estimated)", t["ratio_estimate"],
                   TARGETS["heaviest_page_vs_plain_max"], lambda v, lim: v <= lim,
                   f"{t['heaviest_page']}: {t['ours_kb']['total']:.0f} KB vs {t['ours_kb']['plain_estimate']:.0f} KB gz "
                   "without our CSS/JS/fonts (no plain build at this scale, see method)")
    return ratios, targets


def print_table(report: dict) -> None:
    scales = report["scales"]
    ks = sorted(scales, key=int)
    cols = [scales[k] for k in ks]
    width = 46

    def row(label, func):
        cells = []
        for r in cols:
            try:
                cells.append(func(r))
            except (KeyError, TypeError, ZeroDivisionError):
                cells.append("-")
        print(f"{label:<{width}}" + "".join(f"{c:>22}" for c in cells))

    print()
    print(f"{'':<{width}}" + "".join(f"{k + 'x':>22}" for k in ks))
    row("exercises+stretches / tools / routines", lambda r: f"{r['counts']['exercises']}/{r['counts']['recovery']}/{r['counts']['routines']}")
    row("flowchart nodes / HTML pages", lambda r: f"{r['counts']['flowchart_nodes']} / {r['pages']['pages']}")
    row("load+validate s (cold / median)", lambda r: f"{r['generator']['load_cold_s']:.3f} / {r['generator']['load_median_s']:.3f}")
    row("render s (cold / warm median)", lambda r: f"{r['generator']['render_cold_s']:.3f} / {r['generator']['render_median_s']:.3f}")
    row("write export s (PDF cached)", lambda r: f"{r['generator']['write_s']:.3f}")
    row("generator imports s", lambda r: f"{r['generator']['imports_s']:.3f}")
    row("generator steps, one cold run each s", lambda r: f"{r['generator']['steps_cold_s']:.3f}")
    row("cards PDF s (ms per card)", lambda r: f"{r['generator']['pdf_median_s']:.2f} ({r['generator']['pdf_ms_per_card']:.0f})")
    row("mkdocs build --strict with hook s", lambda r: f"{r['hooked']['median_s']:.2f} (n={r['hooked']['runs']})")
    row("plain MkDocs+Material, export s", lambda r: f"{r['plain']['median_s']:.2f} (n={r['plain']['runs']})")
    row("zensical build (cold) s", lambda r: f"{r['zensical']['cold_median_s']:.2f} (n={len(r['zensical']['cold_s'])})"
        if r["zensical"].get("cold_s") else ("unavailable" if not r["zensical"].get("available") else
                                             f"FAILED after {r['zensical']['failed_after_s']:.0f}" if r["zensical"].get("failed") else "-"))
    row("whole `python -m generator site` s", lambda r: f"{r['site']['median_s']:.2f} (n={r['site']['runs']})")
    row("generator share: steps / plain build", lambda r: f"{r['generator']['steps_cold_s'] / r['plain']['median_s']:.1%}")
    row("  same, + PDF", lambda r: f"{(r['generator']['steps_cold_s'] + r['generator']['pdf_median_s']) / r['plain']['median_s']:.1%}")
    row("hooked build / plain build", lambda r: f"{r['hooked']['median_s'] / r['plain']['median_s']:.2f}")
    row("peak RSS MB: site / hooked / plain", lambda r: f"{r['site']['maxrss_mb']:.0f}/{r['hooked']['maxrss_mb'] if r['hooked'] else 0:.0f}/{r['plain']['maxrss_mb']:.0f}")
    row("tracemalloc peak load+render MB", lambda r: f"{r['steps']['tracemalloc_peak_load_render_bytes'] / 2**20:.1f}")
    row("site output MB (files)", lambda r: f"{r['site_output']['bytes'] / 2**20:.1f} ({r['site_output']['files']})")
    row("HTML per page KB: median / max", lambda r: f"{r['pages']['html_median_kb']:.0f} / {r['pages']['html_max_kb']:.0f}")
    row("no-change rebuild s (files written)", lambda r: f"{r['nochange']['wall_s']:.2f} ({r['nochange']['files_written']})")
    row("  files with different content", lambda r: f"{r['nochange']['content_changed']}")
    row("serve: data edit -> rebuilt page s", lambda r: f"{r['serve']['edit_to_page_s']:.2f}")
    row("search index KB (gz), fetched by the search", lambda r: f"{r['search_index']['kb']:.0f} ({r['search_index']['gz_kb']:.0f})")
    row("nav links in the median page", lambda r: f"{r['pages']['nav_links_in_median_page']}")
    row("heaviest page", lambda r: r["transfer"]["heaviest_page"].removesuffix("index.html"))
    row("  transfer gz KB: ours / plain Material",
        lambda r: f"{r['transfer']['ours_kb']['total']:.0f} / " + (f"{r['transfer']['plain_kb']['total']:.0f}"
                  if "plain_kb" in r["transfer"] else f"~{r['transfer']['ours_kb']['plain_estimate']:.0f}"))
    row("  of which our CSS+JS / fonts KB", lambda r: f"{r['transfer']['ours_kb']['own'] - r['transfer']['ours_kb']['fonts']:.0f} / {r['transfer']['ours_kb']['fonts']:.0f}")
    row("  ratio (worst page's ratio)", lambda r: (f"{r['transfer']['ratio']:.2f} ({r['transfer']['worst_ratio']:.2f})"
        if "ratio" in r["transfer"] else f"~{r['transfer']['ratio_estimate']:.2f} (~{r['transfer']['worst_ratio_estimate']:.2f})"))
    row("load average at start / end", lambda r: f"{r['loadavg_start'][0]:.1f} / {r['loadavg_end'][0]:.1f}")
    one = scales.get("1", {})
    if one.get("startup"):
        st = one["startup"]
        print(f"\nStartup at 1x: python itself {st['python_s']:.3f} s; `import generator.site` +{st['import_generator_site_s']:.3f} s; "
              f"`import generator.cli` +{st['import_generator_cli_s']:.3f} s")
    print("\nRatios (less noisy than the seconds)")
    for name, value in report["ratios"].items():
        print(f"  {name:<48} {value:.3f}")
    print()
    print("Targets")
    for t in report["targets"]:
        mark = {True: "PASS", False: "FAIL", None: "n/a "}[t["pass"]]
        value = t["value"]
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"  {mark}  {t['target']}: {shown} (limit {t['limit']})")
        if t["detail"]:
            print(f"        {t['detail']}")
    if report.get("skipped"):
        print("\nSkipped for the time budget:")
        for s in report["skipped"]:
            print(f"  - {s}")
    z = report.get("zensical", {})
    print(f"\nZensical: {'available, ' + z.get('version', '') if z.get('available') else 'unavailable: ' + str(z.get('reason'))}")
    if z.get("note"):
        print(f"  {z['note']}")
    shown: set[str] = set()
    for k in ks:
        zk = scales[k]["zensical"]
        if zk.get("failed"):
            print(f"  - at {k}x the Zensical build FAILED: {zk['failed']}")
        for d in zk.get("differences") or []:
            if d not in shown:
                shown.add(d)
                print(f"  - {d}" + ("" if k == ks[0] else f" (at {k}x)"))
        for w in zk.get("warnings") or []:
            if w not in shown and not zk.get("failed"):
                shown.add(w)
                print(f"  - warning at {k}x: {w}")
    print()


def _print_areas(path: str, head: int = 12) -> None:
    lines = Path(path).read_text(encoding="utf-8").strip().splitlines()
    print("\n" + "\n".join(lines[:head + 1]) + f"\n  … (all in {path})")


def profile(work: Path) -> None:
    """pyinstrument on load + validate + render at 100x (and 1x, for the fixed costs), and on the
    cards PDF at 10x; text reports in bench/results/profile-*.txt."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    env = base_env()
    projects = {}
    for k in (1, 10, 100):
        projects[k] = work / f"project-profile-{k}x"
        synth.make_project(projects[k], k)
    written = {}
    for k in (100, 1):
        log(f"profile: pyinstrument on load + validate + render at {k}x")
        r = checked(run_timed([PY, str(BENCH / "steps.py"), str(projects[k]), "--profile", str(RESULTS),
                               "--label", f"{k}x"], REPO, env), "bench/steps.py --profile")
        written[k] = json.loads(r["output"].strip().splitlines()[-1])
    log("profile: pyinstrument on the cards PDF at 10x")
    r = checked(run_timed([PY, str(BENCH / "steps.py"), str(projects[10]), "--profile", str(RESULTS),
                           "--label", "10x", "--what", "pdf"], REPO, env), "bench/steps.py --profile --what pdf")
    written["pdf"] = json.loads(r["output"].strip().splitlines()[-1])
    for group in written.values():
        for name, path in group.items():
            if isinstance(path, str):
                print(f"{name}: {path}")
    flat_pdf = Path(written["pdf"]["pdf_flat"]).read_text(encoding="utf-8").splitlines()
    print(f"\nTop hot spots of the cards PDF at 10x (self time; the HTML handed to WeasyPrint is "
          f"{written['pdf'].get('document_kb', 0):.0f} KB):")
    for line in [line for line in flat_pdf if re.match(r"^\s*\d+\.\d+ ", line)][:12]:
        print("  " + line)
    flat = Path(written[100]["flat"]).read_text(encoding="utf-8").splitlines()
    print("\nTop hot spots (self time, load + validate + render at 100x):")
    body = [line for line in flat if re.match(r"^\s*\d+\.\d+ ", line)]
    for line in body[:20]:
        print("  " + line)
    _print_areas(written[100]["areas"])
    _print_areas(written[1]["areas"])
    _print_areas(written["pdf"]["pdf_areas"])
    for project in projects.values():
        shutil.rmtree(project, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1x and 10x only")
    parser.add_argument("--scales", help="comma-separated scales, e.g. 1,10,100")
    parser.add_argument("--runs", type=int, help="runs per scale (default 3 at 1x and 10x, 2 at 100x)")
    parser.add_argument("--budget", type=float, default=900, help="seconds for the whole run (default 900)")
    parser.add_argument("--profile", action="store_true", help="only profile: load+validate+render at 100x and 1x, the cards PDF at 10x")
    parser.add_argument("--no-serve", dest="serve", action="store_false", help="skip the mkdocs serve measurement")
    parser.add_argument("--no-zensical-install", dest="zensical_install", action="store_false",
                        help="do not install Zensical into build/bench/zensical-venv when it is missing")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    parser.add_argument("--out", default=str(RESULTS / "bench.json"))
    opts = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    try:
        if opts.profile:
            profile(work)
            return 0
        scales = [int(s) for s in opts.scales.split(",")] if opts.scales else ([1, 10] if opts.quick else [1, 10, 100])
        env = base_env()
        budget = Budget(opts.budget)
        report: dict = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                        "command": " ".join([Path(PY).name, *sys.argv]), "machine": machine(), "versions": versions(),
                        "method": {
                            "timing": "wall clock (time.perf_counter); medians of the runs listed; subprocess peak RSS "
                                      "from wait4 (the process and the children it waited for)",
                            "generator_steps": "bench/steps.py in one fresh process per scale: load_guide (read, "
                                               "validate, cross-check), render_site, write_export (PDF cached, so "
                                               "write = export - render), cards_pdf with its cache emptied",
                            "generator_share": "one cold run of each generator step (load + render + write), as one "
                                               "build does, divided by the plain MkDocs build of the exported Markdown",
                            "plain": "`mkdocs build -f <export>/mkdocs.yml` on `python -m generator write` output "
                                     "(hooks disabled; the same Markdown, CSS and JS)",
                            "transfer": Transfer.__doc__.strip().replace("\n    ", " "),
                            "plain_material_page": "the export built again with `extra_css: []` and "
                                                   "`extra_javascript: []` (no guide.css/cards.css/flowchart.css, "
                                                   "brand.css, print.js/bmi.js/flowchart.js, so no card fonts); "
                                                   "same path compared",
                            "gzip": f"level {GZIP_LEVEL}, each file on its own",
                            "nochange": "`python -m generator site` twice into the same folder; a file counts as "
                                        "written when its mtime or inode changed",
                            "serve": "`mkdocs serve` on a free port; an exercise title is edited in data/exercises.yml "
                                     "and /exercises/<id>/ polled every 50 ms until it shows",
                        },
                        "scales": {}}
        zensical = find_zensical(opts.zensical_install)
        report["zensical"] = {k: v for k, v in zensical.items() if k != "install_log"}
        for k in scales:
            runs = opts.runs or RUNS.get(k, 2)
            prior = report["scales"][str(scales[scales.index(k) - 1])] if scales.index(k) else None
            report["scales"][str(k)] = bench_scale(k, runs, budget, work, env, zensical, opts, prior)
            log(f"{k}x done ({budget.elapsed():.0f} s so far)")
        assets = report["scales"].get("1", {}).get("own_assets")
        report["own_assets"] = assets
        ratios, targets = ratios_and_targets({int(k): v for k, v in report["scales"].items()}, assets)
        report["ratios"], report["targets"], report["skipped"] = ratios, targets, budget.skipped
        report["machine"]["loadavg_end"] = os.getloadavg()
        report["total_s"] = budget.elapsed()
        out = Path(opts.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
        print_table(report)
        print(f"Written {out} in {report['total_s']:.0f} s. Machine: {report['machine'].get('cpu_model')}, "
              f"{report['machine']['nproc']} CPUs, {report['machine'].get('memory_gb')} GB; Python "
              f"{report['versions']['python']}, MkDocs {report['versions']['mkdocs']}, Material "
              f"{report['versions']['mkdocs-material']}, WeasyPrint {report['versions']['weasyprint']}.")
        return 0
    finally:
        if not opts.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
