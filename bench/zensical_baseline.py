"""Zensical as a baseline for bench/run.py: find its executable (installing it into a venv of its
own when the project's venv lacks it), which version requirements/dev.lock pins, and what differs
between its build and plain MkDocs' build of the same export. Not named zensical.py: bench/ is on
sys.path when the bench runs, and that name would shadow the zensical package."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from measure import PY, REPO, log
from weight import html_pages, nav_links

ZENSICAL_VENV = REPO / "build" / "bench" / "zensical-venv"
DEV_LOCK = REPO / "requirements" / "dev.lock"


def pinned_version() -> str | None:
    """The Zensical version requirements/dev.lock pins (`zensical==X`), if it pins one."""
    if not DEV_LOCK.is_file():
        return None
    pin = re.search(r"^zensical==(\S+)", DEV_LOCK.read_text(encoding="utf-8"), re.M)
    return pin.group(1) if pin else None


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
                subprocess.run(
                    [PY, "-m", "venv", "--clear", str(ZENSICAL_VENV)], check=True, capture_output=True, timeout=300
                )
            pin = pinned_version()
            # The project's pin first; if the package index cannot satisfy it, the newest release that installs.
            attempts = ([[f"zensical=={pin}"]] if pin else []) + [["zensical"]]
            for args in attempts:
                pip = subprocess.run(
                    [str(ZENSICAL_VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", *args],
                    capture_output=True,
                    text=True,
                    timeout=900,
                )
                lines = [line for line in (pip.stdout + pip.stderr).splitlines() if "is ignored" not in line]
                info.setdefault("install_log", []).extend(lines[-6:])
                if pip.returncode == 0 and candidates[1].is_file():
                    found = candidates[1]
                    break
                if args[0] != "zensical":
                    errors = [line for line in lines if line.startswith("ERROR")]
                    info["pin_failed"] = (
                        f"pip install {args[0]} (the requirements/dev.lock pin) failed: {' '.join(errors)[:300]}"
                    )
        except (OSError, subprocess.SubprocessError) as exc:
            info["install_log"] = [str(exc)]
    if found is None:
        info.update(
            available=False,
            reason=(
                "zensical is not installed (not in .venv, not in build/bench/zensical-venv)"
                + (
                    "; pip could not install it: " + " | ".join(info.get("install_log", []))
                    if install
                    else "; run without --no-zensical-install to try"
                )
            ),
        )
        return info
    version = subprocess.run([str(found), "--version"], capture_output=True, text=True).stdout.strip()
    info.update(available=True, executable=str(found), version=version)
    info["pinned"] = pinned_version()
    if version.startswith("0.0."):
        probe = subprocess.run(
            [str(found.parent / "python"), "-m", "pip", "install", "--dry-run", "--no-deps", "zensical-ui"],
            capture_output=True,
            text=True,
            timeout=300,
        )
        if probe.returncode != 0:
            info["note"] = (
                "Zensical 0.1 and later need the package zensical-ui, which this machine's package index "
                f"does not offer; pip settled on {version}, the last release without it"
                + (f" (requirements/dev.lock pins {info['pinned']})" if info.get("pinned") else "")
            )
    return info


def compare_outputs(mkdocs_site: Path, zensical_site: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """What differs between the plain MkDocs build and the Zensical build of the same export
    (`skip`: folders of the MkDocs build that are other languages, not in that export)."""
    diffs = []
    a = {k: v for k, v in html_pages(mkdocs_site).items() if not k.startswith(skip)}
    b = html_pages(zensical_site)
    only_a, only_b = sorted(set(a) - set(b)), sorted(set(b) - set(a))
    if only_a:
        diffs.append(f"{len(only_a)} page(s) only in the MkDocs build, e.g. {only_a[:3]}")
    if only_b:
        diffs.append(f"{len(only_b)} page(s) only in the Zensical build, e.g. {only_b[:3]}")
    for name in (
        "sitemap.xml",
        "sitemap.xml.gz",
        "search/search_index.json",
        "cards/routine-cards.pdf",
        "assets/brand/brand.css",
        "assets/fonts/atkinson-hyperlegible-latin-400-normal.woff",
    ):
        if (mkdocs_site / name).exists() != (zensical_site / name).exists():
            where = "MkDocs" if (mkdocs_site / name).exists() else "Zensical"
            diffs.append(f"{name} exists only in the {where} build")
    pdf_a, pdf_b = mkdocs_site / "cards/routine-cards.pdf", zensical_site / "cards/routine-cards.pdf"
    if pdf_a.exists() and pdf_b.exists() and pdf_a.read_bytes() != pdf_b.read_bytes():
        diffs.append("the cards PDF differs")
    common = sorted(set(a) & set(b) - {"404.html"})
    sample = [p for p in ("index.html", "flowchart/index.html") if p in common]
    sample += [p for p in common if p.startswith("routines/")][:1] + [p for p in common if p.startswith("exercises/")][
        :1
    ]
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
            diffs.append(
                f"{rel}: stylesheets linked twice in the Zensical build ({', '.join(Path(d).name for d in dup)}): "
                "its INHERIT appends lists where MkDocs replaces them"
            )
        if [Path(c).name.split(".")[0] for c in css_a] != [Path(c).name.split(".")[0] for c in css_b] and not dup:
            diffs.append(
                f"{rel}: stylesheets differ: MkDocs {[Path(c).name for c in css_a]} vs Zensical {[Path(c).name for c in css_b]}"
            )
        if nav_links(ha) != nav_links(hb):
            diffs.append(f"{rel}: navigation links in the page: MkDocs {nav_links(ha)}, Zensical {nav_links(hb)}")
        if abs(len(ha) - len(hb)) > 0.2 * len(ha):
            diffs.append(f"{rel}: HTML size MkDocs {len(ha) / 1024:.0f} KB vs Zensical {len(hb) / 1024:.0f} KB")
    if "modern" in " ".join(str(p) for p in (zensical_site / "assets" / "stylesheets").glob("*")):
        diffs.append(
            "Zensical ships its own 'modern' theme variant of the Material styles (assets/stylesheets/modern/)"
        )
    seen, unique = set(), []
    for d in diffs:
        if d not in seen:
            seen.add(d)
            unique.append(d)
    return unique
