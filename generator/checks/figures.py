"""Figures checked against the human body and the exercise list: angles within what a joint can
do, parts said to touch the floor really resting on it, one figure per exercise (two poses for a
strength exercise, one held pose for a stretch) and one per variant of it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from ..errors import DataError, Loc, did_you_mean
from ..model.figure import FRONT_VIEW_RANGES, JOINT_RANGES, TRUNK_RANGES, Figure
from ..model.skeleton import (
    CONTACT_PARTS,
    CONTACT_TOLERANCE,
    SINK_TOLERANCE,
    STEP_H,
    contact_height,
    lowest,
    placed_body,
    resting,
    surface,
)
from ..numbers import format_number
from ..read.yamlfile import YamlFile


def _range_of(view: str, joint: str) -> tuple[float, float, str]:
    if view == "front" and joint in FRONT_VIEW_RANGES:
        return FRONT_VIEW_RANGES[joint]
    return JOINT_RANGES[joint]


def drawings(figure_id: str, figure: Figure) -> Iterator[tuple[Loc, Figure]]:
    """A figure and each of its variants' figures, with where each is in figures.yml."""
    yield ("figures", figure_id), figure
    for variant_id, drawing in figure.variants.items():
        yield ("figures", figure_id, "variants", variant_id), drawing


def angle_errors(at: Loc, figure: Figure, source: YamlFile) -> list[DataError]:
    """Each angle outside what a human joint can do, located at its line (`at`: the figure's place)."""
    errors = []
    for pose_name, pose in figure.poses.items():
        loc = (*at, pose_name)
        low, high, meaning = TRUNK_RANGES[pose.base]
        if not low <= pose.trunk <= high:
            errors.append(
                source.error(
                    loc + ("trunk",),
                    f"{format_number(pose.trunk)} is outside the trunk's range "
                    f"for {pose.base}, {format_number(low)} to {format_number(high)} degrees ({meaning})",
                )
            )
        for name, joint, value in pose.angle_fields():
            low, high, meaning = _range_of(figure.view, joint)
            if not low <= value <= high:
                errors.append(
                    source.error(
                        loc + (name,),
                        f"{format_number(value)} is outside the human range of the "
                        f"{joint}, {format_number(low)} to {format_number(high)} degrees ({meaning})",
                    )
                )
    return errors


def contact_errors(at: Loc, figure: Figure, source: YamlFile) -> list[DataError]:
    """Parts said to touch the floor must reach it, and nothing may sink through it."""
    errors = []
    for pose_name, pose in figure.poses.items():
        body = placed_body(figure, pose)
        loc = (*at, pose_name)
        floor = surface(figure)
        for part in CONTACT_PARTS:
            gap = lowest(body, part) - floor
            if gap < -SINK_TOLERANCE and not (figure.step_foot and part == f"{figure.step_foot}-foot"):
                errors.append(
                    source.error(
                        loc, f"the {part.replace('-', ' ')} goes {-gap:.0f} units through the floor; change the angles"
                    )
                )
        for index, part in enumerate(pose.touching):
            gap = resting(figure, body, part) - contact_height(figure, part)
            if abs(gap) > CONTACT_TOLERANCE:
                where = "above" if gap > 0 else "below"
                errors.append(
                    source.error(
                        loc + ("touching", index),
                        f"the {part.replace('-', ' ')} should rest on the "
                        f"{'step' if contact_height(figure, part) == STEP_H and figure.step_foot else 'floor'}"
                        f" but is {abs(gap):.0f} units {where} it; change the angles",
                    )
                )
    return errors


def check_figures(
    figures: Mapping[str, Figure],
    exercise_ids: Iterable[str],
    source: YamlFile,
    kinds: Mapping[str, str] | None = None,
    listed: Iterable[str] | None = None,
    variants: Mapping[str, list[str]] | None = None,
) -> list[DataError]:
    """Every exercise needs a figure and every figure an exercise (by id); with `kinds` (id →
    strength/stretch), a strength exercise needs start and end poses and a stretch one hold pose.
    With `variants` (id → its variants' ids), every variant needs a figure of its own and every
    variant figure a variant. `listed`: ids written in the file, valid or not (default: those of
    `figures`)."""
    errors = []
    wanted = list(exercise_ids)
    present = set(listed) if listed is not None else set(figures)
    for item_id in wanted:
        if item_id not in present:
            errors.append(
                source.error(
                    ("figures",), f"exercise `{item_id}` has no figure: add one under `figures`", field_name="figures"
                )
            )
    for figure_id, figure in figures.items():
        if figure_id not in wanted:
            errors.append(source.error(("figures", figure_id), "no exercise or stretch has this id"))
            continue
        for at, drawing in drawings(figure_id, figure):
            errors += _kind_errors(at, drawing, kinds.get(figure_id) if kinds else None, source)
            if at[2:] and drawing.variants:
                errors.append(source.error((*at, "variants"), "a variant's figure has no variants of its own"))
        if variants is not None:
            errors += _variant_errors(figure_id, figure, variants.get(figure_id, []), source)
    return errors


def _kind_errors(at: Loc, figure: Figure, kind: str | None, source: YamlFile) -> list[DataError]:
    if kind == "strength" and figure.hold is not None:
        return [source.error((*at, "hold"), "a strength exercise is drawn with `start` and `end`")]
    if kind == "stretch" and figure.hold is None:
        return [source.error((*at, "start"), "a stretch is drawn with one `hold` pose")]
    return []


def _variant_errors(figure_id: str, figure: Figure, known: list[str], source: YamlFile) -> list[DataError]:
    """A variant is done differently, so its picture must show it: the exercise's own picture
    would show the other way (a heel dropping below a step, for a routine that must not)."""
    errors = []
    for variant_id in known:
        if variant_id not in figure.variants:
            errors.append(
                source.error(
                    ("figures", figure_id),
                    f"variant `{variant_id}` of `{figure_id}` has no figure: add one under "
                    f"`figures.{figure_id}.variants.{variant_id}`",
                )
            )
    for variant_id in figure.variants:
        if variant_id not in known:
            errors.append(
                source.error(
                    ("figures", figure_id, "variants", variant_id),
                    f"`{figure_id}` has no variant `{variant_id}`" + did_you_mean(variant_id, known),
                )
            )
    return errors
