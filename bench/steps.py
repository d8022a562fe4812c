"""The generator's own steps, timed in one fresh process inside a project copy.

    python bench/steps.py PROJECT --runs N --pdf-runs M [--export DIR] [--tracemalloc]
    python bench/steps.py PROJECT --profile OUTDIR --label NAME

Run by bench/run.py, never imported by it: the generator is imported from PROJECT (the synthetic
copy), not from the repository. Prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path


def _timed(func, runs: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
    return times, result


def render(guide):
    """Every page of a loaded guide (cards in their normal layout)."""
    from generator.render.cards import Cards
    from generator.render.figures import Pictures
    from generator.render.pages import render_site

    pictures = Pictures(guide)
    return render_site(guide, Cards(guide, pictures), pictures)


def make_cards(guide):
    from generator.render.cards import Cards
    from generator.render.figures import Pictures

    return Cards(guide, Pictures(guide))


def measure(project: Path, args) -> dict:
    out: dict = {}
    start = time.perf_counter()
    from generator.load import load_guide

    out["import_load_s"] = time.perf_counter() - start
    start = time.perf_counter()
    import generator.render.pages  # noqa: F401  (Jinja, the figures, the cards: timed apart)

    out["import_render_s"] = time.perf_counter() - start
    start = time.perf_counter()
    from generator import pdf
    from generator.export import write_export
    from generator.paths import Project

    out["import_pdf_export_s"] = time.perf_counter() - start

    data, proj = project / "data", Project(project)

    times, guide = _timed(lambda: load_guide(data, None, display_root=project), args.runs)
    out["load_s"] = times
    out["counts"] = {
        "exercises": len(guide.exercises),
        "recovery": len(guide.recovery),
        "routines": len(guide.routines),
        "keys": len(guide.keys),
        "flowchart_nodes": sum(len(p.flowchart.nodes) for p in guide.protocols),
    }
    # One more render than runs: the first compiles the templates (cold), the rest are warm.
    times, site = _timed(lambda: render(guide), args.runs + 1)
    out["render_s"] = times
    out["render_warm_median_s"] = statistics.median(times[1:])
    out["pages_generated"] = sum(1 for p in site.files if p.endswith(".md"))
    out["weasyprint_imported_after_load_render"] = "weasyprint" in sys.modules

    # The PDF, cold each time (the content cache is emptied); the first run also pays the import.
    start = time.perf_counter()
    import weasyprint  # noqa: F401

    out["import_weasyprint_s"] = time.perf_counter() - start
    pdf_times = []
    cards = None
    for _ in range(args.pdf_runs):
        pdf._MEMORY.clear()
        gc.collect()
        start = time.perf_counter()
        cards = pdf.cards_pdf(make_cards(guide), proj.card_css)  # no cache folder: every card laid out
        pdf_times.append(time.perf_counter() - start)
    out["pdf_s"] = pdf_times
    out["pdf_bytes"] = len(cards.pdf)
    out["pdf_cards"] = len(cards.laid_out)
    out["pdf_compact_cards"] = len(cards.compact)

    # The export (docs + mkdocs.yml): render + write, with the PDF already cached in memory.
    export = Path(args.export) if args.export else project / "export"
    fresh, changed = [], 0
    for i in range(args.runs):
        target = export if i == args.runs - 1 else export.with_name(f"{export.name}-{i}")
        gc.collect()
        start = time.perf_counter()
        changed = write_export(guide, proj, target)
        fresh.append(time.perf_counter() - start)
        if target != export:
            import shutil

            shutil.rmtree(target, ignore_errors=True)
    out["export_fresh_s"] = fresh
    out["export_files"] = changed
    times, unchanged = _timed(lambda: write_export(guide, proj, export), args.runs)
    out["export_nochange_s"] = times
    out["export_nochange_files_written"] = unchanged

    if args.tracemalloc:
        import tracemalloc

        del site
        gc.collect()
        tracemalloc.start()
        guide2 = load_guide(data, None, display_root=project)
        render(guide2)
        out["tracemalloc_peak_load_render_bytes"] = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return out


def _areas(root) -> dict[str, float]:
    """Self time summed by library (yaml, pydantic, jinja2 …) or by our own module/template.
    pyinstrument puts a function's own time in a synthetic `[self]` child: it counts for the parent."""

    def area_of(frame, parent_area: str) -> str:
        path = (frame.file_path or "").replace("\\", "/")
        if not path:
            return parent_area
        if "/generator/" in path:
            return "generator/" + path.split("/generator/")[-1]
        if "site-packages/" in path:
            return path.split("site-packages/")[-1].split("/")[0]
        if "/lib/python" in path:
            return "stdlib " + path.split("/")[-1]
        return path.split("/")[-1]

    areas: dict[str, float] = {}
    stack = [(root, "?")]
    while stack:
        frame, parent_area = stack.pop()
        area = area_of(frame, parent_area)
        stack.extend((child, area) for child in frame.children)
        self_time = frame.time - sum(c.time for c in frame.children)
        if self_time > 0:
            areas[area] = areas.get(area, 0.0) + self_time
    return areas


def profile(project: Path, outdir: Path, label: str) -> dict:
    from pyinstrument import Profiler

    from generator.load import load_guide

    data = project / "data"
    load_guide(data, None, display_root=project)  # warm imports and caches; profile the steady state
    written = {}
    profiler = Profiler(interval=0.0005)
    profiler.start()
    guide = load_guide(data, None, display_root=project)
    render(guide)
    profiler.stop()
    for name, kwargs in (("tree", {}), ("flat", {"flat": True})):
        path = outdir / f"profile-{label}-load-render-{name}.txt"
        path.write_text(profiler.output_text(unicode=False, color=False, **kwargs), encoding="utf-8")
        written[name] = str(path)
    areas = _areas(profiler.last_session.root_frame())
    total = sum(areas.values()) or 1.0
    path = outdir / f"profile-{label}-load-render-areas.txt"
    path.write_text(
        "Self time of load + validate + render by where the code lives\n"
        + "".join(
            f"{sec:8.3f} s {sec / total:6.1%}  {area}\n" for area, sec in sorted(areas.items(), key=lambda kv: -kv[1])
        ),
        encoding="utf-8",
    )
    written["areas"] = str(path)
    path = outdir / f"profile-{label}-load-render.html"
    path.write_text(profiler.output_html(), encoding="utf-8")
    written["html"] = str(path)
    # Each step alone, so their own hot spots are not hidden by the other's.
    for step, func in (
        ("load", lambda: load_guide(data, None, display_root=project)),
        ("render", lambda: render(guide)),
    ):
        profiler = Profiler(interval=0.0005)
        profiler.start()
        func()
        profiler.stop()
        path = outdir / f"profile-{label}-{step}.txt"
        path.write_text(profiler.output_text(unicode=False, color=False), encoding="utf-8")
        written[step] = str(path)
    return written


def profile_pdf(project: Path, outdir: Path, label: str) -> dict:
    """pyinstrument on the cards PDF (cache emptied), after a first run that pays the imports."""
    from pyinstrument import Profiler

    from generator import pdf
    from generator.load import load_guide
    from generator.paths import Project

    guide = load_guide(project / "data", None, display_root=project)
    css = Project(project).card_css
    pdf.cards_pdf(make_cards(guide), css)
    pdf._MEMORY.clear()
    profiler = Profiler(interval=0.001)
    profiler.start()
    pdf.cards_pdf(make_cards(guide), css)
    profiler.stop()
    written: dict = {}
    path = outdir / f"profile-{label}-pdf.txt"
    path.write_text(profiler.output_text(unicode=False, color=False), encoding="utf-8")
    written["pdf"] = str(path)
    path = outdir / f"profile-{label}-pdf-flat.txt"
    path.write_text(profiler.output_text(unicode=False, color=False, flat=True), encoding="utf-8")
    written["pdf_flat"] = str(path)

    areas = _areas(profiler.last_session.root_frame())
    total = sum(areas.values()) or 1.0
    path = outdir / f"profile-{label}-pdf-areas.txt"
    path.write_text(
        f"Self time of the cards PDF ({len(guide.routines)} cards) by where the code lives\n"
        + "".join(
            f"{sec:8.3f} s {sec / total:6.1%}  {area}\n" for area, sec in sorted(areas.items(), key=lambda kv: -kv[1])
        ),
        encoding="utf-8",
    )
    written["pdf_areas"] = str(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("project")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pdf-runs", type=int, default=1)
    parser.add_argument("--export")
    parser.add_argument("--tracemalloc", action="store_true")
    parser.add_argument("--profile")
    parser.add_argument("--label", default="100x")
    parser.add_argument("--what", choices=("load-render", "pdf"), default="load-render")
    args = parser.parse_args()
    project = Path(args.project).resolve()
    sys.path.insert(0, str(project))
    if args.profile:
        func = profile_pdf if args.what == "pdf" else profile
        result = func(project, Path(args.profile), args.label)
    else:
        result = measure(project, args)
        for name in [k for k, v in result.items() if k.endswith("_s") and isinstance(v, list)]:
            result[name.removesuffix("_s") + "_median_s"] = statistics.median(result[name])
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
