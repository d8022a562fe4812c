"""How values become text: escaping for Markdown and attributes, and dose wording."""

from __future__ import annotations

import html
import json

import markdown
import pytest

from generator.model import parse_dose
from generator.render.text import attr, json_attr, md, writer


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "**bold** _it_ `code`",
        "# heading",
        "1. not a list",
        "a | b",
        '{: onclick="x" }',
        "back\\slash",
        "A&E",
    ],
)
def test_markdown_escaping_round_trips_to_the_same_text(value):
    rendered = markdown.markdown(str(md(value)), extensions=["attr_list", "tables"])
    assert html.unescape(rendered.removeprefix("<p>").removesuffix("</p>")) == value
    assert "<script" not in rendered and "<a" not in rendered and "<strong" not in rendered and "<h1" not in rendered


def test_attribute_and_json_escaping():
    assert str(attr('"><b>')) == "&quot;&gt;&lt;b&gt;"
    data = {"text": '</script><b onclick="x">'}
    raw = str(json_attr(data))
    assert "<" not in raw and '"' not in raw
    assert json.loads(html.unescape(raw)) == data


@pytest.mark.parametrize(
    "fields, long, short",
    [
        ({"sets": 3, "reps": 20}, "3 sets of 20 repetitions", "3 \u00d7 20"),
        ({"sets": 1, "reps": 1}, "1 set of 1 repetition", "1 \u00d7 1"),
        ({"holds": 3, "seconds": 30}, "hold for 30 seconds, 3 times", "3 \u00d7 30 s"),
        ({"holds": 1, "seconds": 30}, "hold for 30 seconds, once", "1 \u00d7 30 s"),
        ({"minutes": 30}, "30 minutes at a time", "30 min"),
        (
            {"minutes_min": 1, "minutes_max": 2, "per": "each stiff muscle"},
            "1\u20132 minutes for each stiff muscle",
            "1\u20132 min",
        ),
        (
            {"minutes_on": 20, "minutes_off": 20, "hours_min": 1, "hours_max": 2},
            "20 minutes on, 20 minutes off, for 1\u20132 hours",
            "20 on / 20 off",
        ),
    ],
)
def test_dose_wording(guide, fields, long, short):
    dose = parse_dose(fields)
    write = writer(guide)
    assert write.dose_long(dose) == long and write.dose_short(dose) == short


def test_a_dose_must_match_one_shape():
    with pytest.raises(ValueError, match="exactly one of these sets of fields"):
        parse_dose({"sets": 3, "seconds": 30})
