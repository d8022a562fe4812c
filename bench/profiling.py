"""`bench/run.py --profile`: pyinstrument on the generator's steps (bench/steps.py --profile) in
synthetic projects, and the hot spots printed from its reports. A mode of its own, apart from the
timed runs. Not named profile.py: that would shadow the standard library's profile module."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import synth
from measure import BENCH, PY, REPO, RESULTS, base_env, checked, log, run_timed


def _print_areas(path: str, head: int = 12) -> None:
    lines = Path(path).read_text(encoding="utf-8").strip().splitlines()
    print("\n" + "\n".join(lines[: head + 1]) + f"\n  … (all in {path})")


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
        r = checked(
            run_timed(
                [PY, str(BENCH / "steps.py"), str(projects[k]), "--profile", str(RESULTS), "--label", f"{k}x"],
                REPO,
                env,
            ),
            "bench/steps.py --profile",
        )
        written[k] = json.loads(r["output"].strip().splitlines()[-1])
    log("profile: pyinstrument on the cards PDF at 10x")
    r = checked(
        run_timed(
            [
                PY,
                str(BENCH / "steps.py"),
                str(projects[10]),
                "--profile",
                str(RESULTS),
                "--label",
                "10x",
                "--what",
                "pdf",
            ],
            REPO,
            env,
        ),
        "bench/steps.py --profile --what pdf",
    )
    written["pdf"] = json.loads(r["output"].strip().splitlines()[-1])
    for group in written.values():
        for name, path in group.items():
            if isinstance(path, str):
                print(f"{name}: {path}")
    flat_pdf = Path(written["pdf"]["pdf_flat"]).read_text(encoding="utf-8").splitlines()
    print(
        f"\nTop hot spots of the cards PDF at 10x (self time; the HTML handed to WeasyPrint is "
        f"{written['pdf'].get('document_kb', 0):.0f} KB):"
    )
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
