"""Checks that span items and files: ids unique across the whole library, references that
resolve, sensible thresholds, each located at the file and line an editor must change.

Ids are one namespace per kind across every protocol (a routine id is its page address, a warning
sign or a flowchart node is named by hazards and stories), so two protocols cannot both have a
routine `stretches`: the second is told to choose another id."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from .. import urls
from ..errors import DataError, Loc, did_you_mean
from ..model import URGENCIES, Guide, ProtocolGuide, Region, Stage
from ..paths import protocol_file
from ..read.yamlfile import YamlFile


def _duplicates(ids: list[str], source: YamlFile, list_loc: Loc) -> list[DataError]:
    counts = Counter(ids)
    return [
        source.error(list_loc + (i, "id"), f"duplicate id `{item_id}`")
        for i, item_id in enumerate(ids)
        if counts[item_id] > 1
    ]


def _unknown(ids: list[str], known: set[str], what: str, source: YamlFile, loc: Loc) -> list[DataError]:
    return [
        source.error(loc + (i,), f"unknown {what} `{item_id}`{did_you_mean(item_id, known)}")
        for i, item_id in enumerate(ids)
        if item_id not in known
    ]


def _across(kind: str, lists: Iterable[tuple[str, YamlFile, Loc, list[str]]]) -> list[DataError]:
    """Ids of one kind used by more than one file: each use after the first is located."""
    seen: dict[str, str] = {}
    errors: list[DataError] = []
    for owner, source, loc, ids in lists:
        for i, item_id in enumerate(ids):
            if item_id in seen and seen[item_id] != owner:
                errors.append(
                    source.error(loc + (i, "id"), f"{kind} id `{item_id}` is already used by {seen[item_id]}")
                )
            seen.setdefault(item_id, owner)
    return errors


def check_ids(guide: Guide, files: dict[str, YamlFile]) -> list[DataError]:
    errors = []
    # exercises and recovery tools share one namespace: routines name either by id
    errors += _duplicates([e.id for e in guide.exercises], files["exercises"], ("exercises",))
    exercise_ids = {e.id for e in guide.exercises}
    errors += _duplicates([t.id for t in guide.recovery], files["recovery"], ("tools",))
    errors += [
        files["recovery"].error(("tools", i, "id"), f"id `{t.id}` is already an exercise")
        for i, t in enumerate(guide.recovery)
        if t.id in exercise_ids
    ]
    errors += _duplicates([f.id for f in guide.red_flags.flags], files["red_flags"], ("flags",))
    for p in guide.protocols:
        errors += _duplicates([k.id for k in p.keys], files[protocol_file(p.id, "keys")], ("keys",))
        errors += _duplicates([r.id for r in p.routines], files[protocol_file(p.id, "routines")], ("routines",))
        errors += _duplicates([f.id for f in p.flags], files[protocol_file(p.id, "red_flags")], ("flags",))
        errors += _duplicates([s.id for s in p.stories], files[protocol_file(p.id, "stories")], ("stories",))
        if p.weight is not None:
            weight = files[protocol_file(p.id, "weight")]
            errors += _duplicates([b.id for b in p.weight.bands], weight, ("bands",))
            errors += _duplicates([a.id for a in p.weight.alternatives], weight, ("alternatives",))

    def uses(stem: str, loc: Loc, ids: str) -> list[tuple[str, YamlFile, Loc, list[str]]]:
        return [(p.id, files[protocol_file(p.id, stem)], loc, [x.id for x in getattr(p, ids)]) for p in guide.protocols]

    errors += _across("key", uses("keys", ("keys",), "keys"))
    errors += _across("routine", uses("routines", ("routines",), "routines"))
    shared_flags = ("the shared warning signs", files["red_flags"], ("flags",), [f.id for f in guide.red_flags.flags])
    errors += _across("warning sign", [shared_flags, *uses("red_flags", ("flags",), "flags")])
    errors += _across("story", uses("stories", ("stories",), "stories"))
    nodes = [
        (p.id, files[protocol_file(p.id, "flowchart")], ("nodes",), [n.id for n in p.flowchart.nodes])
        for p in guide.protocols
    ]
    return errors + _across("flowchart node", nodes)


def check_keys(guide: Guide, protocol: ProtocolGuide, files: dict[str, YamlFile]) -> list[DataError]:
    """A protocol's keys name exercises and tools that exist, and own each exercise at most once."""
    errors = []
    source = files[protocol_file(protocol.id, "keys")]
    exercise_ids = {e.id for e in guide.exercises}
    tool_ids = {t.id for t in guide.recovery}
    owner: Counter[str] = Counter()
    for i, key in enumerate(protocol.keys):
        errors += _unknown(key.exercises, exercise_ids, "exercise", source, ("keys", i, "exercises"))
        errors += _unknown(key.recovery, tool_ids, "recovery tool", source, ("keys", i, "recovery"))
        for j, item in enumerate(key.exercises):
            if owner[item]:
                errors.append(
                    source.error(
                        ("keys", i, "exercises", j), f"`{item}` is listed in more than one key of this protocol"
                    )
                )
            owner[item] += 1
    return errors


def check_every_exercise_has_a_key(guide: Guide, files: dict[str, YamlFile]) -> list[DataError]:
    """Each exercise belongs to a key of at least one protocol (else no page leads to it)."""
    owned = {x for k in guide.keys for x in k.exercises}
    return [
        files["exercises"].error(
            ("exercises", i, "id"), f"`{e.id}` is in no key: list it under one key's `exercises`, in some protocol"
        )
        for i, e in enumerate(guide.exercises)
        if e.id not in owned
    ]


def check_routines(guide: Guide, protocol: ProtocolGuide, files: dict[str, YamlFile]) -> list[DataError]:
    errors = []
    source = files[protocol_file(protocol.id, "routines")]
    routine_ids = {r.id for r in guide.routines}
    exercises = {e.id: e for e in guide.exercises}
    tools = {t.id: t for t in guide.recovery}
    for i, routine in enumerate(protocol.routines):
        for j, entry in enumerate(routine.items):
            loc = ("routines", i, "items", j)
            if entry.item not in exercises and entry.item not in tools:
                errors.append(
                    source.error(
                        loc + ("item",),
                        f"unknown exercise or recovery tool `{entry.item}`"
                        + did_you_mean(entry.item, {*exercises, *tools}),
                    )
                )
                continue
            item = exercises.get(entry.item) or tools[entry.item]
            variants = {v.id for v in getattr(item, "variants", [])}
            if entry.variant is not None and entry.variant not in variants:
                errors.append(
                    source.error(
                        loc + ("variant",),
                        f"`{entry.item}` has no variant `{entry.variant}`" + did_you_mean(entry.variant, variants),
                    )
                )
            if entry.dose is not None and item.dose is not None and entry.dose.shape != item.dose.shape:
                errors.append(
                    source.error(
                        loc + ("dose",), f"this dose does not fit `{entry.item}`: it is dosed as {item.dose.shape}"
                    )
                )
        seen = Counter(e.item for e in routine.items)
        errors += [
            source.error(("routines", i, "items", j, "item"), f"`{e.item}` appears twice in this routine")
            for j, e in enumerate(routine.items)
            if seen[e.item] > 1
        ]
        if routine.move_on.next is not None and routine.move_on.next not in routine_ids:
            errors.append(source.error(("routines", i, "move_on", "next"), f"unknown routine `{routine.move_on.next}`"))
        if routine.move_on.next == routine.id:
            errors.append(source.error(("routines", i, "move_on", "next"), "a routine cannot move on to itself"))
    return errors


def check_thresholds(protocol: ProtocolGuide, files: dict[str, YamlFile]) -> list[DataError]:
    errors = []
    pain = protocol.pain_rule
    source = files[protocol_file(protocol.id, "protocol")]
    if not pain.ok_max < pain.acceptable_max <= pain.scale_max:
        errors.append(source.error(("pain_rule", "acceptable_max"), "needs ok_max < acceptable_max <= scale_max"))
    if not pain.running_max <= pain.acceptable_max < pain.severe_from <= pain.scale_max:
        errors.append(
            source.error(("pain_rule", "severe_from"), "needs running_max <= acceptable_max < severe_from <= scale_max")
        )
    maxima = [level.max for level in pain.levels]
    if maxima != sorted(set(maxima)) or maxima[-1] != pain.scale_max:
        errors.append(source.error(("pain_rule", "levels"), "level maxima must rise and the last must equal scale_max"))
    weight = protocol.weight
    if weight is None:
        return errors
    weight_file = files[protocol_file(protocol.id, "weight")]
    bands = weight.bands
    for i, (low, high) in enumerate(itertools.pairwise(bands)):
        if low.below is None or high.from_ != low.below:
            errors.append(
                weight_file.error(("bands", i + 1, "from"), "each band must start where the one before it ends")
            )
    if bands[0].from_ is not None or bands[-1].below is not None:
        errors.append(weight_file.error(("bands",), "the first band has no `from` and the last has no `below`"))
    starts = {b.from_ for b in bands}
    for name in ("overweight_from", "obese_from"):
        if getattr(weight, name) not in starts:
            errors.append(weight_file.error((name,), "must be where one of the bands starts"))
    return errors


def check_levels(region: Region, source: YamlFile, loc: Loc) -> list[DataError]:
    """A region lists the urgency levels once each, most urgent first."""
    if [level.id for level in region.levels] != list(URGENCIES):
        return [source.error((*loc, "levels"), f"levels must be {', '.join(URGENCIES)}, in that order")]
    return []


def check_stages(stages: list[Stage], source: YamlFile, loc: Loc) -> list[DataError]:
    """Stage ids are unique and each stage is a step up from the one before."""
    errors = _duplicates([s.id for s in stages], source, loc)
    for i in range(1, len(stages)):
        before, this = stages[i - 1], stages[i]
        longer = this.run_minutes > before.run_minutes or this.run_total > before.run_total
        if not longer or this.run_minutes < before.run_minutes or this.run_total < before.run_total:
            errors.append(
                source.error(
                    (*loc, i, "run_minutes"),
                    f"`{this.id}` is not a step up from `{before.id}`: stages must be in order, each running longer "
                    "at a time or longer in all, and never less",
                )
            )
    return errors


def check_ladder(guide: Guide, files: dict[str, YamlFile]) -> list[DataError]:
    """The shipped stages are in order, the rules start at a stage that exists, a clinic's own
    stages are in order too, and a self-test that points to a warning sign names one that exists."""
    errors: list[DataError] = []
    flags = {f.id for f in guide.flags}
    for p in guide.protocols:
        if p.ladder is None:
            continue
        for i, test in enumerate(p.ladder.self_tests.tests):
            if test.if_painful is not None and test.if_painful not in flags:
                errors.append(
                    files[protocol_file(p.id, "ladder")].error(
                        ("self_tests", "tests", i, "if_painful"),
                        f"unknown warning sign `{test.if_painful}`" + did_you_mean(test.if_painful, flags),
                    )
                )
    if guide.ladder is None:
        return errors
    stages = guide.ladder.stages
    errors += check_stages(stages, files["ladder"], ("stages",))
    own = guide.brand.overlay.ladder_stages
    if own is not None:
        errors += check_stages(own, files["brand"], ("overlay", "ladder_stages"))
    ids = {s.id for s in (own if own is not None else stages)}
    start = guide.ladder.rules.start_stage
    if start not in ids:
        errors.append(
            files["ladder"].error(("rules", "start_stage"), f"unknown stage `{start}`" + did_you_mean(start, ids))
        )
    return errors


LANGUAGE_FOLDER = re.compile(r"^[a-z]{2}$")


def check_folder_names(ids: Mapping[str, str], files: Mapping[str, YamlFile]) -> list[DataError]:
    """A protocol's id (`ids`: by folder) is its folder's name. Checked as soon as the files are
    valid, before anything is built from them: the build finds a protocol's files by its id."""
    return [
        files[protocol_file(folder, "protocol")].error(("id",), f"must be `{folder}`, the name of its folder")
        for folder, protocol_id in ids.items()
        if protocol_id != folder
    ]


def check_protocol_ids(guide: Guide, files: dict[str, YamlFile]) -> list[DataError]:
    """A protocol's id is its page's address at the site's root: it cannot be one of the site's
    own folders, or look like a language's (`es`)."""
    return [
        files[protocol_file(p.id, "protocol")].error(
            ("id",), f"`{p.id}` is taken by the site's own pages: choose another id"
        )
        for p in guide.protocols
        if p.id in urls.RESERVED or LANGUAGE_FOLDER.match(p.id)
    ]


def check(guide: Guide, files: dict[str, YamlFile], whole_library: bool = True) -> list[DataError]:
    """Every problem between items and files of the shipped library, in one list (a copy of some
    of the protocols leaves the library's tidiness, every exercise in a key, to `guide check`)."""
    errors = check_protocol_ids(guide, files)
    errors += check_ids(guide, files) + (check_every_exercise_has_a_key(guide, files) if whole_library else [])
    errors += check_levels(guide.red_flags.region, files["red_flags"], ("region",))
    for p in guide.protocols:
        errors += check_keys(guide, p, files) + check_routines(guide, p, files) + check_thresholds(p, files)
    return errors + check_ladder(guide, files)
