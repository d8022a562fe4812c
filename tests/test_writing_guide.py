"""WRITING-PROTOCOLS.md, the guide for people who write protocols (issue 24), cannot drift from the
code: its field reference is the one `guide schema` writes from the models, the README leads to
it, and its links inside itself lead somewhere. (Its quoted messages: test_writing_guide_errors.py.)"""

from __future__ import annotations

import re

from conftest import ROOT
from generator.reference import END, START, with_reference
from generator.schema import protocol_schema

GUIDE = ROOT / "WRITING-PROTOCOLS.md"


def test_the_field_reference_is_the_one_the_models_write():
    text = GUIDE.read_text(encoding="utf-8")
    assert text.count(START) == 1 and text.count(END) == 1
    assert text == with_reference(text), "run `.venv/bin/guide schema`: the field reference is out of date"


def test_the_reference_has_every_file_and_every_field_of_a_protocol():
    text = GUIDE.read_text(encoding="utf-8")
    for stem in ("protocol", "keys", "routines", "flowchart", "red_flags", "stories", "scope", "hazards"):
        assert f"### `data/protocols/<id>/{stem}.yml`" in text
    assert "| `pain_rule.levels[].max` |" in text
    assert "| `nodes[].answers[].next` (in OneChoice) |" in text


def test_the_readme_leads_to_the_guide():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    editing = readme[readme.index("## Editing the library") : readme.index("## Languages")]
    assert "(WRITING-PROTOCOLS.md)" in editing


def _anchor(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_every_link_inside_the_guide_leads_to_a_heading():
    text = GUIDE.read_text(encoding="utf-8")
    anchors = {_anchor(h) for h in re.findall(r"^#+ (.+)$", text, re.M)}
    broken = sorted(set(re.findall(r"\]\(#([^)]+)\)", text)) - anchors)
    assert broken == []


def test_the_walk_through_fixture_names_its_schemas_like_a_shipped_protocol():
    """The fixture is the folder editors copy into data/protocols/: each file starts with the line
    that gives completion while typing (tests/test_schema.py requires it of every shipped file)."""
    for path in sorted((ROOT / "tests" / "fixtures" / "protocols" / "minimal-demo").glob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../../schema/{protocol_schema(path.stem)}.schema.json", path
