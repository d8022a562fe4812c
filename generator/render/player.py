"""The session player's data: what a routine hands to the player (player/player.js) so it can
run the routine hands-free — its items with doses, cues and pictures, the pace and rests of the
protocol, the pain rule for the check-in, and every word. Scripts add no number of their own."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .. import urls
from ..model import AnyDose, Exercise, Guide, Item, ProtocolGuide, Routine, WhenEasy
from ..model.figure import figure_key
from . import citations
from .cards import move_on_text, routine_dose
from .exercise_text import pain_limit, shown
from .figures import Pictures, picture_key
from .text import fill, writer


def dose_data(dose: AnyDose | None) -> dict[str, Any] | None:
    """A dose as page data: its shape and numbers, as player/core/session.js reads them."""
    if dose is None:
        return None
    return {"shape": dose.shape, **dose.model_dump()}


def item_data(guide: Guide, item: Item, dose: AnyDose | None, shown_as: dict[str, Any] | None = None) -> dict[str, Any]:
    """One item as the player runs it. An exercise with its own pace carries it (`tempo`, in
    seconds); an eccentric one carries the words said on the way up and down (`lowering`), and
    the player counts the lowering. `shown_as` is what a routine shows of it (a variant's title
    and cues); `figure` names its picture's <template data-player-figure> (a variant's own)."""
    side = getattr(item, "side", None)
    own = item.tempo if isinstance(item, Exercise) else None
    lowering = item.lowering if isinstance(item, Exercise) else None
    variant = shown_as["variant"] if shown_as else None
    return {
        "id": item.id,
        "figure": picture_key(guide, item.id, variant.id if variant else None),
        "title": shown_as["title"] if shown_as else item.title,
        "kind": getattr(item, "kind", "recovery"),
        "each_side": side is not None,
        "side_label": side,
        "dose": dose_data(dose),
        "dose_text": writer(guide).dose_short(dose) if dose else None,
        "cues": shown_as["cues"] if shown_as else list(item.cues),
        "tempo": {"up_s": own.up_seconds, "down_s": own.down_seconds} if own else None,
        "lowering": {"up": lowering.up, "down": lowering.down} if lowering else None,
    }


def pain_limits(guide: Guide, protocol: ProtocolGuide | None) -> dict[str, Any]:
    """The pain rule a player's check-in applies: its protocol's, or for a plan of no one protocol
    the strictest of the protocols this copy publishes. A run is judged by the running limit, and
    one above it gets that protocol's sentence (`running_too_much`, the strictest limit's)."""
    rules = [protocol.pain_rule] if protocol else [p.pain_rule for p in guide.protocols]
    running = min(rules, key=lambda r: r.running_max)
    return {
        "ok_max": min(r.ok_max for r in rules),
        "acceptable_max": min(r.acceptable_max for r in rules),
        "running_max": running.running_max,
        "running_too_much": running.running_too_much,
        "scale_min": rules[0].scale_min,
        "scale_max": rules[0].scale_max,
    }


def shared_data(guide: Guide, here: urls.Page, protocol: ProtocolGuide | None = None) -> dict[str, Any]:
    """What every player shares: pace, rests, timings, the pain rule of its protocol, links and
    words, which name what hurts as the protocol does (the guide's word for a plan)."""
    timing = guide.site.exercise
    part = guide.part(protocol)
    return {
        "options": {
            "tempo": {"up_s": timing.tempo.up_seconds, "down_s": timing.tempo.down_seconds},
            "rest": {"between_sets_s": timing.rest.seconds_min, "between_items_s": timing.rest.seconds_min},
            "switch_s": guide.player.timing.switch_seconds,
            "lead_in_s": guide.player.timing.lead_in_seconds,
            "countdown": guide.player.timing.countdown,
        },
        "pain": pain_limits(guide, protocol),
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
        "words": {
            k: fill(v, {"part": part}) if isinstance(v, str) else v for k, v in guide.player.words.model_dump().items()
        },
    }


def player_data(guide: Guide, routine: Routine, here: urls.Page) -> dict[str, Any]:
    """The player data of one routine, with addresses relative to its page: published as a file
    of its own (urls.player_data) that the page fetches when Start is pressed."""
    items = [
        item_data(guide, guide.item(e.item), routine_dose(guide, routine, i), shown(guide, e))
        for i, e in enumerate(routine.items)
    ]
    rule = routine.move_on
    after = guide.routine(rule.next) if rule.next else None
    data = shared_data(guide, here, guide.protocol_of(routine.id))
    return {
        "routine": {"id": routine.id, "title": routine.title, "items": items},
        "move_on": {
            "text": move_on_text(guide, routine),
            "easy_rule": isinstance(rule, WhenEasy),
            "next": {"title": after.title, "href": urls.href(here, urls.page("routine", after.id))} if after else None,
        },
        **data,
        "pain": {**data["pain"], "acceptable_max": pain_limit(guide, routine, data["pain"]["acceptable_max"])},
    }


def figure_templates(pictures: Pictures, items: list[Item], here: urls.Page) -> Markup:
    """Each item's picture in a <template>, so a script can show one at a time (and no SVG id is
    in the page twice), then each variant's own picture (`<item>--<variant>`)."""
    parts = []
    shown: list[tuple[Item, str | None]] = [(item, None) for item in items]
    ids = {item.id for item in items}
    shown += [(item, variant) for item, variant in pictures.variant_keys() if item.id in ids]
    for item, variant in shown:
        key = figure_key(item.id, variant)
        figure = pictures.markup(item, f"player-{key}", urls.root(here), variant=variant)
        if figure is not None:
            parts.append(f'<template data-player-figure="{key}">{figure}</template>')
    return Markup("\n".join(parts))
