"""The session player's page data: what a routine's page hands to the player (player/player.js) so it can
run the routine hands-free — its items with doses, cues and pictures, the pace and rests of the
protocol, the pain rule for the check-in, and every word. Scripts add no number of their own."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ..model import AnyDose, Guide, Item, Routine, WhenEasy
from . import citations, urls
from .cards import move_on_text, routine_dose
from .figures import Pictures
from .text import dose_short


def dose_data(dose: AnyDose | None) -> dict[str, Any] | None:
    """A dose as page data: its shape and numbers, as player/core/session.js reads them."""
    if dose is None:
        return None
    return {"shape": dose.shape, **dose.model_dump()}


def item_data(item: Item, dose: AnyDose | None) -> dict[str, Any]:
    side = getattr(item, "side", None)
    return {
        "id": item.id,
        "title": item.title,
        "kind": getattr(item, "kind", "recovery"),
        "each_side": side is not None,
        "side_label": side,
        "dose": dose_data(dose),
        "dose_text": dose_short(dose) if dose else None,
        "cues": list(item.cues),
    }


def shared_data(guide: Guide, here: urls.Page) -> dict[str, Any]:
    """What every player shares: pace, rests, timings, the pain rule, links and words."""
    timing, pain = guide.protocol.exercise, guide.protocol.pain_rule
    return {
        "options": {
            "tempo": {"up_s": timing.tempo.up_seconds, "down_s": timing.tempo.down_seconds},
            "rest": {"between_sets_s": timing.rest.seconds_min, "between_items_s": timing.rest.seconds_min},
            "switch_s": guide.player.timing.switch_seconds,
            "lead_in_s": guide.player.timing.lead_in_seconds,
            "countdown": guide.player.timing.countdown,
        },
        "pain": {"ok_max": pain.ok_max, "acceptable_max": pain.acceptable_max, "scale_max": pain.scale_max},
        "sources": {
            "tempo": citations.sources_data(guide, timing.tempo.source),
            "rest": citations.sources_data(guide, timing.rest.source),
        },
        "links": {
            "clinician": urls.href(here, urls.page("clinician")),
            "pain_rule": urls.href(here, urls.page("pain-rule")),
            "progress": urls.href(here, urls.page("progress")),
        },
        "root": urls.root(here) or "./",
        "words": guide.player.words.model_dump(),
    }


def player_data(guide: Guide, routine: Routine, here: urls.Page) -> dict[str, Any]:
    """The page data of the player of one routine."""
    items = [item_data(guide.item(e.item), routine_dose(guide, routine, i)) for i, e in enumerate(routine.items)]
    rule = routine.move_on
    after = guide.routine(rule.next) if rule.next else None
    return {
        "routine": {"id": routine.id, "title": routine.title, "items": items},
        "move_on": {
            "text": move_on_text(guide, routine),
            "easy_rule": isinstance(rule, WhenEasy),
            "next": {"title": after.title, "href": urls.href(here, urls.page("routine", after.id))} if after else None,
        },
        **shared_data(guide, here),
    }


def figure_templates(pictures: Pictures, items: list[Item], here: urls.Page) -> Markup:
    """Each item's picture in a <template>, so a script can show one at a time (and no SVG id is
    in the page twice)."""
    parts = []
    for item in items:
        figure = pictures.markup(item, f"player-{item.id}", urls.root(here))
        if figure is not None:
            parts.append(f'<template data-player-figure="{item.id}">{figure}</template>')
    return Markup("\n".join(parts))
