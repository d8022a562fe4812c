"""SVG text of a figure: byte-stable numbers, an accessible document (role=img, title, desc),
one pose or start → end side by side at one scale."""

from __future__ import annotations

import html
import math

from ..model.figure import Figure
from ..model.figure_words import describe
from ..model.skeleton import Vec
from .shapes import PROP_INK, Shape, bounding_box, ground_line, num, pose_shapes, stroke


def _pt(p: Vec) -> str:
    return f"{num(p[0])},{num(-p[1])}"


def _attr(name: str, value: str) -> str:
    return f'{name}="{html.escape(value, quote=True)}"'


def shape_svg(s: Shape) -> str:
    attrs = " ".join(_attr(k, v) for k, v in s.attrs)
    if s.tag == "circle":
        ((x, y),) = s.points
        return f'<circle cx="{num(x)}" cy="{num(-y)}" r="{num(s.radius)}" {attrs}/>'
    if s.tag == "line":
        (x1, y1), (x2, y2) = s.points
        return f'<line x1="{num(x1)}" y1="{num(-y1)}" x2="{num(x2)}" y2="{num(-y2)}" {attrs}/>'
    return f'<{s.tag} points="{" ".join(_pt(p) for p in s.points)}" {attrs}/>'


def hatch_pattern(pattern_id: str, primary: str) -> str:
    """Diagonal white lines on the brand colour: still readable as hatching in black and white."""
    return (
        f'<pattern id="{html.escape(pattern_id)}" patternUnits="userSpaceOnUse" width="4" height="4" '
        f'patternTransform="rotate(45)"><rect width="4" height="4" fill="{html.escape(primary)}"/>'
        f'<line x1="0.0" y1="0.0" x2="0.0" y2="4.0" stroke="#ffffff" stroke-width="1.6"/></pattern>'
    )


def _svg_document(shapes: list[Shape], ids: str, primary: str, title: str, description: str) -> str:
    """The SVG around the shapes: a view box that holds all their ink, title, alt text, hatching."""
    x0, y0, x1, y1 = bounding_box(shapes)
    pad = 4.0
    vb_x, vb_y = math.floor(x0 - pad), math.floor(-y1 - pad)
    vb_w, vb_h = math.ceil(x1 + pad) - vb_x, math.ceil(-y0 + pad) - vb_y
    title_id, desc_id, hatch_id = f"{ids}-title", f"{ids}-desc", f"{ids}-hatch"
    lines = [
        (
            f'<svg xmlns="http://www.w3.org/2000/svg" class="exercise-figure" viewBox="{vb_x} {vb_y} {vb_w} {vb_h}" '
            f'width="{vb_w}" height="{vb_h}" role="img" '
            f'aria-labelledby="{html.escape(title_id)} {html.escape(desc_id)}">'
        ),
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
    if (
        not isinstance(primary, str)
        or len(primary) != 7
        or primary[0] != "#"
        or any(c not in "0123456789abcdefABCDEF" for c in primary[1:])
    ):
        raise ValueError(f"primary must be a colour like #1f5f8b, not {primary!r}")
    return primary


def figure_ids(figure_id: str, pose_name: str, prefix: str = "fig") -> str:
    """Ids come from the figure and pose, so two figures on one page never clash."""
    return f"{prefix}-{figure_id}-{pose_name}"


def render_svg(
    figure_id: str,
    figure: Figure,
    pose_name: str,
    *,
    primary: str = "#1f5f8b",
    title: str | None = None,
    description: str | None = None,
    id_prefix: str = "fig",
) -> str:
    """One pose as a standalone, accessible SVG (role=img, <title>, <desc>)."""
    pose = figure.poses[pose_name]
    ids = figure_ids(figure_id, pose_name, id_prefix)
    shapes = pose_shapes(figure, pose, f"{ids}-hatch", _check_colour(primary))
    title = title if title is not None else f"{figure_id} ({pose_name})"
    description = description if description is not None else describe(figure)
    return _svg_document([ground_line(shapes), *shapes], ids, primary, title, description)


PAIR_GAP = 34.0


def render_pair(
    figure_id: str,
    figure: Figure,
    *,
    primary: str = "#1f5f8b",
    title: str | None = None,
    description: str | None = None,
    id_prefix: str = "fig",
) -> str:
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
    return [stroke([(mid - 6, y + 9), (mid + 4, y), (mid - 6, y - 9)], PROP_INK, 3.0, "then")]
