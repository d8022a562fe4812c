"""Alt text generated from the figure data: the posture, what the legs and hands do, and the
movement, in plain words (so a clinic's edited pose never keeps a stale description)."""

from __future__ import annotations

from ..model.figure import Figure, Pose, Side
from ..model.skeleton import Body, distance, placed_body

# ---------------------------------------------------------------------------------------------

BASE_PHRASES = {
    "standing": "Standing",
    "sitting": "Sitting on a chair",
    "kneeling": "Kneeling",
    "half-kneeling": "Kneeling on one knee, the other foot flat in front",
    "lying-back": "Lying on your back",
    "lying-side": "Lying on your side",
}
GRIP = 8.0  # a hand this close to an ankle holds it


def _leg_shape(pose: Pose, side: Side) -> str:
    """'bent', 'straight' or 'slightly bent', as a reader would see the knee."""
    knee = pose.angle("knee", side)
    return "bent" if knee >= 40 else "straight" if knee <= 15 else "slightly bent"


def _holding_ankle(body: Body) -> str | None:
    """The side whose ankle a hand holds, if any."""
    for side in ("right", "left"):
        if any(distance(body.p(f"hand_{h}"), body.p(f"ankle_{side}")) <= GRIP for h in ("left", "right")):
            return side
    return None


def _legs_clause(figure: Figure, pose: Pose, body: Body) -> str | None:
    """How the legs are, in the words a physio would use for this base."""
    left, right = _leg_shape(pose, "left"), _leg_shape(pose, "right")
    if pose.base == "lying-side":
        if left == right == "bent":
            return (
                "hips and knees bent"
                if min(pose.angle("hip", "left"), pose.angle("hip", "right")) >= 30
                else "knees bent"
            )
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
        if sum(part.endswith("-foot") for part in pose.touching) == 1:
            return "one foot off the floor"
        if abs(body.p("ankle_left")[0] - body.p("ankle_right")[0]) > 25:
            return "one foot in front of the other"
    return None


def _hands_clause(figure: Figure, body: Body) -> str | None:
    if "wall" not in figure.props and "chair" not in figure.props:
        return None
    if "wall" not in figure.props and next(iter(figure.poses.values())).base == "sitting":
        return None  # the chair is the seat
    thing = "a wall" if "wall" in figure.props else "a chair"
    if _holding_ankle(body):
        return f"the other hand on {thing}"
    return f"hands on {thing}"


def _posture(figure: Figure) -> str:
    """First clause: where the body rests, how the legs are, which props are used."""
    pose = next(iter(figure.poses.values()))
    body = placed_body(figure, pose)
    first = (
        "Standing on the edge of a step, heels free"
        if figure.step_edge
        else "Standing on one leg on a step"
        if figure.step_foot
        else BASE_PHRASES[pose.base]
    )
    if "mat" in figure.props and pose.base.startswith("lying"):
        first += " on a mat"
    parts = [first, _legs_clause(figure, pose, body), _hands_clause(figure, body)]
    if "band-knees" in figure.props:
        parts.append("band above the knees")
    if "strap" in figure.props:
        parts.append("a strap round the raised foot")
    return ", ".join(p for p in parts if p)


def _leg_name(figure: Figure, pose: Pose, side: Side) -> str:
    """Words for one leg: top/bottom lying on the side, standing/other on a step, else its shape."""
    if pose.base == "lying-side":
        return "the top leg" if side == "right" else "the bottom leg"
    if figure.step_foot:
        return "the standing leg" if side == figure.step_foot else "the other leg"
    other: Side = "left" if side == "right" else "right"
    if _leg_shape(pose, side) == "straight" and pose.angle("hip", side) >= 30:
        return "the raised leg"
    if _leg_shape(pose, side) == "straight" and _leg_shape(pose, other) != "straight":
        return "the straight leg"
    return "the leg"


def _mover(figure: Figure, pose: Pose, point: str) -> str:
    """Words for the body part an arrow points at."""
    if point in ("hips", "shoulders", "head"):
        return f"your {point}"
    side_name, part = point.split("-")
    side: Side = "left" if side_name == "left" else "right"
    leg = _leg_name(figure, pose, side)
    if part == "foot":
        if figure.step_foot and side != figure.step_foot:
            return "the other heel"
        if figure.step_edge:
            return "your heel"
        if figure.stays_down(point):  # a foot that stays down lifts its heel
            return "your heels" if {"left-foot", "right-foot"} <= set(pose.touching) else "your heel"
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
    if (
        m.at == "hips"
        and m.direction == "forward"
        and "wall" in figure.props
        and _holding_ankle(placed_body(figure, pose)) is None
    ):
        text = "lean your hips towards the wall"
    elif m.at == "hips" and m.direction == "forward":
        text = "push your hips forwards"
    elif pose.base == "lying-back" and m.direction == "up-back":
        text = f"pull {who} towards you"
    elif m.direction.startswith("up"):
        text = f"lift {who}"
    elif m.direction.startswith("down"):
        on_edge = figure.step_edge and m.at == f"{figure.step_foot}-foot"
        text = f"lower {who}" + (
            " below the edge of the step" if on_edge else " towards the floor" if figure.step_foot else ""
        )
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
