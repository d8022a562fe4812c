"""The browser's flowchart walk (flowchart/core/flowchart.js, run in Node) and Python's (generator/plan.py)
agree on every path of the shipped flowchart: the node reached, the plan, the hash round trip."""

from __future__ import annotations

import json
import subprocess

from conftest import ROOT
from generator.model import PLAN_PARTS
from generator.plan import all_paths, walk
from generator.render.flowchart import widget_data


def test_every_path_walks_the_same_in_python_and_javascript(guide):
    """Every path of every protocol; with several protocols the browser first asks "Where does it
    hurt?", whose answer (the protocol's place in the library) leads to that protocol's start."""
    several = len(guide.protocols) > 1
    walks = [(p, path) for p in guide.protocols for path in all_paths(p.flowchart)]
    paths = [path for _, path in walks]
    answers = [
        [
            *([guide.protocols.index(p)] if several else []),
            *(list(s.choice) if isinstance(s.choice, tuple) else s.choice for s in path),
        ]
        for p, path in walks
    ]
    payload = json.dumps({"graph": widget_data(guide), "paths": answers})
    result = subprocess.run(
        ["node", str(ROOT / "tests/js/tools/flowchart-walk.mjs")],
        input=payload,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    browser = json.loads(result.stdout)
    assert len(browser) == len(paths) > 50
    assert {p.id for p, _ in walks} == {p.id for p in guide.protocols}
    for (protocol, path), given, seen in zip(walks, answers, browser, strict=True):
        end, plan = walk(protocol.flowchart, path)
        assert seen["id"] == end, path
        assert seen["plan"] == {part: plan.part(part) for part in (*PLAN_PARTS, "advice")}, path
        assert seen["decoded"] == given, path
