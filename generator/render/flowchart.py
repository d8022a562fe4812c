"""The flowchart for the page: the graph as the browser widget reads it (page data, never
fetched), and the whole tree as an outline with links for readers without scripts and for search."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import urls
from ..model import PLAN_PARTS, AnyDose, Guide, ManyChoice, OneChoice, Outcome, Recommends
from . import text
from .cards import routine_dose
from .env import html_env, template

HERE = urls.page("flowchart")


def _link(kind: str, item_id: str, title: str, **details: Any) -> dict[str, Any]:
    return {"title": title, "href": urls.href(HERE, urls.page(kind, item_id)), **details}


def _dose(guide: Guide, dose: AnyDose | None, side: str | None = None) -> str | None:
    if dose is None:
        return None
    return text.writer(guide).dose_short(dose) + (f", {side}" if side else "")


def _linked(guide: Guide) -> dict[str, dict[str, dict[str, Any]]]:
    """Everything a plan can hold, by part and id: its title and address (from the flowchart
    page), and what the plan shows of it — what to do and how much."""
    routines = {}
    for r in guide.routines:
        items = []
        for i, entry in enumerate(r.items):
            item = guide.item(entry.item)
            items.append(
                {
                    "title": item.title,
                    "dose": _dose(guide, routine_dose(guide, r, i), getattr(item, "side", None)),
                }
            )
        routines[r.id] = _link("routine", r.id, r.title, frequency=r.frequency, items=items)
    return {
        "keys": {
            k.id: _link("key", k.id, k.title, summary=k.summary, steps=list(k.steps) if k.in_plan == "steps" else None)
            for k in guide.keys
        },
        "routines": routines,
        "exercises": {
            e.id: _link("exercise", e.id, e.title, dose=_dose(guide, e.dose, e.side)) for e in guide.exercises
        },
        "recovery": {
            t.id: _link("recovery", t.id, t.title, dose=_dose(guide, t.dose), summary=t.summary) for t in guide.recovery
        },
        "ladder": _ladder_links(guide),
    }


def _recommends(rec: Recommends, links: dict[str, dict[str, Any]] | None = None) -> dict[str, list[str]]:
    """What an answer adds, as page data; with `links`, only what this copy has (a clinic may hide
    the back-to-running ladder, which the flowchart still offers)."""
    parts = {
        part: [x for x in rec.part(part) if links is None or x in links[part]] for part in PLAN_PARTS if rec.part(part)
    }
    parts = {part: items for part, items in parts.items() if items}
    if rec.advice:
        parts["advice"] = list(rec.advice)
    return parts


def _ladder_links(guide: Guide) -> dict[str, dict[str, str]]:
    """Each back-to-running stage a plan can name: a link to its row on the ladder's page."""
    ladder = guide.ladder
    if ladder is None:
        return {}
    page = urls.href(HERE, urls.page("return-to-running"))
    return {
        s.id: {"title": f"{ladder.title}: {s.title}", "href": f"{page}#{s.id}", "summary": ladder.summary}
        for s in ladder.stages
    }


# The question a library with several protocols asks first: where it hurts (each protocol's own
# flowchart then screens for its warning signs before anything else).
WHERE = "where-does-it-hurt"


def _where(guide: Guide) -> dict[str, Any]:
    words = guide.ui.flowchart
    return {
        "type": "question",
        "question": words.where,
        "help": words.where_help,
        "choose": "one",
        "see": None,
        "flags": [],
        "next": None,
        "answers": [{"label": p.protocol.where, "next": p.flowchart.start, "adds": {}} for p in guide.protocols],
        "options": [],
    }


def _start(guide: Guide) -> str:
    return WHERE if len(guide.protocols) > 1 else guide.protocols[0].flowchart.start


def widget_data(guide: Guide) -> dict[str, Any]:
    """The graph as the browser widget reads it (the flowchart's core module), with every link ready to use:
    every protocol's flowchart, after "Where does it hurt?" when the library has several."""
    flags = {f.id: f.text for f in guide.flags}
    links = _linked(guide)
    advice = shown_advice(guide)
    nodes: dict[str, dict[str, Any]] = {WHERE: _where(guide)} if len(guide.protocols) > 1 else {}
    for protocol, node in ((p, n) for p in guide.protocols for n in p.flowchart.nodes):
        if isinstance(node, Outcome):
            nodes[node.id] = {
                "type": "outcome",
                "protocol": protocol.id,
                "urgency": node.urgency,
                "title": node.title,
                "advice": advice[node.id],
                "recommends": _recommends(node.recommends, links),
            }
            continue
        nodes[node.id] = {
            "type": "question",
            "protocol": protocol.id,
            "question": node.question,
            "help": node.help,
            "choose": node.choose,
            "see": _link("key", node.see, guide.key(node.see).title) if node.see else None,
            "flags": [flags[f] for f in node.flags],
            "next": node.next if isinstance(node, ManyChoice) else None,
            "answers": [
                {"label": a.label, "next": a.next, "adds": _recommends(a.adds, links)}
                for a in (node.answers if isinstance(node, OneChoice) else [])
            ],
            "options": [
                {"label": o.label, "adds": _recommends(o.adds, links)}
                for o in (node.options if isinstance(node, ManyChoice) else [])
            ],
        }
    levels = {
        level.id: {
            "title": level.title,
            "action": level.action,
            "call": {"number": level.call.number, "label": level.call.label, "region": guide.region.label}
            if level.call
            else None,
        }
        for level in guide.region.levels
    }
    return {"start": _start(guide), "nodes": nodes, "links": links, "levels": levels, "parts": list(PLAN_PARTS)}


def shown_advice(guide: Guide) -> dict[str, list[str]]:
    """Each outcome's advice as shown: lines its urgency level's action already says are left out."""
    actions: dict[str, str] = {level.id: level.action for level in guide.region.levels}
    return {
        node.id: [line for line in node.advice if line not in actions.get(node.urgency, "")]
        for node in guide.nodes.values()
        if isinstance(node, Outcome)
    }


def outline_html(guide: Guide, data: dict[str, Any], cache_dir: Path | None = None) -> Markup:
    """The whole tree as nested lists with links: what readers without JavaScript and search see
    (a see-a-clinician outcome's recommends under the words for what to use while waiting)."""
    order = list(data["nodes"])
    labels = {node_id: node.get("title") or node["question"] for node_id, node in data["nodes"].items()}
    numbers = {node_id: i + 1 for i, node_id in enumerate(order)}
    return Markup(
        template(html_env(cache_dir), "flowchart_outline.html.j2").render(
            data=data,
            order=order,
            labels=labels,
            numbers=numbers,
            words=guide.ui.flowchart_page,
            waiting=guide.ui.flowchart.while_waiting,
        )
    )
