"""The MkDocs navigation, in the order a reader should meet things, with long sections split
into groups so that each page carries a bounded menu as a protocol grows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..model import Guide
from . import text, urls

# A navigation section longer than this is split into sub-sections, so that with Material's
# navigation.prune each page carries a bounded menu (page size stays flat as a protocol grows).
NAV_SECTION_MAX = 20

NavEntry = dict[str, Any]


def _entries(items: Iterable[Any], kind: str) -> list[NavEntry]:
    return [{item.title: urls.page(kind, item.id).source} for item in items]


def _bounded(entries: list[NavEntry]) -> list[NavEntry]:
    """The entries as they are when short enough, else in titled groups of NAV_SECTION_MAX."""
    if len(entries) <= NAV_SECTION_MAX:
        return entries
    groups = [entries[i : i + NAV_SECTION_MAX] for i in range(0, len(entries), NAV_SECTION_MAX)]
    return [{f"{next(iter(g[0]))} to {next(iter(g[-1]))}": g} for g in groups]


def navigation(guide: Guide, extra: Sequence[NavEntry] = ()) -> list[NavEntry]:
    """MkDocs `nav`; hand-written pages come last."""
    strength = [e for e in guide.exercises if e.kind == "strength"]
    levels = sorted({e.level or 0 for e in strength})
    strength_nav: list[NavEntry]
    if len(levels) > 1 and len(strength) > NAV_SECTION_MAX:
        strength_nav = [
            {f"Level {level}": _bounded(_entries([e for e in strength if e.level == level], "exercise"))}
            for level in levels
        ]
    else:
        strength_nav = _bounded(_entries(sorted(strength, key=lambda e: e.level or 0), "exercise"))
    stretches = [e for e in guide.exercises if e.kind == "stretch"]
    page = urls.page
    back_to_running = [{guide.ladder.title: page("return-to-running").source}] if guide.ladder else []
    return [
        {"Home": page("home").source},
        {"Find your plan": page("flowchart").source},
        {"My progress": page("progress").source},
        {f"The {text.count_word(len(guide.keys))} keys": _bounded(_entries(guide.keys, "key")) + back_to_running},
        {"Strength exercises": strength_nav},
        {"Stretches": _bounded(_entries(stretches, "exercise"))},
        {"Recovery tools": _bounded(_entries(guide.recovery, "recovery"))},
        {"Routine cards": [{"All cards": page("cards").source}, *_bounded(_entries(guide.routines, "routine"))]},
        {"How much pain is OK": page("pain-rule").source},
        {"When to see a clinician": page("clinician").source},
        {guide.about.title: page("about").source},
        *extra,
    ]


def outline(nav: Sequence[NavEntry], depth: int = 0) -> list[tuple[int, str, str | None]]:
    """The navigation as an indented list: (depth, title, page source, or None for a section)."""
    lines: list[tuple[int, str, str | None]] = []
    for entry in nav:
        for title, target in entry.items():
            if isinstance(target, str):
                lines.append((depth, title, target))
            else:
                lines.append((depth, title, None))
                lines.extend(outline(target, depth + 1))
    return lines
