"""Back to running on the page: the stage table and self-tests for the template, each stage as a
run-walk session the player can run (warm-up walk, run and walk in turns, cool-down walk), and
the rules as page data for lib/ladder.js."""

from __future__ import annotations

from typing import Any

from ..model import Guide, LadderFile, Stage
from . import urls
from .ladder_text import minutes, self_tests, session_line, walk_cell
from .player import shared_data


def intervals(ladder: LadderFile, stage: Stage) -> list[dict[str, Any]]:
    """A stage's session as timed parts, in order."""
    parts: list[dict[str, Any]] = []
    if ladder.session.warm_up_walk_minutes:
        parts.append({"phase": "walk", "minutes": ladder.session.warm_up_walk_minutes})
    for _ in range(stage.repeats):
        parts.append({"phase": "run", "minutes": stage.run_minutes})
        if stage.walk_minutes:
            parts.append({"phase": "walk", "minutes": stage.walk_minutes})
    if ladder.session.cool_down_walk_minutes:
        parts.append({"phase": "walk", "minutes": ladder.session.cool_down_walk_minutes})
    return parts


def session_minutes(ladder: LadderFile, stage: Stage) -> int:
    return sum(p["minutes"] for p in intervals(ladder, stage))


def stage_routine(ladder: LadderFile, stage: Stage) -> dict[str, Any]:
    """A stage as the player's routine: one run-walk item."""
    return {
        "id": stage.id,
        "title": f"{ladder.title}: {stage.title}",
        "items": [
            {
                "id": stage.id,
                "title": stage.title,
                "kind": "run-walk",
                "each_side": False,
                "side_label": None,
                "dose": {"shape": "intervals", "parts": intervals(ladder, stage)},
                "dose_text": None,
                "cues": [],
            }
        ],
    }


def rules_data(guide: Guide, ladder: LadderFile) -> dict[str, Any]:
    """The rules as lib/ladder.js reads them (LadderRules)."""
    rules = ladder.rules
    return {
        "stages": [s.id for s in ladder.stages],
        "start": rules.start_stage,
        "runs_to_move_up": rules.runs_to_move_up,
        "days_at_a_stage": rules.days_at_a_stage,
        "rest_days": rules.rest_days_between_runs,
        "pain_max": guide.protocol.pain_rule.running_max,
        "bad_runs_to_see_physio": rules.bad_runs_to_see_physio,
        "weeks_without_progress": rules.weeks_without_progress,
    }


def stage_rows(ladder: LadderFile) -> list[dict[str, Any]]:
    """The stage table: what each stage asks, and the whole session's length."""
    return [{"stage": s, "minutes": session_minutes(ladder, s)} for s in ladder.stages]


# The words ladder.js says (the rest are the page's and the card's).
SCRIPT_WORDS = {
    "start_stage",
    "next_start",
    "next_up",
    "next_stay",
    "next_back",
    "rest_until",
    "reasons",
    "see_physio",
    "no_log",
    "other_stages",
}


def ladder_data(guide: Guide, ladder: LadderFile, here: urls.Page) -> dict[str, Any]:
    """The page data of the back-to-running page (its start buttons and the runner's stage)."""
    player = shared_data(guide, here)
    # A run is judged by the running limit, not the exercise one: within it is fine, above it not.
    running_max = guide.protocol.pain_rule.running_max
    player["pain"] = {**player["pain"], "ok_max": running_max, "acceptable_max": running_max}
    return {
        "stages": {s.id: stage_routine(ladder, s) for s in ladder.stages},
        "titles": {s.id: s.title for s in ladder.stages},
        "rules": rules_data(guide, ladder),
        "move_on": {"text": " ".join(ladder.rules.text), "easy_rule": False, "next": None},
        "player": player,
        "words": ladder.words.model_dump(include=SCRIPT_WORDS),
        "root": urls.root(here) or "./",
    }


def page_context(guide: Guide, ladder: LadderFile, here: urls.Page) -> dict[str, Any]:
    """What the back-to-running template shows."""
    words = ladder.words
    rows = [
        {
            **row,
            "run": minutes(words, row["stage"].run_minutes),
            "walk": walk_cell(words, row["stage"]),
            "total": minutes(words, row["minutes"]),
        }
        for row in stage_rows(ladder)
    ]
    return {
        "ladder": ladder,
        "tests": self_tests(guide, ladder),
        "rows": rows,
        "session_line": session_line(ladder),
        "stage_sources": sorted({sid for s in ladder.stages for sid in s.source}),
        "data": ladder_data(guide, ladder, here),
    }
