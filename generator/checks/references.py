"""Checks that span items and files: unique ids, references that resolve, sensible thresholds."""

from __future__ import annotations

import itertools
from collections import Counter

from ..errors import DataError, Loc, did_you_mean
from ..model import URGENCIES, Guide, Region, Stage
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


def check_ids(guide: Guide, files: dict[str, YamlFile]) -> list[DataError]:
    errors = []
    errors += _duplicates([k.id for k in guide.keys], files["keys"], ("keys",))
    # exercises and recovery tools share one namespace: routines name either by id
    errors += _duplicates([e.id for e in guide.exercises], files["exercises"], ("exercises",))
    exercise_ids = {e.id for e in guide.exercises}
    errors += _duplicates([t.id for t in guide.recovery], files["recovery"], ("tools",))
    errors += [
        files["recovery"].error(("tools", i, "id"), f"id `{t.id}` is already an exercise")
        for i, t in enumerate(guide.recovery)
        if t.id in exercise_ids
    ]
    errors += _duplicates([r.id for r in guide.routines], files["routines"], ("routines",))
    errors += _duplicates([f.id for f in guide.red_flags.flags], files["red_flags"], ("flags",))
    errors += _duplicates([b.id for b in guide.weight.bands], files["weight"], ("bands",))
    errors += _duplicates([a.id for a in guide.weight.alternatives], files["weight"], ("alternatives",))
    return errors


def check_keys(guide: Guide, files: dict[str, YamlFile]) -> list[DataError]:
    errors = []
    source = files["keys"]
    exercise_ids = {e.id for e in guide.exercises}
    tool_ids = {t.id for t in guide.recovery}
    owner: Counter[str] = Counter()
    for i, key in enumerate(guide.keys):
        errors += _unknown(key.exercises, exercise_ids, "exercise", source, ("keys", i, "exercises"))
        errors += _unknown(key.recovery, tool_ids, "recovery tool", source, ("keys", i, "recovery"))
        owner.update(key.exercises)
    for i, exercise in enumerate(guide.exercises):
        if owner[exercise.id] == 0:
            errors.append(
                files["exercises"].error(
                    ("exercises", i, "id"), f"`{exercise.id}` is in no key: list it under one key's `exercises`"
                )
            )
        elif owner[exercise.id] > 1:
            errors.append(
                files["exercises"].error(("exercises", i, "id"), f"`{exercise.id}` is listed in more than one key")
            )
    return errors


def check_routines(guide: Guide, files: dict[str, YamlFile]) -> list[DataError]:
    errors = []
    source = files["routines"]
    routine_ids = {r.id for r in guide.routines}
    exercises = {e.id: e for e in guide.exercises}
    tools = {t.id: t for t in guide.recovery}
    for i, routine in enumerate(guide.routines):
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


def check_thresholds(guide: Guide, files: dict[str, YamlFile]) -> list[DataError]:
    errors = []
    pain = guide.protocol.pain_rule
    source = files["protocol"]
    if not pain.ok_max < pain.acceptable_max <= pain.scale_max:
        errors.append(source.error(("pain_rule", "acceptable_max"), "needs ok_max < acceptable_max <= scale_max"))
    if not pain.running_max <= pain.acceptable_max < pain.severe_from <= pain.scale_max:
        errors.append(
            source.error(("pain_rule", "severe_from"), "needs running_max <= acceptable_max < severe_from <= scale_max")
        )
    maxima = [level.max for level in pain.levels]
    if maxima != sorted(set(maxima)) or maxima[-1] != pain.scale_max:
        errors.append(source.error(("pain_rule", "levels"), "level maxima must rise and the last must equal scale_max"))
    weight = guide.weight
    bands = weight.bands
    for i, (low, high) in enumerate(itertools.pairwise(bands)):
        if low.below is None or high.from_ != low.below:
            errors.append(
                files["weight"].error(("bands", i + 1, "from"), "each band must start where the one before it ends")
            )
    if bands[0].from_ is not None or bands[-1].below is not None:
        errors.append(files["weight"].error(("bands",), "the first band has no `from` and the last has no `below`"))
    starts = {b.from_ for b in bands}
    for name in ("overweight_from", "obese_from"):
        if getattr(weight, name) not in starts:
            errors.append(files["weight"].error((name,), "must be where one of the bands starts"))
    return errors


def check_levels(region: Region, source: YamlFile, loc: Loc) -> list[DataError]:
    """A region lists the urgency levels once each, most urgent first."""
    if [level.id for level in region.levels] != list(URGENCIES):
        return [source.error((*loc, "levels"), f"levels must be {', '.join(URGENCIES)}, in that order")]
    return []


def check_red_flags(guide: Guide, files: dict[str, YamlFile]) -> list[DataError]:
    return check_levels(guide.red_flags.region, files["red_flags"], ("region",))


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
    """The shipped stages are in order, the rules start at a stage that exists, and a clinic's
    own stages are in order too."""
    if guide.ladder is None:
        return []
    stages = guide.ladder.stages
    errors = check_stages(stages, files["ladder"], ("stages",))
    own = guide.brand.overlay.ladder_stages
    if own is not None:
        errors += check_stages(own, files["brand"], ("overlay", "ladder_stages"))
    flags = {f.id for f in guide.red_flags.flags}
    for i, test in enumerate(guide.ladder.self_tests.tests):
        if test.if_painful is not None and test.if_painful not in flags:
            errors.append(
                files["ladder"].error(
                    ("self_tests", "tests", i, "if_painful"),
                    f"unknown warning sign `{test.if_painful}`" + did_you_mean(test.if_painful, flags),
                )
            )
    ids = {s.id for s in (own if own is not None else stages)}
    start = guide.ladder.rules.start_stage
    if start not in ids:
        errors.append(
            files["ladder"].error(("rules", "start_stage"), f"unknown stage `{start}`" + did_you_mean(start, ids))
        )
    return errors


def check(guide: Guide, files: dict[str, YamlFile]) -> list[DataError]:
    """Every problem between items and files of the shipped data, in one list."""
    return (
        check_ids(guide, files)
        + check_keys(guide, files)
        + check_routines(guide, files)
        + check_thresholds(guide, files)
        + check_red_flags(guide, files)
    )
