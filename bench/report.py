"""What bench/run.py records about the run and prints at the end: the machine, the versions of
Python and the libraries measured, and the table of results, ratios, targets and Zensical notes."""

from __future__ import annotations

import contextlib
import os
import platform
import re
import subprocess
from importlib import metadata
from pathlib import Path

from measure import REPO


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
    with contextlib.suppress(OSError, ValueError):
        info["nproc_cmd"] = int(subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip())
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
        out["repo_commit"] = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, timeout=10
        ).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=REPO, capture_output=True, text=True, timeout=10)
        out["repo_uncommitted_files"] = len(dirty.stdout.splitlines())
    except (OSError, subprocess.SubprocessError):
        pass
    return out


def print_table(report: dict) -> None:
    if report["scales"]:
        _print_scales(report)
    if report.get("clinics"):
        print_clinics(report["clinics"])


def print_clinics(c: dict) -> None:
    """`guide sites` with many clinic folders: the figure a chain plans its builds with."""
    print(f"\n`guide sites` with {c['clinics']} clinics ({c['languages_per_clinic']} languages each) and the guide")
    rows = [
        ("first build, no build cache s", f"{c['first_build_s']:.1f} (CPU {c['first_build_cpu_s']:.0f})"),
        ("seconds per clinic (wall / CPU)", f"{c['s_per_clinic']:.2f} / {c['cpu_s_per_clinic']:.2f}"),
        ("no-change `sites` s", f"{c['nochange_s']:.2f}"),
        ("peak RSS MB (largest process)", f"{c['peak_rss_mb']:.0f}"),
        ("lines printed / other than `built ...`", f"{c['output_lines']} / {len(c['output_other_lines'])}"),
        ("load average at start / end", f"{c['loadavg_start'][0]:.1f} / {c['loadavg_end'][0]:.1f}"),
    ]
    for label, value in rows:
        print(f"  {label:<44}{value:>22}")
    for line in c["output_other_lines"]:
        print(f"    | {line}")


def _print_scales(report: dict) -> None:
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
    row(
        "exercises+stretches / tools / routines",
        lambda r: f"{r['counts']['exercises']}/{r['counts']['recovery']}/{r['counts']['routines']}",
    )
    row("flowchart nodes / HTML pages", lambda r: f"{r['counts']['flowchart_nodes']} / {r['pages']['pages']}")
    row(
        "load+validate s (cold / median)",
        lambda r: f"{r['generator']['load_cold_s']:.3f} / {r['generator']['load_median_s']:.3f}",
    )
    row(
        "render s (cold / warm median)",
        lambda r: f"{r['generator']['render_cold_s']:.3f} / {r['generator']['render_median_s']:.3f}",
    )
    row("write export s (PDF cached)", lambda r: f"{r['generator']['write_s']:.3f}")
    row("generator imports s", lambda r: f"{r['generator']['imports_s']:.3f}")
    row("generator steps, one cold run each s", lambda r: f"{r['generator']['steps_cold_s']:.3f}")
    row(
        "cards PDF s (ms per card)",
        lambda r: f"{r['generator']['pdf_median_s']:.2f} ({r['generator']['pdf_ms_per_card']:.0f})",
    )
    row("mkdocs build --strict with hook s", lambda r: f"{r['hooked']['median_s']:.2f} (n={r['hooked']['runs']})")
    row("plain MkDocs+Material, export s", lambda r: f"{r['plain']['median_s']:.2f} (n={r['plain']['runs']})")
    row(
        "zensical build (cold) s",
        lambda r: (
            f"{r['zensical']['cold_median_s']:.2f} (n={len(r['zensical']['cold_s'])})"
            if r["zensical"].get("cold_s")
            else (
                "unavailable"
                if not r["zensical"].get("available")
                else f"FAILED after {r['zensical']['failed_after_s']:.0f}"
                if r["zensical"].get("failed")
                else "-"
            )
        ),
    )
    row("whole `python -m generator site` s", lambda r: f"{r['site']['median_s']:.2f} (n={r['site']['runs']})")
    row(
        "generator share: steps / plain build",
        lambda r: f"{r['generator']['steps_cold_s'] / r['plain']['median_s']:.1%}",
    )
    row(
        "  same, + PDF",
        lambda r: f"{(r['generator']['steps_cold_s'] + r['generator']['pdf_median_s']) / r['plain']['median_s']:.1%}",
    )
    row("hooked build / plain build", lambda r: f"{r['hooked']['median_s'] / r['plain']['median_s']:.2f}")
    row(
        "peak RSS MB: site / hooked / plain",
        lambda r: (
            f"{r['site']['maxrss_mb']:.0f}/{r['hooked']['maxrss_mb'] if r['hooked'] else 0:.0f}/{r['plain']['maxrss_mb']:.0f}"
        ),
    )
    row("tracemalloc peak load+render MB", lambda r: f"{r['steps']['tracemalloc_peak_load_render_bytes'] / 2**20:.1f}")
    row("site output MB (files)", lambda r: f"{r['site_output']['bytes'] / 2**20:.1f} ({r['site_output']['files']})")
    row(
        "HTML per page KB: median / max",
        lambda r: f"{r['pages']['html_median_kb']:.0f} / {r['pages']['html_max_kb']:.0f}",
    )
    row(
        "no-change rebuild s (files written)",
        lambda r: f"{r['nochange']['wall_s']:.2f} ({r['nochange']['files_written']})",
    )
    row("  files with different content", lambda r: f"{r['nochange']['content_changed']}")
    row("serve: data edit -> rebuilt page s", lambda r: f"{r['serve']['edit_to_page_s']:.2f}")
    row("  title edit (every page rebuilt) s", lambda r: f"{r['serve'].get('title_edit_s') or float('nan'):.2f}")
    row(
        "search index KB (gz), fetched by the search",
        lambda r: f"{r['search_index']['kb']:.0f} ({r['search_index']['gz_kb']:.0f})",
    )
    row("nav links in the median page", lambda r: f"{r['pages']['nav_links_in_median_page']}")
    row("heaviest page", lambda r: r["transfer"]["heaviest_page"].removesuffix("index.html"))
    row(
        "  transfer gz KB: ours / plain Material",
        lambda r: (
            f"{r['transfer']['ours_kb']['total']:.0f} / "
            + (
                f"{r['transfer']['plain_kb']['total']:.0f}"
                if "plain_kb" in r["transfer"]
                else f"~{r['transfer']['ours_kb']['plain_estimate']:.0f}"
            )
        ),
    )
    row(
        "  of which our CSS+JS / fonts KB",
        lambda r: (
            f"{r['transfer']['ours_kb']['own'] - r['transfer']['ours_kb']['fonts']:.0f} / {r['transfer']['ours_kb']['fonts']:.0f}"
        ),
    )
    row(
        "  ratio (worst page's ratio)",
        lambda r: (
            f"{r['transfer']['ratio']:.2f} ({r['transfer']['worst_ratio']:.2f})"
            if "ratio" in r["transfer"]
            else f"~{r['transfer']['ratio_estimate']:.2f} (~{r['transfer']['worst_ratio_estimate']:.2f})"
        ),
    )
    row("load average at start / end", lambda r: f"{r['loadavg_start'][0]:.1f} / {r['loadavg_end'][0]:.1f}")
    one = scales.get("1", {})
    if one.get("startup"):
        st = one["startup"]
        print(
            f"\nStartup at 1x: python itself {st['python_s']:.3f} s; `import generator.site` +{st['import_generator_site_s']:.3f} s; "
            f"`import generator.cli` +{st['import_generator_cli_s']:.3f} s"
        )
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
    print(
        f"\nZensical: {'available, ' + z.get('version', '') if z.get('available') else 'unavailable: ' + str(z.get('reason'))}"
    )
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
