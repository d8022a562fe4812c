"""Figures checked against the human body and the exercise list: angles within what a joint can
do, parts said to touch the floor really resting on it, one figure per exercise (two poses for a
strength exercise, one held pose for a stretch)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..errors import DataError
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


def angle_errors(figure_id: str, figure: Figure, source: YamlFile) -> list[DataError]:
    """Each angle outside what a human joint can do, located at its line."""
    errors = []
    for pose_name, pose in figure.poses.items():
        loc = ("figures", figure_id, pose_name)
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


def contact_errors(figure_id: str, figure: Figure, source: YamlFile) -> list[DataError]:
    """Parts said to touch the floor must reach it, and nothing may sink through it."""
    errors = []
    for pose_name, pose in figure.poses.items():
        body = placed_body(figure, pose)
        loc = ("figures", figure_id, pose_name)
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
) -> list[DataError]:
    """Every exercise needs a figure and every figure an exercise (by id); with `kinds` (id →
    strength/stretch), a strength exercise needs start and end poses and a stretch one hold pose.
    `listed`: ids written in the file, valid or not (default: those of `figures`)."""
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
        elif kinds and kinds.get(figure_id) == "strength" and figure.hold is not None:
            errors.append(
                source.error(("figures", figure_id, "hold"), "a strength exercise is drawn with `start` and `end`")
            )
        elif kinds and kinds.get(figure_id) == "stretch" and figure.hold is None:
            errors.append(source.error(("figures", figure_id, "start"), "a stretch is drawn with one `hold` pose"))
    return errors
