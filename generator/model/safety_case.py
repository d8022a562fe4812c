"""The clinical safety case a clinic signs the guide off with: the hazard log in the style of
DCB0129 (data/hazards.yml), the scope and deviations page (data/scope.yml), and the patient
stories the flowchart is walked with (data/stories.yml).

A hazard's controls name what the guide carries against it (a warning sign, a flowchart question,
a number of the pain rule, a caution, a page, a patient story, a test); the build refuses a control
whose id does not exist, so the log cannot drift away from the guide it describes."""

from __future__ import annotations

from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, Discriminator, Field, Tag, model_validator

from .about import SinglePage
from .common import SAME_IN_EVERY_LANGUAGE, Model, Short, Slug, Text, Title
from .sources import SourceRefs

Likelihood = Literal["very-low", "low", "medium", "high", "very-high"]
Severity = Literal["minor", "significant", "considerable", "major", "catastrophic"]
LIKELIHOODS: tuple[Likelihood, ...] = ("very-low", "low", "medium", "high", "very-high")
SEVERITIES: tuple[Severity, ...] = ("minor", "significant", "considerable", "major", "catastrophic")


class Grade(Model):
    """One step of a scale of the matrix, with what it means in words."""

    label: Short
    meaning: Text


class RiskLevel(Model):
    risk: int = Field(ge=1, le=5)
    label: Short
    meaning: Text


class Matrix(Model):
    """The 5 × 5 risk matrix: a risk level (1 to 5) for each likelihood and severity."""

    likelihoods: dict[Likelihood, Grade]
    severities: dict[Severity, Grade]
    # One row per likelihood, lowest first; each row gives the risk for each severity, lowest first.
    risks: dict[Likelihood, Annotated[list[Annotated[int, Field(ge=1, le=5)]], Field(min_length=5, max_length=5)]]
    levels: list[RiskLevel] = Field(min_length=5, max_length=5)
    source: SourceRefs

    @model_validator(mode="after")
    def _complete(self) -> Matrix:
        for name, have in (("likelihoods", self.likelihoods), ("severities", self.severities), ("risks", self.risks)):
            expected = LIKELIHOODS if name != "severities" else SEVERITIES
            if list(have) != list(expected):
                raise ValueError(f"{name} must list {', '.join(expected)}, in that order")
        if [level.risk for level in self.levels] != [1, 2, 3, 4, 5]:
            raise ValueError("levels must describe risks 1 to 5, in that order")
        return self

    def risk(self, rating: Rating) -> int:
        return self.risks[rating.likelihood][SEVERITIES.index(rating.severity)]


class Rating(Model):
    likelihood: Likelihood
    severity: Severity


class WarningSignControl(Model):
    warning_sign: Slug


class QuestionControl(Model):
    question: Slug  # a node of the flowchart: a question or an outcome


class NumberControl(Model):
    # a number of the data by its dotted name, as prose quotes it: `pain.running_max`
    number: Annotated[Short, SAME_IN_EVERY_LANGUAGE]


class CautionControl(Model):
    caution: Slug  # an exercise or tool whose page and card carry its cautions


class PageControl(Model):
    page: SinglePage  # a page of which the guide has one: `clinician`, `pain-rule`


class StoryControl(Model):
    story: Slug


class CheckControl(Model):
    test: str = Field(pattern=r"^tests/[A-Za-z0-9_/.-]+\.(py|js)::[^\n]{1,200}$")


class DesignControl(Model):
    design: Text  # how the software itself is built against the hazard, in words


CONTROL_KINDS = ("warning_sign", "question", "number", "caution", "page", "story", "test", "design")


def _control_kind(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return next(iter(type(value).model_fields))
    if isinstance(value, dict):
        found = [k for k in CONTROL_KINDS if k in value]
        return found[0] if len(found) == 1 else None
    return None


Control = Annotated[
    Union[
        Annotated[WarningSignControl, Tag("warning_sign")],
        Annotated[QuestionControl, Tag("question")],
        Annotated[NumberControl, Tag("number")],
        Annotated[CautionControl, Tag("caution")],
        Annotated[PageControl, Tag("page")],
        Annotated[StoryControl, Tag("story")],
        Annotated[CheckControl, Tag("test")],
        Annotated[DesignControl, Tag("design")],
    ],
    Discriminator(
        _control_kind,
        custom_error_type="control_kind",
        custom_error_message=f"a control is one of: {', '.join(CONTROL_KINDS)}",
    ),
]
AnyControl = (
    WarningSignControl
    | QuestionControl
    | NumberControl
    | CautionControl
    | PageControl
    | StoryControl
    | CheckControl
    | DesignControl
)


class Hazard(Model):
    id: Slug
    title: Title
    cause: Text
    effect: Text
    before: Rating  # the risk with no control in place
    controls: list[Control] = Field(min_length=1)
    after: Rating  # the risk left with the controls


class HazardHeadings(Model):
    regulation: Title
    matrix: Title
    likelihood: Short
    severity: Short
    levels: Title
    hazards: Title
    cause: Short
    effect: Short
    before: Short
    controls: Short
    after: Short
    print: Short
    test: Short
    warning_sign: Short
    question: Short
    outcome: Short
    page: Short
    story: Short
    number: Short
    caution: Short


class HazardsFile(Model):
    """The hazard log's page, its matrix, and the hazards of the guide as a whole (data/hazards.yml)."""

    title: Title
    intro: list[Text] = Field(min_length=1)
    headings: HazardHeadings
    standard: Text
    standard_source: SourceRefs
    regulation: Text  # a factual note on software as a medical device, for the clinic to consider
    regulation_source: SourceRefs
    matrix: Matrix
    hazards: list[Hazard] = Field(min_length=1)


class ProtocolHazardsFile(Model):
    """A protocol's own hazards (data/protocols/<id>/hazards.yml), rated on the shared matrix."""

    hazards: list[Hazard] = Field(min_length=1)


class Deviation(Model):
    """A place where the guide departs from its sources (or has none it could check), and why."""

    id: Slug
    topic: Title
    guide: Text  # what the guide does
    sources: Text  # what the sources say, or that none could be checked
    reason: Text
    source: SourceRefs | None = None


class ScopeHeadings(Model):
    who_for: Title
    not_for: Title
    deviations: Title
    shared: Title  # the heading of the deviations of what every protocol shares
    guide: Short
    sources: Short
    reason: Short
    answers: Short
    result: Short
    while_waiting: Short
    plan_holds: Short
    plan_never: Short


class ScopeFile(Model):
    """The scope and deviations page's words, and the deviations of what every protocol shares."""

    title: Title
    intro: Text
    headings: ScopeHeadings
    not_for_intro: Text  # before the list of the warning signs at the `not-for` level
    stories_title: Title
    stories_intro: Text
    deviations_intro: Text
    deviations: list[Deviation] = Field(min_length=1)


class ProtocolScopeFile(Model):
    """Who a protocol is for, and where it departs from its sources (data/protocols/<id>/scope.yml)."""

    who_for: list[Text] = Field(min_length=1)
    deviations: list[Deviation] = []


class StoryAnswer(Model):
    """One answer of a story: the question's id and the label chosen (or the options ticked)."""

    question: Slug
    answer: Short | None = None
    ticked: list[Short] | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> StoryAnswer:
        if (self.answer is None) == (self.ticked is None):
            raise ValueError("an answer has either `answer` (one choice) or `ticked` (a list of options)")
        return self


class Expected(Model):
    """What a story must end with: the outcome, and for a plan what it must and must not hold."""

    outcome: Slug
    includes: dict[Literal["keys", "routines", "exercises", "recovery", "ladder"], list[Slug]] = {}
    excludes: dict[Literal["keys", "routines", "exercises", "recovery", "ladder"], list[Slug]] = {}


class Story(Model):
    id: Slug
    title: Title
    person: Text  # who they are and what they feel, in words
    answers: list[StoryAnswer] = Field(min_length=1)
    expect: Expected


class StoriesFile(Model):
    """A protocol's patient stories (data/protocols/<id>/stories.yml)."""

    stories: list[Story] = Field(min_length=1)
