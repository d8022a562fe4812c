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
    """A risk on the matrix of data/hazards.yml: how likely the harm is, and how bad."""

    likelihood: Likelihood
    severity: Severity


class WarningSignControl(Model):
    """A warning sign the flowchart screens for."""

    warning_sign: Slug


class QuestionControl(Model):
    """A question or an outcome of the flowchart."""

    question: Slug = Field(description="a node of the flowchart, by id")


class NumberControl(Model):
    """A number of the data, such as a limit of the pain rule."""

    number: Annotated[Short, SAME_IN_EVERY_LANGUAGE] = Field(
        description="its dotted name, as prose quotes it: `pain.running_max`"
    )


class CautionControl(Model):
    """The cautions an exercise or tool carries on its page and card."""

    caution: Slug = Field(description="the exercise or tool, by id")


class PageControl(Model):
    """A page of which the guide has one."""

    page: SinglePage


class StoryControl(Model):
    """A patient story, walked through the flowchart at every build."""

    story: Slug


class CheckControl(Model):
    """An automated test, by its file and name (a developer writes these)."""

    test: str = Field(pattern=r"^tests/[A-Za-z0-9_/.-]+\.(py|js)::[^\n]{1,200}$")


class DesignControl(Model):
    """How the software itself is built against the hazard, in words."""

    design: Text


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
    """One way a patient could come to harm using the guide, and what the guide does against it."""

    id: Slug
    title: Title
    cause: Text = Field(description="how it could happen")
    effect: Text = Field(description="the harm it could do")
    before: Rating = Field(description="the risk with no control in place")
    controls: list[Control] = Field(
        min_length=1, description="what the guide has against it; each names something that exists"
    )
    after: Rating = Field(description="the risk left with the controls: never above `before`")


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
    guide: Text = Field(description="what the guide does")
    sources: Text = Field(description="what the sources say, or that none could be checked")
    reason: Text = Field(description="why the guide does it this way")
    source: SourceRefs | None = Field(None, description="the sources named in `sources`")


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

    who_for: list[Text] = Field(min_length=1, description="who it is for, a sentence each")
    deviations: list[Deviation] = Field([], description="every place it departs from its sources")


class StoryAnswer(Model):
    """One answer of a story: the question's id and the label chosen (or the options ticked)."""

    question: Slug = Field(description="the question, by id, in the order the story meets them")
    answer: Short | None = Field(None, description="the label of the answer chosen (a one-choice question)")
    ticked: list[Short] | None = Field(None, description="the labels of the options ticked (a many-choice question)")

    @model_validator(mode="after")
    def _one_kind(self) -> StoryAnswer:
        if (self.answer is None) == (self.ticked is None):
            raise ValueError("an answer has either `answer` (one choice) or `ticked` (a list of options)")
        return self


class Expected(Model):
    """What a story must end with: the outcome, and for a plan what it must and must not hold."""

    outcome: Slug = Field(description="the outcome the story must end at")
    includes: dict[Literal["keys", "routines", "exercises", "recovery", "ladder"], list[Slug]] = Field(
        {}, description="what the plan must hold, by kind"
    )
    excludes: dict[Literal["keys", "routines", "exercises", "recovery", "ladder"], list[Slug]] = Field(
        {}, description="what the plan must not hold, by kind"
    )


class Story(Model):
    """A person a clinician can picture, the answers they give, and where they must end up."""

    id: Slug
    title: Title
    person: Text = Field(description="who they are and what they feel, in words")
    answers: list[StoryAnswer] = Field(min_length=1, description="their answers, in the order the flowchart asks")
    expect: Expected = Field(description="where they must end up")


class StoriesFile(Model):
    """A protocol's patient stories (data/protocols/<id>/stories.yml)."""

    stories: list[Story] = Field(min_length=1)
