"""Flowchart graph validation: every kind of broken graph is refused with a located message,
and the plan of a path is the sum of what its answers collected."""

from __future__ import annotations

import re

from generator.plan import Step, all_paths, walk
from helpers import KNEE, data_copy, edit, errors_of, knee, line_of


def _chart(tmp_path):
    data = data_copy(tmp_path)
    return data, data / KNEE / "flowchart.yml"


def test_dangling_next_is_located(tmp_path):
    data, chart = _chart(tmp_path)
    line = line_of(chart, r"^        next: tight-muscles", 0)
    edit(chart, "        next: tight-muscles\n", "        next: tight-muscle\n")
    errors = errors_of(data)
    assert any(
        e.startswith(f"data/protocols/knee-pain-running/flowchart.yml:{line}: nodes[")
        and "unknown node `tight-muscle` (did you mean `tight-muscles`?)" in e
        for e in errors
    ), errors


def _index_of(chart, node_id: str) -> int:
    """The node's place in the file's list, as errors name it."""
    ids = re.findall(r"(?m)^  - id: ([a-z0-9-]+)$", chart.read_text())
    return ids.index(node_id)


def test_dangling_recommendation_is_located(tmp_path):
    data, chart = _chart(tmp_path)
    node = _index_of(chart, "your-plan")
    line = edit(chart, "      routines: [hip-strength-1]\n", "      routines: [hip-strength-9]\n")
    errors = errors_of(data)
    assert errors == [
        (
            f"data/protocols/knee-pain-running/flowchart.yml:{line}: nodes[{node}].recommends.routines[0]: unknown routine `hip-strength-9` "
            "(did you mean `hip-strength-2`?)"
        )
    ], errors


def test_unreachable_node_is_located(tmp_path):
    data, chart = _chart(tmp_path)
    chart.write_text(
        chart.read_text() + "  - id: orphan\n    type: outcome\n    urgency: self-care\n    title: Nobody gets here\n"
    )
    line = line_of(chart, r"^  - id: orphan")
    errors = errors_of(data)
    node = _index_of(chart, "orphan")
    assert errors == [
        f"data/protocols/knee-pain-running/flowchart.yml:{line}: nodes[{node}].id: node `orphan` cannot be reached from `emergency-check`"
    ], errors


def test_cycle_is_located(tmp_path):
    data, chart = _chart(tmp_path)
    edit(chart, "    next: weight-check\n", "    next: swelling\n")
    errors = errors_of(data)
    assert len(errors) >= 1 and any(
        re.match(r"data/protocols/knee-pain-running/flowchart\.yml:\d+: nodes\[\d+\]\.id: the flowchart loops: ", e)
        for e in errors
    ), errors
    assert any("swelling" in e for e in errors)


def test_dead_end_is_refused(tmp_path):
    """A question with no way on (no answers, or a many-choice question without `next`)."""
    data, chart = _chart(tmp_path)
    text = chart.read_text()
    block = re.search(
        r"(  - id: weight-check\n(?:    (?!answers).*\n)*)    answers:\n(?:      .*\n|        .*\n|          .*\n)+",
        text,
    )
    chart.write_text(text.replace(block.group(0), block.group(1) + "    answers: []\n"))
    line = line_of(chart, r"^    answers: \[\]")
    errors = errors_of(data)
    assert any(
        e.startswith(f"data/protocols/knee-pain-running/flowchart.yml:{line}: nodes[")
        and "answers: needs at least 2 (has 0)" in e
        for e in errors
    ), errors
    data2, chart2 = _chart(tmp_path / "many")
    node = _index_of(chart2, "tight-muscles")
    edit(chart2, "    next: weight-check\n", "")
    errors = errors_of(data2)
    assert any(
        e.startswith("data/protocols/knee-pain-running/flowchart.yml:")
        and f"nodes[{node}].next: required field is missing" in e
        for e in errors
    ), errors


def test_recommendation_before_the_red_flag_screen_is_refused(tmp_path):
    data, chart = _chart(tmp_path)
    edit(
        chart,
        '      - label: "No, none of these"\n        next: urgent-check\n',
        '      - label: "No, none of these"\n        next: urgent-check\n        adds:\n          keys: [cut-back-volume]\n',
    )
    errors = errors_of(data)
    assert any(
        e.startswith("data/protocols/knee-pain-running/flowchart.yml:")
        and "screen answers cannot recommend anything" in e
        for e in errors
    ), errors


def test_skipping_part_of_the_screen_is_refused(tmp_path):
    data, chart = _chart(tmp_path)
    edit(
        chart,
        '      - label: "No, none of these"\n        next: urgent-check\n',
        '      - label: "No, none of these"\n        next: swelling\n',
    )
    errors = errors_of(data)
    assert any(
        "can be reached without the red-flag screen (injury-check, soon-check, swollen-check, urgent-check, who-check)"
        in e
        for e in errors
    ), errors


def test_every_red_flag_must_be_asked(tmp_path):
    data, chart = _chart(tmp_path)
    edit(chart, "[knee-deformed, cannot-take-weight, ", "[knee-deformed, ")
    errors = errors_of(data)
    line = line_of(chart, r"^start:")
    assert errors == [
        f"data/protocols/knee-pain-running/flowchart.yml:{line}: start: red flag `cannot-take-weight` is asked in no screen question"
    ], errors


def test_red_flag_outcome_recommends_nothing(tmp_path):
    data, chart = _chart(tmp_path)
    edit(chart, "    urgency: emergency\n", "    urgency: emergency\n    recommends:\n      keys: [weight]\n")
    errors = errors_of(data)
    assert any("a see-a-clinician outcome recommends nothing else" in e for e in errors), errors


def test_see_someone_soon_may_give_only_what_to_use_while_waiting(tmp_path):
    """Ice while waiting for a swollen knee to be seen, yes; an exercise plan, never."""
    data, chart = _chart(tmp_path)
    line = edit(
        chart, "    recommends:\n      recovery: [ice]\n", "    recommends:\n      routines: [hip-strength-1]\n"
    )
    errors = errors_of(data)
    assert any(
        e.startswith(f"data/protocols/knee-pain-running/flowchart.yml:{line + 1}:")
        and "may recommend only recovery tools to use while waiting" in e
        for e in errors
    ), errors


def test_plan_is_the_sum_of_the_path(guide):
    chart = knee(guide).flowchart
    paths = list(all_paths(chart))
    assert len(paths) > 50
    ends = {walk(chart, p)[0] for p in paths}
    assert ends == {n.id for n in chart.nodes if n.type == "outcome"}
    richest = max(paths, key=lambda p: sum(len(v) for v in walk(chart, p)[1].model_dump().values()))
    _end, plan = walk(chart, richest)
    assert {"cut-back-volume", "strengthen-hips"} <= set(plan.keys)  # always
    assert {"hip-strength-1", "daily-stretches"} <= set(plan.routines)
    assert {"ice-after-runs", "heat-and-rolling"} & set(plan.routines)
    red = next(p for p in paths if walk(chart, p)[0] == "see-emergency")
    assert walk(chart, red)[1].model_dump() == {
        "keys": [],
        "exercises": [],
        "routines": [],
        "recovery": [],
        "advice": [],
        "ladder": [],
    }
    assert isinstance(red[0], Step)
