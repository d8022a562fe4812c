"""The safety case against the guide it describes: every control of the hazard log names something
that exists, controls never raise a risk, and every patient story walks the flowchart to the
outcome (and the plan) it expects. A clinical change that breaks a story stops the build."""

from __future__ import annotations

from collections.abc import Mapping

from ..errors import DataError, Loc, did_you_mean
from ..model import (
    PLAN_PARTS,
    AnyControl,
    Guide,
    Hazard,
    ManyChoice,
    Matrix,
    OneChoice,
    Outcome,
    ProtocolGuide,
    Story,
)
from ..model.safety_case import (
    CautionControl,
    NumberControl,
    QuestionControl,
    StoryControl,
    WarningSignControl,
)
from ..paths import protocol_file
from ..plan import Step, walk
from ..read.yamlfile import YamlFile


def _control_problem(
    control: AnyControl, guide: Guide, protocol: ProtocolGuide | None, names: Mapping[str, str]
) -> str | None:
    """What is wrong with one control (None when what it names exists). A protocol's hazards may
    name its own warning signs, nodes and stories and what every protocol shares; the guide's
    own hazards only what is shared."""
    mine = [protocol] if protocol else []
    known: dict[type, tuple[str, str, set[str]]] = {
        WarningSignControl: (
            "warning_sign",
            "warning sign",
            {f.id for f in (*guide.red_flags.flags, *(f for p in mine for f in p.flags))},
        ),
        QuestionControl: ("question", "flowchart question or outcome", {n for p in mine for n in p.nodes}),
        NumberControl: ("number", "number", set(names)),
        CautionControl: ("caution", "item with cautions", {t.id for t in guide.recovery if t.cautions}),
        StoryControl: ("story", "patient story", {s.id for p in mine for s in p.stories}),
    }
    if type(control) not in known:
        return None  # pages are checked by their type; tests by tests/test_safety_case.py
    field, what, ids = known[type(control)]
    value = getattr(control, field)
    return None if value in ids else f"unknown {what} `{value}`" + did_you_mean(value, ids)


def check_hazards(
    guide: Guide,
    protocol: ProtocolGuide | None,
    hazards: list[Hazard],
    matrix: Matrix,
    names: Mapping[str, str],
    source: YamlFile,
) -> list[DataError]:
    errors: list[DataError] = []
    ids = [h.id for h in hazards]
    for i, hazard in enumerate(hazards):
        loc: Loc = ("hazards", i)
        if ids.count(hazard.id) > 1:
            errors.append(source.error((*loc, "id"), f"duplicate hazard id `{hazard.id}`"))
        for j, control in enumerate(hazard.controls):
            problem = _control_problem(control, guide, protocol, names)
            if problem:
                errors.append(source.error((*loc, "controls", j), problem))
        before, after = matrix.risk(hazard.before), matrix.risk(hazard.after)
        if after > before:
            errors.append(
                source.error(
                    (*loc, "after"), f"the risk with the controls ({after}) is above the risk without ({before})"
                )
            )
    return errors


def _quoted(labels: list[str]) -> str:
    """Answers as an editor writes them in a story: "Yes", "No"."""
    return ", ".join(f'"{label}"' for label in labels)


def _ids(ids: set[str]) -> str:
    return ", ".join(f"`{i}`" for i in sorted(ids))


def _steps(story: Story, protocol: ProtocolGuide, source: YamlFile, loc: Loc) -> tuple[list[Step], list[DataError]]:
    """The story's answers as steps of a path, or the first place where they leave the flowchart."""
    steps: list[Step] = []
    current = protocol.flowchart.start
    for i, given in enumerate(story.answers):
        here = (*loc, "answers", i)
        node = protocol.nodes.get(current)
        if given.question != current or not isinstance(node, (OneChoice, ManyChoice)):
            where = f"the flowchart is at `{current}`" if node is not None else "the flowchart has ended"
            return steps, [source.error((*here, "question"), f"`{given.question}` is not asked here: {where}")]
        if isinstance(node, OneChoice):
            labels = [a.label for a in node.answers]
            if given.answer not in labels:
                return steps, [
                    source.error(
                        (*here, "answer"),
                        f'`{given.question}` has no answer "{given.answer}": its answers are {_quoted(labels)}',
                    )
                ]
            choice = labels.index(given.answer)
            steps.append(Step(current, choice))
            current = node.answers[choice].next
        else:
            options = [o.label for o in node.options]
            unknown = [t for t in given.ticked or [] if t not in options]
            if given.ticked is None or unknown:
                return steps, [
                    source.error((*here, "ticked"), f"`{given.question}` needs `ticked`, from: {_quoted(options)}")
                ]
            steps.append(Step(current, tuple(options.index(t) for t in given.ticked)))
            current = node.next
    return steps, []


def check_stories(protocol: ProtocolGuide, source: YamlFile) -> list[DataError]:
    """Walk every story; it must end at its outcome with what its plan must and must not hold."""
    errors: list[DataError] = []
    for i, story in enumerate(protocol.stories):
        loc: Loc = ("stories", i)
        steps, problems = _steps(story, protocol, source, loc)
        if problems:
            errors += problems
            continue
        end, plan = walk(protocol.flowchart, steps) if steps else (protocol.flowchart.start, None)
        if not isinstance(protocol.nodes[end], Outcome) or end != story.expect.outcome:
            errors.append(source.error((*loc, "expect", "outcome"), f"the story ends at `{end}`"))
            continue
        assert plan is not None
        for part in PLAN_PARTS:
            got = set(plan.part(part))
            missing = set(story.expect.includes.get(part, [])) - got  # type: ignore[call-overload]
            extra = set(story.expect.excludes.get(part, [])) & got  # type: ignore[call-overload]
            if missing:
                errors.append(source.error((*loc, "expect", "includes", part), f"the plan lacks {_ids(missing)}"))
            if extra:
                errors.append(source.error((*loc, "expect", "excludes", part), f"the plan holds {_ids(extra)}"))
    return errors


def check_protocol(
    guide: Guide, protocol: ProtocolGuide, files: Mapping[str, YamlFile], names: Mapping[str, str], walk_stories: bool
) -> list[DataError]:
    """A protocol's hazards, and its stories when the flowchart they walk is sound (else its own
    errors say why)."""
    source = files[protocol_file(protocol.id, "hazards")]
    errors = check_hazards(guide, protocol, protocol.hazards, guide.hazards.matrix, names, source)
    if walk_stories:
        errors += check_stories(protocol, files[protocol_file(protocol.id, "stories")])
    return errors


def check_shared(guide: Guide, files: Mapping[str, YamlFile], names: Mapping[str, str]) -> list[DataError]:
    """The guide's own hazards (the software, the shared tools), and no hazard id used twice."""
    errors = check_hazards(guide, None, guide.hazards.hazards, guide.hazards.matrix, names, files["hazards"])
    seen = {h.id for h in guide.hazards.hazards}
    for p in guide.protocols:
        source = files[protocol_file(p.id, "hazards")]
        for i, hazard in enumerate(p.hazards):
            if hazard.id in seen:
                errors.append(source.error(("hazards", i, "id"), f"hazard id `{hazard.id}` is already used"))
            seen.add(hazard.id)
    return errors
