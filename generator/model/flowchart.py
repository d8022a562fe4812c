"""The decision flowchart: questions (one choice or many) and outcomes, by id.

Each kind of node is its own small model, chosen by `type` (and `choose` for questions), so a
field that does not belong to a kind is an unknown field there."""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Literal, Union

from pydantic import BaseModel, Discriminator, Field, Tag

from .common import Model, Short, Slug, Text, Title
from .safety import URGENCIES, Urgency

# What a flowchart answer can add to a plan, in the order a plan lists them.
PLAN_PARTS = ("keys", "routines", "exercises", "recovery", "ladder")
# Outcomes that send a person to someone else: they recommend nothing from the guide.
RED_URGENCIES: tuple[Urgency, ...] = URGENCIES


class Recommends(Model):
    keys: list[Slug] = []
    exercises: list[Slug] = []
    routines: list[Slug] = []
    recovery: list[Slug] = []
    ladder: list[Slug] = Field([], description="stages of the back-to-running ladder (usually the first)")
    advice: list[Text] = Field([], description='lines this answer adds to the plan\'s "good to know"')

    def is_empty(self) -> bool:
        return not (self.keys or self.exercises or self.routines or self.recovery or self.ladder or self.advice)

    def part(self, name: str) -> list[str]:
        items: list[str] = getattr(self, name)
        return items


class Answer(Model):
    label: Short = Field(description="the answer's words, on its button")
    next: Slug = Field(description="the question or outcome it leads to")
    adds: Recommends = Field(Recommends(), description="what this answer adds to the plan")


class Option(Model):
    label: Short = Field(description="the option's words, beside its tick box")
    adds: Recommends = Field(Recommends(), description="what ticking it adds to the plan")


class _Question(Model):
    kind: ClassVar[str]
    id: Slug
    type: Literal["question"]
    stage: Literal["screen", "plan"] = Field(
        description="`screen`: asks about warning signs, before any `plan` question"
    )
    flags: list[Slug] = Field([], description="the warning signs a screen question asks about, listed under it")
    question: Text
    help: Text | None = Field(None, description="a line under the question that helps answer it")
    see: Slug | None = Field(None, description="a key whose page helps answer, linked under the question")


class OneChoice(_Question):
    """A question answered by one of two or more answers, each leading on to a node."""

    kind: ClassVar[str] = "one"
    choose: Literal["one"] = "one"
    answers: list[Answer] = Field(min_length=2)

    def successors(self) -> list[str]:
        return [a.next for a in self.answers]


class ManyChoice(_Question):
    """A question answered by ticking any of two or more options, then going on to `next`."""

    kind: ClassVar[str] = "many"
    choose: Literal["many"]
    options: list[Option] = Field(min_length=2)
    next: Slug

    def successors(self) -> list[str]:
        return [self.next]


class Outcome(Model):
    """Where a path ends: a see-a-clinician result or the self-care plan."""

    kind: ClassVar[str] = "outcome"
    id: Slug
    type: Literal["outcome"]
    urgency: Literal["emergency", "urgent", "soon", "not-for", "self-care"] = Field(
        description="`self-care` is the plan; the others send the person to someone else "
        "(`soon` may suggest tools for while they wait)"
    )
    title: Title
    advice: list[Text] = Field([], description="what to do, a line each")
    recommends: Recommends = Field(Recommends(), description="what the plan holds, besides what the answers added")

    def successors(self) -> list[str]:
        return []


def _node_kind(value: Any) -> str | None:
    """The tag of a node's kind (`node:one`, `node:many`, `node:outcome`): never a field or an id."""
    if isinstance(value, BaseModel):
        return f"node:{getattr(value, 'kind', '')}"
    if isinstance(value, dict):
        if value.get("type") == "outcome":
            return "node:outcome"
        if value.get("type") == "question":
            return "node:many" if value.get("choose") == "many" else "node:one"
    return None


Node = Annotated[
    Union[
        Annotated[OneChoice, Tag("node:one")],
        Annotated[ManyChoice, Tag("node:many")],
        Annotated[Outcome, Tag("node:outcome")],
    ],
    Discriminator(
        _node_kind,
        custom_error_type="node_type",
        custom_error_message="a node needs `type: question` (with `choose: one` or `many`) or `type: outcome`",
    ),
]
Question = OneChoice | ManyChoice
AnyNode = OneChoice | ManyChoice | Outcome


class FlowchartFile(Model):
    """A protocol's part of "Find your plan" (data/protocols/<id>/flowchart.yml): warning-sign
    questions first, then questions that build the plan, ending in outcomes."""

    start: Slug = Field(description="the first question: a warning-sign screen")
    nodes: list[Node] = Field(min_length=2, description="its questions and outcomes, each by id")
