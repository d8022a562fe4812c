"""Numbers in prose: free text writes `{exercises.clams.reps}` and the value is filled in from the
data, so a page, a card and the flowchart can never disagree about a number.

Filling happens on validated models: every number is already the right type, and the dose a
clinic's overlay sets is the one prose quotes (`effective_dose`, the one rule for that)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from pydantic import BaseModel

from ..errors import DataError, Loc
from ..model import (
    AnyDose,
    Brand,
    Exercise,
    ExerciseTiming,
    Item,
    LadderEntryFile,
    LadderFile,
    PainRule,
    ProgressFile,
    RecoveryTool,
    RedFlag,
    Routine,
    Scope,
    WeightFile,
)
from ..numbers import format_number
from .yamlfile import YamlFile

# A number from the data has a dotted name (`{pain.acceptable_max}`); a plain `{name}` is a slot
# that a page fills in at run time (the words in ui.yml), and is left as it is.
PLACEHOLDER = re.compile(r"\{([a-z0-9_-]+(?:\.[a-z0-9_-]+)+)\}")
M = TypeVar("M", bound=BaseModel)


def effective_dose(item: Item, brand: Brand) -> AnyDose | None:
    """The dose of an item in this copy of the guide: the clinic's override, else the item's own."""
    return brand.overlay.doses.get(item.id, item.dose)


def _numbers(model: BaseModel | None, prefix: str = "", nested: bool = False) -> dict[str, float]:
    """The numbers of a model by field name (with `nested`, of its sub-models too, dotted)."""
    if model is None:
        return {}
    found: dict[str, float] = {}
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            found[prefix + name] = value
        elif nested and isinstance(value, BaseModel):
            found.update(_numbers(value, f"{prefix}{name}.", nested=True))
    return found


def shared_names(
    timing: ExerciseTiming,
    exercises: Iterable[Exercise],
    recovery: Iterable[RecoveryTool],
    brand: Brand,
    ladder: LadderFile,
    progress: ProgressFile,
    flags: Iterable[RedFlag] = (),
    locale: str | None = None,
) -> dict[str, str]:
    """Every number that prose anywhere may quote, by its dotted name, already formatted: what
    the protocols share (the exercises and tools, with a clinic's doses; pace; the ladder; the log;
    the shared warning signs)."""
    names: dict[str, float] = {f"timing.{k}": v for k, v in _numbers(timing, nested=True).items()}
    for section, items in (
        ("exercises", [*exercises, *brand.overlay.exercises]),
        ("recovery", [*recovery, *brand.overlay.recovery]),
    ):
        for item in items:
            for k, v in {**_numbers(item), **_numbers(effective_dose(item, brand))}.items():
                names[f"{section}.{item.id}.{k}"] = v
    names.update({f"ladder.{k}": v for k, v in _numbers(ladder, nested=True).items()})
    names.update({f"progress.rules.{k}": v for k, v in _numbers(progress.rules).items()})
    for stage in ladder.stages:
        names.update({f"ladder.stages.{stage.id}.{k}": v for k, v in _numbers(stage).items()})
    names.update(_flag_numbers(flags))
    return {k: format_number(v, locale) for k, v in names.items()}


def _flag_numbers(flags: Iterable[RedFlag]) -> dict[str, float]:
    """The numbers a warning sign names (`{flags.<id>.weeks}`)."""
    return {f"flags.{f.id}.{k}": v for f in flags for k, v in _numbers(f).items()}


def protocol_names(
    shared: Mapping[str, str],
    pain: PainRule,
    scope: Scope,
    weight: WeightFile | None,
    entry: LadderEntryFile | None,
    routines: Iterable[Routine] = (),
    flags: Iterable[RedFlag] = (),
    locale: str | None = None,
) -> dict[str, str]:
    """What a protocol's own prose may quote besides the shared numbers: its pain rule, its scope,
    its weight advice, when its runners may start the ladder, its routines' schedules
    (`{routines.<id>.schedule.weeks}`) and the numbers its own warning signs name."""
    names: dict[str, float] = {f"pain.{k}": v for k, v in _numbers(pain).items()}
    names.update({f"scope.{k}": v for k, v in _numbers(scope).items()})
    names.update({f"weight.{k}": v for k, v in _numbers(weight, nested=True).items()})
    names.update({f"ladder.{k}": v for k, v in _numbers(entry, nested=True).items()})
    for routine in routines:
        names.update({f"routines.{routine.id}.{k}": v for k, v in _numbers(routine, nested=True).items()})
    names.update(_flag_numbers(flags))
    return {**shared, **{k: format_number(v, locale) for k, v in names.items()}}


def _fill_value(value: Any, loc: Loc, names: Mapping[str, str], source: YamlFile, errors: list[DataError]) -> Any:
    if isinstance(value, str):

        def replace(match: re.Match[str]) -> str:
            if match.group(1) in names:
                return names[match.group(1)]
            errors.append(source.error(loc, f"unknown number `{{{match.group(1)}}}` in text"))
            return match.group(0)

        return PLACEHOLDER.sub(replace, value) if "{" in value else value
    if isinstance(value, BaseModel):
        return fill(value, loc, names, source, errors)
    if isinstance(value, list):
        filled = [_fill_value(v, loc + (i,), names, source, errors) for i, v in enumerate(value)]
        return filled if any(a is not b for a, b in zip(filled, value, strict=False)) else value
    if isinstance(value, dict):
        filled_map = {k: _fill_value(v, loc + (k,), names, source, errors) for k, v in value.items()}
        return filled_map if any(filled_map[k] is not value[k] for k in value) else value
    return value


def fill(model: M, loc: Loc, names: Mapping[str, str], source: YamlFile, errors: list[DataError]) -> M:
    """`model` with every placeholder in its text replaced; an unknown name is a located error."""
    changes = {}
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        filled = _fill_value(value, loc + (info.alias or name,), names, source, errors)
        if filled is not value:
            changes[name] = filled
    return model.model_copy(update=changes) if changes else model
