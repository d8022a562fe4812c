"""The decision flowchart as a graph: validation, every path, and the plan a path collects."""
from __future__ import annotations

from dataclasses import dataclass
from graphlib import CycleError, TopologicalSorter
from typing import TYPE_CHECKING, Iterator

from .errors import DataError, did_you_mean
from .models import Node, Recommends
from .yamlfile import YamlFile

if TYPE_CHECKING:
    from .load import Guide

PLAN_PARTS = ("keys", "routines", "exercises", "recovery")
RED_URGENCIES = ("emergency", "urgent", "soon")


def successors(node: Node) -> list[str]:
    if node.type == "outcome":
        return []
    return [node.next] if node.choose == "many" else [a.next for a in node.answers]


def _known_ids(guide: Guide) -> dict[str, set[str]]:
    return {"keys": {k.id for k in guide.keys}, "exercises": {e.id for e in guide.exercises},
            "routines": {r.id for r in guide.routines}, "recovery": {t.id for t in guide.recovery}}


def _check_recommends(rec: Recommends, known: dict[str, set[str]], source: YamlFile, loc: tuple) -> list[DataError]:
    return [source.error(loc + (part, i), f"unknown {part[:-1] if part != 'recovery' else 'recovery tool'} `{item}`"
                         + did_you_mean(item, known[part]))
            for part in PLAN_PARTS for i, item in enumerate(getattr(rec, part)) if item not in known[part]]


def _check_references(guide: Guide, source: YamlFile) -> list[DataError]:
    chart = guide.flowchart
    ids = [n.id for n in chart.nodes]
    known = _known_ids(guide)
    flag_ids = {f.id for f in guide.red_flags.flags}
    errors = [source.error(("nodes", i, "id"), f"duplicate node id `{n}`") for i, n in enumerate(ids) if ids.count(n) > 1]
    if chart.start not in ids:
        errors.append(source.error(("start",), f"unknown node `{chart.start}`"))
    for i, node in enumerate(chart.nodes):
        loc = ("nodes", i)
        if node.next is not None and node.next not in ids:
            errors.append(source.error(loc + ("next",), f"unknown node `{node.next}`"))
        for j, answer in enumerate(node.answers):
            if answer.next not in ids:
                errors.append(source.error(loc + ("answers", j, "next"), f"unknown node `{answer.next}`" + did_you_mean(answer.next, ids)))
            errors += _check_recommends(answer.adds, known, source, loc + ("answers", j, "adds"))
        for j, option in enumerate(node.options):
            errors += _check_recommends(option.adds, known, source, loc + ("options", j, "adds"))
        errors += _check_recommends(node.recommends, known, source, loc + ("recommends",))
        errors += [source.error(loc + ("flags", j), f"unknown red flag `{f}`") for j, f in enumerate(node.flags) if f not in flag_ids]
        if node.see is not None and node.see not in known["keys"]:
            errors.append(source.error(loc + ("see",), f"unknown key `{node.see}`" + did_you_mean(node.see, known["keys"])))
    return errors


def _check_shape(guide: Guide, source: YamlFile) -> list[DataError]:
    """Reachability, cycles, and the rule that the red-flag screen comes before any advice."""
    chart = guide.flowchart
    nodes = {n.id: n for n in chart.nodes}
    index = {n.id: i for i, n in enumerate(chart.nodes)}
    errors: list[DataError] = []
    reachable, stack = set(), [chart.start]
    while stack:
        node_id = stack.pop()
        if node_id not in reachable:
            reachable.add(node_id)
            stack.extend(successors(nodes[node_id]))
    errors += [source.error(("nodes", index[n], "id"), f"node `{n}` cannot be reached from `{chart.start}`")
               for n in nodes if n not in reachable]
    sorter = TopologicalSorter({n: [] for n in reachable})
    for n in reachable:
        for succ in successors(nodes[n]):
            sorter.add(succ, n)
    try:
        order = list(sorter.static_order())
    except CycleError as exc:
        cycle = exc.args[1]
        return errors + [source.error(("nodes", index[cycle[0]], "id"), "the flowchart loops: " + " -> ".join(cycle))]

    screen = {n.id for n in chart.nodes if n.type == "question" and n.stage == "screen"}
    start = nodes[chart.start]
    if start.type != "question" or start.stage != "screen":
        errors.append(source.error(("start",), "the flowchart must start with a red-flag screen question (stage: screen)"))
    # For each node: the screen questions passed on *every* path to it, and whether a plan node came before.
    passed: dict[str, frozenset[str]] = {}
    after_plan: dict[str, bool] = {}
    predecessors: dict[str, list[str]] = {n: [] for n in reachable}
    for p in sorted(reachable):
        for succ in set(successors(nodes[p])):
            predecessors[succ].append(p)
    for n in order:
        preds = predecessors[n]
        passed[n] = frozenset.intersection(*(passed[p] | ({p} & screen) for p in preds)) if preds else frozenset()
        after_plan[n] = any(after_plan[p] or (nodes[p].type == "question" and nodes[p].stage == "plan") for p in preds)
    flagged = {f for n in screen for f in nodes[n].flags}
    for i, flag in enumerate(guide.red_flags.flags):
        if flag.id not in flagged:
            errors.append(source.error(("start",), f"red flag `{flag.id}` is asked in no screen question"))
    for n in order:
        node, loc = nodes[n], ("nodes", index[n])
        if node.type == "question" and node.stage == "screen":
            if after_plan[n]:
                errors.append(source.error(loc + ("stage",), "a red-flag screen question cannot come after a plan question"))
            if any(not a.adds.is_empty() for a in node.answers) or node.options:
                errors.append(source.error(loc + ("answers",), "screen answers cannot recommend anything"))
        needs_full_screen = (node.type == "question" and node.stage == "plan") or node.urgency == "self-care"
        if needs_full_screen and passed[n] != screen:
            missing = ", ".join(sorted(screen - passed[n]))
            errors.append(source.error(loc + ("id",), f"`{n}` can be reached without the red-flag screen ({missing})"))
        if node.urgency in RED_URGENCIES and not node.recommends.is_empty():
            errors.append(source.error(loc + ("recommends",), "a see-a-clinician outcome recommends nothing else"))
    return errors


def check_graph(guide: Guide, source: YamlFile) -> list[DataError]:
    """All flowchart problems; shape checks only run once every reference resolves."""
    errors = _check_references(guide, source)
    return errors or _check_shape(guide, source)


@dataclass(frozen=True)
class Step:
    """One answered question: the answer index (one-choice) or the chosen option indexes (many)."""

    node: str
    choice: int | tuple[int, ...]


def walk(chart, steps: list[Step]) -> tuple[str, Recommends]:
    """Follow the given answers from the start; return the node reached and the plan collected."""
    nodes = {n.id: n for n in chart.nodes}
    collected = {part: [] for part in PLAN_PARTS}
    current = chart.start
    for step in steps:
        node = nodes[current]
        assert step.node == current, f"path expects {step.node}, at {current}"
        if node.choose == "many":
            adds = [node.options[i].adds for i in step.choice]
            current = node.next
        else:
            adds = [node.answers[step.choice].adds]
            current = node.answers[step.choice].next
        for rec in adds:
            for part in PLAN_PARTS:
                collected[part] += [x for x in getattr(rec, part) if x not in collected[part]]
    end = nodes[current]
    if end.type == "outcome":
        for part in PLAN_PARTS:
            collected[part] += [x for x in getattr(end.recommends, part) if x not in collected[part]]
        if end.urgency in RED_URGENCIES:
            collected = {part: [] for part in PLAN_PARTS}
    return current, Recommends(**collected)


def all_paths(chart) -> Iterator[list[Step]]:
    """Every path from the start to an outcome. A many-choice question contributes, in turn,
    no option, each single option, and all options (the plan is a sum, so these cover it)."""
    nodes = {n.id: n for n in chart.nodes}

    def choices(node: Node) -> list[int | tuple[int, ...]]:
        if node.choose == "one":
            return list(range(len(node.answers)))
        n = len(node.options)
        return [()] + [(i,) for i in range(n)] + [tuple(range(n))]

    def go(node_id: str, prefix: list[Step]) -> Iterator[list[Step]]:
        node = nodes[node_id]
        if node.type == "outcome":
            yield prefix
            return
        for choice in choices(node):
            nxt = node.next if node.choose == "many" else node.answers[choice].next
            yield from go(nxt, prefix + [Step(node_id, choice)])

    yield from go(chart.start, [])


def _linked(guide: Guide) -> dict[str, dict[str, dict[str, str]]]:
    """Title and site path of everything a plan can link to, by part and id."""
    return {
        "keys": {k.id: {"title": k.title, "path": f"keys/{k.id}/"} for k in guide.keys},
        "routines": {r.id: {"title": r.title, "path": f"routines/{r.id}/"} for r in guide.routines},
        "exercises": {e.id: {"title": e.title, "path": f"exercises/{e.id}/"} for e in guide.exercises},
        "recovery": {t.id: {"title": t.title, "path": f"recovery/{t.id}/"} for t in guide.recovery},
    }


def _recommends(rec: Recommends) -> dict[str, list[str]]:
    return {part: list(getattr(rec, part)) for part in PLAN_PARTS if getattr(rec, part)}


def widget_data(guide: Guide) -> dict:
    """The graph as the browser widget reads it (inline JSON; never fetched)."""
    flags = {f.id: f.text for f in guide.red_flags.flags}
    links = _linked(guide)
    nodes = {}
    for node in guide.flowchart.nodes:
        if node.type == "question":
            nodes[node.id] = {
                "type": "question", "question": node.question, "help": node.help, "choose": node.choose,
                "see": links["keys"][node.see] if node.see else None,
                "flags": [flags[f] for f in node.flags], "next": node.next,
                "answers": [{"label": a.label, "next": a.next, "adds": _recommends(a.adds)} for a in node.answers],
                "options": [{"label": o.label, "adds": _recommends(o.adds)} for o in node.options],
            }
        else:
            nodes[node.id] = {"type": "outcome", "urgency": node.urgency, "title": node.title,
                              "advice": list(node.advice), "recommends": _recommends(node.recommends)}
    levels = {level.id: {"title": level.title, "action": level.action,
                         "call": level.call.model_dump(include={"number", "label"}) if level.call else None}
              for level in guide.red_flags.levels}
    return {"start": guide.flowchart.start, "nodes": nodes, "links": links, "levels": levels,
            "parts": list(PLAN_PARTS)}


def outline_html(guide: Guide) -> str:
    """The whole tree as nested lists with links: what readers without JavaScript and search see."""
    from .render import html_env, template

    data = widget_data(guide)
    order = [n.id for n in guide.flowchart.nodes]
    labels = {n.id: n.question or n.title for n in guide.flowchart.nodes}
    return template(html_env(), "flowchart_outline.html.j2").render(data=data, order=order, labels=labels)
