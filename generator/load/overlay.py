"""Merging a clinic's overlay into the shipped protocol, once, after it was checked: its own
exercises, tools and routines join; hidden items leave; its doses replace the shipped ones."""

from __future__ import annotations

import dataclasses

from ..model import Exercise, Guide, RecoveryTool
from ..read.placeholders import effective_dose


def apply_overlay(guide: Guide) -> Guide:
    """The guide with the brand's overlay merged in (call only after check_overlay found nothing)."""
    overlay = guide.brand.overlay
    hidden = set(overlay.hide)

    def dosed_exercise(item: Exercise) -> Exercise:
        dose = effective_dose(item, guide.brand)
        return item if dose is item.dose else item.model_copy(update={"dose": dose})

    def dosed_tool(item: RecoveryTool) -> RecoveryTool:
        dose = effective_dose(item, guide.brand)
        return item if dose is item.dose else item.model_copy(update={"dose": dose})

    extra_exercises = [Exercise.model_validate(e.model_dump(exclude={"key"})) for e in overlay.exercises]
    keys = []
    for key in guide.keys:
        added = [e.id for e in overlay.exercises if e.key == key.id]
        keys.append(
            key.model_copy(
                update={
                    "exercises": [x for x in key.exercises if x not in hidden] + added,
                    "recovery": [x for x in key.recovery if x not in hidden],
                }
            )
        )
    exercises = [dosed_exercise(e) for e in (*guide.exercises, *extra_exercises) if e.id not in hidden]
    recovery = [dosed_tool(t) for t in (*guide.recovery, *overlay.recovery) if t.id not in hidden]
    ladder = guide.ladder
    if ladder is not None and ladder.id in hidden:
        ladder = None
    elif ladder is not None and overlay.ladder_stages is not None:
        ladder = ladder.model_copy(update={"stages": overlay.ladder_stages})
    return dataclasses.replace(
        guide,
        ladder=ladder,
        keys=keys,
        exercises=exercises,
        recovery=recovery,
        routines=[r for r in (*guide.routines, *overlay.routines) if r.id not in hidden],
    )
