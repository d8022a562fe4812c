"""The clinical safety pass (issue 11): the screen asks every warning sign before any advice and
sends each to the right level; every self-care plan is a plan with the hip exercises and their
doses; a swollen knee never gets heat; BMI 30.0 is "30 or more"; every source is checkable; a
clinic's own region shows no other region's numbers anywhere."""

from __future__ import annotations

import html
import json
import re

import pytest
from pypdf import PdfReader

from conftest import mkdocs_build, project_copy
from generator.model import RED_URGENCIES, OneChoice, Outcome
from generator.plan import all_paths, walk
from generator.render.flowchart import widget_data
from helpers import KNEE, data_copy, edit, errors_of, knee, line_of


def _self_care_paths(guide):
    return [
        p
        for p in all_paths(knee(guide).flowchart)
        if guide.nodes[walk(knee(guide).flowchart, p)[0]].urgency == "self-care"
    ]


@pytest.mark.parametrize("protocol_id", ["knee-pain-running", "achilles-tendinopathy"])
def test_the_screen_comes_first_and_sends_each_sign_to_its_level(guide, protocol_id):
    protocol = guide.protocol(protocol_id)
    flags = {f.id: f for f in (*guide.red_flags.flags, *protocol.flags)}
    screen = [n for n in protocol.flowchart.nodes if not isinstance(n, Outcome) and n.stage == "screen"]
    assert {f for n in screen for f in n.flags} == set(flags), "every sign is asked"
    for path in all_paths(protocol.flowchart):
        kinds = [guide.nodes[s.node].stage for s in path]
        assert kinds == sorted(kinds, key=lambda k: k != "screen"), f"a plan question came before the screen: {path}"
        end = guide.nodes[walk(protocol.flowchart, path)[0]]
        if end.urgency in RED_URGENCIES:
            asked = guide.nodes[path[-1].node]
            assert isinstance(asked, OneChoice) and asked.stage == "screen"
            assert {flags[f].level for f in asked.flags} == {end.urgency}, (asked.id, end.id)
        else:
            assert [s.node for s in path[: len(screen)]] == [n.id for n in screen], path


def test_red_outcomes_name_their_level_and_the_region_numbers(guide):
    data = widget_data(guide)
    assert data["levels"]["emergency"]["call"] == {"number": "999", "label": "Call an ambulance", "region": "In the UK"}
    assert data["levels"]["urgent"]["call"]["number"] == "111"
    for node in knee(guide).flowchart.nodes:
        if isinstance(node, Outcome) and node.urgency != "self-care":
            assert node.urgency in data["levels"]
            action = data["levels"][node.urgency]["action"]
            assert not any(line in action for line in data["nodes"][node.id]["advice"]), "said once, not twice"


def test_every_self_care_plan_has_hip_strength_level_1_with_its_dose(guide):
    paths = _self_care_paths(guide)
    assert len(paths) > 50
    for path in paths:
        _, plan = walk(knee(guide).flowchart, path)
        assert "hip-strength-1" in plan.routines and {"cut-back-volume", "strengthen-hips"} <= set(plan.keys), path
    card = widget_data(guide)["links"]["routines"]["hip-strength-1"]
    assert card["frequency"] == guide.routine("hip-strength-1").frequency
    assert {"title": "Clams", "dose": "3 \u00d7 20, each leg"} in card["items"]
    steps = widget_data(guide)["links"]["keys"]["cut-back-volume"]["steps"]
    assert any("downhill" in s for s in steps) and any("cycling or swimming" in s for s in steps)


def test_a_swollen_knee_never_gets_heat(guide):
    """A knee swollen now is screened out to "see someone soon" with ice and no plan; one that
    swells after runs gets ice, never heat."""
    swollen_now = guide.nodes["swollen-check"]
    assert isinstance(swollen_now, OneChoice) and swollen_now.stage == "screen"
    swelling = guide.nodes["swelling"]
    assert isinstance(swelling, OneChoice)
    swells = [i for i, a in enumerate(swelling.answers) if "ice-after-runs" in a.adds.routines]
    assert len(swells) == 1
    for path in all_paths(knee(guide).flowchart):
        end, plan = walk(knee(guide).flowchart, path)
        if any(s.node == "swollen-check" and s.choice == 0 for s in path):
            assert end == "see-soon-swollen" and plan.recovery == ["ice"], path
            assert not (plan.routines or plan.exercises or plan.keys or plan.ladder), path
        if next((s.choice for s in path if s.node == "swelling"), None) in swells:
            assert "heat" not in plan.recovery and "heat-and-rolling" not in plan.routines, path
            assert any("physiotherapist or your GP soon" in line for line in plan.advice), path


def test_bmi_30_is_30_or_more(guide):
    question = guide.nodes["weight-check"]
    assert isinstance(question, OneChoice)
    assert f"{knee(guide).weight.obese_from:g} or more" in question.question
    assert knee(guide).weight.reduce_before_running_from == knee(guide).weight.obese_from
    yes = next(a for a in question.answers if a.label == "Yes")
    assert "weight" in yes.adds.keys


def test_one_pain_message(guide):
    """No cue or step contradicts the pain rule by asking for no pain at all."""
    texts = [t for e in guide.exercises for t in (*e.cues, *e.steps)] + [s for k in guide.keys for s in k.steps]
    assert not [t for t in texts if re.search(r"\bno pain\b", t, re.I)]
    rule = knee(guide).pain_rule
    assert rule.running_max < rule.acceptable_max
    assert max(len(sentence.split()) for sentence in re.split(r"(?<=\.) ", rule.summary)) <= 20


def test_every_source_is_checkable(guide):
    """Each source is the publisher's own page, or says why it has none; never a copy on a
    document-sharing site, a mirror or a blog."""
    copies = re.compile(r"scribd|researchgate|studylib|paperzz|beta\.nhs\.uk|blogspot|wordpress|medium\.com")
    for source in guide.sources.sources:
        assert source.checked <= guide.sources.checked, source.id
        if source.url is None:
            assert source.note and "could not be reached" in source.note, source.id
        else:
            assert source.url.startswith("https://") and not copies.search(source.url), source.id
    assert guide.sources.next_check > guide.sources.checked


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("    url: https://www.swast.nhs.uk/when-to-call-999\n", "", "a source needs its `url`, or a `note`"),
        (
            "    url: https://www.swast.nhs.uk/when-to-call-999\n",
            "    url: http://www.swast.nhs.uk/when-to-call-999\n",
            "url: must start with https://",
        ),
        (
            "    url: https://www.swast.nhs.uk/when-to-call-999\n",
            "    url: https://user:pw@swast.nhs.uk/\n",
            "url: must name a host and hold no user name or password",
        ),
        (
            "    checked: 2026-11-25\n    supports: In the UK, call 999",
            "    supports: In the UK, call 999",
            "checked: required field is missing",
        ),
    ],
)
def test_a_source_without_an_address_or_a_date_is_located(tmp_path, old, new, message):
    data = data_copy(tmp_path)
    line = line_of(data / "sources.yml", r"^  - id: swast-999")
    edit(data / "sources.yml", old, new)
    errors = errors_of(data)
    assert len(errors) == 1 and errors[0].startswith("data/sources.yml:") and message in errors[0], errors
    assert int(errors[0].split(":")[1]) >= line


def test_a_fact_citing_an_unknown_source_is_located(tmp_path):
    data = data_copy(tmp_path)
    line = edit(
        data / KNEE / "red_flags.yml",
        "    source: [elht-knee-injury, nhsggc-knee]\n",
        "    source: [elht-knee-injry]\n",
    )
    errors = errors_of(data)
    assert any(
        e.startswith(f"data/protocols/knee-pain-running/red_flags.yml:{line}: flags[")
        and "unknown source `elht-knee-injry` (did you mean `elht-knee-injury`?)" in e
        for e in errors
    ), errors


def test_a_source_cited_by_nothing_is_located(tmp_path):
    data = data_copy(tmp_path)
    text = (data / "sources.yml").read_text(encoding="utf-8")
    (data / "sources.yml").write_text(
        text
        + (
            "  - id: unused-page\n    title: Unused\n    publisher: Nobody\n    url: https://example.org/\n"
            "    checked: 2026-11-25\n    supports: Nothing at all.\n"
        ),
        encoding="utf-8",
    )
    errors = errors_of(data)
    assert any("source `unused-page` is cited by nothing" in e for e in errors), errors


US_REGION = """region:
  label: In the US
  levels:
    - id: emergency
      title: "Emergency: call 911"
      action: Stop. Do not run or exercise. Call 911 or go to the nearest emergency room now.
      call: {number: "911", label: Call emergency services, source: [us-911]}
    - id: urgent
      title: "Urgent: get help today"
      action: Do not run or exercise until you have been checked. Call our clinic today, or go to urgent care.
      call: {number: "555 0100", label: Call the clinic, source: [us-911]}
    - id: soon
      title: See someone soon
      action: Book an appointment with us or your doctor. Stop running until you have been seen.
    - id: not-for
      title: Check with a clinician first
      action: Please see your doctor, or the clinician who treated your knee, before you follow this guide.
sources:
  - id: us-911
    title: When to call 911
    publisher: A public emergency service
    url: https://www.911.gov/calling-911/when-to-call/
    checked: 2026-11-25
    supports: Call 911 in an emergency.
"""


@pytest.fixture(scope="module")
def us_clinic_site(tmp_path_factory):
    project = project_copy(tmp_path_factory.mktemp("us") / "guide")
    folder = project / "clinics" / "us-clinic"
    folder.mkdir()
    (folder / "brand.yml").write_text(
        "id: lakeside\nname: Lakeside Running Clinic\nsite_url: https://lakeside.example/knee/\n" + US_REGION,
        encoding="utf-8",
    )
    out = tmp_path_factory.mktemp("us-site")
    result = mkdocs_build(project, out, env={"GUIDE_BRAND": str(folder / "brand.yml")})
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _visible(page_html: str) -> str:
    """What a reader sees and what page data holds (attributes too: the flowchart's graph)."""
    return html.unescape(page_html)


def test_a_clinic_with_its_own_region_shows_no_default_number(us_clinic_site):
    numbers = re.compile(r"(?<![\d.])(999|111)(?![\d.])")
    for path in us_clinic_site.rglob("*.html"):
        text = _visible(path.read_text(encoding="utf-8"))
        text = re.sub(r'https?://[^"\s<>]+', "", text)  # addresses of sources are not numbers to call
        assert not numbers.search(text), (path, numbers.search(text).group(0))
    clinician = _visible((us_clinic_site / "see-a-clinician" / "index.html").read_text(encoding="utf-8"))
    assert "In the US" in clinician and 'href="tel:911"' in clinician and "Call emergency services: 911" in clinician
    chart = (us_clinic_site / "flowchart" / "index.html").read_text(encoding="utf-8")
    graph = json.loads(html.unescape(re.search(r'data-graph="([^"]*)"', chart).group(1)))["graph"]
    assert graph["levels"]["emergency"]["call"]["number"] == "911"
    pdf = PdfReader(str(us_clinic_site / "cards" / "routine-cards.pdf"))
    assert not numbers.search(" ".join(p.extract_text() for p in pdf.pages))


def test_the_home_page_says_who_the_guide_is_not_for(built_site, guide):
    """Each protocol's page, one tap from the home page, says who that protocol is not for."""
    home = _visible((built_site / "index.html").read_text(encoding="utf-8"))
    for protocol in guide.protocols:
        assert protocol.protocol.where in home, protocol.id
        page = _visible((built_site / protocol.id / "index.html").read_text(encoding="utf-8"))
        for flag in protocol.flags:
            if flag.level == "not-for":
                assert flag.text in page, flag.id


def test_the_about_page_gives_the_check_dates_and_every_source(built_site, guide):
    about = _visible((built_site / "about" / "index.html").read_text(encoding="utf-8"))
    assert "last checked at its address on 6 December 2026" in about and "next check is due by 6 June 2027" in about
    for source in guide.sources.sources:
        assert source.title in about, source.id
        assert f'href="{source.url}"' in about if source.url else source.note in about, source.id
