"""What pages show that is worked out from the library rather than written in it: warning signs by
level (the shared ones and a protocol's), BMI bands in words, pain levels with where each starts,
which keys and routines of which protocols use a shared exercise, and the sources a copy cites.
Templates lay these out; they never work them out themselves."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..checks.sources import citations as cited_in
from ..model import Exercise, Guide, Key, ProtocolGuide, RedFlag, Routine, Source
from . import text
from .marks import flag_untranslated
from .text import fill


def bmi_data(protocol: ProtocolGuide) -> dict[str, Any]:
    """What the BMI calculator needs, from the protocol's weight.yml (bmi/core, bmi UI)."""
    weight = protocol.weight
    assert weight is not None, "only a protocol with weight advice has the calculator"
    return {
        "bands": [{"label": b.label, "from": b.from_, "below": b.below} for b in weight.bands],
        "limits": weight.calculator.model_dump(),
        "reduce_from": weight.reduce_before_running_from,
        "lower_from": weight.lower_thresholds.overweight_from,
        "caveat": weight.limits[0],
        "words": weight.calculator_words.model_dump(),
    }


def band_ranges(guide: Guide, protocol: ProtocolGuide) -> list[dict[str, str]]:
    """Each BMI band with its range in words, e.g. '18.5 to under 25'."""
    assert protocol.weight is not None
    words, write = guide.ui.bmi, text.writer(guide)
    out = []
    for band in protocol.weight.bands:
        if band.from_ is not None and band.below is not None:
            span = fill(words.range_between, {"from": write.number(band.from_), "below": write.number(band.below)})
        elif band.below is not None:
            span = fill(words.range_below, {"below": write.number(band.below)})
        else:
            span = fill(words.range_from, {"from": write.number(band.from_ or 0)})
        out.append({"range": span, "label": band.label})
    return out


def keys_heading(guide: Guide, protocol: ProtocolGuide) -> str:
    """ "The five keys at a glance": the count in words where the data has a word for it."""
    words, count = guide.ui.protocol_page, len(protocol.keys)
    shown = words.count_words[count] if count < len(words.count_words) else None
    return text.writer(guide).plural(words.keys_heading, count, shown)


def pain_levels(protocol: ProtocolGuide) -> list[dict[str, Any]]:
    """Each pain level of a protocol with the lowest score it starts at."""
    levels = protocol.pain_rule.levels
    return [{"low": 0 if i == 0 else levels[i - 1].max + 1, "level": level} for i, level in enumerate(levels)]


def cited_sources(guide: Guide) -> list[Source]:
    """The sources this copy of the guide cites, in registry order (a clinic's own last): a
    clinic with its own region does not list the default region's services."""
    parts: list[object] = [
        guide.site,
        guide.exercises,
        guide.recovery,
        guide.red_flags.flags,
        guide.region,
        guide.ladder,
        guide.player,
        guide.progress,
        guide.prescribe,
        guide.hazards,
        guide.scope,
    ]
    for p in guide.protocols:
        parts += [p.protocol, p.keys, p.routines, p.flowchart, p.flags, p.ladder, p.scope, p.hazards, p.weight]
    cited = {source_id for part in parts for _, source_id in cited_in(part)}
    return [s for s in (*guide.sources.sources, *guide.brand.sources) if s.id in cited]


def warning_sections(guide: Guide, flags: list[RedFlag]) -> list[dict[str, Any]]:
    """Each urgency level of the region with those of `flags` at it, most urgent first."""
    return [{"level": level, "flags": [f for f in flags if f.level == level.id]} for level in guide.region.levels]


@dataclass(frozen=True)
class ProtocolSigns:
    """The warning signs a page lists for one protocol: its own and the shared ones, by level."""

    protocol: ProtocolGuide
    sections: list[dict[str, Any]]


def signs_by_protocol(guide: Guide) -> list[ProtocolSigns]:
    """For the "When to see a clinician" page: each protocol's signs, with the shared ones (which
    every protocol's screen asks) in each, so a reader of one protocol sees all that apply."""
    return [ProtocolSigns(p, warning_sections(guide, [*guide.red_flags.flags, *p.flags])) for p in guide.protocols]


def not_for(guide: Guide, protocol: ProtocolGuide) -> dict[str, Any]:
    """The `not-for` level with a protocol's signs at it (who the protocol is not written for)."""
    level = guide.levels["not-for"]
    return {"level": level, "flags": [f for f in protocol.flags if f.level == level.id]}


def pace(guide: Guide, exercise: Exercise) -> dict[str, Any] | None:
    """How fast to lift and lower (its own pace, else the guide's), and how long to rest, for a
    strength exercise, in the data's words (else None)."""
    if exercise.kind != "strength":
        return None
    rest, tempo = guide.site.exercise.rest, exercise.tempo or guide.site.exercise.tempo
    words = guide.ui.exercise
    return {
        "tempo_text": fill(words.tempo, {"up": str(tempo.up_seconds), "down": str(tempo.down_seconds)}),
        "rest_text": fill(words.rest, {"min": str(rest.seconds_min), "max": str(rest.seconds_max)}),
        "source": [*tempo.source, *rest.source],
    }


def exercise_groups(guide: Guide, ids: list[str]) -> list[tuple[int | None, list[Exercise]]]:
    """A key's exercises grouped by level (stretches have none), in level order."""
    chosen = [e for e in guide.exercises if e.id in ids]
    levels = sorted({e.level for e in chosen}, key=lambda level: level or 0)
    return [(level, [e for e in chosen if e.level == level]) for level in levels]


def routines_by_item(guide: Guide) -> dict[str, list[Routine]]:
    """Item id -> the routines that use it, in library order (one pass, not one per item)."""
    found: dict[str, list[Routine]] = {}
    for routine in guide.routines:
        for entry in routine.items:
            found.setdefault(entry.item, []).append(routine)
    return found


def keys_by_item(guide: Guide) -> dict[str, list[tuple[ProtocolGuide, Key]]]:
    """Item id -> each protocol's key it belongs to: a shared exercise can be in several."""
    found: dict[str, list[tuple[ProtocolGuide, Key]]] = {}
    for p in guide.protocols:
        for key in p.keys:
            for item in (*key.exercises, *key.recovery):
                found.setdefault(item, []).append((p, key))
    return found


def users_of(guide: Guide, item_id: str, routines: dict[str, list[Routine]]) -> list[ProtocolGuide]:
    """The protocols whose keys or routines use an item, in library order (whose pain rule applies)."""
    owners = {p.id for p in guide.protocols for k in p.keys if item_id in (*k.exercises, *k.recovery)}
    owners |= {p.id for r in routines.get(item_id, []) if (p := guide.protocol_of(r.id))}
    return [p for p in guide.protocols if p.id in owners]


def hand_written(docs: Path, translated: Path | None = None) -> dict[str, bytes]:
    """The hand-written files of docs/, by path. In a translation (`translated`: its folder of
    hand-written pages, translations/<code>/docs/), each page is its translation where there is
    one, else the page in the data's language flagged `untranslated`, so that it says so."""
    files: dict[str, bytes] = {}
    for path in sorted(docs.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(docs).as_posix()
        own = translated / relative if translated is not None else None
        if own is not None and own.is_file():
            files[relative] = own.read_bytes()
        elif translated is not None and path.suffix == ".md":
            files[relative] = flag_untranslated(path.read_text(encoding="utf-8")).encode("utf-8")
        else:
            files[relative] = path.read_bytes()
    return files


def hand_written_pages(docs: Path, translated: Path | None = None) -> list[dict[str, Any]]:
    """Top-level hand-written pages in docs/, by their first heading (in the page's language where
    it is translated), for the end of the nav."""
    pages: list[dict[str, Any]] = []
    files = hand_written(docs, translated)
    for path in sorted(docs.glob("*.md")):
        lines = files[path.name].decode("utf-8").splitlines()
        heading = next((line[2:].strip() for line in lines if line.startswith("# ")), path.stem)
        pages.append({heading: path.name})
    return pages
