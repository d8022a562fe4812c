"""The shapes of a figure in world coordinates (y up): limbs, trunk and head over a white halo,
props (mat, step, wall, chair, band, strap), the hatched working muscles and motion arrows.
`svg` turns them into text."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model.figure import Figure, Motion, Pose
from ..model.skeleton import (
    CHAIR_SEAT,
    HALO,
    HEAD_R,
    LIMB_W,
    MAT_T,
    STAIR_DEPTH,
    STEP_DEPTH,
    STEP_H,
    TRUNK_W,
    WALL_T,
    Body,
    Vec,
    add,
    ball_of_foot,
    direction,
    distance,
    placed_body,
)

INK = "#263238"  # near limbs, trunk and head
FAR_INK = "#90a4ae"  # limbs on the far side
PROP_FILL = "#eceff1"
PROP_INK = "#78909c"
MAT_FILL = "#dfe6ea"
BAND_INK = "#c0561b"  # band and strap: a warm colour that stays mid-grey in black and white
ARROW_INK = "#263238"


def num(v: float) -> str:
    """Fixed one-decimal numbers, never "-0.0", so output is byte-stable."""
    text = f"{v:.1f}"
    return "0.0" if text == "-0.0" else text


@dataclass(frozen=True)
class Shape:
    """One SVG element with absolute coordinates; `extent` is how far ink reaches around them."""

    tag: str  # line, polyline, polygon, circle
    points: tuple[Vec, ...]
    attrs: tuple[tuple[str, str], ...]
    extent: float = 0.0  # half the stroke width (plus the radius for circles)
    radius: float = 0.0


def stroke(
    points: list[Vec] | tuple[Vec, ...],
    colour: str,
    width: float,
    part: str | None = None,
    closed: bool = False,
    fill: str = "none",
) -> Shape:
    attrs = [("fill", fill), ("stroke", colour), ("stroke-width", num(width))]
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
    return [stroke(points, "#ffffff", LIMB_W + 2 * HALO), stroke(points, colour, LIMB_W, part)]


def _rect(x0: float, y0: float, x1: float, y1: float) -> list[Vec]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _leg_points(body: Body, side: str) -> list[Vec]:
    # heel → ankle → toe is walked as ankle → heel → toe so the foot is one stroke with the shin.
    return [
        body.p(f"hip_{side}"),
        body.p(f"knee_{side}"),
        body.p(f"ankle_{side}"),
        body.p(f"heel_{side}"),
        body.p(f"toe_{side}"),
    ]


def _arm_points(body: Body, side: str) -> list[Vec]:
    return [body.p(f"shoulder_{side}"), body.p(f"elbow_{side}"), body.p(f"hand_{side}")]


def _normal(angle: float, body: Body, towards: str) -> Vec:
    """Unit vector across a limb that points away from the pelvis, to its front or back.

    Standing and facing right, a thigh points down (270°) and its front is to the right (0°):
    a quarter turn counter-clockwise; the front view's mirror turns the other way."""
    sign = 1.0 if towards == "front" else -1.0
    return direction(angle + 90 * sign * body.mirror)


def _trunk_normal(body: Body, towards: str) -> Vec:
    """Front or back of the trunk, whose direction (pelvis → shoulders) points the other way."""
    return _normal(body.trunk_angle + 180, body, towards)


def _along(p: Vec, q: Vec, fraction: float) -> Vec:
    return add(p, (q[0] - p[0], q[1] - p[1]), fraction)


Strip = tuple[Vec, Vec, float]  # a short thick stroke: from, to, width


def _on_side(p: Vec, q: Vec, normal: Vec, start: float, stop: float, width: float) -> Strip:
    """The part of the bone p → q between two fractions, pushed to one side so it bulges like a muscle."""
    return (add(_along(p, q, start), normal, 3.5), add(_along(p, q, stop), normal, 3.5), width)


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
        a = add(add(hip, direction(t), 6), _trunk_normal(body, "back"), 7)
        b = add(add(hip, direction(thigh), 10), _normal(thigh, body, "back"), 5)
        return [(a, b, LIMB_W * 1.1)]
    if area == "hip-front":  # the hip flexors: in front of the hip joint
        a = add(add(hip, direction(t), 9), _trunk_normal(body, "front"), 7)
        b = add(add(hip, direction(thigh), 12), _normal(thigh, body, "front"), 4)
        return [(a, b, w)]
    # hip-side: the outer side of the hip; lying on the side, the side facing the ceiling.
    if body.view == "front":
        up = (0.0, 1.0 if side == "right" else -1.0)
        return [(add(add(hip, direction(t), 4), up, 6), add(add(hip, direction(thigh), 14), up, 4), LIMB_W * 1.1)]
    return [(add(hip, direction(t), 5), add(hip, direction(thigh), 12), LIMB_W * 1.1)]


def _working_shapes(body: Body, figure: Figure, side: str, hatch_id: str, primary: str) -> list[Shape]:
    shapes: list[Shape] = []
    for item in figure.working:
        if item.side not in (side, "both"):
            continue
        for a, b, width in working_strips(body, item.area, side):
            shapes.append(stroke([a, b], primary, width + 2, None))
            shapes.append(stroke([a, b], f"url(#{hatch_id})", width, f"working-{item.area}-{side}"))
    return shapes


def _band_shapes(body: Body) -> list[Shape]:
    """A resistance band just above the knees: a ring round each thigh, joined across in the front view."""
    shapes: list[Shape] = []
    spots = {}
    for side in ("left", "right"):
        hip, knee = body.p(f"hip_{side}"), body.p(f"knee_{side}")
        angle = body.leg_angles[side]
        centre = add(hip, (knee[0] - hip[0], knee[1] - hip[1]), 0.78)
        across, along = direction(angle + 90), direction(angle)
        half = LIMB_W / 2 + 1.5
        ring = [add(add(centre, across, s1 * half), along, s2 * 2.2) for s1, s2 in ((1, 1), (1, -1), (-1, -1), (-1, 1))]
        spots[side] = (centre, across, half)
        shapes.append(stroke(ring, BAND_INK, 1.6, "band", closed=True, fill=BAND_INK))
    if body.view == "front":
        (ca, na, ha), (cb, nb, hb) = spots["right"], spots["left"]
        # the loop runs from the outer side of the top thigh to the outer side of the bottom thigh
        top = add(ca, na, ha if na[1] > 0 else -ha)
        bottom = add(cb, nb, -hb if nb[1] > 0 else hb)
        shapes.append(stroke([top, bottom], BAND_INK, 2.6, "band"))
    return shapes


def _strap_shapes(body: Body) -> list[Shape]:
    """A strap looped round the sole of the foot nearest the hands, both ends in the hands."""
    hands = body.p("hand_right")
    side = min(("left", "right"), key=lambda s: distance(body.p(f"toe_{s}"), hands))
    heel, toe = body.p(f"heel_{side}"), body.p(f"toe_{side}")
    foot_angle = math.degrees(math.atan2(toe[1] - heel[1], toe[0] - heel[0]))
    sole = direction(foot_angle - 90 * body.mirror)
    ball = add(add(heel, (toe[0] - heel[0], toe[1] - heel[1]), 0.8), sole, LIMB_W / 2 + 1.2)
    back = add(add(heel, (toe[0] - heel[0], toe[1] - heel[1]), 0.25), sole, LIMB_W / 2 + 1.2)
    return [stroke([hands, ball, back], BAND_INK, 2.2, "strap", closed=True)]


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
        over.append(stroke(box, PROP_INK, 1.2, "mat", closed=True))
    if "step" in figure.props and figure.step_foot:
        foot = figure.step_foot
        if figure.step_edge:  # the ball of the foot on the back edge, the heel free behind it
            back = ball_of_foot(body, foot)[0]
            box = _rect(back, 0.0, back + STAIR_DEPTH, STEP_H)
        else:
            front = max(body.p(f"toe_{foot}")[0], body.p(f"heel_{foot}")[0]) + 2
            box = _rect(front - STEP_DEPTH, 0.0, front, STEP_H)
        under.append(_fill(box, PROP_FILL))
        over.append(stroke(box, PROP_INK, 1.6, "step", closed=True))
    if "wall" in figure.props:
        x = max(body.p("hand_left")[0], body.p("hand_right")[0]) + LIMB_W / 2
        height = max(body.p("head")[1] + HEAD_R, body.p("hand_right")[1]) + 14
        box = _rect(x, 0.0, x + WALL_T, height)
        under.append(_fill(box, PROP_FILL))
        over.append(stroke([(x, 0.0), (x, height)], PROP_INK, 1.6, "wall"))
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
        return [
            stroke([(x0, seat_y), (x1, seat_y)], ink, w, "chair"),
            stroke([(x0, 0.0), (x0, seat_y + 42)], ink, w, "chair"),
            stroke([(x1, 0.0), (x1, seat_y)], ink, w, "chair"),
        ]
    hand = max((body.p("hand_left"), body.p("hand_right")), key=lambda p: p[0])
    x0 = hand[0] + LIMB_W / 2 + 1
    x1 = x0 + 38
    top = max(hand[1] - LIMB_W / 2, CHAIR_SEAT + 10)
    return [
        stroke([(x0, 0.0), (x0, top)], ink, w, "chair"),
        stroke([(x0, CHAIR_SEAT), (x1, CHAIR_SEAT)], ink, w, "chair"),
        stroke([(x1, 0.0), (x1, CHAIR_SEAT)], ink, w, "chair"),
    ]


ARROW_VECTORS: dict[str, Vec] = {
    "up": (0, 1),
    "down": (0, -1),
    "forward": (1, 0),
    "back": (-1, 0),
    "up-forward": (0.7071, 0.7071),
    "up-back": (-0.7071, 0.7071),
    "down-forward": (0.7071, -0.7071),
    "down-back": (-0.7071, -0.7071),
}
ARROW_LENGTH = 20.0
ARROW_MIN = 12.0
ARROW_FLOOR_GAP = 4.0
MOTION_POINTS: dict[str, tuple[str, float]] = {
    "head": ("head", HEAD_R),
    "hips": ("pelvis", TRUNK_W / 2),
    "shoulders": ("neck", TRUNK_W / 2),
    **{
        f"{s}-{part}": (f"{name}_{s}", LIMB_W / 2)
        for s in ("left", "right")
        for part, name in (("hand", "hand"), ("elbow", "elbow"), ("knee", "knee"), ("foot", "ankle"))
    },
}


def motion_arrow(body: Body, motion: Motion, heel_lift: bool = False, heel_to_floor: bool = False) -> list[Shape]:
    """A short arrow starting just clear of the moving part and pointing where it goes.

    An arrow pointing down never reaches the floor: with too little room under the part it is
    drawn beside it, on the side the figure faces. A heel that lifts while its foot stays down
    (`heel_lift`) gets its arrow behind the heel, clear of the leg above it; so does a heel that
    lowers to the floor (`heel_to_floor`), its arrow starting high enough to fit above the floor."""
    name, radius = MOTION_POINTS[motion.at]
    d = ARROW_VECTORS[motion.direction]
    point = body.p(name)
    start = add(point, d, radius + 6)
    heel = body.p(f"heel_{motion.at.split('-')[0]}") if motion.at.endswith("-foot") else point
    if heel_lift and d[1] > 0:
        start = (heel[0] - body.mirror * (radius + 8), heel[1])
    elif heel_to_floor and d[1] < 0:
        start = (heel[0] - body.mirror * (radius + 8), max(heel[1] + 6, ARROW_FLOOR_GAP + ARROW_MIN + 8))
    length = ARROW_LENGTH
    if d[1] < 0:
        room = (start[1] - ARROW_FLOOR_GAP) / -d[1]
        if room < ARROW_MIN:
            front = (
                max(body.p(f"toe_{motion.at.split('-')[0]}")[0], point[0]) if motion.at.endswith("-foot") else point[0]
            )
            start = (front + radius + 9, point[1] + 8)
            room = (start[1] - ARROW_FLOOR_GAP) / -d[1]
        length = max(ARROW_MIN, min(length, room))
    tip = add(start, d, length)
    n = (-d[1], d[0])
    base = add(tip, d, -8)
    head = [tip, add(base, n, 5.5), add(base, n, -5.5)]
    return [
        stroke([start, base], ARROW_INK, 3.0, "motion"),
        Shape(
            "polygon",
            tuple(head),
            (
                ("data-part", "motion"),
                ("fill", ARROW_INK),
                ("stroke", ARROW_INK),
                ("stroke-width", "1.5"),
                ("stroke-linejoin", "round"),
            ),
            0.75,
        ),
    ]


def pose_shapes(figure: Figure, pose: Pose, hatch_id: str, primary: str) -> list[Shape]:
    """Every shape of one pose, back to front: props, far limbs, trunk, near limbs, extras."""
    body = placed_body(figure, pose)
    under, over = _props_behind(figure, body)
    shapes = list(under)
    # far side (left) first and lighter; lying on the side the bottom limbs are the left ones
    shapes += _limb(_arm_points(body, "left"), FAR_INK, "arm-left")
    shapes += _limb(_leg_points(body, "left"), FAR_INK, "leg-left")
    shapes += _working_shapes(body, figure, "left", hatch_id, primary)
    shapes.append(stroke([body.p("pelvis"), body.p("neck")], INK, TRUNK_W, "trunk"))
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
        heel_lift = pose.motion.at.endswith("-foot") and figure.stays_down(pose.motion.at)
        shapes += motion_arrow(body, pose.motion, heel_lift, heel_to_floor=heel_lift and not figure.step_foot)
    return shapes


def ground_line(shapes: list[Shape]) -> Shape:
    left, _, right, _ = bounding_box(shapes)
    return stroke([(left - 8, -1.2), (right + 8, -1.2)], PROP_INK, 2.4, "ground")


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
