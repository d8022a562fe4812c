"""An exercise's and a routine's newer parts in words, written once for pages, cards and the
player: a routine's schedule (times a day × days a week × weeks), an exercise's own pace, the
lowering of an eccentric exercise ("Up on both feet · Down on one: 3 s down"), and the variant a
routine uses (its title and cues in place of the exercise's)."""

from __future__ import annotations

from typing import Any

from ..model import Exercise, Guide, Item, Routine, RoutineItem, Tempo
from . import text


def schedule_text(guide: Guide, routine: Routine) -> str | None:
    """ "Twice a day, 7 days a week, for 12 weeks", in the data's words; None without a schedule."""
    schedule = routine.schedule
    if schedule is None:
        return None
    words, write = guide.ui.exercise, text.writer(guide)
    parts = [
        write.plural(words.schedule_times, schedule.times_a_day),
        write.plural(words.schedule_days, schedule.days_a_week),
    ]
    if schedule.weeks:
        parts.append(write.plural(words.schedule_weeks, schedule.weeks))
    return ", ".join(parts)


def tempo(guide: Guide, item: Item) -> Tempo:
    """An exercise's pace: its own, else the guide's."""
    own = item.tempo if isinstance(item, Exercise) else None
    return own or guide.site.exercise.tempo


def lowering_text(guide: Guide, item: Item, card: bool = False) -> str | None:
    """How an eccentric exercise goes, for its page (a sentence) or its card (short)."""
    if not isinstance(item, Exercise) or item.lowering is None:
        return None
    pace = tempo(guide, item)
    words = guide.ui.exercise
    values = {
        "up": item.lowering.up,
        "down": item.lowering.down,
        "down_lower": item.lowering.down[:1].lower() + item.lowering.down[1:],
        "up_s": str(pace.up_seconds),
        "down_s": str(pace.down_seconds),
    }
    return text.fill(words.lowering_card if card else words.lowering, values)


def shown(guide: Guide, entry: RoutineItem) -> dict[str, Any]:
    """What a routine shows of one of its items: the variant's title and cues when it names one."""
    item = guide.item(entry.item)
    variant = next((v for v in getattr(item, "variants", []) if v.id == entry.variant), None)
    return {
        "item": item,
        "title": variant.title if variant else item.title,
        "cues": list(variant.cues if variant else item.cues),
        "variant": variant,
    }


def pain_limit(guide: Guide, routine: Routine, acceptable_max: int) -> int:
    """The most pain a session of this routine may hold: the protocol's limit, or an item's own
    rule where it is stricter."""
    own = [
        item.pain_rule.acceptable_max
        for e in routine.items
        if isinstance(item := guide.item(e.item), Exercise) and item.pain_rule is not None
    ]
    return min([acceptable_max, *own])
