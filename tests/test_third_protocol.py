"""A protocol is data alone (issue 24): a third, minimal, made-up protocol (a fixture folder) joins
a copy of the library with no code change, and builds into its own page, key, routine with its
card and player, a place in "Find your plan" after "Where does it hurt?", and its cards PDF."""

from __future__ import annotations

import html
import json
import re

import pytest
from pypdf import PdfReader

from conftest import ROOT, mkdocs_build, project_copy
from helpers import add_protocol

FIXTURE = ROOT / "tests" / "fixtures" / "protocols" / "minimal-demo"


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    project = project_copy(tmp_path_factory.mktemp("three") / "guide")
    add_protocol(project, FIXTURE, "wobbly-wrist")
    out = tmp_path_factory.mktemp("three-site")
    result = mkdocs_build(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def _page(site, path):
    return html.unescape((site / path / "index.html").read_text(encoding="utf-8"))


def test_its_pages_exist_and_say_its_words(three):
    assert "A made-up protocol that tests the generator." in _page(three, "wobbly-wrist")
    assert "Strengthen the wobble" in _page(three, "keys/wobble-strength")
    routine = _page(three, "routines/wobble-routine")
    assert 'id="card-wobble-routine"' in routine and "Wobble routine" in routine
    home = _page(three, "")
    assert "My wrist wobbles (a test protocol)" in home


def test_its_player_and_flowchart_know_it(three):
    routine = (three / "routines" / "wobble-routine" / "index.html").read_text(encoding="utf-8")
    stub = json.loads(html.unescape(re.search(r'data-player="([^"]*)"', routine).group(1)))
    assert set(stub) == {"src"}  # the page holds only the address of the routine's player data
    player = json.loads((three / "routines" / "wobble-routine" / stub["src"]).resolve().read_text(encoding="utf-8"))
    assert [i["id"] for i in player["routine"]["items"]] == ["clams", "calf-stretch"]
    assert player["pain"]["acceptable_max"] == 4 and "your wrist" in player["words"]["pain_question"]
    chart = (three / "flowchart" / "index.html").read_text(encoding="utf-8")
    graph = json.loads(html.unescape(re.search(r'data-graph="([^"]*)"', chart).group(1)))["graph"]
    where = graph["nodes"][graph["start"]]
    assert [a["next"] for a in where["answers"]][-1] == "wobble-screen"
    assert graph["nodes"]["wobble-plan"]["recommends"]["keys"] == ["wobble-strength"]


def test_its_cards_pdf_holds_its_card(three):
    pdf = PdfReader(str(three / "cards" / "wobbly-wrist.pdf"))
    assert len(pdf.pages) == 1 and "Wobble routine" in pdf.pages[0].extract_text()
    every = PdfReader(str(three / "cards" / "routine-cards.pdf"))
    assert len(every.pages) > len(pdf.pages)
