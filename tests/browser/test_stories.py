"""The patient stories of every protocol (data/protocols/<id>/stories.yml) clicked through "Find
your plan" in a real browser, as each person would: where it hurts (when the library has several
protocols), then by the label of each answer (and the options they tick), ending on the result
the story expects, with the plan's parts it must hold and never the ones it must not."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT
from generator.model import PLAN_PARTS, Outcome

# The stories' ids, read at collection so that each story is a test of its own.
STORIES = [
    s["id"]
    for path in sorted((ROOT / "data" / "protocols").glob("*/stories.yml"))
    for s in yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]
]

PAGE = "flowchart/"
HEADING = ".flowchart-app .fc-heading"


def _heading(page) -> str:
    return page.locator(HEADING).inner_text().strip()


def _click_answer(page, label: str) -> None:
    button = page.locator(".flowchart-app .fc-answer", has_text=label).first
    button.scroll_into_view_if_needed()
    before = page.evaluate("location.hash")
    button.click()
    page.wait_for_function("h => location.hash !== h", arg=before)


def _tick(page, labels: list[str]) -> None:
    for label in labels:
        page.locator(".flowchart-app label", has_text=label).first.click()
    before = page.evaluate("location.hash")
    page.locator(".flowchart-app .fc-continue").click()
    page.wait_for_function("h => location.hash !== h", arg=before)


def _plan_links(page) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {part: set() for part in PLAN_PARTS}
    for part, href in page.eval_on_selector_all(
        ".flowchart-app [data-plan-part]", "els => els.map(a => [a.dataset.planPart, a.getAttribute('href')])"
    ):
        found[part].add(href.rstrip("/").split("/")[-1].split("#")[-1])
    return found


@pytest.mark.parametrize("story_id", STORIES)
def test_each_story_clicked_through(page, site_url, guide, story_id):
    story = next(s for s in guide.stories if s.id == story_id)
    page.goto(site_url + PAGE)
    page.wait_for_selector(HEADING)
    if len(guide.protocols) > 1:
        assert _heading(page) == guide.ui.flowchart.where
        _click_answer(page, guide.protocol_of(story.id).protocol.where)
    for given in story.answers:
        node = guide.nodes[given.question]
        assert _heading(page) == node.question, (story.id, given.question)
        if given.answer is not None:
            _click_answer(page, given.answer)
        else:
            _tick(page, given.ticked or [])
    end = guide.nodes[story.expect.outcome]
    assert isinstance(end, Outcome)
    assert _heading(page) == end.title, story.id
    shown = _plan_links(page)
    for part, ids in story.expect.includes.items():
        if end.urgency == "self-care":
            assert set(ids) <= shown[part], (story.id, part, shown[part])
    for part, ids in story.expect.excludes.items():
        assert not set(ids) & shown[part], (story.id, part)
