"""The cards PDF is laid out card by card and kept in the build cache: editing one exercise lays
out only the card that shows it, the joined file is the same bytes as a full re-render, and a
build where no card changed does not import WeasyPrint at all."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from conftest import ROOT

# Runs in a fresh interpreter: generate the guide of a project, report what the PDF step did.
SCRIPT = """
import json, os, sys
os.environ["SOURCE_DATE_EPOCH"] = "0"
from pathlib import Path
from generator.generate import generate
from generator.load import load_guide
from generator.paths import Project
project = Project(Path(sys.argv[1]))
result = generate(load_guide(project.data), project)
Path(sys.argv[2]).write_bytes(result.pdf)
print(json.dumps({"weasyprint": "weasyprint" in sys.modules, "laid_out": list(result.cards_laid_out)}))
"""


def _project(tmp_path: Path) -> Path:
    dest = tmp_path / "guide"
    shutil.copytree(ROOT / "data", dest / "data", ignore=shutil.ignore_patterns("schema"))
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "docs").mkdir()
    return dest


def _build(project: Path, out: Path) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(project), str(out)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def _exercise_on_one_card(guide) -> tuple[str, str]:
    """An exercise shown on exactly one card, and one of its cues (a card shows every cue)."""
    for exercise in guide.exercises:
        routines = [r.id for r in guide.routines if any(e.item == exercise.id for e in r.items)]
        if len(routines) == 1 and exercise.cues:
            return routines[0], exercise.cues[0]
    pytest.fail("no exercise appears on exactly one card")


def test_one_edit_lays_out_one_card_and_joins_the_same_bytes(tmp_path, guide):
    project = _project(tmp_path)
    first = _build(project, tmp_path / "first.pdf")
    ladders = [f"{guide.ladder.id}-{p.id}" for p in guide.protocols if guide.ladder and p.ladder]
    cards = len(guide.routines) + len(ladders)
    # Every card is laid out; one that spills over in the normal layout is laid out again, compact.
    counts = Counter(first["laid_out"])
    assert first["weasyprint"] and sorted(counts) == sorted([r.id for r in guide.routines] + ladders)
    assert len(counts) == cards and set(counts.values()) <= {1, 2}

    routine, cue = _exercise_on_one_card(guide)
    exercises = project / "data" / "exercises.yml"
    text = exercises.read_text(encoding="utf-8")
    assert text.count(cue) == 1
    exercises.write_text(text.replace(cue, cue + " and breathe out"), encoding="utf-8")
    edited = _build(project, tmp_path / "edited.pdf")
    assert edited["laid_out"] == [routine]

    # A full re-render, with no cache at all, gives the very same file.
    shutil.rmtree(project / "build" / "cache")
    fresh = _build(project, tmp_path / "fresh.pdf")
    assert Counter(fresh["laid_out"]) == counts
    assert (tmp_path / "edited.pdf").read_bytes() == (tmp_path / "fresh.pdf").read_bytes()
    assert (tmp_path / "edited.pdf").read_bytes() != (tmp_path / "first.pdf").read_bytes()


def test_no_card_changed_imports_no_weasyprint(tmp_path):
    project = _project(tmp_path)
    _build(project, tmp_path / "first.pdf")
    # A change that is on no card: the About page's introduction.
    about = project / "data" / "about.yml"
    about.write_text(about.read_text(encoding="utf-8").replace("look after common running pains", "care for pains"))
    again = _build(project, tmp_path / "again.pdf")
    assert again == {"weasyprint": False, "laid_out": []}
    assert (tmp_path / "first.pdf").read_bytes() == (tmp_path / "again.pdf").read_bytes()
