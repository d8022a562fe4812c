"""The README's performance section, written from one run's bench/results/bench.json, so the table
cannot drift from what was measured (tests/test_bench_table.py fails on a hand edit).

    python bench/table.py            # writes bench/results/table.md and the README's section
    python bench/table.py --check    # exits 1 when the README's section differs from bench.json's

The section sits in README.md between the two marker comments MARKERS; everything else in the
README is left as it is."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
README = REPO / "README.md"
MARKERS = (
    "<!-- bench table: written by `make bench` from bench/results/bench.json; do not edit -->",
    "<!-- /bench table -->",
)
LANGUAGE_NAMES = {"default": "English", "en": "English", "es": "Spanish"}
TYPE_ORDER = (
    "home",
    "key",
    "exercise",
    "recovery",
    "routine",
    "flowchart",
    "cards",
    "return-to-running",
    "other",
    "app",
)


def _get(data: dict, *path, default=None):
    for key in path:
        if not isinstance(data, dict) or key not in data or data[key] is None:
            return default
        data = data[key]
    return data


def _s(value: float | None, digits: int = 2) -> str:
    if value is None:
        return ""
    return f"{value:.{digits}f} s" if value < 100 else f"{value:.0f} s"


def _x(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}×"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def measurements(report: dict) -> list[str]:
    scales = report["scales"]
    ks = sorted(scales, key=int)
    lines = [_row(["", *(f"{k}×" for k in ks)]), _row(["---"] * (len(ks) + 1))]

    def row(label: str, func) -> None:
        cells = []
        for k in ks:
            try:
                cells.append(func(scales[k]) or "")
            except (KeyError, TypeError, ZeroDivisionError):
                cells.append("")
        if any(cells):
            lines.append(_row([label, *cells]))

    row(
        "library: protocols × languages; exercises and stretches / tools / routines",
        lambda r: (
            f"{r['counts']['protocols']} × {r['counts']['languages']}; "
            f"{r['counts']['exercises']} / {r['counts']['recovery']} / {r['counts']['routines']}"
        ),
    )
    row(
        "HTML pages (every language) / flowchart nodes",
        lambda r: f"{r['pages']['pages']} / {r['counts']['flowchart_nodes']}",
    )
    row(
        "plain `mkdocs build` of the exported pages (languages side by side)",
        lambda r: _s(r["plain"]["median_s"]) + f" (n={r['plain']['runs']})",
    )
    row(
        "`make site` on a fresh clone (no build cache)",
        lambda r: f"{_s(r['site_cold']['median_s'])} ({_x(r['site_cold']['median_s'] / r['plain']['median_s'])} plain)",
    )
    row(
        "`make site` into an empty folder, build cache present",
        lambda r: (
            f"{_s(r['site']['median_s'])} ({_x(r['site']['median_s'] / r['plain']['median_s'])} plain)"
            if r.get("site_cached_measured")
            else ""
        ),
    )
    row(
        "whole first build per page",
        lambda r: f"{1000 * r['site_cold']['median_s'] / r['pages']['pages']:.1f} ms",
    )
    row(
        "the same library in one language, first build",
        lambda r: (
            f"{_s(r['one_language']['wall_s'])} ({r['one_language']['pages']} pages); "
            f"two languages {_x(r['one_language']['two_over_one'])}"
        ),
    )
    row(
        "no-change rebuild: time (files written, files with other bytes)",
        lambda r: (
            f"{_s(r['nochange']['wall_s'])} ({r['nochange']['files_written']}, "
            f"{r['nochange'].get('content_changed', 'not hashed')})"
        ),
    )
    row(
        "`make serve`: data edit to the reloaded page (an edit to a title, which rebuilds every page)",
        lambda r: (
            _s(r["serve"]["edit_to_page_s"])
            + (f" ({_s(r['serve']['title_edit_s'])})" if r["serve"].get("title_edit_s") else "")
        ),
    )
    row(
        "page transfer vs plain Material: median page / worst page",
        lambda r: (
            f"{r['transfer']['median_ratio']:.2f} / {r['transfer']['worst_ratio']:.2f} "
            f"(`/{r['transfer']['worst_ratio_page'].removesuffix('index.html')}`)"
        ),
    )
    row(
        "Zensical build of the exported tree (default language)",
        lambda r: (
            _s(r["zensical"]["cold_median_s"])
            if r["zensical"].get("cold_median_s")
            else ("failed" if r["zensical"].get("failed") else "")
        ),
    )
    row(
        "cards PDF (WeasyPrint), no card cached",
        lambda r: f"{_s(r['generator']['pdf_median_s'])} for {r['steps']['pdf_cards']} cards",
    )
    return lines


def weight(report: dict) -> list[str]:
    """Page weight per language and page type at the smallest scale measured in full."""
    scales = report["scales"]
    if not scales:
        return []  # a many-clinics run only (`--clinics N`)
    k = min(scales, key=int)
    by_type = _get(scales[k], "transfer", "by_type")
    if not by_type:
        return []
    languages = list(by_type)
    lines = [
        (
            f"Page weight at {k}×: what a first visit downloads (gzip KB, median page of the type) and the ratio to "
            "the same page on plain Material (median / worst):"
        ),
        "",
        _row(["page type", *(f"{LANGUAGE_NAMES.get(lang, lang)}: ours / plain KB, ratio" for lang in languages)]),
        _row(["---"] * (len(languages) + 1)),
    ]
    kinds = sorted(
        {kind for rows in by_type.values() for kind in rows},
        key=lambda t: (t not in TYPE_ORDER, TYPE_ORDER.index(t) if t in TYPE_ORDER else 0, t),
    )
    for kind in kinds:
        cells = []
        for lang in languages:
            row = by_type[lang].get(kind)
            cells.append(
                f"{row['median_ours_kb']:.1f} / {row['median_plain_kb']:.1f}, {row['median_ratio']:.2f} / "
                f"{row['worst_ratio']:.2f} ({row['pages']})"
                if row
                else ""
            )
        lines.append(_row([kind + (" (progress, prescribe, my-plan)" if kind == "app" else ""), *cells]))
    return lines


def readability(report: dict) -> list[str]:
    read = _get(report, "scales", "1", "readability")
    if not read:
        return []
    en, es = read.get("en"), read.get("es")
    if not en or not es:
        return []
    lines = [
        (
            "Readability at 1× of each page's main text (textstat; higher ease is plainer, 0–100): English "
            "Flesch Reading Ease and Flesch-Kincaid grade; Spanish Fernández-Huerta and Szigriszt-Pazos (INFLESZ), "
            "on the same ease scale:"
        ),
        "",
        _row(["page type", "pages", "English: Flesch ease", "grade", "Spanish: Fernández-Huerta", "Szigriszt-Pazos"]),
        _row(["---"] * 6),
    ]
    kinds = [k for k in TYPE_ORDER if k in en["by_type"]] + sorted(set(en["by_type"]) - set(TYPE_ORDER))
    for kind, a, b in [("**all pages**", en["overall"], es["overall"])] + [
        (kind, en["by_type"][kind], es["by_type"].get(kind, {})) for kind in kinds
    ]:
        lines.append(
            _row(
                [
                    kind,
                    str(a["pages"]),
                    f"{a['flesch_reading_ease']:.1f}",
                    f"{a['flesch_kincaid_grade']:.1f}",
                    f"{b.get('fernandez_huerta', float('nan')):.1f}",
                    f"{b.get('szigriszt_pazos', float('nan')):.1f}",
                ]
            )
        )
    return lines


def targets(report: dict) -> list[str]:
    lines = [_row(["target", "measured", "limit", "met?", "measured as"]), _row(["---"] * 5)]
    for t in report["targets"]:
        value = t["value"]
        shown = f"{value:.2f}" if isinstance(value, float) else str(value)
        met = {True: "**met**", False: "**not met**", None: "not measured"}[t["pass"]]
        detail = (t.get("detail") or "").replace("|", "/")
        lines.append(_row([t["target"], shown, str(t["limit"]), met, detail]))
    return lines


def section(report: dict) -> str:
    """The README's performance section (between the markers) for one run of the bench."""
    m, v = report["machine"], report["versions"]
    head = (
        f"Measured on {report['date'][:10]} ({m.get('cpu_model') or 'unknown CPU'}, {m['nproc']} CPUs; "
        f"Python {v['python']}, MkDocs {v['mkdocs']}, Material {v['mkdocs-material']}, "
        f"WeasyPrint {v['weasyprint']}; commit {v.get('repo_commit', '?')}), one run of `{report['command']}` "
        f"in {report['total_s']:.0f} s; load average {m['loadavg_start'][0]:.1f} at the start, "
        f"{m['loadavg_end'][0]:.1f} at the end:"
    )
    parts = [head, "", *measurements(report)]
    for block in (weight(report), readability(report)):
        if block:
            parts += ["", *block]
    parts += ["", "Targets (each met or not, with what was measured):", "", *targets(report)]
    if report.get("skipped"):
        parts += ["", "Skipped for the time budget:", "", *(f"- {s}" for s in report["skipped"])]
    return "\n".join(parts) + "\n"


def with_section(readme: str, text: str) -> str:
    start, end = MARKERS
    before, found, rest = readme.partition(start)
    if not found or end not in rest:
        raise SystemExit(f"README.md has no bench table markers ({start} ... {end})")
    return before + start + "\n" + text + end + rest.split(end, 1)[1]


def readme_section(readme: str) -> str:
    start, end = MARKERS
    return readme.split(start, 1)[1].split(end, 1)[0].removeprefix("\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the README's section matches")
    parser.add_argument("--results", default=str(RESULTS / "bench.json"))
    opts = parser.parse_args()
    report = json.loads(Path(opts.results).read_text(encoding="utf-8"))
    text = section(report)
    readme = README.read_text(encoding="utf-8")
    if opts.check:
        if readme_section(readme) != text:
            print("README.md's bench table differs from bench/results/bench.json: run `python bench/table.py`")
            return 1
        return 0
    (RESULTS / "table.md").write_text(text, encoding="utf-8")
    README.write_text(with_section(readme, text), encoding="utf-8")
    print(f"wrote {RESULTS / 'table.md'} and the table in {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
