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


def single_titles(guide: Guide) -> dict[str, str]:
    """The title of each page of which the guide has one, by kind, as the navigation names it."""
    return {
        "home": "Home",
        "flowchart": "Find your plan",
        "progress": "My progress",
        "cards": "All cards",
        "pain-rule": "How much pain is OK",
        "clinician": "When to see a clinician",
        "about": guide.about.title,
        "return-to-running": guide.ladder.title if guide.ladder else "",
        "prescribe": "Make a plan for a patient",
        "my-plan": "Your plan",
        "offline": guide.ui.offline.page_title,
        "scope": guide.scope.title,
        "hazards": guide.hazards.title,
    }


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
    titles = single_titles(guide)
    back_to_running = [{guide.ladder.title: page("return-to-running").source}] if guide.ladder else []
    clinicians = [{titles[kind]: page(kind).source} for kind in ("scope", "hazards", "prescribe")]
    return [
        {titles["home"]: page("home").source},
        {titles["flowchart"]: page("flowchart").source},
        {titles["progress"]: page("progress").source},
        {f"The {text.count_word(len(guide.keys))} keys": _bounded(_entries(guide.keys, "key")) + back_to_running},
        {"Strength exercises": strength_nav},
        {"Stretches": _bounded(_entries(stretches, "exercise"))},
        {"Recovery tools": _bounded(_entries(guide.recovery, "recovery"))},
        {"Routine cards": [{titles["cards"]: page("cards").source}, *_bounded(_entries(guide.routines, "routine"))]},
        {titles["pain-rule"]: page("pain-rule").source},
        {titles["clinician"]: page("clinician").source},
        {"For clinicians": clinicians},
        {titles["about"]: page("about").source},
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
