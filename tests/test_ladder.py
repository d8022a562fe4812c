"""Back to running: the shipped ladder loads; broken ladders are located errors; the rules give
the same answers in Python (generator/ladder.py) as in the browser (ladder/core/ladder.js), from one table."""

from __future__ import annotations

import datetime
import json

import pytest

from conftest import ROOT
from generator.ladder import Run, next_step
from helpers import KNEE, data_copy, edit, errors_of, knee, line_of

TABLE = json.loads((ROOT / "tests" / "data" / "ladder_rules.json").read_text(encoding="utf-8"))


def _day(text: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(text) if text else None


@pytest.mark.parametrize("case", TABLE["cases"], ids=[c["name"] for c in TABLE["cases"]])
def test_the_rules_on_the_shared_table(case):
    rules = TABLE["rules"]
    runs = [Run(stage, _day(day), pain, worse) for stage, day, pain, worse in case["runs"]]
    result = next_step(
        rules["stages"],
        rules["start"],
        rules["runs_to_move_up"],
        rules["days_at_a_stage"],
        rules["rest_days"],
        rules["pain_max"],
        runs,
        _day(case["today"]),
        rules["bad_runs_to_see_physio"],
        rules["weeks_without_progress"],
    )
    rest = result.rest_until.isoformat() if result.rest_until else None
    expect = case["expect"]
    assert (result.decision, result.stage, result.reason, rest, result.see_physio) == (
        expect["decision"],
        expect["stage"],
        expect["reason"],
        expect["rest_until"],
        expect["see_physio"],
    )


def test_the_shipped_ladder_loads(guide):
    ladder = guide.ladder
    assert ladder is not None and [s.id for s in ladder.stages][:2] == ["stage-1", "stage-2"]
    assert knee(guide).ladder.entry.walk_minutes == 30 and ladder.stages[-1].walk_minutes == 0
    assert all(s.repeats * (s.run_minutes + s.walk_minutes) <= s.session_minutes for s in ladder.stages)
    assert guide.ladder.rules.start_stage == "stage-1"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "  - id: stage-2\n    title: Stage 2\n    run_minutes: 2\n",
            "  - id: stage-2\n    title: Stage 2\n    run_minutes: 1\n",
            "`stage-2` is not a step up from `stage-1`",
        ),
        ("    run_minutes: 4\n", "    run_minutes: 0\n", "Input should be greater than 0"),
        (
            "    run_minutes: 9\n    walk_minutes: 1\n",
            "    run_minutes: 9\n    walk_minutes: -1\n",
            "greater than or equal to 0",
        ),
        ("    repeats: 15\n", "    repeats: 16\n", "longer than its session of 30 minutes"),
        ("  start_stage: stage-1\n", "  start_stage: stage-one\n", "unknown stage `stage-one`"),
        (
            "    source: [oxsport-return-to-running]\n  - id: stage-2",
            "  - id: stage-2",
            "source: required field is missing",
        ),
    ],
)
def test_a_broken_ladder_is_a_located_error(tmp_path, old, new, message):
    data = data_copy(tmp_path)
    line = line_of(data / "ladder.yml", "^" + old.splitlines()[0].replace("[", r"\[").replace("]", r"\]"))
    edit(data / "ladder.yml", old, new)
    errors = errors_of(data)
    assert any(e.startswith("data/ladder.yml:") and message in e for e in errors), errors
    assert all(int(e.split(":")[1]) >= line - 6 for e in errors if e.startswith("data/ladder.yml")), errors


def test_the_flowchart_adds_a_stage_that_exists(tmp_path):
    data = data_copy(tmp_path)
    line = edit(data / KNEE / "flowchart.yml", "          ladder: [stage-1]\n", "          ladder: [stage-9]\n")
    errors = errors_of(data)
    assert any(
        e.startswith(f"data/protocols/knee-pain-running/flowchart.yml:{line}:") and "unknown stage `stage-9`" in e
        for e in errors
    ), errors
