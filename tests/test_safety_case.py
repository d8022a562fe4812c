"""The clinical safety case (issue 22): patient stories walked through the flowchart, a hazard log
whose controls name things that exist (and tests that exist), the scope and deviations page, and a
clinical review that is never invented: a clinic's named lead, or plainly nobody."""

from __future__ import annotations

import ast
import html
import re
import subprocess
import sys

import pytest

from conftest import ROOT, mkdocs_build, project_copy
from generator.model import Outcome
from generator.model.safety_case import CheckControl
from generator.plan import Step, walk
from generator.render.prescribe import library_data
from generator.render.safety_case import review_lines
from generator.urls import page
from helpers import KNEE, data_copy, edit, errors_of, knee, line_of


def _steps(guide, story):
    """The story's answers as flowchart steps, found by label (independently of the build's check)."""
    steps = []
    for given in story.answers:
        node = guide.nodes[given.question]
        if given.answer is not None:
            steps.append(Step(node.id, [a.label for a in node.answers].index(given.answer)))
        else:
            labels = [o.label for o in node.options]
            steps.append(Step(node.id, tuple(labels.index(t) for t in given.ticked)))
    return steps


def test_every_story_ends_where_it_should(guide):
    """Every patient story reaches its outcome, with what its plan must and must not hold; the
    issue's eight situations are all told."""
    assert len(knee(guide).stories) >= 8
    for story in guide.stories:
        end, plan = walk(guide.protocol_of(story.id).flowchart, _steps(guide, story))
        assert end == story.expect.outcome, story.id
        for part, ids in story.expect.includes.items():
            assert set(ids) <= set(plan.part(part)), (story.id, part)
        for part, ids in story.expect.excludes.items():
            assert not set(ids) & set(plan.part(part)), (story.id, part)
    ends = {s.id: guide.nodes[s.expect.outcome] for s in guide.stories}
    urgencies = {s: e.urgency for s, e in ends.items() if isinstance(e, Outcome)}
    assert urgencies["teen-with-limp"] == "not-for"
    assert urgencies["calf-after-flight"] == "urgent" and urgencies["calf-after-flight-breathless"] == "emergency"
    assert urgencies["twist-no-locking"] == "soon" and urgencies["still-swollen-after-hot-knee"] == "soon"
    assert urgencies["new-runner-stairs"] == "self-care" and urgencies["six-out-of-ten-on-runs"] == "self-care"


def test_a_story_the_flowchart_no_longer_tells_stops_the_build(tmp_path):
    """A clinical change that sends a story elsewhere is a located error, not a silent change."""
    data = data_copy(tmp_path)
    line = edit(data / KNEE / "stories.yml", "    expect: {outcome: see-urgent}\n", "    expect: {outcome: see-soon}\n")
    errors = errors_of(data)
    assert any(
        e.startswith(f"data/protocols/knee-pain-running/stories.yml:{line}: stories[")
        and "the story ends at `see-urgent`" in e
        for e in errors
    ), errors
    data2 = data_copy(tmp_path / "labels")
    line = edit(
        data2 / KNEE / "stories.yml",
        '{question: injury-check, answer: "Yes, it started with an injury"}',
        '{question: injury-check, answer: "Yes"}',
    )
    errors = errors_of(data2)
    assert any(
        e.startswith(f"data/protocols/knee-pain-running/stories.yml:{line}:") and 'has no answer "Yes"' in e
        for e in errors
    ), errors


def test_a_hazard_control_naming_nothing_is_refused(tmp_path):
    data = data_copy(tmp_path)
    line = edit(
        data / KNEE / "hazards.yml", "      - warning_sign: calf-swollen-warm\n", "      - warning_sign: calf-swollen\n"
    )
    assert errors_of(data) == [
        (
            f"data/protocols/knee-pain-running/hazards.yml:{line}: hazards[0].controls[0]: unknown warning sign `calf-swollen` "
            "(did you mean `calf-swollen-warm`?)"
        )
    ]
    data2 = data_copy(tmp_path / "number")
    edit(data2 / KNEE / "hazards.yml", "      - number: pain.running_max\n", "      - number: pain.runing_max\n")
    assert any("unknown number `pain.runing_max` (did you mean `pain.running_max`?)" in e for e in errors_of(data2))
    data3 = data_copy(tmp_path / "page")
    edit(data3 / KNEE / "hazards.yml", "      - page: pain-rule\n", "      - page: pain-rules\n")
    assert any("page: must be one of `home`," in e and "(did you mean `pain-rule`?)" in e for e in errors_of(data3))


def test_controls_never_raise_a_risk(tmp_path):
    data = data_copy(tmp_path)
    text = (data / KNEE / "hazards.yml").read_text(encoding="utf-8")
    (data / KNEE / "hazards.yml").write_text(
        text.replace(
            "    after: {likelihood: very-low, severity: catastrophic}\n",
            "    after: {likelihood: very-high, severity: catastrophic}\n",
            1,
        ),
        encoding="utf-8",
    )
    line = line_of(data / KNEE / "hazards.yml", r"^    after: \{likelihood: very-high")
    assert errors_of(data) == [
        f"data/protocols/knee-pain-running/hazards.yml:{line}: hazards[0].after: the risk with the controls (5) is above the risk without (4)"
    ]


def _python_tests(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name.startswith("test")}


def test_every_test_a_hazard_names_exists(guide):
    """A control that names a test names one the suite runs: a Python test function, or a test of
    Node's runner by its exact name."""
    named = [
        c.test
        for h in [*guide.hazards.hazards, *(h for p in guide.protocols for h in p.hazards)]
        for c in h.controls
        if isinstance(c, CheckControl)
    ]
    assert len(named) >= 10
    for entry in named:
        file, _, name = entry.partition("::")
        path = ROOT / file
        assert path.is_file(), entry
        if file.endswith(".py"):
            assert name in _python_tests(path), entry
        else:
            assert re.search(r'test\(\s*"' + re.escape(name) + '"', path.read_text(encoding="utf-8")), entry


def test_every_hazard_is_rated_and_controlled(guide):
    matrix = guide.hazards.matrix
    for hazard in [*guide.hazards.hazards, *(h for p in guide.protocols for h in p.hazards)]:
        assert matrix.risk(hazard.after) <= matrix.risk(hazard.before), hazard.id
        assert len(hazard.controls) >= 2 or hazard.id in ("misread-dose",), hazard.id
    titles = " ".join(h.title.lower() for h in [*guide.hazards.hazards, *knee(guide).hazards])
    for word in ("clot", "bone", "infected", "ligament", "urgency", "load", "forged", "log", "dose"):
        assert word in titles, word


def test_a_painful_hop_points_to_the_bone_stress_sign(guide, built_site):
    hop = next(t for t in knee(guide).ladder.self_tests.tests if t.id == "hop")
    assert hop.if_painful == "bone-stress"
    sign = next(f for f in guide.flags if f.id == "bone-stress")
    assert sign.level == "soon" and "hop" in sign.text and "Stop running" in sign.text
    ladder = html.unescape((built_site / "return-to-running" / "index.html").read_text(encoding="utf-8"))
    assert sign.text in ladder and guide.ladder.words.if_painful in ladder
    assert "keep doing the exercises" not in knee(guide).ladder.self_tests.intro.split("Hopping")[1]


def test_the_plan_builder_never_allows_heat_past_its_limit(guide):
    heat = guide.tool("heat")
    entry = library_data(guide, page("prescribe"))["recovery"]["heat"]
    assert heat.never_over_minutes == 30 and heat.dose.minutes_max <= heat.never_over_minutes
    assert entry["dose_shape"] == "minutes" and entry["default"]["minutes"] == heat.dose.minutes_max
    assert entry["bounds"] == {"minutes": {"min": 1, "max": heat.never_over_minutes}}
    assert any(str(heat.never_over_minutes) in step for step in heat.steps)


def test_running_advice_uses_one_bmi_line_for_everyone(guide):
    """The lower lines for some family backgrounds speak of other health risks: they lead only to
    "talk to your GP", never to different running advice."""
    weight = knee(guide).weight
    assert not hasattr(weight.lower_thresholds, "reduce_before_running_from")
    question = guide.nodes["weight-check"]
    assert f"{weight.reduce_before_running_from:g} or more" in question.question
    assert "lower_thresholds" not in str(question.model_dump())
    assert f"{weight.lower_thresholds.obese_from:g}" not in (question.help or "")
    assert (
        "GP" in weight.lower_thresholds.text and "running stays the same for everyone" in weight.lower_thresholds.text
    )
    assert "GP" in weight.calculator_words.lower and "does not change" in weight.calculator_words.lower


def test_runs_have_their_own_limit_and_step_back(guide):
    pain = knee(guide).pain_rule
    assert pain.running_max < pain.acceptable_max < pain.severe_from
    assert "Step back a stage" in pain.running_too_much
    assert "step back" in guide.ladder.rules.text[2].lower()
    assert "Step back a stage" in guide.progress.words.ease_off_run
    assert "back to its usual level by the next morning" in pain.next_day
    assert "build up from week to week" in pain.next_day


def test_injury_signs_keep_their_after_an_injury(guide):
    flags = {f.id: f for f in guide.flags}
    for flag in ("locks-or-gives-way", "numb-or-tingling", "cannot-straighten", "swells-quickly", "large-bruise"):
        assert flags[flag].text.startswith("After an injury"), flag
    assert "changed-shape" not in flags and "knee-deformed" in flags
    assert flags["cancer-history"].text != "You have had cancer in the past."
    for flag in ("loss-of-movement", "unexplained-lump", "more-joints", "severe-pain", "started-with-injury"):
        assert flags[flag].level == "soon", flag
    assert flags["calf-swollen-warm"].level == "urgent" and flags["breathless-or-chest-pain"].level == "emergency"
    assert "fever" in flags["under-16"].text


def _with_review(tmp_path, edition: str):
    project = project_copy(tmp_path / "guide")
    brand = project / "clinics" / "harbourside" / "brand.yml"
    brand.write_text(
        brand.read_text(encoding="utf-8")
        + "clinical_review:\n  name: Dr Example Reviewer\n  profession: Physiotherapist\n"
        + f'  registration: {{body: HCPC, number: PH000000}}\n  reviewed_on: 2026-12-01\n  edition: "{edition}"\n',
        encoding="utf-8",
    )
    return project, brand


def test_a_review_of_an_older_edition_is_said_plainly(tmp_path, guide):
    project, brand = _with_review(tmp_path, "2026.01")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--project", str(project), "check", "--clinic", str(brand.parent)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert f"the clinical review was of edition 2026.01; the guide is now at {guide.site.edition}" in result.stderr
    from generator.load import load_guide

    reviewed = load_guide(project / "data", brand)
    lines = review_lines(reviewed)
    assert "Dr Example Reviewer" in lines["long"] and "HCPC registration PH000000" in lines["long"]
    assert lines["older"] == f"The guide has changed since that review: it is now at edition {guide.site.edition}."


def test_a_clinic_naming_nobody_is_warned(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator",
            "--project",
            str(ROOT),
            "check",
            "--clinic",
            str(ROOT / "clinics" / "harbourside"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and "no clinical lead is named" in result.stderr, result.stderr


def test_the_default_guide_names_nobody_on_every_page_that_says_who_reviewed(built_site, guide):
    assert guide.brand.clinical_review is None
    none = guide.about.review.none
    for path in ("about", "scope-and-deviations", "hazard-log"):
        text = html.unescape((built_site / path / "index.html").read_text(encoding="utf-8"))
        assert none in text, path
    cards = html.unescape((built_site / "cards" / "index.html").read_text(encoding="utf-8"))
    assert cards.count(guide.about.review.short_none) >= len(guide.routines) + 1


@pytest.fixture(scope="module")
def reviewed_site(tmp_path_factory):
    project, brand = _with_review(tmp_path_factory.mktemp("reviewed"), "2026.12")
    out = tmp_path_factory.mktemp("reviewed-site")
    result = mkdocs_build(project, out, env={"GUIDE_BRAND": str(brand)})
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def test_a_named_clinical_lead_is_on_the_about_page_every_card_and_the_plan_sheet(reviewed_site):
    about = html.unescape((reviewed_site / "about" / "index.html").read_text(encoding="utf-8"))
    assert (
        "Clinically reviewed by Dr Example Reviewer, Physiotherapist (HCPC registration PH000000), on 1 December 2026"
        in about
    )
    assert "Not yet reviewed" not in about
    cards = html.unescape((reviewed_site / "cards" / "index.html").read_text(encoding="utf-8"))
    assert cards.count("Clinically reviewed by Dr Example Reviewer, Physiotherapist, on 1 December 2026") >= 6
    plan = html.unescape((reviewed_site / "my-plan" / "index.html").read_text(encoding="utf-8"))
    assert '"review":"Clinically reviewed by Dr Example Reviewer, Physiotherapist, on 1 December 2026"' in plan


def test_scope_page_lists_every_deviation_and_story(built_site, guide):
    scope = html.unescape((built_site / "scope-and-deviations" / "index.html").read_text(encoding="utf-8"))
    for deviation in [*guide.scope.deviations, *(d for p in guide.protocols for d in p.deviations)]:
        assert f'id="{deviation.id}"' in scope and deviation.reason in scope, deviation.id
    for story in guide.stories:
        assert f'id="story-{story.id}"' in scope and story.person in scope, story.id
    hazards = html.unescape((built_site / "hazard-log" / "index.html").read_text(encoding="utf-8"))
    for hazard in [*guide.hazards.hazards, *(h for p in guide.protocols for h in p.hazards)]:
        assert f'id="{hazard.id}"' in hazards and hazard.cause in hazards, hazard.id
    assert "MHRA" in hazards and "not legal advice" in hazards


def test_scope_page_headings_and_their_landmarks_are_unique(built_site, guide):
    """Each protocol's part of the scope page names its protocol in its headings, so no two
    headings are alike, nor the table of contents' sections that Material names after them (axe:
    landmark-unique); the words come from the data."""
    scope = html.unescape((built_site / "scope-and-deviations" / "index.html").read_text(encoding="utf-8"))
    toc = scope[scope.rindex('aria-label="Table of contents"') :]  # the sidebar's (the menu has a copy)
    labels = re.findall(r'<nav class="md-nav" aria-label="([^"]*)"', toc[: toc.index('class="md-content"')])
    assert guide.scope.stories_title in " ".join(labels)
    assert len(labels) == len(set(labels)), sorted(labels)
    headings = [re.sub(r"<[^>]+>", "", h) for h in re.findall(r"<h[23][^>]*>(.*?)</h[23]>", scope)]
    assert len(headings) == len(set(headings)), sorted(headings)
    for protocol in guide.protocols:
        for heading in (guide.scope.headings.who_for, guide.scope.stories_title):
            named = guide.ui.pages.section.replace("{page}", heading).replace("{protocol}", protocol.title)
            assert named in headings, named
