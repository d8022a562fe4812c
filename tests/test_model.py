"""The model: the shipped data loads, and each kind of mistake gives a located message."""

from __future__ import annotations

import re

import pytest
import yaml

from generator.errors import DataErrors
from generator.load import load_guide
from generator.read.placeholders import PLACEHOLDER
from helpers import KNEE, ROOT, data_copy, edit, errors_of, knee, line_of


def test_shipped_data_loads(guide):
    assert [p.id for p in guide.protocols] == ["knee-pain-running", "achilles-tendinopathy"]
    assert [k.id for k in knee(guide).keys] == [
        "cut-back-volume",
        "strengthen-hips",
        "improve-flexibility",
        "recovery",
        "weight",
    ]
    assert [k.id for k in guide.protocol("achilles-tendinopathy").keys] == [
        "achilles-ease-the-load",
        "achilles-strengthen-calf",
        "achilles-give-it-time",
    ]
    # What each protocol's keys hold of the shared exercises (the calf stretch is in both).
    for protocol, strength_count, stretch_count, levels in (
        (knee(guide), 6, 4, {1, 2}),
        (guide.protocol("achilles-tendinopathy"), 5, 1, {1, 2, 3}),
    ):
        mine = [guide.exercise(x) for k in protocol.keys for x in k.exercises]
        strength = [e for e in mine if e.kind == "strength"]
        stretches = [e for e in mine if e.kind == "stretch"]
        assert len(strength) == strength_count and len(stretches) == stretch_count, protocol.id
        assert {e.level for e in strength} == levels, protocol.id
    assert len(guide.exercises) == 15
    assert {t.id for t in guide.recovery} == {"ice", "heat", "foam-roller", "massage-ball", "massage-gun"}
    for protocol in guide.protocols:
        levels = {f.level for f in (*guide.red_flags.flags, *protocol.flags)}
        assert levels == {"emergency", "urgent", "soon", "not-for"}, protocol.id
    assert all(f.source for f in guide.flags)


def test_placeholders_are_filled_from_the_data(guide):
    heat = guide.tool("heat")
    assert any(str(heat.use_after_weeks) in line for line in heat.when)
    assert "{" not in knee(guide).pain_rule.summary
    assert str(knee(guide).pain_rule.acceptable_max) in knee(guide).pain_rule.summary


def test_a_warning_sign_and_a_routine_schedule_can_be_quoted(tmp_path):
    """A sign's span of weeks and a routine's schedule are numbers of the data: prose quotes them."""
    data = data_copy(tmp_path)
    edit(
        data / KNEE / "red_flags.yml",
        "    text: Your knee still hurts after about a week of running less or not running.\n",
        "    text: Still sore after {flags.no-better-one-week.weeks} week, on {routines.hip-strength-1.days_per_week} days.\n"
        "    weeks: 1\n",
    )
    guide = load_guide(data)
    flag = next(f for f in guide.flags if f.id == "no-better-one-week")
    assert flag.weeks == 1
    assert flag.text == "Still sore after 1 week, on 2 days."


def _prose(value, key=None):
    """(field, text) for every string of prose (it has a space) in a parsed YAML document."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _prose(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _prose(v, key)
    elif isinstance(value, str) and " " in value.strip():
        yield key, value


# Names with digits in them: a standard, a condition, a programme. They are names, not numbers to read.
NAMES = re.compile(r"DCB0129|type 2 diabetes|Couch to 5K|A4")  # names, not numbers (a paper size)


def test_free_text_holds_no_numbers_of_its_own():
    """Every number a reader sees lives once in a numeric field: prose only quotes it by name.
    Titles (level names), the sources' registry and what the scope page says the sources say (a
    source's own years and figures), and names with digits are the only exceptions."""
    offenders = []
    for path in sorted([*(ROOT / "data").glob("*.yml"), *(ROOT / "data" / "protocols").glob("*/*.yml")]):
        if path.name in ("sources.yml", "stories.yml"):  # stories describe people: their age, their score
            continue
        for field, text in _prose(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if field in ("title", "source", "frequency_source") or (path.name == "scope.yml" and field == "sources"):
                continue
            if re.search(r"\d", NAMES.sub("", PLACEHOLDER.sub("", text))):
                offenders.append(f"{path.relative_to(ROOT)}: {field}: {text}")
    assert offenders == []


def _only(errors: list[str]) -> str:
    assert len(errors) == 1, errors
    return errors[0]


def test_bad_yaml_is_located(tmp_path):
    data = data_copy(tmp_path)
    line = edit(data / KNEE / "keys.yml", "  - id: weight\n", "  - id: weight\n   title: [broken\n")
    error = _only(errors_of(data))
    assert re.match(rf"data/protocols/knee-pain-running/keys\.yml:{line + 1}:\d+: YAML syntax", error), error


def test_wrong_type_is_located(tmp_path):
    data = data_copy(tmp_path)
    line = line_of(data / "exercises.yml", r"^\s+reps: 20")
    edit(data / "exercises.yml", "      reps: 20\n", "      reps: twenty\n")
    error = _only(errors_of(data))
    assert error.startswith(f"data/exercises.yml:{line}: exercises[0].dose.reps: "), error
    assert error.endswith("must be a whole number, like 3"), error


def test_missing_field_is_located(tmp_path):
    data = data_copy(tmp_path)
    line = line_of(data / "recovery.yml", r"^  - id: heat")
    text = (data / "recovery.yml").read_text()
    heat_title = re.search(r"  - id: heat\n    title: .*\n", text).group(0)
    (data / "recovery.yml").write_text(text.replace(heat_title, "  - id: heat\n"))
    error = _only(errors_of(data))
    assert error == f"data/recovery.yml:{line}: tools[1].title: required field is missing", error


def test_unknown_field_is_located_with_a_hint(tmp_path):
    data = data_copy(tmp_path)
    line = line_of(data / "exercises.yml", r"^\s+sets: 3")
    edit(data / "exercises.yml", "      sets: 3\n", "      sest: 3\n")
    errors = errors_of(data)
    assert f"data/exercises.yml:{line}: exercises[0].dose.sest: unknown field (did you mean `sets`?)" in errors, errors


def test_dangling_id_is_located(tmp_path):
    data = data_copy(tmp_path)
    line = edit(data / KNEE / "keys.yml", "      - clams\n", "      - clamz\n")
    errors = errors_of(data)
    assert (
        f"data/protocols/knee-pain-running/keys.yml:{line}: keys[1].exercises[1]: unknown exercise `clamz` (did you mean `clams`?)"
        in errors
    ), errors
    # clams now belongs to no key, which is its own located error
    assert any(e.startswith("data/exercises.yml:") and "`clams` is in no key" in e for e in errors), errors


def test_duplicate_id_is_located(tmp_path):
    data = data_copy(tmp_path)
    line = edit(data / "exercises.yml", "  - id: hip-abduction\n", "  - id: clams\n")
    errors = errors_of(data)
    assert f"data/exercises.yml:{line}: exercises[3].id: duplicate id `clams`" in errors, errors


def test_duplicate_yaml_key_is_refused(tmp_path):
    data = data_copy(tmp_path)
    line = edit(data / KNEE / "weight.yml", "obese_from: 30\n", "obese_from: 30\nobese_from: 35\n")
    error = _only(errors_of(data))
    assert error.startswith(
        f"data/protocols/knee-pain-running/weight.yml:{line + 1}:1: obese_from: this key appears twice"
    ), error


def test_all_problems_are_reported_at_once(tmp_path):
    data = data_copy(tmp_path)
    edit(data / "exercises.yml", "      reps: 20\n", "      reps: -1\n")
    edit(data / "recovery.yml", "      minutes_max: 15\n", "      minutes_max: lots\n")
    edit(data / KNEE / "routines.yml", "      - item: clams\n", "      - item: nope\n")
    errors = errors_of(data)
    files = {e.split(":")[0] for e in errors}
    assert {"data/exercises.yml", "data/recovery.yml"} <= files, errors


def test_routine_validation(tmp_path):
    data = data_copy(tmp_path)
    line = edit(
        data / KNEE / "routines.yml",
        "      - item: clams\n",
        "      - item: clams\n        dose: {holds: 3, seconds: 30}\n",
    )
    errors = errors_of(data)
    assert any(
        e.startswith(
            f"data/protocols/knee-pain-running/routines.yml:{line + 1}: routines[0].items[1].dose: this dose does not fit `clams`"
        )
        for e in errors
    ), errors


def test_empty_routine_is_refused(tmp_path):
    data = data_copy(tmp_path)
    text = (data / KNEE / "routines.yml").read_text()
    block = re.search(r"(  - id: ice-after-runs\n(?:    .*\n)*?)    items:\n(?:      .*\n)+", text)
    (data / KNEE / "routines.yml").write_text(text.replace(block.group(0), block.group(1) + "    items: []\n"))
    errors = errors_of(data)
    assert any(
        re.match(
            r"data/protocols/knee-pain-running/routines\.yml:\d+: routines\[3\]\.items: needs at least 1 \(has 0\)", e
        )
        for e in errors
    ), errors


def test_unknown_placeholder_is_located(tmp_path):
    data = data_copy(tmp_path)
    line = line_of(data / "recovery.yml", r"\{recovery\.heat\.minutes_max\}")
    edit(data / "recovery.yml", "{recovery.heat.minutes_max}", "{recovery.heat.minutez}")
    error = _only(errors_of(data))
    assert (
        error.startswith(f"data/recovery.yml:{line}: tools[1].steps[")
        and "unknown number `{recovery.heat.minutez}`" in error
    )


def test_load_raises_data_errors_not_tracebacks(tmp_path):
    data = data_copy(tmp_path)
    (data / KNEE / "protocol.yml").write_text("just a string\n")
    with pytest.raises(DataErrors):
        load_guide(data)
