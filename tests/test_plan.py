"""What a flowchart path collects (generator/plan.py), on a small chart written here."""

from __future__ import annotations

from generator.model import FlowchartFile
from generator.plan import Step, all_paths, walk

CHART = FlowchartFile.model_validate(
    {
        "start": "screen",
        "nodes": [
            {
                "id": "screen",
                "type": "question",
                "stage": "screen",
                "question": "Any?",
                "answers": [{"label": "Yes", "next": "see-soon"}, {"label": "No", "next": "swell"}],
            },
            {
                "id": "swell",
                "type": "question",
                "stage": "plan",
                "question": "Swell?",
                "answers": [
                    {"label": "Yes", "next": "tight", "adds": {"routines": ["ice"], "recovery": ["ice"]}},
                    {"label": "No", "next": "tight", "adds": {"keys": ["hips"]}},
                ],
            },
            {
                "id": "tight",
                "type": "question",
                "stage": "plan",
                "choose": "many",
                "question": "Tight?",
                "next": "plan",
                "options": [
                    {"label": "A", "adds": {"exercises": ["a"], "routines": ["stretch"]}},
                    {"label": "B", "adds": {"exercises": ["b"], "routines": ["stretch"]}},
                    {"label": "C", "adds": {"exercises": ["c"], "routines": ["stretch"]}},
                ],
            },
            {"id": "see-soon", "type": "outcome", "urgency": "soon", "title": "See someone"},
            {
                "id": "plan",
                "type": "outcome",
                "urgency": "self-care",
                "title": "Plan",
                "recommends": {"keys": ["cut-back", "hips"], "routines": ["hips-1"]},
            },
        ],
    }
)


def test_a_path_collects_each_item_once_in_the_order_met():
    end, plan = walk(CHART, [Step("screen", 1), Step("swell", 1), Step("tight", (0, 2))])
    assert end == "plan"
    assert plan.keys == ["cut-back", "hips"]  # the outcome's own first
    assert plan.routines == ["hips-1", "stretch"]
    assert plan.exercises == ["a", "c"]


def test_a_see_a_clinician_outcome_collects_nothing():
    end, plan = walk(CHART, [Step("screen", 0)])
    assert end == "see-soon" and plan.is_empty()


def test_every_path_is_listed_once():
    paths = list(all_paths(CHART))
    # the screen's "yes", then 2 swelling answers x (no option, each of 3, all 3)
    assert len(paths) == 1 + 2 * 5
    assert len({tuple(paths_) for paths_ in map(tuple, paths)}) == len(paths)
    assert [Step("screen", 1), Step("swell", 0), Step("tight", (0, 1, 2))] in paths
    assert all(walk(CHART, p)[0] in {"plan", "see-soon"} for p in paths)


def test_a_path_that_does_not_follow_the_chart_is_a_bug():
    try:
        walk(CHART, [Step("swell", 0)])
    except AssertionError as exc:
        assert "path expects swell" in str(exc)
    else:
        raise AssertionError("a wrong path was walked")
