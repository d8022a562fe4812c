"""Exercise pictures drawn from data: pose models, checks, and an SVG line-art renderer.

`data/figures.yml` describes each exercise and stretch as a stick figure: a view, the props, the
working muscle area and one or two poses given as joint angles. The renderer places a skeleton of
fixed segment lengths by forward kinematics, so a figure can bend but never stretch, and writes
plain SVG (absolute coordinates, no transforms on drawn shapes) that is identical on every run.

Coordinates are worked out with y pointing up and the floor at y = 0, then flipped for SVG.
"""
from __future__ import annotations

import argparse
import html
import math
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, Strict, ValidationError, model_validator

from .errors import DataError, DataErrors
from .validation import display_path, validation_errors
from .models import Cue, Model, Slug
from .yamlfile import YamlFile, read_yaml

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------------------------
# Vocabulary of the data file
# ---------------------------------------------------------------------------------------------

Base = Literal["standing", "sitting", "kneeling", "half-kneeling", "lying-back", "lying-side"]
Prop = Literal["floor", "mat", "band-knees", "strap", "step", "wall", "chair"]
Area = Literal["glutes", "hip-side", "hip-front", "thigh-front", "thigh-back", "calf"]
Side = Literal["left", "right"]
Point = Literal["head", "hips", "shoulders",
                "left-hand", "right-hand", "left-elbow", "right-elbow",
                "left-knee", "right-knee", "left-foot", "right-foot"]
Contact = Literal["head", "back", "shoulders", "hips", "left-hand", "right-hand",
                  "left-knee", "right-knee", "left-foot", "right-foot"]
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


def _angle(joint: str, both: bool = False) -> object:
    """A joint angle field: the JSON Schema carries the widest human range for editors, while
    the loader checks the range that fits the view and gives a readable message."""
    low = min(JOINT_RANGES[joint][0], FRONT_VIEW_RANGES.get(joint, JOINT_RANGES[joint])[0])
    high = max(JOINT_RANGES[joint][1], FRONT_VIEW_RANGES.get(joint, JOINT_RANGES[joint])[1])
    which = "both sides" if both else "this side (overrides the value for both sides)"
    return Field(None, description=f"{joint} angle in degrees, {which}: {JOINT_RANGES[joint][2]}",
                 json_schema_extra={"minimum": low, "maximum": high})


class Motion(Model):
    """A small arrow beside a body point, showing which way it moves next."""

    at: Point
    direction: Direction


class Pose(Model):
    """One position of the body: where it rests and how each joint is bent (degrees)."""

    base: Base
    trunk: Degrees = Field(0.0, description="trunk angle; its meaning depends on `base` (see the file's header)",
                         json_schema_extra={"minimum": -30, "maximum": 90})
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
    touching: list[Contact] = Field([], description="body parts that rest on the floor (or the step); checked when loading")
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
    """The picture of one exercise: two poses (start, end) or one held pose (hold)."""

    view: Literal["side", "front"]
    props: list[Prop] = []
    working: list[WorkingArea] = Field(min_length=1)
    hint: Cue | None = Field(None, description="a short instruction added to the alt text, e.g. keep your feet together")
    step_foot: Side | None = Field(None, description="with a step: the foot that stands on it")
    start: Pose | None = None
    end: Pose | None = None
    hold: Pose | None = None

    @model_validator(mode="after")
    def _consistent(self) -> "Figure":
        if self.hold is not None and (self.start is not None or self.end is not None):
            raise ValueError("give either `start` and `end` (an exercise) or `hold` (a stretch), not both")
        if self.hold is None and (self.start is None or self.end is None):
            raise ValueError("a figure needs `start` and `end` poses, or one `hold` pose")
        if len(set(self.props)) != len(self.props):
            raise ValueError("a prop is listed twice")
        if ("step" in self.props) != (self.step_foot is not None):
            raise ValueError("a figure with a `step` prop needs `step_foot` (and `step_foot` needs a step)")
        for name, pose in self.poses.items():
            side_lying = pose.base == "lying-side"
            if side_lying != (self.view == "front"):
                raise ValueError(f"{name}: a figure lying on its side is drawn with `view: front`, every other one with `view: side`")
        return self

    @property
    def poses(self) -> dict[str, Pose]:
        """The poses in reading order: start and end, or the one hold."""
        if self.hold is not None:
            return {"hold": self.hold}
        return {"start": self.start, "end": self.end}  # type: ignore[dict-item]


class FiguresFile(Model):
    figures: dict[Slug, Figure] = Field(min_length=1)


def figures_json_schema() -> dict:
    """The JSON Schema an editor uses for completion and checking while typing."""
    return FiguresFile.model_json_schema()


# ---------------------------------------------------------------------------------------------
# The skeleton and forward kinematics
# ---------------------------------------------------------------------------------------------

# Segment lengths in drawing units (about a centimetre each for an adult of 175 cm).
TRUNK = 52.0      # hip joint to shoulder joint
HEAD_R = 11.0
NECK = 7.0        # shoulder joint to the bottom of the head
UPPER_ARM = 30.0
FOREARM = 29.0    # elbow to the hand
THIGH = 45.0
SHIN = 43.0
FOOT = 17.0       # ankle to toes
HEEL = 4.0        # ankle to the back of the heel
FRONT_FOOT = 6.0  # a foot pointing at the viewer, seen end-on
LIMB_W = 10.0     # stroke width of arms and legs
TRUNK_W = 22.0
HALO = 3.0        # white outline that keeps crossing limbs apart
HIP_STACK = 6.0   # lying on the side: the top hip and shoulder sit this far above the bottom ones

# Props
MAT_T = 3.0
STEP_H = 15.0
STEP_DEPTH = 48.0
WALL_T = 8.0
CHAIR_SEAT = 45.0
CONTACT_TOLERANCE = 2.5   # a touching part may rest this far above or below its surface
SINK_TOLERANCE = 1.0      # any other part may dip this far into the floor (stroke rounding)

INK = "#263238"       # near limbs, trunk and head
FAR_INK = "#90a4ae"   # limbs on the far side
PROP_FILL = "#eceff1"
PROP_INK = "#78909c"
MAT_FILL = "#dfe6ea"
BAND_INK = "#c0561b"  # band and strap: a warm colour that stays mid-grey in black and white
ARROW_INK = "#263238"

Vec = tuple[float, float]


def _dir(degrees: float) -> Vec:
    r = math.radians(degrees)
    return (math.cos(r), math.sin(r))


def _add(a: Vec, b: Vec, k: float = 1.0) -> Vec:
    return (a[0] + b[0] * k, a[1] + b[1] * k)


def _dist(a: Vec, b: Vec) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


@dataclass
class Body:
    """Joint positions of one pose (y up) plus what the renderer needs to draw it."""

    view: str
    base: str
    points: dict[str, Vec]
    trunk_angle: float   # world direction from pelvis to shoulders
    mirror: float        # +1: a side view facing right; -1: lying on the side, seen from the front
    leg_angles: dict[str, float] = field(default_factory=dict)  # world direction of each thigh

    def shifted(self, dx: float, dy: float) -> "Body":
        moved = {k: (x + dx, y + dy) for k, (x, y) in self.points.items()}
        return Body(self.view, self.base, moved, self.trunk_angle, self.mirror, self.leg_angles)

    def p(self, name: str) -> Vec:
        return self.points[name]


def trunk_direction(base: str, trunk: float) -> float:
    """World angle of the line pelvis → shoulders for a base and its trunk angle."""
    if base.startswith("lying"):
        return 180.0 + trunk       # head to the left; lying on the back, hips lifted as trunk grows
    return 90.0 - trunk            # upright, facing right, leaning forwards as trunk grows


def pose_skeleton(view: str, pose: Pose) -> Body:
    """Forward kinematics from the pelvis: every segment keeps its constant length.

    Side view: the figure faces right, so the body's right side is nearest the viewer and a
    forward bend turns counter-clockwise. Lying on the side, seen from the front, the picture is
    mirrored: bending forwards brings a limb towards the viewer, drawn downwards."""
    mirror = -1.0 if view == "front" else 1.0
    t = trunk_direction(pose.base, pose.trunk)
    pelvis: Vec = (0.0, 0.0)
    neck_mid = _add(pelvis, _dir(t), TRUNK)
    pts: dict[str, Vec] = {"pelvis": pelvis, "neck": neck_mid}
    neck = pose.neck or 0.0
    pts["head"] = _add(neck_mid, _dir(t - mirror * neck), NECK + HEAD_R)
    legs: dict[str, float] = {}
    for side in ("left", "right"):
        lateral: Vec = (0.0, (HIP_STACK if side == "right" else -HIP_STACK) if view == "front" else 0.0)
        hip = _add(pelvis, lateral)
        hip_angle = pose.angle("hip", side)
        thigh = t + 180 + mirror * hip_angle
        # The knee folds the shin back towards the body line; a leg lifted towards the ceiling
        # (negative hip, front view) folds the other way.
        fold = -1.0 if (view == "front" and hip_angle < 0) else 1.0
        shin = thigh - mirror * fold * pose.angle("knee", side)
        knee = _add(hip, _dir(thigh), THIGH)
        ankle = _add(knee, _dir(shin), SHIN)
        if view == "front":
            heel, toe = ankle, _add(ankle, (0.0, -1.0), FRONT_FOOT)
        else:
            foot = shin + 90 + pose.angle("ankle", side)
            heel, toe = _add(ankle, _dir(foot), -HEEL), _add(ankle, _dir(foot), FOOT)
        shoulder = _add(neck_mid, lateral)
        arm = t + 180 + mirror * pose.angle("shoulder", side)
        fore = arm + mirror * pose.angle("elbow", side)
        elbow = _add(shoulder, _dir(arm), UPPER_ARM)
        hand = _add(elbow, _dir(fore), FOREARM)
        pts.update({f"hip_{side}": hip, f"knee_{side}": knee, f"ankle_{side}": ankle,
                    f"heel_{side}": heel, f"toe_{side}": toe, f"shoulder_{side}": shoulder,
                    f"elbow_{side}": elbow, f"hand_{side}": hand})
        legs[side] = thigh
    return Body(view, pose.base, pts, t, mirror, legs)


# Parts that can touch the floor: the points that make them up and the stroke radius around them.
CONTACT_PARTS: dict[str, tuple[tuple[str, ...], float]] = {
    "head": (("head",), HEAD_R),
    "back": (("pelvis", "neck"), TRUNK_W / 2),
    "shoulders": (("neck",), TRUNK_W / 2),
    "hips": (("pelvis",), TRUNK_W / 2),
    **{f"{s}-hand": ((f"hand_{s}",), LIMB_W / 2) for s in ("left", "right")},
    **{f"{s}-knee": ((f"knee_{s}",), LIMB_W / 2) for s in ("left", "right")},
    **{f"{s}-foot": ((f"ankle_{s}", f"heel_{s}", f"toe_{s}"), LIMB_W / 2) for s in ("left", "right")},
}


def lowest(body: Body, part: str) -> float:
    """Height of the underside of a body part (its stroke included)."""
    names, radius = CONTACT_PARTS[part]
    return min(body.p(n)[1] for n in names) - radius


def body_bottom(body: Body) -> float:
    return min(lowest(body, part) for part in CONTACT_PARTS) if body.points else 0.0


def surface(figure: Figure) -> float:
    """Height of what the body lies or stands on: the floor, or the top of the mat."""
    return MAT_T if "mat" in figure.props else 0.0


def placed_body(figure: Figure, pose: Pose) -> Body:
    """The pose set down: its lowest part rests on the floor (or mat), or the step foot on the step.

    Horizontally the pelvis stays at x = 0 so start and end line up."""
    body = pose_skeleton(figure.view, pose)
    if figure.step_foot is not None:
        return body.shifted(0.0, STEP_H - lowest(body, f"{figure.step_foot}-foot"))
    return body.shifted(0.0, surface(figure) - body_bottom(body))


def contact_height(figure: Figure, part: str) -> float:
    """The height a touching part should rest at."""
    if figure.step_foot is not None and part == f"{figure.step_foot}-foot":
        return STEP_H
    return surface(figure)


# ---------------------------------------------------------------------------------------------
# Drawing: shapes in world coordinates, then SVG
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Shape:
    """One SVG element with absolute coordinates; `extent` is how far ink reaches around them."""

    tag: str                      # line, polyline, polygon, circle
    points: tuple[Vec, ...]
    attrs: tuple[tuple[str, str], ...]
    extent: float = 0.0           # half the stroke width (plus the radius for circles)
    radius: float = 0.0


def _stroke(points: list[Vec] | tuple[Vec, ...], colour: str, width: float, part: str | None = None,
            closed: bool = False, fill: str = "none") -> Shape:
    attrs = [("fill", fill), ("stroke", colour), ("stroke-width", _num(width))]
    if part:
        attrs.insert(0, ("data-part", part))
    tag = "polygon" if closed else ("line" if len(points) == 2 else "polyline")
    return Shape(tag, tuple(points), tuple(attrs), width / 2)


def _fill(points: list[Vec], colour: str) -> Shape:
    return Shape("polygon", tuple(points), (("fill", colour), ("stroke", "none")), 0.0)


def _circle(centre: Vec, r: float, colour: str, part: str | None = None) -> Shape:
    attrs = [("fill", colour)]
    if part:
        attrs.insert(0, ("data-part", part))
    return Shape("circle", (centre,), tuple(attrs), r, r)


def _limb(points: list[Vec], colour: str, part: str) -> list[Shape]:
    """A limb as one rounded polyline, over a white halo so it stands out from what is behind."""
    return [_stroke(points, "#ffffff", LIMB_W + 2 * HALO), _stroke(points, colour, LIMB_W, part)]


def _rect(x0: float, y0: float, x1: float, y1: float) -> list[Vec]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _leg_points(body: Body, side: str) -> list[Vec]:
    # heel → ankle → toe is walked as ankle → heel → toe so the foot is one stroke with the shin.
    return [body.p(f"hip_{side}"), body.p(f"knee_{side}"), body.p(f"ankle_{side}"),
            body.p(f"heel_{side}"), body.p(f"toe_{side}")]


def _arm_points(body: Body, side: str) -> list[Vec]:
    return [body.p(f"shoulder_{side}"), body.p(f"elbow_{side}"), body.p(f"hand_{side}")]


def _normal(angle: float, body: Body, towards: str) -> Vec:
    """Unit vector across a limb that points away from the pelvis, to its front or back.

    Standing and facing right, a thigh points down (270°) and its front is to the right (0°):
    a quarter turn counter-clockwise; the front view's mirror turns the other way."""
    sign = 1.0 if towards == "front" else -1.0
    return _dir(angle + 90 * sign * body.mirror)


def _trunk_normal(body: Body, towards: str) -> Vec:
    """Front or back of the trunk, whose direction (pelvis → shoulders) points the other way."""
    return _normal(body.trunk_angle + 180, body, towards)


def _along(p: Vec, q: Vec, fraction: float) -> Vec:
    return _add(p, (q[0] - p[0], q[1] - p[1]), fraction)


Strip = tuple[Vec, Vec, float]   # a short thick stroke: from, to, width


def _on_side(p: Vec, q: Vec, normal: Vec, start: float, stop: float, width: float) -> Strip:
    """The part of the bone p → q between two fractions, pushed to one side so it bulges like a muscle."""
    return (_add(_along(p, q, start), normal, 3.5), _add(_along(p, q, stop), normal, 3.5), width)


def working_strips(body: Body, area: str, side: str) -> list[Strip]:
    """Where a muscle area lies in this pose: short thick strokes along the bones, to the front or
    back of the limb, so the front of a thigh differs from its back."""
    hip, knee, ankle = body.p(f"hip_{side}"), body.p(f"knee_{side}"), body.p(f"ankle_{side}")
    thigh, t = body.leg_angles[side], body.trunk_angle
    shin = math.degrees(math.atan2(ankle[1] - knee[1], ankle[0] - knee[0]))
    w = LIMB_W * 0.8
    if area == "thigh-front":
        return [_on_side(hip, knee, _normal(thigh, body, "front"), 0.2, 0.8, w)]
    if area == "thigh-back":
        return [_on_side(hip, knee, _normal(thigh, body, "back"), 0.2, 0.8, w)]
    if area == "calf":
        return [_on_side(knee, ankle, _normal(shin, body, "back"), 0.12, 0.55, w)]
    if area == "glutes":  # the buttock: behind the hip joint, from the pelvis onto the thigh
        a = _add(_add(hip, _dir(t), 6), _trunk_normal(body, "back"), 7)
        b = _add(_add(hip, _dir(thigh), 10), _normal(thigh, body, "back"), 5)
        return [(a, b, LIMB_W * 1.1)]
    if area == "hip-front":  # the hip flexors: in front of the hip joint
        a = _add(_add(hip, _dir(t), 9), _trunk_normal(body, "front"), 7)
        b = _add(_add(hip, _dir(thigh), 12), _normal(thigh, body, "front"), 4)
        return [(a, b, w)]
    # hip-side: the outer side of the hip; lying on the side, the side facing the ceiling.
    if body.view == "front":
        up = (0.0, 1.0 if side == "right" else -1.0)
        return [(_add(_add(hip, _dir(t), 4), up, 6), _add(_add(hip, _dir(thigh), 14), up, 4), LIMB_W * 1.1)]
    return [(_add(hip, _dir(t), 5), _add(hip, _dir(thigh), 12), LIMB_W * 1.1)]


def _working_shapes(body: Body, figure: Figure, side: str, hatch_id: str, primary: str) -> list[Shape]:
    shapes: list[Shape] = []
    for item in figure.working:
        if item.side not in (side, "both"):
            continue
        for a, b, width in working_strips(body, item.area, side):
            shapes.append(_stroke([a, b], primary, width + 2, None))
            shapes.append(_stroke([a, b], f"url(#{hatch_id})", width, f"working-{item.area}-{side}"))
    return shapes


def _band_shapes(body: Body) -> list[Shape]:
    """A resistance band just above the knees: a ring round each thigh, joined across in the front view."""
    shapes: list[Shape] = []
    spots = {}
    for side in ("left", "right"):
        hip, knee = body.p(f"hip_{side}"), body.p(f"knee_{side}")
        angle = body.leg_angles[side]
        centre = _add(hip, (knee[0] - hip[0], knee[1] - hip[1]), 0.78)
        across, along = _dir(angle + 90), _dir(angle)
        half = LIMB_W / 2 + 1.5
        ring = [_add(_add(centre, across, s1 * half), along, s2 * 2.2) for s1, s2 in ((1, 1), (1, -1), (-1, -1), (-1, 1))]
        spots[side] = (centre, across, half)
        shapes.append(_stroke(ring, BAND_INK, 1.6, "band", closed=True, fill=BAND_INK))
    if body.view == "front":
        (ca, na, ha), (cb, nb, hb) = spots["right"], spots["left"]
        # the loop runs from the outer side of the top thigh to the outer side of the bottom thigh
        top = _add(ca, na, ha if na[1] > 0 else -ha)
        bottom = _add(cb, nb, -hb if nb[1] > 0 else hb)
        shapes.append(_stroke([top, bottom], BAND_INK, 2.6, "band"))
    return shapes


def _strap_shapes(body: Body) -> list[Shape]:
    """A strap looped round the sole of the foot nearest the hands, both ends in the hands."""
    hands = body.p("hand_right")
    side = min(("left", "right"), key=lambda s: _dist(body.p(f"toe_{s}"), hands))
    heel, toe = body.p(f"heel_{side}"), body.p(f"toe_{side}")
    foot_angle = math.degrees(math.atan2(toe[1] - heel[1], toe[0] - heel[0]))
    sole = _dir(foot_angle - 90 * body.mirror)
    ball = _add(_add(heel, (toe[0] - heel[0], toe[1] - heel[1]), 0.8), sole, LIMB_W / 2 + 1.2)
    back = _add(_add(heel, (toe[0] - heel[0], toe[1] - heel[1]), 0.25), sole, LIMB_W / 2 + 1.2)
    return [_stroke([hands, ball, back], BAND_INK, 2.2, "strap", closed=True)]


def _props_behind(figure: Figure, body: Body) -> tuple[list[Shape], list[Shape]]:
    """Fills drawn under the body and outlines drawn over it (so contacts look crisp)."""
    under: list[Shape] = []
    over: list[Shape] = []
    xs = [p[0] for p in body.points.values()]
    left, right = min(xs) - HEAD_R - 6, max(xs) + HEAD_R + 6
    if "mat" in figure.props:
        top = MAT_T
        if figure.view == "front":
            # seen from the front and above, the mat is a strip of floor reaching back under the trunk
            top = body.p("pelvis")[1] - TRUNK_W / 2 + 4
        box = _rect(left, 0.0, right, top)
        if figure.view == "front":
            inset = min(16.0, top * 0.5)
            box = [(left, 0.0), (right, 0.0), (right - inset, top), (left + inset, top)]
        under.append(_fill(box, MAT_FILL))
        over.append(_stroke(box, PROP_INK, 1.2, "mat", closed=True))
    if "step" in figure.props and figure.step_foot:
        foot = figure.step_foot
        front = max(body.p(f"toe_{foot}")[0], body.p(f"heel_{foot}")[0]) + 2
        box = _rect(front - STEP_DEPTH, 0.0, front, STEP_H)
        under.append(_fill(box, PROP_FILL))
        over.append(_stroke(box, PROP_INK, 1.6, "step", closed=True))
    if "wall" in figure.props:
        x = max(body.p("hand_left")[0], body.p("hand_right")[0]) + LIMB_W / 2
        height = max(body.p("head")[1] + HEAD_R, body.p("hand_right")[1]) + 14
        box = _rect(x, 0.0, x + WALL_T, height)
        under.append(_fill(box, PROP_FILL))
        over.append(_stroke([(x, 0.0), (x, height)], PROP_INK, 1.6, "wall"))
    if "chair" in figure.props:
        over.extend(_chair(figure, body))
    return under, over


def _chair(figure: Figure, body: Body) -> list[Shape]:
    """A plain chair: under the pelvis when sitting, otherwise in front with its back under the hand."""
    ink, w = PROP_INK, 2.4
    if body.base == "sitting":
        seat_y = body.p("pelvis")[1] - TRUNK_W / 2
        x0 = body.p("pelvis")[0] - 16
        x1 = x0 + 40
        return [_stroke([(x0, seat_y), (x1, seat_y)], ink, w, "chair"),
                _stroke([(x0, 0.0), (x0, seat_y + 42)], ink, w, "chair"),
                _stroke([(x1, 0.0), (x1, seat_y)], ink, w, "chair")]
    hand = max((body.p("hand_left"), body.p("hand_right")), key=lambda p: p[0])
    x0 = hand[0] + LIMB_W / 2 + 1
    x1 = x0 + 38
    top = max(hand[1] - LIMB_W / 2, CHAIR_SEAT + 10)
    return [_stroke([(x0, 0.0), (x0, top)], ink, w, "chair"),
            _stroke([(x0, CHAIR_SEAT), (x1, CHAIR_SEAT)], ink, w, "chair"),
            _stroke([(x1, 0.0), (x1, CHAIR_SEAT)], ink, w, "chair")]


ARROW_VECTORS: dict[str, Vec] = {
    "up": (0, 1), "down": (0, -1), "forward": (1, 0), "back": (-1, 0),
    "up-forward": (0.7071, 0.7071), "up-back": (-0.7071, 0.7071),
    "down-forward": (0.7071, -0.7071), "down-back": (-0.7071, -0.7071),
}
ARROW_LENGTH = 20.0
ARROW_MIN = 12.0
ARROW_FLOOR_GAP = 4.0
MOTION_POINTS: dict[str, tuple[str, float]] = {
    "head": ("head", HEAD_R), "hips": ("pelvis", TRUNK_W / 2), "shoulders": ("neck", TRUNK_W / 2),
    **{f"{s}-{part}": (f"{name}_{s}", LIMB_W / 2) for s in ("left", "right")
       for part, name in (("hand", "hand"), ("elbow", "elbow"), ("knee", "knee"), ("foot", "ankle"))},
}


def motion_arrow(body: Body, motion: Motion) -> list[Shape]:
    """A short arrow starting just clear of the moving part and pointing where it goes.

    An arrow pointing down never reaches the floor: with too little room under the part it is
    drawn beside it, on the side the figure faces."""
    name, radius = MOTION_POINTS[motion.at]
    d = ARROW_VECTORS[motion.direction]
    point = body.p(name)
    start = _add(point, d, radius + 6)
    length = ARROW_LENGTH
    if d[1] < 0:
        room = (start[1] - ARROW_FLOOR_GAP) / -d[1]
        if room < ARROW_MIN:
            front = max(body.p(f"toe_{motion.at.split('-')[0]}")[0], point[0]) if motion.at.endswith("-foot") else point[0]
            start = (front + radius + 9, point[1] + 8)
            room = (start[1] - ARROW_FLOOR_GAP) / -d[1]
        length = max(ARROW_MIN, min(length, room))
    tip = _add(start, d, length)
    n = (-d[1], d[0])
    base = _add(tip, d, -8)
    head = [tip, _add(base, n, 5.5), _add(base, n, -5.5)]
    return [_stroke([start, base], ARROW_INK, 3.0, "motion"),
            Shape("polygon", tuple(head), (("data-part", "motion"), ("fill", ARROW_INK), ("stroke", ARROW_INK),
                                          ("stroke-width", "1.5"), ("stroke-linejoin", "round")), 0.75)]


def pose_shapes(figure: Figure, pose: Pose, hatch_id: str, primary: str) -> list[Shape]:
    """Every shape of one pose, back to front: props, far limbs, trunk, near limbs, extras."""
    body = placed_body(figure, pose)
    under, over = _props_behind(figure, body)
    shapes = list(under)
    # far side (left) first and lighter; lying on the side the bottom limbs are the left ones
    shapes += _limb(_arm_points(body, "left"), FAR_INK, "arm-left")
    shapes += _limb(_leg_points(body, "left"), FAR_INK, "leg-left")
    shapes += _working_shapes(body, figure, "left", hatch_id, primary)
    shapes.append(_stroke([body.p("pelvis"), body.p("neck")], INK, TRUNK_W, "trunk"))
    shapes.append(_circle(body.p("head"), HEAD_R, INK, "head"))
    shapes += _limb(_leg_points(body, "right"), INK, "leg-right")
    shapes += _working_shapes(body, figure, "right", hatch_id, primary)
    if "band-knees" in figure.props:
        shapes += _band_shapes(body)
    shapes += _limb(_arm_points(body, "right"), INK, "arm-right")
    if "strap" in figure.props:
        shapes += _strap_shapes(body)
    shapes += over
    if pose.motion is not None:
        shapes += motion_arrow(body, pose.motion)
    return shapes


def ground_line(shapes: list[Shape]) -> Shape:
    left, _, right, _ = bounding_box(shapes)
    return _stroke([(left - 8, -1.2), (right + 8, -1.2)], PROP_INK, 2.4, "ground")


def bounding_box(shapes: list[Shape]) -> tuple[float, float, float, float]:
    """(min x, min y, max x, max y) of all ink, strokes and radii included."""
    xs0, ys0, xs1, ys1 = [], [], [], []
    for s in shapes:
        for x, y in s.points:
            xs0.append(x - s.extent)
            ys0.append(y - s.extent)
            xs1.append(x + s.extent)
            ys1.append(y + s.extent)
    return min(xs0), min(ys0), max(xs1), max(ys1)


# ---------------------------------------------------------------------------------------------
# SVG text
# ---------------------------------------------------------------------------------------------

def _num(v: float) -> str:
    """Fixed one-decimal numbers, never "-0.0", so output is byte-stable."""
    text = f"{v:.1f}"
    return "0.0" if text == "-0.0" else text


def _pt(p: Vec) -> str:
    return f"{_num(p[0])},{_num(-p[1])}"


def _attr(name: str, value: str) -> str:
    return f'{name}="{html.escape(value, quote=True)}"'


def shape_svg(s: Shape) -> str:
    attrs = " ".join(_attr(k, v) for k, v in s.attrs)
    if s.tag == "circle":
        (x, y), = s.points
        return f'<circle cx="{_num(x)}" cy="{_num(-y)}" r="{_num(s.radius)}" {attrs}/>'
    if s.tag == "line":
        (x1, y1), (x2, y2) = s.points
        return f'<line x1="{_num(x1)}" y1="{_num(-y1)}" x2="{_num(x2)}" y2="{_num(-y2)}" {attrs}/>'
    return f'<{s.tag} points="{" ".join(_pt(p) for p in s.points)}" {attrs}/>'


def hatch_pattern(pattern_id: str, primary: str) -> str:
    """Diagonal white lines on the brand colour: still readable as hatching in black and white."""
    return (f'<pattern id="{html.escape(pattern_id)}" patternUnits="userSpaceOnUse" width="4" height="4" '
            f'patternTransform="rotate(45)"><rect width="4" height="4" fill="{html.escape(primary)}"/>'
            f'<line x1="0.0" y1="0.0" x2="0.0" y2="4.0" stroke="#ffffff" stroke-width="1.6"/></pattern>')


def _svg_document(shapes: list[Shape], ids: str, primary: str, title: str, description: str) -> str:
    """The SVG around the shapes: a view box that holds all their ink, title, alt text, hatching."""
    x0, y0, x1, y1 = bounding_box(shapes)
    pad = 4.0
    vb_x, vb_y = math.floor(x0 - pad), math.floor(-y1 - pad)
    vb_w, vb_h = math.ceil(x1 + pad) - vb_x, math.ceil(-y0 + pad) - vb_y
    title_id, desc_id, hatch_id = f"{ids}-title", f"{ids}-desc", f"{ids}-hatch"
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="exercise-figure" viewBox="{vb_x} {vb_y} {vb_w} {vb_h}" '
        f'width="{vb_w}" height="{vb_h}" role="img" '
        f'aria-labelledby="{html.escape(title_id)} {html.escape(desc_id)}">',
        f'<title id="{html.escape(title_id)}">{html.escape(title)}</title>',
        f'<desc id="{html.escape(desc_id)}">{html.escape(description)}</desc>',
        f"<defs>{hatch_pattern(hatch_id, primary)}</defs>",
        '<g stroke-linecap="round" stroke-linejoin="round">',
        *(shape_svg(s) for s in shapes),
        "</g>",
        "</svg>",
    ]
    return "\n".join(lines) + "\n"


def _check_colour(primary: str) -> str:
    if not isinstance(primary, str) or len(primary) != 7 or primary[0] != "#" \
            or any(c not in "0123456789abcdefABCDEF" for c in primary[1:]):
        raise ValueError(f"primary must be a colour like #1f5f8b, not {primary!r}")
    return primary


def figure_ids(figure_id: str, pose_name: str, prefix: str = "fig") -> str:
    """Ids come from the figure and pose, so two figures on one page never clash."""
    return f"{prefix}-{figure_id}-{pose_name}"


def render_svg(figure_id: str, figure: Figure, pose_name: str, *, primary: str = "#1f5f8b",
               title: str | None = None, description: str | None = None, id_prefix: str = "fig") -> str:
    """One pose as a standalone, accessible SVG (role=img, <title>, <desc>)."""
    pose = figure.poses[pose_name]
    ids = figure_ids(figure_id, pose_name, id_prefix)
    shapes = pose_shapes(figure, pose, f"{ids}-hatch", _check_colour(primary))
    title = title if title is not None else f"{figure_id} ({pose_name})"
    description = description if description is not None else describe(figure)
    return _svg_document([ground_line(shapes), *shapes], ids, primary, title, description)


PAIR_GAP = 34.0


def render_pair(figure_id: str, figure: Figure, *, primary: str = "#1f5f8b", title: str | None = None,
                description: str | None = None, id_prefix: str = "fig") -> str:
    """Start → end side by side in one SVG at one scale (a stretch shows its single hold pose)."""
    primary = _check_colour(primary)
    names = list(figure.poses)
    ids = figure_ids(figure_id, "pair", id_prefix)
    hatch = f"{ids}-hatch"
    placed: list[Shape] = []
    x_end = None
    for name in names:
        shapes = pose_shapes(figure, figure.poses[name], hatch, primary)
        x0, _, x1, _ = bounding_box(shapes)
        dx = 0.0 if x_end is None else x_end + PAIR_GAP - x0
        moved = [_moved(s, dx) for s in shapes]
        if x_end is not None:
            placed += _between_arrow(x_end, x_end + PAIR_GAP, moved, placed)
        placed += [ground_line(moved), *moved]
        x_end = x1 + dx
    title = title if title is not None else figure_id
    description = description if description is not None else describe(figure)
    return _svg_document(placed, ids, primary, title, description)


def _moved(s: Shape, dx: float) -> Shape:
    return Shape(s.tag, tuple((x + dx, y) for x, y in s.points), s.attrs, s.extent, s.radius)


def _between_arrow(x0: float, x1: float, right: list[Shape], left: list[Shape]) -> list[Shape]:
    """A light chevron between the two poses, at mid height: read it as "then"."""
    top = max(bounding_box(left)[3], bounding_box(right)[3])
    y = top * 0.45
    mid = (x0 + x1) / 2
    return [_stroke([(mid - 6, y + 9), (mid + 4, y), (mid - 6, y - 9)], PROP_INK, 3.0, "then")]


# ---------------------------------------------------------------------------------------------
# Alt text, generated from the data
# ---------------------------------------------------------------------------------------------

BASE_PHRASES = {
    "standing": "Standing", "sitting": "Sitting on a chair", "kneeling": "Kneeling",
    "half-kneeling": "Kneeling on one knee, the other foot flat in front",
    "lying-back": "Lying on your back", "lying-side": "Lying on your side",
}
GRIP = 8.0  # a hand this close to an ankle holds it


def _leg_shape(pose: Pose, side: str) -> str:
    """'bent', 'straight' or 'slightly bent', as a reader would see the knee."""
    knee = pose.angle("knee", side)
    return "bent" if knee >= 40 else "straight" if knee <= 15 else "slightly bent"


def _holding_ankle(body: Body) -> str | None:
    """The side whose ankle a hand holds, if any."""
    for side in ("right", "left"):
        if any(_dist(body.p(f"hand_{h}"), body.p(f"ankle_{side}")) <= GRIP for h in ("left", "right")):
            return side
    return None


def _legs_clause(figure: Figure, pose: Pose, body: Body) -> str | None:
    """How the legs are, in the words a physio would use for this base."""
    left, right = _leg_shape(pose, "left"), _leg_shape(pose, "right")
    if pose.base == "lying-side":
        if left == right == "bent":
            return "hips and knees bent" if min(pose.angle("hip", "left"), pose.angle("hip", "right")) >= 30 else "knees bent"
        if left == "bent" and right == "straight":
            return "bottom knee bent, top leg straight"
        return None
    if pose.base == "lying-back":
        if left == right == "bent":
            return "knees bent, feet flat"
        if {left, right} == {"bent", "straight"}:
            return "one knee bent with the foot flat, the other leg straight"
        return None
    if pose.base == "standing" and not figure.step_foot:
        held = _holding_ankle(body)
        if held:
            return "one knee bent, holding that ankle behind you"
        if abs(body.p("ankle_left")[0] - body.p("ankle_right")[0]) > 25:
            return "one foot in front of the other"
    return None


def _hands_clause(figure: Figure, body: Body) -> str | None:
    if "wall" not in figure.props and "chair" not in figure.props:
        return None
    thing = "a wall" if "wall" in figure.props else "a chair"
    if _holding_ankle(body):
        return f"the other hand on {thing}"
    return f"hands on {thing}"


def _posture(figure: Figure) -> str:
    """First clause: where the body rests, how the legs are, which props are used."""
    pose = next(iter(figure.poses.values()))
    body = placed_body(figure, pose)
    first = "Standing on one leg on a step" if figure.step_foot else BASE_PHRASES[pose.base]
    if "mat" in figure.props and pose.base.startswith("lying"):
        first += " on a mat"
    parts = [first, _legs_clause(figure, pose, body), _hands_clause(figure, body)]
    if "band-knees" in figure.props:
        parts.append("band above the knees")
    if "strap" in figure.props:
        parts.append("a strap round the raised foot")
    return ", ".join(p for p in parts if p)


def _leg_name(figure: Figure, pose: Pose, side: str) -> str:
    """Words for one leg: top/bottom lying on the side, standing/other on a step, else its shape."""
    if pose.base == "lying-side":
        return "the top leg" if side == "right" else "the bottom leg"
    if figure.step_foot:
        return "the standing leg" if side == figure.step_foot else "the other leg"
    other = "left" if side == "right" else "right"
    if _leg_shape(pose, side) == "straight" and pose.angle("hip", side) >= 30:
        return "the raised leg"
    if _leg_shape(pose, side) == "straight" and _leg_shape(pose, other) != "straight":
        return "the straight leg"
    return "the leg"


def _mover(figure: Figure, pose: Pose, point: str) -> str:
    """Words for the body part an arrow points at."""
    if point in ("hips", "shoulders", "head"):
        return f"your {point}"
    side, part = point.split("-")
    leg = _leg_name(figure, pose, side)
    if part == "foot":
        if figure.step_foot and side != figure.step_foot:
            return "the other heel"
        return leg
    if part == "knee":
        return leg.replace(" leg", " knee")
    return f"the {side} {part}"


def _action(figure: Figure) -> str:
    """Second clause: what moves, from the first arrow in the data; a stretch ends in "and hold"."""
    moves = [(pose, pose.motion) for pose in figure.poses.values() if pose.motion is not None]
    if not moves:
        return "hold still" if figure.hold is not None else "move slowly"
    pose, m = moves[0]
    who = _mover(figure, pose, m.at)
    if m.at == "hips" and m.direction == "forward" and "wall" in figure.props and _holding_ankle(placed_body(figure, pose)) is None:
        text = "lean your hips towards the wall"
    elif m.at == "hips" and m.direction == "forward":
        text = "push your hips forwards"
    elif pose.base == "lying-back" and m.direction == "up-back":
        text = f"pull {who} towards you"
    elif m.direction.startswith("up"):
        text = f"lift {who}"
    elif m.direction.startswith("down"):
        text = f"lower {who}" + (" towards the floor" if figure.step_foot else "")
    else:
        text = f"move {who} {'forwards' if m.direction == 'forward' else 'back'}"
    return f"{text} and hold" if figure.hold is not None else text


def describe(figure: Figure) -> str:
    """Alt text without the title: "Lying on your side …, band above the knees: lift the top knee, …"."""
    text = f"{_posture(figure)}: {_action(figure)}"
    if figure.hint:
        text += f", {figure.hint}"
    return text + "."


def alt_text(exercise_title: str, figure: Figure) -> str:
    """The alt text a page or card uses: the exercise's title, then what the picture shows."""
    return f"{exercise_title}. {describe(figure)}"


# ---------------------------------------------------------------------------------------------
# Loading and checking
# ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Figures(Mapping):
    """The validated figures by exercise id, with the parsed file so later checks can locate problems."""

    figures: dict[str, Figure]
    source: YamlFile = field(repr=False, compare=False)

    def __getitem__(self, key: str) -> Figure:
        return self.figures[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self.figures)

    def __len__(self) -> int:
        return len(self.figures)


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
            errors.append(source.error(loc + ("trunk",), f"{_num_text(pose.trunk)} is outside the trunk's range "
                                       f"for {pose.base}, {_num_text(low)} to {_num_text(high)} degrees ({meaning})"))
        for name, joint, value in pose.angle_fields():
            low, high, meaning = _range_of(figure.view, joint)
            if not low <= value <= high:
                errors.append(source.error(loc + (name,), f"{_num_text(value)} is outside the human range of the "
                                           f"{joint}, {_num_text(low)} to {_num_text(high)} degrees ({meaning})"))
    return errors


def _num_text(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


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
                errors.append(source.error(loc, f"the {part.replace('-', ' ')} goes {-gap:.0f} units through the floor; change the angles"))
        for index, part in enumerate(pose.touching):
            gap = lowest(body, part) - contact_height(figure, part)
            if abs(gap) > CONTACT_TOLERANCE:
                where = "above" if gap > 0 else "below"
                errors.append(source.error(loc + ("touching", index),
                                           f"the {part.replace('-', ' ')} should rest on the "
                                           f"{'step' if contact_height(figure, part) == STEP_H and figure.step_foot else 'floor'}"
                                           f" but is {abs(gap):.0f} units {where} it; change the angles"))
    return errors


def load_figures(data_dir: Path, display_root: Path | None = None,
                 exercise_ids: list[str] | None = None) -> Figures:
    """Read and validate `data_dir/figures.yml`; raise DataErrors with every problem at once.

    With `exercise_ids`, also report exercises without a figure and figures of unknown ids."""
    path = data_dir / "figures.yml"
    source = read_yaml(path, display_path(path, display_root))
    data = source.data if source.data is not None else {}
    errors: list[DataError] = []
    if not isinstance(data, dict) or not isinstance(data.get("figures"), dict):
        try:
            FiguresFile.model_validate(data)
        except ValidationError as exc:
            raise DataErrors(validation_errors(exc, source)) from None
    extra = sorted(set(data) - {"figures"})
    for key in extra:
        errors.append(source.error((key,), "unknown field"))
    figures: dict[str, Figure] = {}
    for figure_id, raw in data["figures"].items():
        try:
            one = FiguresFile.model_validate({"figures": {figure_id: raw}})
        except ValidationError as exc:
            errors.extend(validation_errors(exc, source))
            continue
        figure = one.figures[str(figure_id)]
        problems = angle_errors(str(figure_id), figure, source)
        errors += problems or contact_errors(str(figure_id), figure, source)
        figures[str(figure_id)] = figure
    if not data["figures"]:
        errors.append(source.error(("figures",), "needs at least one figure"))
    result = Figures(figures, source)
    if exercise_ids is not None:
        # a figure with mistakes is reported for them, not again as missing
        errors += check_figures(result, exercise_ids, source, listed=[str(k) for k in data["figures"]])
    if errors:
        raise DataErrors(errors)
    return result


def check_figures(figures: Mapping[str, Figure], exercise_ids: Iterable[str], source: YamlFile,
                  kinds: Mapping[str, str] | None = None, listed: Iterable[str] | None = None) -> list[DataError]:
    """Every exercise needs a figure and every figure an exercise (by id); with `kinds` (id →
    strength/stretch), a strength exercise needs start and end poses and a stretch one hold pose.
    `listed`: ids written in the file, valid or not (default: those of `figures`)."""
    errors = []
    wanted = list(exercise_ids)
    present = set(listed) if listed is not None else set(figures)
    for item_id in wanted:
        if item_id not in present:
            errors.append(source.error(("figures",), f"exercise `{item_id}` has no figure: add one under `figures`",
                                       field_name="figures"))
    for figure_id, figure in figures.items():
        if figure_id not in wanted:
            errors.append(source.error(("figures", figure_id), "no exercise or stretch has this id"))
        elif kinds and kinds.get(figure_id) == "strength" and figure.hold is not None:
            errors.append(source.error(("figures", figure_id, "hold"), "a strength exercise is drawn with `start` and `end`"))
        elif kinds and kinds.get(figure_id) == "stretch" and figure.hold is None:
            errors.append(source.error(("figures", figure_id, "start"), "a stretch is drawn with one `hold` pose"))
    return errors


# ---------------------------------------------------------------------------------------------
# Review sheet
# ---------------------------------------------------------------------------------------------

REVIEW_CSS = """
body { font: 16px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1.5rem; color: #1c2329; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
.note { color: #4a5a66; margin: 0 0 1.5rem; }
section { border-top: 1px solid #cfd8dc; padding: 1.25rem 0; break-inside: avoid; }
h2 { font-size: 1.25rem; margin: 0 0 .5rem; }
h2 small { font-weight: normal; color: #4a5a66; }
.figure svg { width: 100%; height: auto; max-height: 340px; display: block; }
.alt { margin: .5rem 0 0; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .5rem 0 0; color: #4a5a66; font-size: .9rem; }
dt { font-weight: 600; }
dd { margin: 0; }
"""


def review_sheet_html(figures: Mapping[str, Figure], titles: Mapping[str, str], primary: str = "#1f5f8b") -> str:
    """One page with every figure large, its title, alt text and data summary, for a person to check."""
    total = 0
    sections = []
    for figure_id, figure in figures.items():
        title = titles.get(figure_id, figure_id)
        svg = render_pair(figure_id, figure, primary=primary, title=title, description=describe(figure),
                          id_prefix="review")
        total += sum(len(render_svg(figure_id, figure, name, primary=primary, title=title).encode("utf-8"))
                     for name in figure.poses)
        poses = " → ".join(figure.poses)
        working = ", ".join(f"{w.area} ({w.side})" for w in figure.working)
        sections.append(
            f'<section id="{html.escape(figure_id)}">\n<h2>{html.escape(title)} <small>{html.escape(figure_id)} · '
            f'{html.escape(poses)}</small></h2>\n<div class="figure">{svg}</div>\n'
            f'<p class="alt"><strong>Alt text:</strong> {html.escape(alt_text(title, figure))}</p>\n'
            f"<dl><dt>View</dt><dd>{html.escape(figure.view)}</dd>"
            f"<dt>Props</dt><dd>{html.escape(', '.join(figure.props) or 'none')}</dd>"
            f"<dt>Working</dt><dd>{html.escape(working)}</dd></dl>\n</section>")
    return ("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<title>Exercise figures: review sheet</title>\n"
            f"<style>{REVIEW_CSS}</style>\n</head>\n<body>\n<main>\n<h1>Exercise figures</h1>\n"
            f"<p class=\"note\">{len(figures)} figures drawn from data/figures.yml; "
            f"single-pose SVGs total {total} bytes. Start on the left, end on the right; the tinted, "
            "hatched area is the muscle that works.</p>\n"
            + "\n".join(sections) + "\n</main>\n</body>\n</html>\n")


def write_review_sheet(out_path: Path, data_dir: Path | None = None, brand_file: Path | None = None) -> int:
    """Write the review page of every drawn figure, in the guide's order and brand colour.
    Returns the number of figures."""
    from .load import load_guide

    guide = load_guide(data_dir or ROOT / "data", brand_file)  # checks every exercise has its figure
    ordered = {e.id: guide.figures[e.id] for e in guide.exercises if e.id in guide.figures}
    page = review_sheet_html(ordered, {e.id: e.title for e in guide.exercises}, guide.brand.primary)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(page, encoding="utf-8")
    return len(ordered)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.figures",
                                     description="Write the review sheet of every exercise figure.")
    parser.add_argument("--out", default="build/figures.html", help="where to write the page (default: %(default)s)")
    parser.add_argument("--data", default=str(ROOT / "data"), help="the data folder (default: the project's)")
    parser.add_argument("--brand", default=None, help="a brand file for the colour (default: data/brand.yml)")
    args = parser.parse_args(argv)
    try:
        count = write_review_sheet(Path(args.out), Path(args.data), Path(args.brand) if args.brand else None)
    except DataErrors as exc:
        print(exc, file=sys.stderr)
        return 1
    print(f"wrote {args.out}: {count} figures")
    return 0


if __name__ == "__main__":
    sys.exit(main())
