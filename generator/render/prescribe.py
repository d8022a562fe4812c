"""Prescribed plans' page data: the builder (/prescribe/) and the patient's plan (/my-plan/) read
the guide's library (only ids the guide has), the bounds and defaults of each dose, the link's
size limits, the clinic's public key and name, and every word (data/prescribe.yml). Only the
patient's plan opens the player and makes calendar reminders, so only it carries their data."""

from __future__ import annotations

from typing import Any

from .. import urls
from ..model import Exercise, Guide, Item, MinutesDose, MinutesRangeDose, RecoveryTool
from ..model.figure import figure_key
from . import context
from .exercise_text import shown
from .player import dose_data, item_data, shared_data
from .progress import progress_data
from .safety_case import review_lines


def library_data(guide: Guide, here: urls.Page) -> dict[str, dict[str, dict[str, Any]]]:
    """Everything a plan can hold, by kind and id, as plans/core/plan.js checks it and pages show it:
    with the protocols whose keys or routines use an exercise or tool (`protocols`, a shared one is
    several's) and the protocol of a routine (`protocol`), so the builder lists them by protocol."""
    used_in = context.routines_by_item(guide)

    def users(item_id: str) -> list[str]:
        return [p.id for p in context.users_of(guide, item_id, used_in)]

    def entry(kind: str, item_id: str, title: str, dose: Any, **more: Any) -> dict[str, Any]:
        return {
            "title": title,
            "dose_shape": dose.shape if dose is not None else None,
            "default": dose_data(dose),
            "href": urls.href(here, urls.page(kind, item_id)),
            **more,
        }

    def exercise_more(e: Exercise) -> dict[str, Any]:
        return {"group": "strength" if e.kind == "strength" else "stretch", "level": e.level, "protocols": users(e.id)}

    def recovery_entry(t: RecoveryTool) -> dict[str, Any]:
        """A tool used for a number of minutes at a time is prescribed in minutes: its default is
        its longest spell, and a tool that must never be used for longer than so many minutes
        (heat) carries that as its own upper bound."""
        spell = prescribable_minutes(t)
        more = (
            {"bounds": {"minutes": {"min": 1, "max": t.never_over_minutes}}} if spell and t.never_over_minutes else {}
        )
        return entry("recovery", t.id, t.title, spell, protocols=users(t.id), **more)

    return {
        "exercise": {e.id: entry("exercise", e.id, e.title, e.dose, **exercise_more(e)) for e in guide.exercises},
        "recovery": {t.id: recovery_entry(t) for t in guide.recovery},
        "routine": {
            r.id: entry("routine", r.id, r.title, None, protocol=getattr(guide.protocol_of(r.id), "id", None))
            for r in guide.routines
        },
        "stage": {},
    }


def prescribable_minutes(tool: RecoveryTool) -> MinutesDose | None:
    """A tool's dose as a plan sets it, in whole minutes at a time (None: not set in a plan)."""
    dose = tool.dose
    if isinstance(dose, MinutesDose):
        return dose
    if isinstance(dose, MinutesRangeDose) and dose.per is None:
        return MinutesDose(minutes=dose.minutes_max)
    return None


def bounds_data(guide: Guide) -> dict[str, Any]:
    """Bounds per dose kind and field, with the plan's own limits (plans/core/plan.js checkPlan)."""
    b, limits = guide.prescribe.bounds, guide.prescribe.limits
    return {
        "reps": {"sets": b.sets.model_dump(), "reps": b.reps.model_dump()},
        "hold": {"holds": b.holds.model_dump(), "seconds": b.seconds.model_dump()},
        "minutes": {"minutes": b.minutes.model_dump()},
        "plan": {
            "clinician": {"min": 1, "max": limits.clinician_chars},
            "note": {"min": 0, "max": limits.note_chars},
            "items": {"min": 1, "max": limits.items},
            "days_per_week": {"min": 1, "max": 7},
        },
    }


def sheet_data(guide: Guide) -> dict[str, Any]:
    """What the printed plan says besides the plan itself: the pain rule and the safety net, which
    a plan never leaves out, and the disclaimer. A plan may hold items of any protocol: with
    several, each one's pain rule is named, and the sheet prints those of the plan's protocols
    (plans/core/check.js protocolsOf)."""
    one = len(guide.protocols) == 1
    return {
        "pain_title": guide.protocols[0].pain_rule.title,
        "pains": [
            {
                "protocol": p.id,
                "text": f"{p.pain_rule.summary} {p.pain_rule.next_day}"
                if one
                else f"{p.title}: {p.pain_rule.summary} {p.pain_rule.next_day}",
            }
            for p in guide.protocols
        ],
        "safety": guide.red_flag_advice(),
        "disclaimer": guide.disclaimer(),
        "review": review_lines(guide)["short"],
    }


def plan_data(guide: Guide, here: urls.Page) -> dict[str, Any]:
    """The page data both plan pages share (the plan builder's whole data)."""
    limits = guide.prescribe.limits
    every: list[Item] = [*guide.exercises, *guide.recovery]
    items = {i.id: item_data(guide, i, i.dose) for i in every}
    # a routine's item done as one of its variants, by `<item>--<variant>`: its title, cues and picture
    for routine in guide.routines:
        for entry in routine.items:
            if entry.variant is not None:
                item = guide.item(entry.item)
                items[figure_key(entry.item, entry.variant)] = item_data(guide, item, item.dose, shown(guide, entry))
    return {
        "clinic": {"id": guide.brand.id, "name": guide.brand.name},
        "public_key": dict(guide.plan_key) if guide.plan_key else None,
        "library": library_data(guide, here),
        "bounds": bounds_data(guide),
        "limits": {"max_chars": limits.link_chars, "max_bytes": limits.plan_bytes},
        "defaults": guide.prescribe.defaults.model_dump(),
        "sheet": sheet_data(guide),
        "items": items,
        "routines": {r.id: [figure_key(e.item, e.variant) for e in r.items] for r in guide.routines},
        "my_plan": urls.href(here, urls.page("my-plan")),
        "words": guide.prescribe.words.model_dump(),
        "protocols": [{"id": p.id, "title": p.title} for p in guide.protocols],
        "root": urls.root(here) or "./",
    }


# The words of the log (data/progress.yml) that a plan's calendar reminders use.
REMINDER_WORDS = ("reminders_intro", "reminders_days", "reminders_time", "reminders_download", "weekdays")


def my_plan_data(guide: Guide, here: urls.Page) -> dict[str, Any]:
    """The patient's plan: the shared data, the player's (its Start button plays the plan) and
    what its calendar reminders need of the log's settings and words."""
    log = progress_data(guide, here)
    return {
        **plan_data(guide, here),
        "player": shared_data(guide, here),
        "log": {
            "reminders": log["reminders"],
            "rules": {"week_starts": log["rules"]["week_starts"]},
            "words": {name: log["words"][name] for name in REMINDER_WORDS},
        },
    }
