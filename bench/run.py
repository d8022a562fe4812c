"""`make bench`: how the guide builds at 1x, 10x and 100x the shipped library (every protocol, every
language).

    .venv/bin/python bench/run.py              # 1x, 10x, 100x; about 15 minutes on 2 cores
    .venv/bin/python bench/run.py --quick      # 1x and 10x only, a few minutes
    .venv/bin/python bench/run.py --clinics 100   # only `guide sites` with 100 clinic folders
                                               # (add --scales 1,10 to measure those too)
    .venv/bin/python bench/run.py --profile    # pyinstrument: load + validate + render at 100x and 1x,
                                               # the cards PDF at 10x (bench/results/profile-*.txt)

Each scale gets a synthetic project copy in a temporary folder (bench/synth.py). Measured there:
the generator's own steps in one fresh process (bench/steps.py), the real build (`mkdocs build`
with the hook), the whole `python -m generator site`, a no-change rebuild, the time from a data
edit to the rebuilt page under `mkdocs serve`, and two baselines on the same generated Markdown
(`python -m generator write`): plain MkDocs + Material with no generator step, and Zensical.
With --clinics N, `python -m generator sites` is timed on a copy holding N clinic folders made from
clinics/harbourside, two languages each (bench/clinics.py): seconds per clinic, first and no-change.
Times are medians of several runs; the ratios matter more than the seconds (shared machines are
noisy). A time budget (--budget, default 900 s) drops repeats and optional measurements at the
largest scale rather than overrun; what was skipped is recorded.

Prints a table and writes bench/results/bench.json (and profile-*.txt with --profile), then
bench/results/table.md, the README's performance section, from that file (bench/table.py; with
--readme, into README.md too, as `make bench` does).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

# The rest of the bench sits beside this file (bench/ is a folder of scripts, not a package): measure
# (running and timing), weight (page weight), serve (`mkdocs serve`), zensical_baseline, scale (one scale),
# targets, report (the printed table), profiling (--profile), synth (the projects), steps (run as a process),
# clinics (--clinics: many clinic folders).
sys.path.insert(0, str(Path(__file__).resolve().parent))
from measure import PY, RESULTS, Budget, base_env, log
from profiling import profile
from report import machine, print_table, versions
from scale import bench_scale
from table import README, section, with_section
from targets import ratios_and_targets
from weight import GZIP_LEVEL, Transfer
from zensical_baseline import find_zensical

from clinics import bench_clinics

RUNS = {1: 3, 10: 3, 100: 2}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1x and 10x only")
    parser.add_argument("--scales", help="comma-separated scales, e.g. 1,10,100")
    parser.add_argument(
        "--clinics",
        type=int,
        metavar="N",
        help="time `guide sites` with N clinic folders (two languages each); alone, measures only that",
    )
    parser.add_argument("--runs", type=int, help="runs per scale (default 3 at 1x and 10x, 2 at 100x)")
    parser.add_argument("--budget", type=float, default=900, help="seconds for the whole run (default 900)")
    parser.add_argument(
        "--profile", action="store_true", help="only profile: load+validate+render at 100x and 1x, the cards PDF at 10x"
    )
    parser.add_argument("--no-serve", dest="serve", action="store_false", help="skip the mkdocs serve measurement")
    parser.add_argument(
        "--no-zensical-install",
        dest="zensical_install",
        action="store_false",
        help="do not install Zensical into build/bench/zensical-venv when it is missing",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects")
    parser.add_argument("--out", default=str(RESULTS / "bench.json"))
    parser.add_argument("--readme", action="store_true", help="write the table into README.md's performance section")
    opts = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    try:
        if opts.profile:
            profile(work)
            return 0
        if opts.clinics is not None and opts.clinics < 1:
            parser.error("--clinics: give a number of clinics of 1 or more")
        scales = [int(s) for s in opts.scales.split(",")] if opts.scales else ([1, 10] if opts.quick else [1, 10, 100])
        if opts.clinics and not (opts.scales or opts.quick):
            scales = []
        env = base_env()
        budget = Budget(opts.budget)
        report: dict = {
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "command": " ".join([Path(PY).name, *sys.argv]),
            "machine": machine(),
            "versions": versions(),
            "method": {
                "timing": "wall clock (time.perf_counter); medians of the runs listed; subprocess peak RSS "
                "from wait4 (the process and the children it waited for)",
                "generator_steps": "bench/steps.py in one fresh process per scale: load_guide (read, "
                "validate, cross-check), render_site, write_export (PDF cached, so "
                "write = export - render), cards_pdf with its cache emptied",
                "generator_share": "one cold run of each generator step (load + render + write), as one "
                "build does, divided by the plain MkDocs build of the exported Markdown",
                "plain": "`mkdocs build -f <tree>/mkdocs.yml` on each language's exported tree the build "
                "made (build/cache/trees; hooks disabled; the same Markdown, CSS and JS), the languages "
                "side by side as `generator site` builds them; the wall time of both",
                "languages": "the synthetic library holds every protocol and language (bench/synth.py); the "
                "one-language figure is the same library without its translations, built the same way "
                "(no build cache), at 1x and 10x",
                "readability": "bench/readability.py: each page's <article> text, per language and page type",
                "page_types": "measure.page_type: by the first folder of the address under its language's "
                "root; app = progress, prescribe, my-plan",
                "transfer": Transfer.__doc__.strip().replace("\n    ", " "),
                "plain_material_page": "each language's export built again with `extra_css: []` and "
                "`extra_javascript: []` (no guide.css/cards.css/flowchart.css, "
                "brand.css, print.js/bmi.js/flowchart.js, so no card fonts); "
                "same path compared",
                "gzip": f"level {GZIP_LEVEL}, each file on its own",
                "nochange": "`python -m generator site` twice into the same folder; a file counts as "
                "written when its mtime or inode changed",
                "serve": "`mkdocs serve --dirty` (as `make serve`) on a free port, /exercises/<id>/ open in "
                "Chromium at 360 px; the first step of the first exercise in data/exercises.yml is edited "
                "and timed until the page, reloaded by livereload, shows it (the median of the edits is "
                "the target's figure); last, its title is edited, which rebuilds every page (title_edit_s)",
            },
            "scales": {},
        }
        if opts.clinics:
            report["method"]["clinics"] = (
                "`python -m generator sites` in a copy of the project (shipped data) whose clinics/ holds N copies of "
                "clinics/harbourside (own id and name, Spanish too): the first run with no build cache, "
                "then a no-change run; seconds per clinic = first run's wall time / (N + 1 copies)"
            )
            report["clinics"] = bench_clinics(opts.clinics, work, env)
            log(f"clinics done ({budget.elapsed():.0f} s so far)")
        zensical = find_zensical(opts.zensical_install) if scales else {"available": False, "reason": "not measured"}
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
        table = section(report)
        (out.parent / "table.md").write_text(table, encoding="utf-8")
        if opts.readme:
            README.write_text(with_section(README.read_text(encoding="utf-8"), table), encoding="utf-8")
        print(
            f"Written {out} in {report['total_s']:.0f} s. Machine: {report['machine'].get('cpu_model')}, "
            f"{report['machine']['nproc']} CPUs, {report['machine'].get('memory_gb')} GB; Python "
            f"{report['versions']['python']}, MkDocs {report['versions']['mkdocs']}, Material "
            f"{report['versions']['mkdocs-material']}, WeasyPrint {report['versions']['weasyprint']}."
        )
        return 0
    finally:
        if not opts.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
