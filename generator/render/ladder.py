"""Back to running on the page: the stage table and self-tests for the template, each stage as a
run-walk session the player can run (warm-up walk, run and walk in turns, cool-down walk), and
the rules as page data for ladder/core/ladder.js."""

from __future__ import annotations

from typing import Any

from .. import urls
from ..model import Guide, LadderFile, ProtocolGuide, Stage
from .ladder_text import minutes, self_tests, session_line, walk_cell
from .player import shared_data
from .text import fill


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


def rules_data(guide: Guide, ladder: LadderFile, protocol: ProtocolGuide) -> dict[str, Any]:
    """The rules as the ladder's core reads them (LadderRules), with a protocol's running limit."""
    rules = ladder.rules
    return {
        "stages": [s.id for s in ladder.stages],
        "start": rules.start_stage,
        "runs_to_move_up": rules.runs_to_move_up,
        "days_at_a_stage": rules.days_at_a_stage,
        "rest_days": rules.rest_days_between_runs,
        "pain_max": protocol.pain_rule.running_max,
        "bad_runs_to_see_physio": rules.bad_runs_to_see_physio,
        "weeks_without_progress": rules.weeks_without_progress,
    }


def stage_rows(ladder: LadderFile) -> list[dict[str, Any]]:
    """The stage table: what each stage asks, and the whole session's length."""
    return [{"stage": s, "minutes": session_minutes(ladder, s)} for s in ladder.stages]


# The words the ladder's script says (the rest are the page's and the card's).
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
    "choose_protocol",
    "before_you_start",
    "ready_heading",
    "warning_signs",
}


def runners(guide: Guide) -> list[ProtocolGuide]:
    """The protocols whose runners may use the ladder (those with entry criteria of their own)."""
    return [p for p in guide.protocols if p.ladder is not None]


def _filled(value: Any, part: str) -> Any:
    if isinstance(value, str):
        return fill(value, {"part": part})
    if isinstance(value, dict):
        return {k: _filled(v, part) for k, v in value.items()}
    return value


def ready_anchor(protocol: ProtocolGuide) -> str:
    """The id of a protocol's "Are you ready?" heading (its entry test and self-tests) on the page."""
    return f"ready-{protocol.id}"


def run_pain(guide: Guide, here: urls.Page, protocol: ProtocolGuide) -> dict[str, Any]:
    """The pain rule the player's check-in applies to a run of this protocol: its running limit
    (within it is fine, above it too much, with the protocol's own sentence)."""
    pain = shared_data(guide, here, protocol)["pain"]
    running_max = protocol.pain_rule.running_max
    return {**pain, "ok_max": running_max, "acceptable_max": running_max}


def protocol_data(guide: Guide, ladder: LadderFile, protocol: ProtocolGuide, here: urls.Page) -> dict[str, Any]:
    """What the page's script needs per protocol: its rules (its running limit), the pain rule a
    run of it is judged by, its words (which name what hurts as the protocol does, the player's
    too), what to do before starting and where its self-tests are on the page."""
    part = protocol.protocol.part
    entry = protocol.ladder
    return {
        "title": protocol.title,
        "rules": rules_data(guide, ladder, protocol),
        "pain": run_pain(guide, here, protocol),
        "words": _filled(ladder.words.model_dump(include=SCRIPT_WORDS), part),
        "player_words": {
            k: fill(v, {"part": part})
            for k, v in guide.player.words.model_dump().items()
            if isinstance(v, str) and "{part}" in v
        },
        "before_you_start": [item.text for item in entry.before_you_start] if entry else [],
        "ready": f"#{ready_anchor(protocol)}",
    }


def ladder_data(guide: Guide, ladder: LadderFile, here: urls.Page) -> dict[str, Any]:
    """The page data of the back-to-running page (its start buttons and the runner's stage): the
    shared stages and player, and each runner protocol's own part (`protocols`, in library order),
    with which protocol each routine is of, so the page follows the protocol the runner chose or
    logged. `rules`, `words` and the player's pain are the first protocol's."""
    first = runners(guide)[0]
    player = shared_data(guide, here, first)
    player["pain"] = run_pain(guide, here, first)
    move_on = " ".join(fill(line, {"part": guide.site.part}) for line in ladder.rules.text)
    protocols = {p.id: protocol_data(guide, ladder, p, here) for p in runners(guide)}
    return {
        "stages": {s.id: stage_routine(ladder, s) for s in ladder.stages},
        "titles": {s.id: s.title for s in ladder.stages},
        "protocols": protocols,
        "order": list(protocols),
        "routines": {r.id: p.id for r in guide.routines if (p := guide.protocol_of(r.id)) and p.id in protocols},
        "rules": rules_data(guide, ladder, first),
        "move_on": {"text": move_on, "easy_rule": False, "next": None},
        "player": player,
        "words": protocols[first.id]["words"],
        "root": urls.root(here) or "./",
    }


def page_context(guide: Guide, ladder: LadderFile, here: urls.Page, cards: Any) -> dict[str, Any]:
    """What the back-to-running template shows: the shared stages and rules, and each protocol's
    own part (who it is for, the entry, the self-tests, its running limit)."""
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
    entries = []
    for p in runners(guide):
        pain = p.pain_rule
        limits = {"running_max": str(pain.running_max), "scale_max": str(pain.scale_max)}
        entries.append(
            {
                "protocol": p,
                "entry": p.ladder,
                "tests": self_tests(guide, p),
                "limit": fill(words.running_limit, limits),
                "pain": pain,
                "card": cards.ladder_id(p),
                "ready": ready_anchor(p),
            }
        )
    return {
        "ladder": ladder,
        "entries": entries,
        "rules": [fill(line, {"part": guide.site.part}) for line in ladder.rules.text],
        "after": fill(ladder.after.text, {"part": guide.site.part}),
        "rows": rows,
        "session_line": session_line(ladder),
        "stage_sources": sorted({sid for s in ladder.stages for sid in s.source}),
        "data": ladder_data(guide, ladder, here),
    }
