"""The clinical safety case on the page: who reviewed the guide (a clinic's named clinical lead, or
plainly nobody), the scope and deviations page with the patient stories, and the hazard log with
its matrix and each control as a link to what it names."""

from __future__ import annotations

from typing import Any

from .. import urls
from ..model import Guide, Hazard, ManyChoice, OneChoice, Outcome, ProtocolGuide, Story
from ..model.safety_case import (
    LIKELIHOODS,
    SEVERITIES,
    AnyControl,
    CautionControl,
    CheckControl,
    DesignControl,
    NumberControl,
    PageControl,
    QuestionControl,
    StoryControl,
    WarningSignControl,
)
from . import text


def review_lines(guide: Guide) -> dict[str, str]:
    """`long` (the About, scope and hazard pages), `short` (cards, printed plans) and `older` (set
    when the guide's edition moved on since the review): never a name that the brand did not give."""
    words, review = guide.about.review, guide.brand.clinical_review
    if review is None:
        return {"long": words.none, "short": words.short_none, "older": ""}
    values = {
        "name": review.name,
        "profession": review.profession,
        "body": review.registration.body,
        "number": review.registration.number,
        "date": text.writer(guide).date(review.reviewed_on),
        "edition": review.edition,
    }
    older = text.fill(words.older, {"edition": guide.site.edition}) if review.edition != guide.site.edition else ""
    return {"long": text.fill(words.by, values), "short": text.fill(words.short_by, values), "older": older}


def _answers(guide: Guide, story: Story) -> list[dict[str, str]]:
    """Each answer of a story as the question a reader saw and what they chose."""
    shown = []
    for given in story.answers:
        node = guide.nodes[given.question]
        assert isinstance(node, (OneChoice, ManyChoice))
        shown.append({"question": node.question, "answer": given.answer or ", ".join(given.ticked or []) or "—"})
    return shown


def _titles(guide: Guide, part: str, ids: list[str]) -> list[str]:
    """Items of a plan part by their titles (a stage of the ladder by its own)."""
    if part == "keys":
        return [guide.key(i).title for i in ids]
    if part == "routines":
        return [guide.routine(i).title for i in ids]
    if part == "ladder":
        return [guide.stage(i).title for i in ids if guide.ladder]
    return [guide.item(i).title for i in ids]


def stories(guide: Guide, protocol: ProtocolGuide) -> list[dict[str, Any]]:
    """A protocol's patient stories as the scope page shows them."""
    shown = []
    for story in protocol.stories:
        end = guide.nodes[story.expect.outcome]
        assert isinstance(end, Outcome)
        level = guide.levels.get(end.urgency)
        shown.append(
            {
                "story": story,
                "answers": _answers(guide, story),
                "result": end.title + (f" ({level.title})" if level else ""),
                "holds": [t for part, ids in story.expect.includes.items() for t in _titles(guide, part, ids)],
                "never": [t for part, ids in story.expect.excludes.items() for t in _titles(guide, part, ids)],
                "waiting": end.urgency != "self-care",
            }
        )
    return shown


def protocol_headings(guide: Guide, protocol: ProtocolGuide) -> dict[str, str]:
    """The headings of a protocol's part of the scope page. With several protocols each names its
    protocol ("Patient stories …: <the protocol>"), so no two headings, and no two of
    the table of contents' sections (landmarks named by their heading), are alike."""
    scope = guide.scope
    plain = {
        "who_for": scope.headings.who_for,
        "not_for": scope.headings.not_for,
        "deviations": scope.headings.deviations,
        "stories": scope.stories_title,
    }
    if len(guide.protocols) == 1:
        return plain
    named = guide.ui.pages.section
    return {k: text.fill(named, {"page": v, "protocol": protocol.title}) for k, v in plain.items()}


def scope_context(guide: Guide) -> dict[str, Any]:
    """The scope page: the guide's own deviations, then each protocol's who, not-for, deviations
    and stories."""
    return {
        "scope": guide.scope,
        "review": review_lines(guide),
        "sections": [
            {
                "protocol": p,
                "headings": protocol_headings(guide, p),
                "not_for": [f for f in p.flags if f.level == "not-for"],
                "stories": stories(guide, p),
            }
            for p in guide.protocols
        ],
    }


def _control(guide: Guide, control: AnyControl, here: urls.Page, names: dict[str, str]) -> dict[str, Any]:
    """One control as a line of the log: its label, what it names, and a link where it has a page
    (or `code`: a name in the data or the tests, shown as it is written)."""
    return {"label": "", "href": None, "code": False, **_control_parts(guide, control, here, names)}


def _control_parts(guide: Guide, control: AnyControl, here: urls.Page, names: dict[str, str]) -> dict[str, Any]:
    h = guide.hazards.headings
    if isinstance(control, WarningSignControl):
        flag = next(f for f in guide.flags if f.id == control.warning_sign)
        return {"label": h.warning_sign, "text": flag.text, "href": urls.href(here, urls.page("clinician"))}
    if isinstance(control, QuestionControl):
        node = guide.nodes[control.question]
        label, words = (h.outcome, node.title) if isinstance(node, Outcome) else (h.question, node.question)
        return {"label": label, "text": words, "href": urls.href(here, urls.page("flowchart")) + f"#step-{node.id}"}
    if isinstance(control, CautionControl):
        return {
            "label": h.caution,
            "text": guide.item(control.caution).title,
            "href": urls.href(here, urls.page("recovery", control.caution)),
        }
    if isinstance(control, PageControl):
        return {"label": h.page, "text": names[control.page], "href": urls.href(here, urls.page(control.page))}
    if isinstance(control, StoryControl):
        story = next(s for s in guide.stories if s.id == control.story)
        return {
            "label": h.story,
            "text": story.title,
            "href": urls.href(here, urls.page("scope")) + f"#story-{story.id}",
        }
    if isinstance(control, NumberControl):
        return {"label": h.number, "text": control.number, "code": True}
    if isinstance(control, CheckControl):
        return {"label": h.test, "text": control.test, "code": True}
    assert isinstance(control, DesignControl)
    return {"text": control.design}


def _rating(guide: Guide, hazard: Hazard, which: str) -> dict[str, Any]:
    rating = getattr(hazard, which)
    matrix = guide.hazards.matrix
    risk = matrix.risk(rating)
    return {
        "risk": risk,
        "level": matrix.levels[risk - 1].label,
        "likelihood": matrix.likelihoods[rating.likelihood].label,
        "severity": matrix.severities[rating.severity].label,
    }


def hazards_context(guide: Guide, page_titles: dict[str, str]) -> dict[str, Any]:
    """What the hazard log shows: the matrix (most likely row first) and every hazard."""
    here = urls.page("hazards")
    matrix = guide.hazards.matrix
    rows = [
        {"likelihood": matrix.likelihoods[lk], "risks": [(r, matrix.levels[r - 1].label) for r in matrix.risks[lk]]}
        for lk in reversed(LIKELIHOODS)
    ]

    def shown(hazards: list[Hazard]) -> list[dict[str, Any]]:
        return [
            {
                "hazard": hazard,
                "before": _rating(guide, hazard, "before"),
                "after": _rating(guide, hazard, "after"),
                "controls": [_control(guide, c, here, page_titles) for c in hazard.controls],
            }
            for hazard in hazards
        ]

    return {
        "log": guide.hazards,
        "review": review_lines(guide),
        "columns": [matrix.severities[s] for s in SEVERITIES],
        "rows": rows,
        "groups": [
            {"protocol": None, "hazards": shown(guide.hazards.hazards)},
            *({"protocol": p, "hazards": shown(p.hazards)} for p in guide.protocols),
        ],
    }
