"""The back-to-running rules applied to the runs logged: move up a stage, stay, or step back.

The browser applies the same rules (overrides/assets/javascripts/lib/ladder.js); both are tested
against one table of logs (tests/data/ladder_rules.json), so they cannot drift apart.

A run is (stage, day, pain during, worse the next morning). The rules, from data/ladder.yml:
step back after a run that hurt more than the running limit, or a worse next morning; move up
only after enough runs at a stage, all within the limits, and never sooner than a set number of
days after starting that stage; rest days between runs."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from .model.ladder import LadderReason

Decision = Literal["start", "up", "stay", "back"]


@dataclass(frozen=True)
class Run:
    stage: str
    day: datetime.date
    pain: int | None
    worse_next_morning: bool | None


@dataclass(frozen=True)
class Next:
    decision: Decision
    stage: str  # the stage of the next run
    reason: LadderReason
    rest_until: datetime.date | None  # the first day of the next run


def next_step(
    stages: list[str],
    start: str,
    runs_to_move_up: int,
    days_at_a_stage: int,
    rest_days: int,
    pain_max: int,
    runs: list[Run],
    today: datetime.date,
) -> Next:
    """What the runner does next, from the runs logged so far (in any order)."""
    if not runs:
        return Next("start", start, "no-runs", None)
    runs = sorted(runs, key=lambda r: r.day)
    last = runs[-1]
    rest_until = last.day + datetime.timedelta(days=rest_days + 1)
    current = last.stage if last.stage in stages else start
    index = stages.index(current)
    hurt = last.pain is not None and last.pain > pain_max
    if hurt or last.worse_next_morning:
        reason: LadderReason = "pain-too-high" if hurt else "worse-next-morning"
        if index == 0:
            return Next("stay", current, reason, rest_until)
        return Next("back", stages[index - 1], reason, rest_until)
    tail: list[Run] = []
    for run in reversed(runs):
        if run.stage != current:
            break
        tail.append(run)
    if index == len(stages) - 1:
        return Next("stay", current, "last-stage", rest_until)
    if len(tail) < runs_to_move_up:
        return Next("stay", current, "more-runs", rest_until)
    if (today - tail[-1].day).days < days_at_a_stage:
        return Next("stay", current, "too-soon", rest_until)
    return Next("up", stages[index + 1], "ready", rest_until)
