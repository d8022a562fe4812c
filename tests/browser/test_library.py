"""Several protocols in the browser. A copy of the library gets the made-up protocol of
tests/fixtures/protocols/minimal-demo beside the shipped ones (as tests/test_third_protocol.py
builds it); its pain rule allows less than the shipped ones (4 out of 10 where they allow 5), and
it names what hurts in its own words. The log judges each session by its own protocol's rule and
says what hurts as that protocol does (the progress page, the morning check-in, "I did this
today"); the plan builder lists the library protocol by protocol."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import yaml
from test_progress import MONDAY, contexts, open_progress, session, write  # noqa: F401  (a fixture)

from conftest import ROOT, mkdocs_build, project_copy, serve
from generator.load import load_guide
from helpers import add_protocol

FIXTURE = ROOT / "tests" / "fixtures" / "protocols" / "minimal-demo"
DEMO = yaml.safe_load((FIXTURE / "protocol.yml").read_text(encoding="utf-8"))
DEMO_ROUTINE = yaml.safe_load((FIXTURE / "routines.yml").read_text(encoding="utf-8"))["routines"][0]["id"]
SHIPPED_ROUTINE = "hip-strength-1"


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """The library with the made-up protocol last, built and served: (url, guide)."""
    project = project_copy(tmp_path_factory.mktemp("library") / "guide")
    add_protocol(project, FIXTURE, DEMO["id"])
    out = tmp_path_factory.mktemp("library-site")
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    server, url = serve(out)
    yield url, load_guide(project / "data")
    server.shutdown()


def fill(template: str, **values) -> str:
    return re.sub(r"\{([a-z_]+)\}", lambda m: str(values.get(m.group(1), m.group(0))), template)


def rules_of(guide, routine_id: str):
    return guide.protocol_of(routine_id).pain_rule


def test_the_two_protocols_differ_where_the_tests_need_them_to(library):
    _, guide = library
    shipped, demo = rules_of(guide, SHIPPED_ROUTINE), rules_of(guide, DEMO_ROUTINE)
    assert demo.acceptable_max < shipped.acceptable_max
    assert guide.protocol_of(DEMO_ROUTINE).protocol.part != guide.protocol_of(SHIPPED_ROUTINE).protocol.part


def test_each_session_is_judged_by_its_own_protocols_rule(contexts, library):  # noqa: F811
    """The same pain, above one protocol's limit and within the other's: two such sessions of the
    made-up routine in a row mean easing off (named as its protocol names what hurts); two of the
    shipped routine do not."""
    url, guide = library
    words = guide.progress.words
    demo = guide.protocol_of(DEMO_ROUTINE)
    pain = demo.pain_rule.acceptable_max + 1
    assert pain <= rules_of(guide, SHIPPED_ROUTINE).acceptable_max
    ease_off = fill(words.ease_off, part=demo.protocol.part)
    for routine, eases in ((DEMO_ROUTINE, True), (SHIPPED_ROUTINE, False)):
        page = contexts(url)
        page.goto(url)
        days = (MONDAY - timedelta(days=3), MONDAY - timedelta(days=1))
        write(page, url, {"sessions": [session(n, day, routine, pain=pain, easy=False) for n, day in enumerate(days)]})
        open_progress(page, url)
        advice = page.locator(".log-ease-off")
        if eases:
            assert ease_off in advice.inner_text()
        else:
            assert advice.count() == 0
            assert ease_off not in page.locator(".log-view").inner_text()
        # The pain chart's band is the acceptable level of the sessions shown.
        caption = page.locator(".log-figure figcaption").inner_text()
        acceptable = rules_of(guide, routine).acceptable_max
        assert fill(words.pain_chart_caption, min=0, max=10, acceptable=acceptable) == caption


def test_the_check_in_and_i_did_this_today_name_what_hurts_as_the_protocol_does(contexts, library):  # noqa: F811
    url, guide = library
    words = guide.progress.words
    for routine in (DEMO_ROUTINE, SHIPPED_ROUTINE):
        protocol = guide.protocol_of(routine)
        page = contexts(url)
        page.goto(url + f"routines/{routine}/")
        box = page.locator(".did-it")
        box.get_by_role("button", name=words.did_it_today).click()
        legend = box.locator("legend").first.inner_text()
        rule = protocol.pain_rule
        assert legend == fill(words.did_it_pain, part=protocol.protocol.part, min=rule.scale_min, max=rule.scale_max)
        # Yesterday's session of this routine: this morning's question names what hurts as its protocol does.
        write(page, url, {"sessions": [session(1, MONDAY - timedelta(days=1), routine)]})
        page.goto(url)
        panel = page.locator(".checkin")
        panel.wait_for(state="visible")
        assert fill(words.checkin_question, part=protocol.protocol.part) in panel.inner_text()


def test_runs_are_judged_by_their_own_protocols_running_limit(contexts, library):  # noqa: F811
    """Two runs at the same pain: within one protocol's running limit, above another's, where the
    progress page says to step back a stage (the running words), naming what hurts."""
    url, guide = library
    words = guide.progress.words
    runners = sorted((p for p in guide.protocols if p.ladder), key=lambda p: p.pain_rule.running_max)
    strict, lenient = runners[0], runners[-1]
    assert strict.pain_rule.running_max < lenient.pain_rule.running_max
    pain = strict.pain_rule.running_max + 1
    stage = guide.ladder.stages[1].id
    for protocol, eases in ((strict, True), (lenient, False)):
        page = contexts(url)
        page.goto(url)
        runs = [
            session(
                n, MONDAY - timedelta(days=2 * n + 1), None, pain=pain, easy=None, stage=stage, protocol=protocol.id
            )
            for n in range(2)
        ]
        write(page, url, {"sessions": runs})
        open_progress(page, url)
        view = page.locator(".log-view").inner_text()
        said = fill(words.ease_off_run, part=protocol.protocol.part)
        assert (said in view) == eases, protocol.id
        assert fill(words.ease_off, part=protocol.protocol.part) not in view


def test_the_plan_builder_lists_the_library_by_protocol(library, browser):
    url, guide = library
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    page = context.new_page()
    page.goto(url + "prescribe/")
    page.wait_for_selector(".rx-library")
    sections = page.locator(".rx-library .rx-protocol")
    assert sections.locator("h3").all_inner_texts() == [p.title for p in guide.protocols]
    for protocol, section in zip(guide.protocols, sections.all(), strict=True):
        adds = set(
            section.locator("button.rx-add").evaluate_all("bs => bs.map(b => b.dataset.kind + ':' + b.dataset.id)")
        )
        routines = {f"routine:{r.id}" for r in protocol.routines}
        assert routines <= adds, protocol.id
        used = {e.item for r in protocol.routines for e in r.items}
        used |= {i for k in protocol.keys for i in (*k.exercises, *k.recovery)}
        assert {a.split(":")[1] for a in adds if not a.startswith("routine:")} == used, protocol.id
    # A shared exercise is under every protocol that uses it; adding it once marks each of its buttons.
    shared = next(e.item for e in guide.routine(DEMO_ROUTINE).items)
    buttons = page.locator(f".rx-library button.rx-add[data-id='{shared}']")
    assert buttons.count() >= 2
    buttons.first.click()
    assert all(b.get_attribute("aria-disabled") == "true" for b in buttons.all())
    assert page.locator(".rx-items li").count() == 1
    context.close()
