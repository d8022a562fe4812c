"""The MkDocs navigation, in the order a reader should meet things, with long sections split
into groups so that each page carries a bounded menu as a protocol grows."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from .. import urls
from ..model import Guide, ProtocolGuide
from ..model.ui import NavWords
from . import text

# A navigation section longer than this is split into sub-sections, so that with Material's
# navigation.prune each page carries a bounded menu (page size stays flat as a protocol grows).
NAV_SECTION_MAX = 20

NavEntry = dict[str, Any]

# Pages that are built but kept out of the menu on purpose: a prescribed plan opens from the link
# or QR code a clinician hands over (an empty plan page in the menu would only confuse), and the
# offline page is what the service worker shows for a page it never saved.
OFF_NAV = ("my-plan", "offline")


def not_in_nav() -> str:
    """MkDocs' (and Zensical's) `not_in_nav`: the pages above, so a build does not list them as
    pages "not included in the nav" on every run, while a page left out by mistake still is."""
    return "".join(f"/{urls.page(kind).source}\n" for kind in OFF_NAV)


def _entries(items: Iterable[Any], kind: str) -> list[NavEntry]:
    return [{item.title: urls.page(kind, item.id).source} for item in items]


def _bounded(entries: list[NavEntry], words: NavWords) -> list[NavEntry]:
    """The entries as they are when short enough, else in titled groups of NAV_SECTION_MAX."""
    if len(entries) <= NAV_SECTION_MAX:
        return entries
    groups = [entries[i : i + NAV_SECTION_MAX] for i in range(0, len(entries), NAV_SECTION_MAX)]
    return [{text.fill(words.range, {"first": next(iter(g[0])), "last": next(iter(g[-1]))}): g} for g in groups]


def single_titles(guide: Guide) -> dict[str, str]:
    """The title of each page of which the guide has one, by kind, as the navigation names it."""
    words = guide.ui.nav
    return {
        "home": words.home,
        "flowchart": words.flowchart,
        "progress": words.progress,
        "cards": words.cards,
        "pain-rule": words.pain_rule,
        "clinician": words.clinician,
        "about": guide.about.title,
        "return-to-running": guide.ladder.title if guide.ladder else "",
        "prescribe": words.prescribe,
        "my-plan": words.my_plan,
        "offline": guide.ui.offline.page_title,
        "scope": guide.scope.title,
        "hazards": guide.hazards.title,
    }


def _protocol_section(protocol: ProtocolGuide, words: NavWords, alone: bool) -> NavEntry:
    """A protocol's own section: its page (the home page when it is the only one), its keys and
    its routines' cards."""
    own = [] if alone else [{words.overview: urls.page("protocol", protocol.id).source}]
    return {
        protocol.title: [
            *own,
            {words.keys: _bounded(_entries(protocol.keys, "key"), words)},
            {words.routines: _bounded(_entries(protocol.routines, "routine"), words)},
        ]
    }


def navigation(guide: Guide, extra: Sequence[NavEntry] = ()) -> list[NavEntry]:
    """MkDocs `nav`: the guide's own pages, a section per protocol, what the protocols share,
    pages for clinicians; hand-written pages come last."""
    words = guide.ui.nav
    strength = [e for e in guide.exercises if e.kind == "strength"]
    levels = sorted({e.level or 0 for e in strength})
    strength_nav: list[NavEntry]
    if len(levels) > 1 and len(strength) > NAV_SECTION_MAX:
        strength_nav = [
            {
                text.fill(words.level, {"level": str(level)}): _bounded(
                    _entries([e for e in strength if e.level == level], "exercise"), words
                )
            }
            for level in levels
        ]
    else:
        strength_nav = _bounded(_entries(sorted(strength, key=lambda e: e.level or 0), "exercise"), words)
    stretches = [e for e in guide.exercises if e.kind == "stretch"]
    page = urls.page
    titles = single_titles(guide)
    ladder = guide.ladder is not None and any(p.ladder for p in guide.protocols)
    back_to_running = [{titles["return-to-running"]: page("return-to-running").source}] if ladder else []
    clinicians = [{titles[kind]: page(kind).source} for kind in ("scope", "hazards", "prescribe")]
    return [
        {titles["home"]: page("home").source},
        {titles["flowchart"]: page("flowchart").source},
        {titles["progress"]: page("progress").source},
        *(_protocol_section(p, words, len(guide.protocols) == 1) for p in guide.protocols),
        *back_to_running,
        {words.strength: strength_nav},
        {words.stretches: _bounded(_entries(stretches, "exercise"), words)},
        {words.recovery: _bounded(_entries(guide.recovery, "recovery"), words)},
        {titles["cards"]: page("cards").source},
        {titles["pain-rule"]: page("pain-rule").source},
        {titles["clinician"]: page("clinician").source},
        {words.clinicians: clinicians},
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
