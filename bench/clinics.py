"""Many clinics: how `python -m generator sites` grows with the number of clinic folders.

    python bench/run.py --clinics 100      # 100 clinic folders, each in two languages
    python bench/clinics.py N DEST         # only write the project copy with N clinics into DEST

A chain with many branches keeps one folder per branch under clinics/ and builds them all with
`make sites` (or a shard each, `make sites SHARD=i/n`). This measures that in a temporary project
copy (bench/synth.py's, the shipped data): N folders made from clinics/harbourside, the complete example (own
exercise, routine, picture, dose change, Spanish words), each under its own id and name so no two
copies share a build cache entry; like harbourside, each publishes the data's language and the
Spanish translation. Timed: the first `sites` (no build cache, as on a fresh clone or a CI
runner), then a no-change `sites` (every copy up to date, nothing written). Every line the build
printed that is not a plain "built ..." is recorded, so noise shows up here too.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import synth
from measure import PY, REPO, checked, log, run_timed

TEMPLATE = REPO / "clinics" / "harbourside"


def make_clinics(project: Path, count: int, template: Path = TEMPLATE) -> list[str]:
    """`count` clinic folders under project/clinics/, copies of `template` with their own id and
    name (clinic-001, ...); returns their folder names."""
    brand = (template / "brand.yml").read_text(encoding="utf-8")
    names = []
    for n in range(1, count + 1):
        name = f"clinic-{n:03d}"
        folder = project / "clinics" / name
        shutil.copytree(template, folder, ignore=shutil.ignore_patterns("*.pem"))
        own = re.sub(r"(?m)^id: .*$", f"id: {name}", brand, count=1)
        own = re.sub(r"(?m)^name: (.*)$", rf"name: \1 {n:03d}", own, count=1)
        (folder / "brand.yml").write_text(own, encoding="utf-8")
        names.append(name)
    return names


def make_project(dest: Path, count: int) -> list[str]:
    """A copy of the project as shipped whose clinics/ holds `count` copies of the template."""
    synth.copy_project(dest)
    return make_clinics(dest, count)


def _languages(site: Path) -> int:
    """How many languages a built copy holds: its root, plus each /<code>/ with its own home page."""
    return 1 + sum(1 for p in site.iterdir() if p.is_dir() and len(p.name) == 2 and (p / "index.html").is_file())


def bench_clinics(count: int, work: Path, env: dict) -> dict:
    project = work / f"clinics-{count}"
    log(f"clinics: writing a project with {count} clinic folders")
    names = make_project(project, count)
    # Each `sites` run builds the copies side by side; one per core is what it does by default.
    log(f"clinics: python -m generator sites, {count} clinics + the guide (no build cache)")
    loadavg_start = os.getloadavg()
    first = checked(run_timed([PY, "-m", "generator", "sites"], project, env, timeout=4 * 3600), "generator sites")
    built = project / "build" / "sites"
    missing = [n for n in names if not (built / n / "index.html").is_file()]
    if missing:
        raise RuntimeError(f"sites did not build {len(missing)} clinic(s), e.g. {missing[:3]}")
    log(f"clinics: first build {first['wall_s']:.0f} s; now a no-change `sites`")
    again = checked(run_timed([PY, "-m", "generator", "sites"], project, env), "generator sites (no change)")
    languages = _languages(built / names[0])
    other = [line for line in first["output"].splitlines() if line.strip() and not line.startswith("built ")]
    sites = count + 1  # the clinics and the guide itself
    return {
        "clinics": count,
        "languages_per_clinic": languages,
        "template": TEMPLATE.relative_to(REPO).as_posix(),
        "cpus": os.cpu_count(),
        "loadavg_start": loadavg_start,
        "loadavg_end": os.getloadavg(),
        "first_build_s": first["wall_s"],
        "first_build_cpu_s": first["cpu_s"],
        "peak_rss_mb": first["maxrss_mb"],
        "s_per_clinic": first["wall_s"] / sites,
        "s_per_clinic_note": f"first build's wall time over {sites} copies (the {count} clinics and the guide)",
        "cpu_s_per_clinic": first["cpu_s"] / sites,
        "nochange_s": again["wall_s"],
        "output_lines": len(first["output"].splitlines()),
        "output_other_lines": other[:20],
        "nochange_output_lines": len(again["output"].splitlines()),
    }


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print("\n".join(make_project(Path(sys.argv[2]), int(sys.argv[1]))))
