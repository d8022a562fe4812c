"""What a path through the flowchart collects: the node it reaches and the plan it adds up.

The browser widget walks the same graph the same way (`flowchart-core.js`); the tests compare
both on every path."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .model import PLAN_PARTS, RED_URGENCIES, AnyNode, FlowchartFile, ManyChoice, OneChoice, Outcome, Recommends


@dataclass(frozen=True)
class Step:
    """One answered question: the answer index (one-choice) or the chosen option indexes (many)."""

    node: str
    choice: int | tuple[int, ...]


def walk(chart: FlowchartFile, steps: list[Step]) -> tuple[str, Recommends]:
    """Follow the given answers from the start; return the node reached and the plan collected."""
    nodes = {n.id: n for n in chart.nodes}
    collected: dict[str, list[str]] = {part: [] for part in (*PLAN_PARTS, "advice")}
    current = chart.start

    def collect(rec: Recommends) -> None:
        for part in (*PLAN_PARTS, "advice"):
            collected[part] += [x for x in rec.part(part) if x not in collected[part]]

    for step in steps:
        node = nodes[current]
        assert step.node == current, f"path expects {step.node}, at {current}"
        if isinstance(node, ManyChoice):
            assert isinstance(step.choice, tuple)
            for i in step.choice:
                collect(node.options[i].adds)
            current = node.next
        elif isinstance(node, OneChoice):
            assert isinstance(step.choice, int)
            collect(node.answers[step.choice].adds)
            current = node.answers[step.choice].next
        else:
            raise AssertionError(f"path goes on past the outcome {current}")
    end = nodes[current]
    if isinstance(end, Outcome):
        if end.urgency in RED_URGENCIES:  # no plan: only what the outcome gives to use while waiting
            collected = {part: list(end.recommends.part(part)) for part in (*PLAN_PARTS, "advice")}
        else:  # the outcome's own parts (the core of every plan) come first, then the answers'
            answers = collected
            collected = {part: list(end.recommends.part(part)) for part in (*PLAN_PARTS, "advice")}
            collect(Recommends(**answers))
    return current, Recommends(**collected)


def _choices(node: OneChoice | ManyChoice) -> list[int | tuple[int, ...]]:
    """A many-choice question contributes, in turn, no option, each single option, and all of
    them (the plan is a sum, so these cover it)."""
    if isinstance(node, OneChoice):
        return list(range(len(node.answers)))
    n = len(node.options)
    return [(), *((i,) for i in range(n)), tuple(range(n))]


def all_paths(chart: FlowchartFile) -> Iterator[list[Step]]:
    """Every path from the start to an outcome."""
    nodes: dict[str, AnyNode] = {n.id: n for n in chart.nodes}

    def go(node_id: str, prefix: list[Step]) -> Iterator[list[Step]]:
        node = nodes[node_id]
        if isinstance(node, Outcome):
            yield prefix
            return
        for choice in _choices(node):
            nxt = node.next if isinstance(node, ManyChoice) else node.answers[choice].next  # type: ignore[index]
            yield from go(nxt, [*prefix, Step(node_id, choice)])

    yield from go(chart.start, [])
