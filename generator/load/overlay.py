"""Merging a clinic's overlay into the shipped protocol, once, after it was checked: its own
exercises, tools and routines join; hidden items leave; its doses replace the shipped ones."""

from __future__ import annotations

import dataclasses

from ..model import Exercise, Guide, ProtocolGuide, RecoveryTool, Routine
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
    first = guide.protocols[0].id

    def merged(protocol: ProtocolGuide) -> ProtocolGuide:
        """A protocol with the clinic's own exercises in its keys, its own routines (those naming
        it, or none when it is the first), and nothing hidden."""
        keys = [
            key.model_copy(
                update={
                    "exercises": [x for x in key.exercises if x not in hidden]
                    + [e.id for e in overlay.exercises if e.key == key.id],
                    "recovery": [x for x in key.recovery if x not in hidden],
                }
            )
            for key in protocol.keys
        ]
        own = [
            Routine.model_validate(r.model_dump(exclude={"protocol"}))
            for r in overlay.routines
            if (r.protocol or first) == protocol.id
        ]
        routines = [r for r in (*protocol.routines, *own) if r.id not in hidden]
        return dataclasses.replace(protocol, keys=keys, routines=routines)

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
        protocols=[merged(p) for p in guide.protocols],
        exercises=exercises,
        recovery=recovery,
    )
