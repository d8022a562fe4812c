"""The messages WRITING-PROTOCOLS.md quotes are the ones the build prints (issue 24). The guide
shows an editor each mistake they can meet with a real example; this test makes every one of
those mistakes in a copy of the library (the fixture protocol added, as the guide's walk-through
does), runs `guide check` (or lays out the cards, for one that does not fit its sheet), and checks
that every line the guide quotes is printed, word for word. A message reworded in the code, or a
mistake the build stops catching, fails here rather than leaving the guide wrong.

In the guide, a quoted example is a fenced `text` block right after `<!-- example: NAME -->`,
where NAME is one of the cases below; `…` in a quoted line stands for any text."""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from generator.cli import main

GUIDE = ROOT / "WRITING-PROTOCOLS.md"
FIXTURE = ROOT / "tests" / "fixtures" / "protocols" / "minimal-demo"
DEMO = "protocols/wobbly-wrist"
KNEE = "protocols/knee-pain-running"
ES = "translations/es"
EXAMPLE = re.compile(r"<!-- example: ([a-z-]+) -->\n```text\n(.*?)\n```", re.S)
LONG = "keep going gently and steadily, and listen to how it feels afterwards " * 24
A_SOURCE = """  - id: wobble-paper
    title: A made-up paper
    publisher: Nobody
    url: https://example.org/wobble
    checked: 2026-12-06
    supports: Nothing at all.
"""
SECOND_ROUTINE = """  - id: hip-strength-1
    title: A second routine
    summary: Its id is taken.
    frequency: Daily
    items: [{item: clams}]
    move_on: {when_easy: it is easy}
"""
NEW_EXERCISE = """  - id: wobble-lift
    kind: strength
    title: Wobble lifts
    level: 1
    summary: A made-up exercise.
    targets: [the wrist]
    equipment: [a mat]
    steps: [Lift your hand.]
    cues: [Lift slowly]
    mistakes: [Rushing.]
    dose: {sets: 3, reps: 10}
"""
UNSURE = """  - id: wobble-unsure
    title: Unsure
    person: Someone who is not sure.
    answers: [{question: wobble-screen, answer: "Not sure"}]
    expect: {outcome: wobble-see-now}
"""

# Each case: the edits that make its mistakes, as (file under data/, text, replacement); an empty
# text deletes the file. Mistakes the build finds at the same step share a case: it reports them
# all at once.
CASES: dict[str, list[tuple[str, str, str]]] = {
    "read": [
        ("site.yml", "wobbly-wrist]", "wobbly-wrist, wonky-wrist]"),
        (f"{DEMO}/keys.yml", "    summary: A made-up key.", "    summary: Strength: why it helps"),
        (f"{DEMO}/routines.yml", "    items:\n", "    items: &wobble\n"),
        (f"{DEMO}/scope.yml", "who_for: [People testing the generator.]", "who_for:\n\t- People testing it."),
    ],
    "missing-file": [(f"{DEMO}/stories.yml", "", "")],
    "fields": [
        (f"{DEMO}/keys.yml", "    title: Strengthen", "    titel: Strengthen"),
        (f"{DEMO}/protocol.yml", "  ok_max: 2", "  ok_max: two"),
        (f"{DEMO}/protocol.yml", "  source: [silbernagel-2007]", "  source: silbernagel-2007"),
        (f"{DEMO}/routines.yml", "  - id: wobble-routine", "  - id: Wobble Routine"),
        (
            f"{DEMO}/routines.yml",
            "      - item: calf-stretch\n",
            "      - item: calf-stretch\n        dose: {sets: 3}\n",
        ),
        (f"{DEMO}/red_flags.yml", "    level: emergency", "    level: emergancy"),
        (f"{DEMO}/red_flags.yml", "    source: [swast-999]\n", ""),
        ("sources.yml", "sources:\n", "sources:\n" + A_SOURCE.replace("https://", "http://")),
    ],
    "numbers": [(f"{DEMO}/protocol.yml", "{pain.acceptable_max} out", "{pain.acceptable} out")],
    "references": [
        (f"{DEMO}/routines.yml", "      - item: clams", "      - item: clamz"),
        (f"{DEMO}/keys.yml", "exercises: [clams]", "exercises: [clams, bridge]"),
        (f"{DEMO}/red_flags.yml", "source: [swast-999]", "source: [swast-99]"),
        (f"{DEMO}/protocol.yml", "  acceptable_max: 4", "  acceptable_max: 1"),
        (f"{DEMO}/hazards.yml", "- warning_sign: wobble-emergency", "- warning_sign: wobble-emergncy"),
        (f"{DEMO}/flowchart.yml", '"No", next: wobble-plan}', '"No", next: wobble-plna}'),
        ("sources.yml", "sources:\n", "sources:\n" + A_SOURCE),
    ],
    "folder-id": [(f"{DEMO}/protocol.yml", "id: wobbly-wrist", "id: wobbly-wrists")],
    "more": [
        (f"{DEMO}/routines.yml", "routines:\n", "routines:\n" + SECOND_ROUTINE),
        (
            f"{DEMO}/routines.yml",
            "      - item: clams\n",
            "      - item: clams\n        dose: {holds: 3, seconds: 30}\n",
        ),
        (
            f"{DEMO}/routines.yml",
            "      when_easy: it feels easy",
            "      when_easy: it feels easy\n      next: wobble-routine",
        ),
        (f"{DEMO}/hazards.yml", "after: {likelihood: very-low", "after: {likelihood: high"),
        (
            f"{DEMO}/flowchart.yml",
            '"Yes", next: wobble-see-now}',
            '"Yes", next: wobble-see-now, adds: {keys: [wobble-strength]}}',
        ),
        ("exercises.yml", "exercises:\n", "exercises:\n" + NEW_EXERCISE),
    ],
    "flowchart": [
        (f"{DEMO}/flowchart.yml", "start: wobble-screen", "start: wobble-plan-question"),
        (f"{DEMO}/flowchart.yml", '"No", next: wobble-plan}', '"No", next: wobble-screen}'),
        (f"{DEMO}/flowchart.yml", '"No", next: wobble-plan-question}', '"No", next: wobble-plan}'),
        (f"{DEMO}/flowchart.yml", ", wobble-emergency]", "]"),
    ],
    "stories": [
        (f"{DEMO}/stories.yml", 'wobble-plan-question, answer: "Yes"', 'wobble-plan-question, answer: "No"'),
        (
            f"{DEMO}/stories.yml",
            "stories:\n",
            "stories:\n" + UNSURE,
        ),
    ],
    "translation": [(f"{ES}/{KNEE}/protocol.yml", "Hasta {pain.acceptable_max} de {pain.scale_max}", "Hasta 4")],
    "translation-status": [
        (
            f"{KNEE}/protocol.yml",
            "settle within {pain.settle_hours} hour after",
            "settle within {pain.settle_hours} hour of",
        )
    ],
    "card": [
        (f"{DEMO}/routines.yml", "    frequency: As a test needs", f"    frequency: {LONG}"),
        (f"{DEMO}/routines.yml", "    entry: When the test starts.", f"    entry: {LONG}"),
    ],
}


def library(dest: Path) -> Path:
    """A project of the library with the fixture protocol copied in and listed, as the guide's
    walk-through starts."""
    shutil.copytree(ROOT / "data", dest / "data", ignore=shutil.ignore_patterns("schema"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(FIXTURE, dest / "data" / DEMO)
    site = dest / "data" / "site.yml"
    text = site.read_text(encoding="utf-8")
    listed = re.search(r"^protocols: \[(.*)\]$", text, re.M)
    assert listed is not None
    site.write_text(text.replace(listed.group(0), f"protocols: [{listed.group(1)}, wobbly-wrist]"), encoding="utf-8")
    return dest


def break_it(data: Path, edits: list[tuple[str, str, str]]) -> None:
    for name, old, new in edits:
        path = data / name
        if not old:
            path.unlink()
            continue
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {name}: the case needs updating"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def guide_command(project: Path, *args: str) -> str:
    """What `guide ARGS` prints (stdout, then stderr), run from the project folder as an editor does."""
    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(project)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main(["--project", str(project), *args])
    finally:
        os.chdir(here)
    return out.getvalue() + err.getvalue()


def card_layout(project: Path) -> str:
    """What laying out the cards (the step of `make site` that makes the PDF) reports, as the
    command prints it; `guide check` does not lay cards out."""
    from generator.errors import DataErrors
    from generator.load import load_guide
    from generator.pdf import cards_pdf
    from generator.render.cards import Cards
    from generator.render.figures import Pictures

    here = Path.cwd()
    os.chdir(project)
    try:
        guide = load_guide(project / "data", display_root=project)
        cards_pdf(Cards(guide, Pictures(guide), None), ROOT / "overrides" / "assets" / "stylesheets" / "cards.css")
    except DataErrors as exc:
        return f"{len(exc.errors)} problem(s) in the data; nothing was written:\n" + "\n".join(
            f"  {e}" for e in exc.errors
        )
    finally:
        os.chdir(here)
    return ""


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, str]:
    """Each case's mistakes made in a fresh copy, and what the build prints about them."""
    out: dict[str, str] = {}
    for name, edits in CASES.items():
        project = library(tmp_path_factory.mktemp(name))
        break_it(project / "data", edits)
        if name == "card":
            out[name] = card_layout(project)
        elif name == "translation-status":
            out[name] = guide_command(project, "check") + guide_command(project, "translate", "es")
        else:
            out[name] = guide_command(project, "check")
    return out


def _examples() -> list[tuple[str, str]]:
    return EXAMPLE.findall(GUIDE.read_text(encoding="utf-8"))


def test_every_case_is_shown_in_the_guide_and_every_example_is_a_case():
    shown = {name for name, _ in _examples()}
    assert shown == set(CASES), f"shown but no case: {shown - set(CASES)}; case not shown: {set(CASES) - shown}"


def _quoted(line: str) -> re.Pattern[str]:
    """A quoted line as a pattern: `…` stands for what changes as the library grows (a count, a
    line number in a shipped file), so the guide does not go stale when someone adds an exercise."""
    return re.compile(".*".join(re.escape(part) for part in line.strip().split("…")))


def test_every_message_the_guide_quotes_is_printed_word_for_word(printed):
    wrong = []
    for name, block in _examples():
        lines = [line.strip() for line in printed[name].splitlines()]
        for quoted in block.splitlines():
            if not any(_quoted(quoted).fullmatch(line) for line in lines):
                wrong.append(f"{name}: {quoted.strip()}")
    assert wrong == [], "the guide quotes messages the build no longer prints:\n" + "\n".join(wrong)


def test_a_clean_copy_of_the_walk_through_checks(tmp_path):
    """The walk-through's first step works as written: the fixture, copied and listed, checks."""
    printed = guide_command(library(tmp_path / "guide"), "check")
    assert "data OK: 3 protocols (knee-pain-running, achilles-tendinopathy, wobbly-wrist)" in printed
