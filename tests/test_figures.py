"""Exercise figures: every exercise has one, each SVG is valid, accessible, stable and inside its
view box, the body keeps its proportions between poses, and data mistakes are located."""

from __future__ import annotations

import itertools
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import yaml

from generator.checks.figures import check_figures
from generator.cli import main as guide_main
from generator.errors import DataErrors
from generator.figures.svg import render_pair, render_svg
from generator.load.figures import load_figures
from generator.model.figure import Figure, FiguresFile
from generator.model.figure_words import alt_text, describe
from generator.model.skeleton import STEP_H, ball_of_foot, placed_body, surface
from generator.model.skeleton import resting as resting_height
from helpers import ROOT, data_copy, edit, line_of

SVG = "{http://www.w3.org/2000/svg}"
# Coordinates are written with one decimal: two measured lengths of one segment may differ by
# up to 2 × 2 × 0.05 × √2 ≈ 0.28.
ROUNDING = 0.3
BODY_PARTS = ("trunk", "head", "leg-left", "leg-right", "arm-left", "arm-right")


@pytest.fixture(scope="module")
def shipped():
    return load_figures(ROOT / "data")


@pytest.fixture(scope="module")
def titles(guide):
    """Every figure's title: each exercise's, and each variant's (`<exercise>--<variant>`)."""
    return {e.id: e.title for e in guide.exercises} | {
        f"{e.id}--{v.id}": v.title for e in guide.exercises for v in e.variants
    }


def _all(shipped) -> dict:
    """Every drawn figure of the shipped data: each exercise's, then its variants' own."""
    out = {}
    for figure_id, figure in shipped.items():
        out[figure_id] = figure
        out.update({f"{figure_id}--{v}": drawing for v, drawing in figure.variants.items()})
    return out


def _renders(shipped, titles):
    """(name, svg text) for every single pose and every pair of the shipped data (variants too)."""
    out = []
    for figure_id, figure in _all(shipped).items():
        description = describe(figure)
        for pose in figure.poses:
            out.append(
                (
                    f"{figure_id}/{pose}",
                    render_svg(figure_id, figure, pose, title=titles[figure_id], description=description),
                )
            )
        out.append((f"{figure_id}/pair", render_pair(figure_id, figure, title=titles[figure_id])))
    return out


def _errors(data: Path, exercise_ids=None) -> list[str]:
    try:
        load_figures(data, display_root=data.parent, exercise_ids=exercise_ids)
    except DataErrors as exc:
        return [str(e) for e in exc.errors]
    return []


# --- geometry read back from the SVG --------------------------------------------------------


def _floats(text: str) -> list[float]:
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", text)]


def _points(el: ET.Element) -> list[tuple[float, float]]:
    tag = el.tag.removeprefix(SVG)
    if tag == "line":
        return [(float(el.get("x1")), float(el.get("y1"))), (float(el.get("x2")), float(el.get("y2")))]
    if tag in ("polyline", "polygon"):
        values = _floats(el.get("points"))
        return list(zip(values[0::2], values[1::2], strict=False))
    if tag == "circle":
        return [(float(el.get("cx")), float(el.get("cy")))]
    if tag == "rect":
        x, y, w, h = (float(el.get(k, 0)) for k in ("x", "y", "width", "height"))
        return [(x, y), (x + w, y + h)]
    raise AssertionError(f"unexpected drawn element <{tag}>")


def _reach(el: ET.Element) -> float:
    """How far ink reaches beyond an element's coordinates: half its stroke, plus a circle's radius."""
    stroke = float(el.get("stroke-width", 0)) if el.get("stroke", "none") != "none" else 0.0
    return stroke / 2 + float(el.get("r", 0))


def _drawn(root: ET.Element) -> list[ET.Element]:
    """Every drawn element (what is inside <defs> is a pattern tile, not a drawing)."""
    defs = {id(e) for d in root.iter(f"{SVG}defs") for e in d.iter()}
    skip = {f"{SVG}{t}" for t in ("svg", "g", "title", "desc", "defs")}
    return [e for e in root.iter() if id(e) not in defs and e.tag not in skip]


def _segment_lengths(root: ET.Element) -> dict[str, list[float]]:
    """Lengths of each body part's segments, measured on the drawing."""
    out: dict[str, list[float]] = {}
    for el in root.iter():
        part = el.get("data-part")
        if part in ("trunk", "leg-left", "leg-right", "arm-left", "arm-right"):
            pts = _points(el)
            out[part] = [math.dist(a, b) for a, b in itertools.pairwise(pts)]
    head = next(el for el in root.iter() if el.get("data-part") == "head")
    trunk = next(el for el in root.iter() if el.get("data-part") == "trunk")
    centre, shoulders = _points(head)[0], _points(trunk)[1]
    out["head"] = [float(head.get("r")), math.dist(centre, shoulders)]
    return out


# --- the shipped data -----------------------------------------------------------------------


def test_every_exercise_and_stretch_has_a_figure(guide, shipped):
    ids = [e.id for e in guide.exercises]
    assert sorted(shipped) == sorted(ids)
    kinds = {e.id: e.kind for e in guide.exercises}
    assert check_figures(shipped, ids, shipped.source, kinds) == []
    for e in guide.exercises:
        expected = ["start", "end"] if e.kind == "strength" else ["hold"]
        assert list(shipped[e.id].poses) == expected, e.id
        # every variant is drawn as it is done, never left to the exercise's own picture
        assert sorted(shipped[e.id].variants) == sorted(v.id for v in e.variants), e.id
        for drawing in shipped[e.id].variants.values():
            assert list(drawing.poses) == expected, e.id


def test_each_svg_is_valid_xml_with_title_and_description(shipped, titles):
    for name, svg in _renders(shipped, titles):
        root = ET.fromstring(svg)
        assert root.tag == f"{SVG}svg", name
        assert root.get("role") == "img", name
        title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
        assert title is not None and title.text.strip(), name
        assert desc is not None and len(desc.text) > 40, name
        labelled = root.get("aria-labelledby").split()
        assert labelled == [title.get("id"), desc.get("id")], name
        assert "href" not in svg and "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', ""), name


def _assert_inside_view_box(name: str, svg: str) -> None:
    """Every drawn coordinate, with the ink around it (stroke, radius), lies inside the view box."""
    root = ET.fromstring(svg)
    x0, y0, w, h = _floats(root.get("viewBox"))
    for el in _drawn(root):
        reach = _reach(el)
        for x, y in _points(el):
            assert x0 <= x - reach and x + reach <= x0 + w, (name, el.tag, x)
            assert y0 <= y - reach and y + reach <= y0 + h, (name, el.tag, y)


def test_every_drawn_point_lies_inside_the_view_box(shipped, titles):
    for name, svg in _renders(shipped, titles):
        _assert_inside_view_box(name, svg)


def test_two_renders_are_byte_identical(shipped, titles):
    assert _renders(shipped, titles) == _renders(load_figures(ROOT / "data"), titles)


def test_numbers_have_fixed_decimals(shipped, titles):
    for name, svg in _renders(shipped, titles):
        for value in re.findall(r'(?:x1|y1|x2|y2|cx|cy|r|points)="([^"]*)"', svg):
            assert all(re.fullmatch(r"-?\d+\.\d", v) for v in re.split(r"[ ,]", value)), (name, value)


def test_limb_lengths_are_the_same_in_start_and_end(shipped, titles):
    """The renderer can bend a body but never stretch it: measured on the drawing, every segment
    keeps its length from start to end (and across all figures: one skeleton)."""
    reference: dict[str, dict] = {}  # by view: a foot seen end-on (front view) is shorter
    for figure_id, figure in _all(shipped).items():
        measured = {
            pose: _segment_lengths(ET.fromstring(render_svg(figure_id, figure, pose, title="t")))
            for pose in figure.poses
        }
        for pose, lengths in measured.items():
            assert set(lengths) == set(BODY_PARTS)
            same_view = reference.setdefault(figure.view, lengths)
            for part in BODY_PARTS:
                assert lengths[part] == pytest.approx(same_view[part], abs=ROUNDING), (figure_id, pose, part)
        if len(measured) == 2:
            for part in BODY_PARTS:
                assert measured["start"][part] == pytest.approx(measured["end"][part], abs=ROUNDING), (figure_id, part)


def test_bodies_rest_on_the_ground_and_never_sink(shipped):
    """The lowest ink of the body is on the floor, the mat or the step, never under the floor; a
    foot on the edge of a step rests on it by its ball, and its heel may hang below the step."""
    for figure_id, figure in _all(shipped).items():
        resting = {surface(figure)} | ({STEP_H} if figure.step_foot else set())
        for pose_name, pose in figure.poses.items():
            root = ET.fromstring(render_svg(figure_id, figure, pose_name, title="t"))
            body = [el for el in root.iter() if el.get("data-part") in BODY_PARTS]
            lowest = min(-(y + _reach(el)) for el in body for _, y in _points(el))
            assert lowest >= -0.15, (figure_id, pose_name, lowest)
            if figure.step_edge:
                placed = placed_body(figure, pose)
                assert resting_height(figure, placed, f"{figure.step_foot}-foot") == pytest.approx(STEP_H)
                assert lowest <= STEP_H + 0.15, (figure_id, pose_name, lowest)
                continue
            assert min(abs(lowest - r) for r in resting) <= 0.15 or lowest < min(resting), (
                figure_id,
                pose_name,
                lowest,
            )
            ground = next(el for el in root.iter() if el.get("data-part") == "ground")
            assert -float(ground.get("y1")) + float(ground.get("stroke-width")) / 2 == pytest.approx(0, abs=0.1)


def test_working_area_is_tinted_and_hatched(shipped):
    for figure_id, figure in _all(shipped).items():
        svg = render_pair(figure_id, figure, primary="#aa3300", title="t")
        root = ET.fromstring(svg)
        patterns = list(root.iter(f"{SVG}pattern"))
        assert len(patterns) == 1, figure_id
        pattern_id = patterns[0].get("id")
        assert pattern_id == f"fig-{figure_id}-pair-hatch"
        assert any(el.get("fill") == "#aa3300" for el in patterns[0].iter())
        assert any(el.get("stroke") == "#ffffff" for el in patterns[0].iter()), "hatch lines"
        hatched = [el for el in root.iter() if el.get("stroke") == f"url(#{pattern_id})"]
        assert len(hatched) >= len(figure.poses), figure_id
        areas = {el.get("data-part").split("-", 1)[1].rsplit("-", 1)[0] for el in hatched}
        assert areas == {w.area for w in figure.working}, figure_id


def test_ids_come_from_the_figure_and_pose(shipped, titles):
    seen: dict[str, str] = {}
    for name, svg in _renders(shipped, titles):
        figure_id = name.split("/")[0]
        for found in re.findall(r'\bid="([^"]+)"', svg):
            assert found.startswith(f"fig-{figure_id}-"), found
            assert seen.setdefault(found, name) == name, f"{found} used by {seen[found]} and {name}"


def test_strings_are_escaped(shipped):
    svg = render_svg(
        "clams",
        shipped["clams"],
        "start",
        title="<script>alert(1)</script>",
        description='Knees "bent" & <b>feet</b> together',
    )
    assert "<script>" not in svg and "<b>" not in svg
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == "<script>alert(1)</script>"
    assert root.find(f"{SVG}desc").text == 'Knees "bent" & <b>feet</b> together'
    with pytest.raises(ValueError):
        render_svg("clams", shipped["clams"], "start", primary='red"/><script>', title="t")


def test_alt_text_is_generated_from_the_data(shipped, titles):
    clams = alt_text("Clams", shipped["clams"])
    assert clams == (
        "Clams. Lying on your side on a mat, hips and knees bent: lift the top knee, keep your feet together."
    )
    assert "band" not in clams, "clams are done without a band (the steps and equipment name none)"
    assert "band above the knees" in describe(shipped["bridge-with-band"])
    assert "strap" in describe(shipped["hamstring-stretch"])
    assert "step" in describe(shipped["single-leg-squat-step-down"])
    assert "holding that ankle" in describe(shipped["quad-stretch"])
    descriptions = [describe(f) for f in _all(shipped).values()]
    assert len(set(descriptions)) == len(descriptions), "two figures would be described alike"
    for figure_id, figure in _all(shipped).items():
        root = ET.fromstring(render_pair(figure_id, figure, title=titles[figure_id]))
        assert root.find(f"{SVG}desc").text == describe(figure)


EDGE_FIGURE = {
    "view": "side",
    "props": ["step"],
    "step_foot": "right",
    "step_edge": True,
    "working": [{"area": "calf", "side": "right"}],
    "start": {"base": "standing", "ankles": -25, "touching": ["right-foot"]},
    "end": {"base": "standing", "ankle_right": 35, "knee_left": 75, "touching": ["right-foot"]},
}


def _step_box(svg: str) -> tuple[float, float]:
    """The left and right edges of the drawn step (SVG x)."""
    root = ET.fromstring(svg)
    step = next(el for el in root.iter() if el.get("data-part") == "step")
    xs = [x for x, _ in _points(step)]
    return min(xs), max(xs)


def test_a_heel_drops_below_the_edge_of_a_step():
    """On the edge of a step the ball of the foot rests on the back edge: raised, the toes are on
    the step and the heel above it; lowered, the heel hangs below the top of the step, behind it."""
    figure = Figure.model_validate(EDGE_FIGURE)
    for pose_name, pose in figure.poses.items():
        body = placed_body(figure, pose)
        heel, toe, ball = body.p("heel_right"), body.p("toe_right"), ball_of_foot(body, "right")
        assert resting_height(figure, body, "right-foot") == pytest.approx(STEP_H)
        back, front = _step_box(render_svg("edge", figure, pose_name))
        assert back == pytest.approx(ball[0], abs=0.1) and front > toe[0], pose_name
        assert heel[0] < back, "the heel is over the back edge, not on the step"
        if pose_name == "start":
            assert heel[1] > STEP_H + 5 and toe[1] < heel[1], "up on the toes"
        else:
            assert heel[1] < STEP_H - 3, "the heel has dropped below the top of the step"
            assert toe[1] > heel[1]
    assert describe(figure).startswith("Standing on the edge of a step, heels free")
    moved = Figure.model_validate(
        {**EDGE_FIGURE, "start": {**EDGE_FIGURE["start"], "motion": {"at": "right-foot", "direction": "down"}}}
    )
    assert "lower your heel below the edge of the step" in describe(moved)


def test_a_step_without_step_edge_is_drawn_as_before():
    """Without `step_edge` the step is drawn as before, the whole foot on it, ending at the toes."""
    figure = Figure.model_validate({**EDGE_FIGURE, "step_edge": False, "end": EDGE_FIGURE["start"]})
    body = placed_body(figure, figure.start)
    _, front = _step_box(render_svg("flat", figure, "start"))
    assert front == pytest.approx(max(body.p("toe_right")[0], body.p("heel_right")[0]) + 2, abs=0.1)
    with pytest.raises(ValueError, match="step_edge"):
        Figure.model_validate({**EDGE_FIGURE, "props": [], "step_foot": None})


def test_a_heel_raise_lifts_the_heels_with_the_arrow_behind_them(shipped):
    """A foot that stays down in both poses and moves up lifts its heel: so say the words, and
    the arrow rises behind the heel, clear of the leg."""
    figure = shipped["heel-raise-two-legs"]
    assert "lift your heels" in describe(figure)
    root = ET.fromstring(render_svg("heel-raise-two-legs", figure, "start", title="t"))
    arrow = next(el for el in root.iter() if el.get("data-part") == "motion" and el.tag == f"{SVG}line")
    heel_x = placed_body(figure, figure.start).p("heel_right")[0]
    assert max(x for x, _ in _points(arrow)) < heel_x
    assert "lift the straight leg" in describe(shipped["straight-leg-raise"]), (
        "a foot that leaves the floor lifts the leg"
    )


def test_schema_gives_editors_the_joint_ranges():
    """The JSON Schema (for completion while typing) accepts the shipped file and flags a knee
    bent past its range and a misspelt joint, as the loader does."""
    schema = FiguresFile.model_json_schema()
    knee = schema["$defs"]["Pose"]["properties"]["knee_left"]
    assert knee["minimum"] == 0 and knee["maximum"] == 155
    data = yaml.safe_load((ROOT / "data" / "figures.yml").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    data["figures"]["clams"]["start"]["knee_left"] = 170
    data["figures"]["clams"]["end"]["kne_left"] = 90
    assert len(list(jsonschema.Draft202012Validator(schema).iter_errors(data))) == 2


OTHER_FIGURES = {
    "sitting-with-chair": {
        "view": "side",
        "props": ["chair"],
        "working": [{"area": "thigh-front"}],
        "start": {
            "base": "sitting",
            "hips": 90,
            "knees": 90,
            "elbows": 60,
            "motion": {"at": "right-foot", "direction": "up-forward"},
        },
        "end": {"base": "sitting", "hips": 90, "knee_left": 90, "ankle_right": 10},
    },
    "kneeling": {
        "view": "side",
        "props": ["mat"],
        "working": [{"area": "calf", "side": "left"}],
        "hold": {
            "base": "kneeling",
            "knees": 90,
            "ankles": -45,
            "trunk": 10,
            "shoulders": 30,
            "motion": {"at": "shoulders", "direction": "down-back"},
        },
    },
    "holding-a-chair": {
        "view": "side",
        "props": ["chair", "floor"],
        "working": [{"area": "hip-side"}],
        "hold": {"base": "standing", "hip_right": 30, "knee_right": 90, "shoulder_left": 50},
    },
}


@pytest.mark.parametrize("figure_id", sorted(OTHER_FIGURES))
def test_bases_and_props_the_shipped_data_does_not_use_render_too(figure_id):
    """A clinic may add a seated or kneeling exercise: the renderer copes, inside its view box."""
    figure = Figure.model_validate(OTHER_FIGURES[figure_id])
    for svg in [render_pair(figure_id, figure)] + [render_svg(figure_id, figure, p) for p in figure.poses]:
        _assert_inside_view_box(figure_id, svg)
        assert ET.fromstring(svg).find(f"{SVG}desc").text == describe(figure)


# --- mistakes in the data are located -------------------------------------------------------


def test_out_of_range_angle_is_a_located_error(tmp_path):
    data = data_copy(tmp_path)
    figures = data / "figures.yml"
    edit(
        figures,
        "      knees: 90\n      shoulder_left: 160\n",
        "      knees: 90\n      knee_left: 170\n      shoulder_left: 160\n",
    )
    line = line_of(figures, r"^      knee_left: 170")
    ankle_line = edit(figures, "      ankle_right: 20\n", "      ankle_right: 60\n")
    assert _errors(data) == [
        (
            f"data/figures.yml:{line}: figures.clams.start.knee_left: 170 is outside the human range of the knee, "
            "0 to 155 degrees (0 = straight, more = bent)"
        ),
        (
            f"data/figures.yml:{ankle_line}: figures.calf-stretch.hold.ankle_right: 60 is outside the human range of "
            "the ankle, -50 to 35 degrees (0 = foot at a right angle to the shin, more = toes up, less = toes pointed)"
        ),
    ]


def test_joint_range_depends_on_the_view(tmp_path):
    """A leg lifted 40° towards the ceiling is fine lying on the side; 40° behind a standing body is not."""
    data = data_copy(tmp_path)
    figures = data / "figures.yml"
    line = edit(
        figures, "      hip_right: -15\n      knee_right: 145\n", "      hip_right: -40\n      knee_right: 145\n"
    )
    errors = _errors(data)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"data/figures.yml:{line}: figures.quad-stretch.hold.hip_right: -40 is outside"), errors


def test_trunk_range_depends_on_the_base(tmp_path):
    data = data_copy(tmp_path)
    figures = data / "figures.yml"
    line = edit(figures, "      trunk: 23\n", "      trunk: 60\n")
    errors = _errors(data)
    assert errors[0].startswith(
        f"data/figures.yml:{line}: figures.bridge-with-band.end.trunk: 60 is outside the "
        "trunk's range for lying-back, 0 to 45 degrees"
    ), errors


def test_missing_figure_is_a_located_error(tmp_path, guide):
    data = data_copy(tmp_path)
    figures = data / "figures.yml"
    text = figures.read_text(encoding="utf-8")
    block = re.search(r"^  calf-stretch:\n(?:    .*\n|\n)*", text, re.M).group(0)
    figures.write_text(text.replace(block, ""), encoding="utf-8")
    line = line_of(figures, r"^figures:")
    assert _errors(data, [e.id for e in guide.exercises]) == [
        f"data/figures.yml:{line}: figures: exercise `calf-stretch` has no figure: add one under `figures`"
    ]


def test_figure_of_an_unknown_exercise_is_a_located_error(tmp_path, guide):
    data = data_copy(tmp_path)
    line = edit(data / "figures.yml", "  clams:\n", "  clamz:\n")
    errors = _errors(data, [e.id for e in guide.exercises])
    assert f"data/figures.yml:{line}: figures.clamz: no exercise or stretch has this id" in errors
    assert any("exercise `clams` has no figure" in e for e in errors)


def test_every_mistake_is_reported_at_once(tmp_path, guide):
    """Mistakes in three figures come out together, and a figure with a mistake is not also
    reported as missing."""
    data = data_copy(tmp_path)
    figures = data / "figures.yml"
    typo = edit(figures, "      hip_left: 25\n", "      hip_lft: 25\n")
    view = edit(figures, "  hip-abduction:\n    view: front\n", "  hip-abduction:\n    view: sideways\n") + 1
    knee = edit(figures, "      knee_right: 90\n", "      knee_right: -5\n")
    errors = _errors(data, [e.id for e in guide.exercises])
    assert len(errors) == 3, errors
    assert errors[0].startswith(f"data/figures.yml:{view}: figures.hip-abduction.view: ")
    assert errors[1].startswith(
        f"data/figures.yml:{typo}: figures.single-leg-squat-step-down.start.hip_lft: unknown field"
    )
    assert errors[2].startswith(f"data/figures.yml:{knee}: figures.hip-flexor-stretch.hold.knee_right: -5 is outside")


def test_a_foot_that_misses_the_floor_is_a_located_error(tmp_path):
    data = data_copy(tmp_path)
    figures = data / "figures.yml"
    edit(figures, "      knees: 113\n", "      knees: 90\n")
    line = line_of(figures, r"touching: \[shoulders, left-foot, right-foot\]")
    errors = _errors(data)
    assert errors and all(
        e.startswith(f"data/figures.yml:{line}: figures.bridge-with-band.end.touching[") for e in errors
    ), errors
    assert "the left foot should rest on the floor but is" in errors[0]


def test_a_figure_needs_start_and_end_or_one_hold(tmp_path):
    data = data_copy(tmp_path)
    figures = data / "figures.yml"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(
        text.replace(
            "    hold:\n      base: standing\n      trunk: 20\n",
            "    start:\n      base: standing\n      trunk: 20\n",
            1,
        ),
        encoding="utf-8",
    )
    line = line_of(figures, r"^  calf-stretch:")
    errors = _errors(data)
    assert errors == [
        f"data/figures.yml:{line}: figures.calf-stretch: a figure needs `start` and `end` poses, or one `hold` pose"
    ]


# --- the review sheet ------------------------------------------------------------------------


def test_review_sheet_shows_every_figure(tmp_path, guide):
    out = tmp_path / "figures.html"
    assert guide_main(["figures", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    variants = [(e, v) for e in guide.exercises for v in e.variants]
    assert variants, "the shipped guide has variants with their own figures"
    assert page.count("<svg ") == len(guide.exercises) + len(variants)
    for e in guide.exercises:
        assert f'<section id="{e.id}">' in page and e.title in page
    for e, v in variants:
        assert f'<section id="{e.id}--{v.id}">' in page and v.title in page
    assert "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    first = page
    guide_main(["figures", "--out", str(out)])
    assert out.read_text(encoding="utf-8") == first


def test_an_angle_must_be_a_number(tmp_path):
    """YAML reads `yes` as true and "90" as text: both are mistakes, not 1 and 90 degrees."""
    data = data_copy(tmp_path)
    figures = data / "figures.yml"
    line = edit(figures, "      knee_right: 145\n", "      knee_right: yes\n")
    errors = _errors(data)
    assert errors == [f"data/figures.yml:{line}: figures.quad-stretch.hold.knee_right: must be a number, like 3 or 2.5"]
