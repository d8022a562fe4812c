"""The picture of each exercise as data: a view, props, the working muscles, and one or two
poses given as joint angles (with the human ranges that bound them)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import Field, Strict, model_validator

from .common import Cue, Model, Slug, Text

Base = Literal["standing", "sitting", "kneeling", "half-kneeling", "lying-back", "lying-side"]
Prop = Literal["floor", "mat", "band-knees", "strap", "step", "wall", "chair"]
Area = Literal["glutes", "hip-side", "hip-front", "thigh-front", "thigh-back", "calf"]
Side = Literal["left", "right"]
Point = Literal[
    "head",
    "hips",
    "shoulders",
    "left-hand",
    "right-hand",
    "left-elbow",
    "right-elbow",
    "left-knee",
    "right-knee",
    "left-foot",
    "right-foot",
]
Touching = Literal[
    "head", "back", "shoulders", "hips", "left-hand", "right-hand", "left-knee", "right-knee", "left-foot", "right-foot"
]
Direction = Literal["up", "down", "forward", "back", "up-forward", "up-back", "down-forward", "down-back"]

# Human joint ranges in degrees, as (lowest, highest, what the numbers mean). The side view
# measures the anatomical bend; a figure lying on its side (front view) may also lift a leg
# towards the ceiling, written as a negative hip angle.
JOINT_RANGES: dict[str, tuple[float, float, str]] = {
    "neck": (-40, 60, "0 = in line with the trunk, more = chin towards the chest"),
    "hip": (-30, 130, "0 = thigh in line with the trunk, more = thigh forwards, less = thigh behind"),
    "knee": (0, 155, "0 = straight, more = bent"),
    "ankle": (-50, 35, "0 = foot at a right angle to the shin, more = toes up, less = toes pointed"),
    "shoulder": (-60, 180, "0 = arm along the trunk, more = arm forwards and up, less = arm behind"),
    "elbow": (0, 150, "0 = straight, more = bent"),
}
FRONT_VIEW_RANGES: dict[str, tuple[float, float, str]] = {
    "hip": (-45, 130, "0 = leg in line with the trunk, more = knee forwards, less = leg lifted towards the ceiling"),
}
TRUNK_RANGES: dict[str, tuple[float, float, str]] = {
    "standing": (-30, 90, "0 = upright, more = leaning forwards"),
    "sitting": (-30, 60, "0 = upright, more = leaning forwards"),
    "kneeling": (-30, 90, "0 = upright, more = leaning forwards"),
    "half-kneeling": (-30, 90, "0 = upright, more = leaning forwards"),
    "lying-back": (0, 45, "0 = flat on the floor, more = hips lifted"),
    "lying-side": (-20, 20, "0 = lying straight"),
}
PAIRED_JOINTS = ("hip", "knee", "ankle", "shoulder", "elbow")
Degrees = Annotated[float, Strict()]  # a number: `yes` or "90" in YAML is a mistake, not 1 or 90


def _angle(joint: str, both: bool = False) -> Any:
    """A joint angle field: the JSON Schema carries the widest human range for editors, while
    the loader checks the range that fits the view and gives a readable message."""
    low = min(JOINT_RANGES[joint][0], FRONT_VIEW_RANGES.get(joint, JOINT_RANGES[joint])[0])
    high = max(JOINT_RANGES[joint][1], FRONT_VIEW_RANGES.get(joint, JOINT_RANGES[joint])[1])
    which = "both sides" if both else "this side (overrides the value for both sides)"
    return Field(
        None,
        description=f"{joint} angle in degrees, {which}: {JOINT_RANGES[joint][2]}",
        json_schema_extra={"minimum": low, "maximum": high},
    )


class Motion(Model):
    """A small arrow beside a body point, showing which way it moves next."""

    at: Point
    direction: Direction


class Pose(Model):
    """One position of the body: where it rests and how each joint is bent (degrees)."""

    base: Base
    trunk: Degrees = Field(
        0.0,
        description="trunk angle; its meaning depends on `base` (see the file's header)",
        json_schema_extra={"minimum": -30, "maximum": 90},
    )
    neck: Degrees | None = _angle("neck", both=True)
    hips: Degrees | None = _angle("hip", both=True)
    hip_left: Degrees | None = _angle("hip")
    hip_right: Degrees | None = _angle("hip")
    knees: Degrees | None = _angle("knee", both=True)
    knee_left: Degrees | None = _angle("knee")
    knee_right: Degrees | None = _angle("knee")
    ankles: Degrees | None = _angle("ankle", both=True)
    ankle_left: Degrees | None = _angle("ankle")
    ankle_right: Degrees | None = _angle("ankle")
    shoulders: Degrees | None = _angle("shoulder", both=True)
    shoulder_left: Degrees | None = _angle("shoulder")
    shoulder_right: Degrees | None = _angle("shoulder")
    elbows: Degrees | None = _angle("elbow", both=True)
    elbow_left: Degrees | None = _angle("elbow")
    elbow_right: Degrees | None = _angle("elbow")
    touching: list[Touching] = Field(
        [], description="body parts that rest on the floor (or the step); checked when loading"
    )
    motion: Motion | None = None

    def angle(self, joint: str, side: Side) -> float:
        """The angle of one joint on one side: the side's own value, else the pair's, else 0."""
        own = getattr(self, f"{joint}_{side}")
        pair = getattr(self, f"{joint}s")
        return float(own if own is not None else pair if pair is not None else 0)

    def angle_fields(self) -> Iterator[tuple[str, str, float]]:
        """(field name, joint, value) for every angle written in the data."""
        if self.neck is not None:
            yield "neck", "neck", self.neck
        for joint in PAIRED_JOINTS:
            for name in (f"{joint}s", f"{joint}_left", f"{joint}_right"):
                value = getattr(self, name)
                if value is not None:
                    yield name, joint, value


class WorkingArea(Model):
    """The muscle area that does the work, tinted and hatched in the picture."""

    area: Area
    side: Literal["left", "right", "both"] = "both"


class Figure(Model):
    """The picture of one exercise: two poses (start, end) or one held pose (hold). A variant of
    the exercise that looks different (heel drops on the floor, not over a step) has its own
    picture under `variants`, by the variant's id; a routine that names the variant shows it."""

    view: Literal["side", "front"]
    props: list[Prop] = []
    working: list[WorkingArea] = Field(min_length=1)
    hint: Cue | None = Field(
        None, description="a short instruction added to the alt text, e.g. keep your feet together"
    )
    step_foot: Side | None = Field(None, description="with a step: the foot that stands on it")
    step_edge: bool = Field(
        False,
        description="with a step: the step foot stands on the step's edge by the ball of the foot, its heel free "
        "to rise above the step or drop below it (heel raises and heel drops)",
    )
    start: Pose | None = None
    end: Pose | None = None
    hold: Pose | None = None
    variants: dict[Slug, Figure] = Field(
        {},
        description="the picture of each variant of the exercise (exercises.yml `variants`), by the variant's id: "
        "a whole figure of its own, drawn as that variant is done",
    )

    @model_validator(mode="after")
    def _consistent(self) -> Figure:
        if self.hold is not None and (self.start is not None or self.end is not None):
            raise ValueError("give either `start` and `end` (an exercise) or `hold` (a stretch), not both")
        if self.hold is None and (self.start is None or self.end is None):
            raise ValueError("a figure needs `start` and `end` poses, or one `hold` pose")
        if len(set(self.props)) != len(self.props):
            raise ValueError("a prop is listed twice")
        if ("step" in self.props) != (self.step_foot is not None):
            raise ValueError("a figure with a `step` prop needs `step_foot` (and `step_foot` needs a step)")
        if self.step_edge and self.step_foot is None:
            raise ValueError("`step_edge` needs a `step` prop and its `step_foot`")
        for name, pose in self.poses.items():
            side_lying = pose.base == "lying-side"
            if side_lying != (self.view == "front"):
                raise ValueError(
                    f"{name}: a figure lying on its side is drawn with `view: front`, every other one with `view: side`"
                )
        return self

    def stays_down(self, part: str) -> bool:
        """Whether a part touches the floor (or step) in every pose: a foot that stays down while
        its arrow points up lifts only its heel."""
        return all(part in pose.touching for pose in self.poses.values())

    @property
    def poses(self) -> dict[str, Pose]:
        """The poses in reading order: start and end, or the one hold."""
        if self.hold is not None:
            return {"hold": self.hold}
        return {"start": self.start, "end": self.end}  # type: ignore[dict-item]

    def drawing(self, variant: str | None) -> Figure:
        """The figure of one of its variants where it has its own, else this one."""
        return self.variants.get(variant, self) if variant is not None else self


class FiguresFile(Model):
    figures: dict[Slug, Figure] = Field(min_length=1)


class FigureText(Model):
    description: Text


class FigureWordsFile(Model):
    """What the guide's drawn figures say in words: each figure's description (its alt text),
    written from its poses in the data's language (figure_words.py) and translated like any other
    word, by figure id (translations/<code>/figures.yml). A pose edited in the data changes the
    English, so its translation shows as out of date."""

    figures: dict[str, FigureText]


def figure_key(item_id: str, variant: str | None = None) -> str:
    """The name of an item's picture, or of one of its variants' (`<item>--<variant>`): SVG ids
    and the player's <template data-player-figure> use it."""
    return f"{item_id}--{variant}" if variant else item_id
