"""The body a pose describes: a skeleton of fixed segment lengths placed by forward kinematics,
resting on the floor, a mat or a step. Figures are drawn from it and checked against it (a part
said to touch the floor must reach it), so it sits below both.

Coordinates are worked out with y pointing up and the floor at y = 0."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .figure import Figure, Pose

# Segment lengths in drawing units (about a centimetre each for an adult of 175 cm).
TRUNK = 52.0  # hip joint to shoulder joint
HEAD_R = 11.0
NECK = 7.0  # shoulder joint to the bottom of the head
UPPER_ARM = 30.0
FOREARM = 29.0  # elbow to the hand
THIGH = 45.0
SHIN = 43.0
FOOT = 17.0  # ankle to toes
HEEL = 4.0  # ankle to the back of the heel
FRONT_FOOT = 6.0  # a foot pointing at the viewer, seen end-on
LIMB_W = 10.0  # stroke width of arms and legs
TRUNK_W = 22.0
HALO = 3.0  # white outline that keeps crossing limbs apart
HIP_STACK = 6.0  # lying on the side: the top hip and shoulder sit this far above the bottom ones

# Props
MAT_T = 3.0
STEP_H = 15.0
STEP_DEPTH = 48.0
STAIR_DEPTH = 30.0  # a step stood on by its edge: the tread of a stair
WALL_T = 8.0
CHAIR_SEAT = 45.0
BALL = 0.75  # the ball of the foot lies this far along the foot from the back of the heel to the toes
CONTACT_TOLERANCE = 2.5  # a touching part may rest this far above or below its surface
SINK_TOLERANCE = 1.0  # any other part may dip this far into the floor (stroke rounding)

Vec = tuple[float, float]


def direction(degrees: float) -> Vec:
    r = math.radians(degrees)
    return (math.cos(r), math.sin(r))


def add(a: Vec, b: Vec, k: float = 1.0) -> Vec:
    return (a[0] + b[0] * k, a[1] + b[1] * k)


def distance(a: Vec, b: Vec) -> float:
    return math.hypot(a[0] - b[0], a[1] - b[1])


@dataclass
class Body:
    """Joint positions of one pose (y up) plus what the renderer needs to draw it."""

    view: str
    base: str
    points: dict[str, Vec]
    trunk_angle: float  # world direction from pelvis to shoulders
    mirror: float  # +1: a side view facing right; -1: lying on the side, seen from the front
    leg_angles: dict[str, float] = field(default_factory=dict)  # world direction of each thigh

    def shifted(self, dx: float, dy: float) -> Body:
        moved = {k: (x + dx, y + dy) for k, (x, y) in self.points.items()}
        return Body(self.view, self.base, moved, self.trunk_angle, self.mirror, self.leg_angles)

    def p(self, name: str) -> Vec:
        return self.points[name]


def trunk_direction(base: str, trunk: float) -> float:
    """World angle of the line pelvis → shoulders for a base and its trunk angle."""
    if base.startswith("lying"):
        return 180.0 + trunk  # head to the left; lying on the back, hips lifted as trunk grows
    return 90.0 - trunk  # upright, facing right, leaning forwards as trunk grows


def pose_skeleton(view: str, pose: Pose) -> Body:
    """Forward kinematics from the pelvis: every segment keeps its constant length.

    Side view: the figure faces right, so the body's right side is nearest the viewer and a
    forward bend turns counter-clockwise. Lying on the side, seen from the front, the picture is
    mirrored: bending forwards brings a limb towards the viewer, drawn downwards."""
    mirror = -1.0 if view == "front" else 1.0
    t = trunk_direction(pose.base, pose.trunk)
    pelvis: Vec = (0.0, 0.0)
    neck_mid = add(pelvis, direction(t), TRUNK)
    pts: dict[str, Vec] = {"pelvis": pelvis, "neck": neck_mid}
    neck = pose.neck or 0.0
    pts["head"] = add(neck_mid, direction(t - mirror * neck), NECK + HEAD_R)
    legs: dict[str, float] = {}
    for side in ("left", "right"):
        lateral: Vec = (0.0, (HIP_STACK if side == "right" else -HIP_STACK) if view == "front" else 0.0)
        hip = add(pelvis, lateral)
        hip_angle = pose.angle("hip", side)
        thigh = t + 180 + mirror * hip_angle
        # The knee folds the shin back towards the body line; a leg lifted towards the ceiling
        # (negative hip, front view) folds the other way.
        fold = -1.0 if (view == "front" and hip_angle < 0) else 1.0
        shin = thigh - mirror * fold * pose.angle("knee", side)
        knee = add(hip, direction(thigh), THIGH)
        ankle = add(knee, direction(shin), SHIN)
        if view == "front":
            heel, toe = ankle, add(ankle, (0.0, -1.0), FRONT_FOOT)
        else:
            foot = shin + 90 + pose.angle("ankle", side)
            heel, toe = add(ankle, direction(foot), -HEEL), add(ankle, direction(foot), FOOT)
        shoulder = add(neck_mid, lateral)
        arm = t + 180 + mirror * pose.angle("shoulder", side)
        fore = arm + mirror * pose.angle("elbow", side)
        elbow = add(shoulder, direction(arm), UPPER_ARM)
        hand = add(elbow, direction(fore), FOREARM)
        pts.update(
            {
                f"hip_{side}": hip,
                f"knee_{side}": knee,
                f"ankle_{side}": ankle,
                f"heel_{side}": heel,
                f"toe_{side}": toe,
                f"shoulder_{side}": shoulder,
                f"elbow_{side}": elbow,
                f"hand_{side}": hand,
            }
        )
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


def ball_of_foot(body: Body, side: str) -> Vec:
    """The ball of one foot, where it rests on the edge of a step."""
    heel, toe = body.p(f"heel_{side}"), body.p(f"toe_{side}")
    return add(heel, (toe[0] - heel[0], toe[1] - heel[1]), BALL)


def resting(figure: Figure, body: Body, part: str) -> float:
    """Height of the underside a part rests by: its lowest point, or for a foot on the edge of a
    step the lower of its toes and its ball, so the heel hangs free above or below the step."""
    if figure.step_edge and part == f"{figure.step_foot}-foot":
        side = part.removesuffix("-foot")
        return min(body.p(f"toe_{side}")[1], ball_of_foot(body, side)[1]) - LIMB_W / 2
    return lowest(body, part)


def body_bottom(body: Body) -> float:
    return min(lowest(body, part) for part in CONTACT_PARTS) if body.points else 0.0


def surface(figure: Figure) -> float:
    """Height of what the body lies or stands on: the floor, or the top of the mat."""
    return MAT_T if "mat" in figure.props else 0.0


def placed_body(figure: Figure, pose: Pose) -> Body:
    """The pose set down: its lowest part rests on the floor (or mat), or the step foot on the step
    (on a step's edge, by the ball of the foot).

    Horizontally the pelvis stays at x = 0 so start and end line up."""
    body = pose_skeleton(figure.view, pose)
    if figure.step_foot is not None:
        return body.shifted(0.0, STEP_H - resting(figure, body, f"{figure.step_foot}-foot"))
    return body.shifted(0.0, surface(figure) - body_bottom(body))


def contact_height(figure: Figure, part: str) -> float:
    """The height a touching part should rest at."""
    if figure.step_foot is not None and part == f"{figure.step_foot}-foot":
        return STEP_H
    return surface(figure)


# ---------------------------------------------------------------------------------------------
# Drawing: shapes in world coordinates, then SVG
