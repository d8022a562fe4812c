"""A variant's own picture: an exercise done another way (heel drops on the floor, for pain where
the tendon meets the heel bone) is drawn that way, checked at load, and shown wherever a routine
item names the variant: its card (pages and PDF), its routine page and player, a plan's player
and the exercise page's variant section. The floor routine never shows a heel below a step."""

from __future__ import annotations

import html
import json
import re

import pytest

from generator.figures.svg import render_svg
from generator.model.skeleton import placed_body, surface
from generator.render.cards import Cards
from generator.render.figures import Pictures
from generator.render.pages import render_site
from generator.urls import page
from helpers import data_copy, edit, errors_of

HEEL_DROPS = ("heel-drop-straight-knee", "heel-drop-bent-knee")
FLOOR_ROUTINE = "achilles-heel-drops-floor"


@pytest.fixture(scope="module")
def rendered(guide):
    pictures = Pictures(guide)
    cards = Cards(guide, pictures)
    return cards, render_site(guide, cards, pictures)


def _figure_ids(guide, markup: str) -> set[str]:
    """The pictures a piece of markup shows: each SVG title's id ends with its figure's name (an
    exercise's id, or `<exercise>--<variant>`), the longest that fits."""
    names = sorted(
        [*(e.id for e in guide.exercises), *(f"{e.id}--{v.id}" for e in guide.exercises for v in e.variants)],
        key=len,
        reverse=True,
    )
    found = set()
    for title in re.findall(r'<title id="([^"]+)-pair-title"', markup):
        found.add(next(n for n in names if title.endswith(f"-{n}")))
    return found


def _card(text: str, routine_id: str) -> str:
    start = text.index('<article class="routine-card')
    start = text.index(f'id="card-{routine_id}"', start)
    return text[start : text.index("</article>", start)]


def test_the_floor_routine_shows_the_heel_stopping_at_the_floor(guide, rendered):
    """Its card (on its page, on /cards/ and in the PDF) and so its player show the floor figures,
    drawn with no step and the heel never below the floor; the step picture is nowhere on it."""
    cards, site = rendered
    for exercise_id in HEEL_DROPS:
        floor = guide.figures[exercise_id].variants["floor"]
        assert "step" not in floor.props and floor.step_foot is None
        for name, pose in floor.poses.items():
            body = placed_body(floor, pose)
            assert body.p("heel_right")[1] >= surface(floor) - 0.5, (exercise_id, name)
            assert 'data-part="step"' not in render_svg(exercise_id, floor, name)
        end = placed_body(floor, floor.end)
        assert end.p("heel_right")[1] == pytest.approx(end.p("toe_right")[1], abs=0.5), "flat on the floor"
    wanted = {f"{x}--floor" for x in HEEL_DROPS}
    routine = guide.routine(FLOOR_ROUTINE)
    card = cards.card(routine).at("../../")
    pdf_card = cards.card(routine).for_pdf({})
    routine_page = site.files[page("routine", FLOOR_ROUTINE).source]
    all_cards = site.files[page("cards").source]
    for shown in (card, pdf_card, _card(routine_page, FLOOR_ROUTINE), _card(all_cards, FLOOR_ROUTINE)):
        assert _figure_ids(guide, shown) == wanted
        assert 'data-part="step"' not in shown
    # the first stage's heel drop on the floor too; the step routine keeps the step
    stage_1 = _card(all_cards, "achilles-heel-raises")
    assert "heel-drop-straight-knee--floor" in _figure_ids(guide, stage_1)
    assert 'data-part="step"' not in stage_1
    on_step = _card(all_cards, "achilles-heel-drops")
    assert {"heel-drop-straight-knee", "heel-drop-bent-knee"} <= _figure_ids(guide, on_step)
    assert 'data-part="step"' in on_step


def test_a_plan_plays_and_shows_a_routine_variant_as_itself(guide, rendered):
    """A plan holding the floor routine runs its items as the floor variants: their titles, cues
    and the template of their own picture on /my-plan/."""
    _, site = rendered
    my_plan = site.files[page("my-plan").source]
    for exercise_id in HEEL_DROPS:
        key = f"{exercise_id}--floor"
        match = re.search(rf'<template data-player-figure="{key}">(.*?)</template>', my_plan, re.S)
        assert match and 'data-part="step"' not in match.group(1), key
        assert _figure_ids(guide, match.group(1)) == {key}
    data = re.search(r'data-my-plan="([^"]*)"', my_plan)
    assert data, "the plan page carries its data"
    plan = json.loads(html.unescape(data.group(1)))
    assert plan["routines"][FLOOR_ROUTINE] == [f"{x}--floor" for x in HEEL_DROPS]
    for exercise_id in HEEL_DROPS:
        item = plan["items"][f"{exercise_id}--floor"]
        variant = next(v for v in guide.exercise(exercise_id).variants if v.id == "floor")
        assert item["id"] == exercise_id, "the log keeps the exercise's id"
        assert (item["title"], item["cues"], item["figure"]) == (variant.title, variant.cues, f"{exercise_id}--floor")
        assert plan["items"][exercise_id]["figure"] == exercise_id


def test_the_exercise_page_shows_each_variant_with_its_picture(guide, rendered):
    _, site = rendered
    for exercise_id in HEEL_DROPS:
        text = site.files[page("exercise", exercise_id).source]
        section = text[text.index("{ #floor }") :]
        assert _figure_ids(guide, section[: section.index("</figure>")]) == {f"{exercise_id}--floor"}
        assert _figure_ids(guide, text[: text.index("{ #floor }")]) == {exercise_id}


def test_a_variant_figure_is_checked_and_located(tmp_path):
    """A variant figure of no variant, a variant without a figure, and a joint out of range in a
    variant's pose are each reported with their line."""
    data = data_copy(tmp_path)
    figures = data / "figures.yml"
    typo = edit(figures, "      floor:\n", "      flor:\n")
    errors = errors_of(data)
    assert (
        f"data/figures.yml:{typo}: figures.heel-drop-straight-knee.variants.flor: `heel-drop-straight-knee` has no variant `flor` (did you mean `floor`?)"
        in errors
    ), errors
    assert any(
        e.endswith(
            "figures.heel-drop-straight-knee: variant `floor` of `heel-drop-straight-knee` has no figure: "
            "add one under `figures.heel-drop-straight-knee.variants.floor`"
        )
        for e in errors
    ), errors
    data = data_copy(tmp_path / "angle")
    figures = data / "figures.yml"
    line = edit(figures, "          knee_left: 75\n", "          knee_left: 170\n")
    errors = errors_of(data)
    assert errors == [
        (
            f"data/figures.yml:{line}: figures.heel-drop-straight-knee.variants.floor.start.knee_left: 170 is "
            "outside the human range of the knee, 0 to 155 degrees (0 = straight, more = bent)"
        )
    ], errors
    data = data_copy(tmp_path / "clams")
    line = edit(
        data / "figures.yml", "  clams:\n    view: front\n", "  clams:\n    variants: {floor: {}}\n    view: front\n"
    )
    errors = errors_of(data)
    assert any(e.startswith(f"data/figures.yml:{line + 1}: figures.clams.variants.floor") for e in errors), errors
