"""The back-to-running rules applied to the runs logged: move up a stage, stay, or step back.

The browser applies the same rules (overrides/assets/javascripts/ladder/core/ladder.js); both are tested
against one table of logs (tests/data/ladder_rules.json), so they cannot drift apart.

A run is (stage, day, pain during, worse the next morning). The rules, from data/ladder.yml:
step back after a run that hurt more than the running limit, or a worse next morning; move up
only after enough runs at a stage, all within the limits, and never sooner than a set number of
days after starting that stage; rest days between runs."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Literal

from .model.ladder import LadderReason, SeePhysioReason

Decision = Literal["start", "up", "stay", "back"]
SeePhysio = SeePhysioReason


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
    see_physio: SeePhysio | None = None  # why to see a physiotherapist before going on, if at all


def _bad(run: Run, pain_max: int) -> bool:
    return (run.pain is not None and run.pain > pain_max) or run.worse_next_morning is True


def see_physio(
    stages: list[str], bad_runs: int, weeks: int, pain_max: int, runs: list[Run], today: datetime.date
) -> SeePhysio | None:
    """Why a runner should see a physiotherapist: `bad_runs` bad runs at one stage, or no higher
    stage reached for `weeks` weeks (unless at the last stage). Runs are sorted by day."""
    known = [r for r in runs if r.stage in stages]
    counts: dict[str, int] = {}
    for run in known:
        if _bad(run, pain_max):
            counts[run.stage] = counts.get(run.stage, 0) + 1
    if any(n >= bad_runs for n in counts.values()):
        return "stepped-back-twice"
    if not known:
        return None
    highest = max(stages.index(r.stage) for r in known)
    reached = next(r.day for r in known if stages.index(r.stage) == highest)
    if highest < len(stages) - 1 and (today - reached).days >= weeks * 7:
        return "no-progress"
    return None


def next_step(
    stages: list[str],
    start: str,
    runs_to_move_up: int,
    days_at_a_stage: int,
    rest_days: int,
    pain_max: int,
    runs: list[Run],
    today: datetime.date,
    bad_runs_to_see_physio: int = 2,
    weeks_without_progress: int = 6,
) -> Next:
    """What the runner does next, from the runs logged so far (in any order)."""
    if not runs:
        return Next("start", start, "no-runs", None)
    runs = sorted(runs, key=lambda r: r.day)
    physio = see_physio(stages, bad_runs_to_see_physio, weeks_without_progress, pain_max, runs, today)
    decided = _decide(stages, start, runs_to_move_up, days_at_a_stage, rest_days, pain_max, runs, today)
    return Next(decided.decision, decided.stage, decided.reason, decided.rest_until, physio)


def _decide(
    stages: list[str],
    start: str,
    runs_to_move_up: int,
    days_at_a_stage: int,
    rest_days: int,
    pain_max: int,
    runs: list[Run],
    today: datetime.date,
) -> Next:
    last = runs[-1]
    rest_until = last.day + datetime.timedelta(days=rest_days + 1)
    current = last.stage if last.stage in stages else start
    index = stages.index(current)
    hurt = last.pain is not None and last.pain > pain_max
    if _bad(last, pain_max):
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
