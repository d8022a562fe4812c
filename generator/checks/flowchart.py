"""A protocol's flowchart as a graph: every id resolves, every node is reachable, no loops, and
the red-flag screen (its own warning signs and every shared one) comes before any advice on every
path."""

from __future__ import annotations

from graphlib import CycleError, TopologicalSorter

from ..errors import DataError, Loc, did_you_mean
from ..model import PLAN_PARTS, RED_URGENCIES, AnyNode, Guide, ManyChoice, OneChoice, Outcome, ProtocolGuide, Recommends
from ..read.yamlfile import YamlFile


def _known_ids(guide: Guide, protocol: ProtocolGuide) -> dict[str, set[str]]:
    """What a protocol's plan may hold: its own keys and routines, and what every protocol shares."""
    return {
        "keys": {k.id for k in protocol.keys},
        "exercises": {e.id for e in guide.exercises},
        "routines": {r.id for r in protocol.routines},
        "recovery": {t.id for t in guide.recovery},
        "ladder": {s.id for s in guide.ladder.stages} if guide.ladder else set(),
    }


WHAT = {"keys": "key", "exercises": "exercise", "routines": "routine", "recovery": "recovery tool", "ladder": "stage"}


def _check_recommends(rec: Recommends, known: dict[str, set[str]], source: YamlFile, loc: Loc) -> list[DataError]:
    return [
        source.error(
            loc + (part, i),
            f"unknown {WHAT[part]} `{item}`" + did_you_mean(item, known[part]),
        )
        for part in PLAN_PARTS
        for i, item in enumerate(rec.part(part))
        if item not in known[part]
    ]


def _check_references(guide: Guide, protocol: ProtocolGuide, source: YamlFile) -> list[DataError]:
    chart = protocol.flowchart
    ids = [n.id for n in chart.nodes]
    known = _known_ids(guide, protocol)
    flag_ids = {f.id for f in (*guide.red_flags.flags, *protocol.flags)}
    errors = [
        source.error(("nodes", i, "id"), f"duplicate node id `{n}`") for i, n in enumerate(ids) if ids.count(n) > 1
    ]
    if chart.start not in ids:
        errors.append(source.error(("start",), f"unknown node `{chart.start}`"))
    for i, node in enumerate(chart.nodes):
        loc = ("nodes", i)
        if isinstance(node, Outcome):
            errors += _check_recommends(node.recommends, known, source, loc + ("recommends",))
            continue
        if isinstance(node, ManyChoice):
            if node.next not in ids:
                errors.append(source.error(loc + ("next",), f"unknown node `{node.next}`"))
            for j, option in enumerate(node.options):
                errors += _check_recommends(option.adds, known, source, loc + ("options", j, "adds"))
        else:
            for j, answer in enumerate(node.answers):
                if answer.next not in ids:
                    errors.append(
                        source.error(
                            loc + ("answers", j, "next"),
                            f"unknown node `{answer.next}`" + did_you_mean(answer.next, ids),
                        )
                    )
                errors += _check_recommends(answer.adds, known, source, loc + ("answers", j, "adds"))
        errors += [
            source.error(loc + ("flags", j), f"unknown red flag `{f}`")
            for j, f in enumerate(node.flags)
            if f not in flag_ids
        ]
        if node.see is not None and node.see not in known["keys"]:
            errors.append(
                source.error(loc + ("see",), f"unknown key `{node.see}`" + did_you_mean(node.see, known["keys"]))
            )
    return errors


def _is_screen(node: AnyNode) -> bool:
    return not isinstance(node, Outcome) and node.stage == "screen"


def _is_plan_question(node: AnyNode) -> bool:
    return not isinstance(node, Outcome) and node.stage == "plan"


def _check_shape(guide: Guide, protocol: ProtocolGuide, source: YamlFile) -> list[DataError]:
    """Reachability, cycles, and the rule that the red-flag screen comes before any advice."""
    chart = protocol.flowchart
    nodes = protocol.nodes
    index = {n.id: i for i, n in enumerate(chart.nodes)}
    errors: list[DataError] = []
    reachable: set[str] = set()
    stack = [chart.start]
    while stack:
        node_id = stack.pop()
        if node_id not in reachable:
            reachable.add(node_id)
            stack.extend(nodes[node_id].successors())
    errors += [
        source.error(("nodes", index[n], "id"), f"node `{n}` cannot be reached from `{chart.start}`")
        for n in nodes
        if n not in reachable
    ]
    sorter: TopologicalSorter[str] = TopologicalSorter({n: [] for n in reachable})
    for n in reachable:
        for succ in nodes[n].successors():
            sorter.add(succ, n)
    try:
        order = list(sorter.static_order())
    except CycleError as exc:
        cycle = exc.args[1]
        return errors + [source.error(("nodes", index[cycle[0]], "id"), "the flowchart loops: " + " -> ".join(cycle))]

    screen = {n.id for n in chart.nodes if _is_screen(n)}
    if not _is_screen(nodes[chart.start]):
        errors.append(
            source.error(("start",), "the flowchart must start with a red-flag screen question (stage: screen)")
        )
    # For each node: the screen questions passed on *every* path to it, and whether a plan node came before.
    passed: dict[str, frozenset[str]] = {}
    after_plan: dict[str, bool] = {}
    predecessors: dict[str, list[str]] = {n: [] for n in reachable}
    for p in sorted(reachable):
        for succ in set(nodes[p].successors()):
            predecessors[succ].append(p)
    for n in order:
        preds = predecessors[n]
        passed[n] = frozenset.intersection(*(passed[p] | ({p} & screen) for p in preds)) if preds else frozenset()
        after_plan[n] = any(after_plan[p] or _is_plan_question(nodes[p]) for p in preds)
    flagged = {f for n in screen for f in nodes[n].flags}  # type: ignore[union-attr]
    for flag in (*guide.red_flags.flags, *protocol.flags):
        if flag.id not in flagged:
            errors.append(source.error(("start",), f"red flag `{flag.id}` is asked in no screen question"))
    for n in order:
        node, loc = nodes[n], ("nodes", index[n])
        if _is_screen(node):
            if after_plan[n]:
                errors.append(
                    source.error(loc + ("stage",), "a red-flag screen question cannot come after a plan question")
                )
            if isinstance(node, ManyChoice) or (
                isinstance(node, OneChoice) and any(not a.adds.is_empty() for a in node.answers)
            ):
                errors.append(source.error(loc + ("answers",), "screen answers cannot recommend anything"))
        self_care = isinstance(node, Outcome) and node.urgency == "self-care"
        if (_is_plan_question(node) or self_care) and passed[n] != screen:
            missing = ", ".join(sorted(screen - passed[n]))
            errors.append(source.error(loc + ("id",), f"`{n}` can be reached without the red-flag screen ({missing})"))
        if isinstance(node, Outcome) and node.urgency in RED_URGENCIES:
            errors += _while_waiting(node, source, loc)
    return errors


# What a see-someone-soon outcome may give to use while waiting (never exercises, routines or running).
WHILE_WAITING = ("recovery",)


def _while_waiting(node: Outcome, source: YamlFile, loc: Loc) -> list[DataError]:
    """A see-a-clinician outcome recommends no plan; "see someone soon" may name recovery tools to
    use until then (ice for a swollen joint), and nothing else."""
    allowed = WHILE_WAITING if node.urgency == "soon" else ()
    return [
        source.error(
            loc + ("recommends", part),
            "a see-someone-soon outcome may recommend only recovery tools to use while waiting"
            if node.urgency == "soon"
            else "a see-a-clinician outcome recommends nothing else",
        )
        for part in (*PLAN_PARTS, "advice")
        if node.recommends.part(part) and part not in allowed
    ]


def check_graph(guide: Guide, protocol: ProtocolGuide, source: YamlFile) -> list[DataError]:
    """All problems of a protocol's flowchart; shape checks only run once every reference resolves."""
    errors = _check_references(guide, protocol, source)
    return errors or _check_shape(guide, protocol, source)
