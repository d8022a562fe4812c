"""Typed shape of every data file. Pydantic checks types, required and unknown fields."""
from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PositiveInt, StringConstraints, model_validator

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LANGUAGE = r"^[a-z]{2}(-[A-Z]{2})?$"
COLOUR = r"^#[0-9a-fA-F]{6}$"
WEB_URL = r"^https?://[^\s<>\"'`]+$"
EMAIL = r"^[^@\s<>\"'`]+@[^@\s<>\"'`]+\.[a-zA-Z]{2,}$"
PHONE = r"^\+?[0-9 ()-]{3,25}$"
# What each pattern means, in words an editor understands (pydantic would print the regex).
PATTERN_MESSAGES = {
    SLUG: "an id is lower-case letters and digits joined by single hyphens, like `single-leg-bridge`",
    LANGUAGE: "a language code like `en` or `en-GB`",
    COLOUR: 'a colour is written as # and six hex digits, like "#1f5f8b" (in quotes)',
    WEB_URL: "a web address starting with https:// (no spaces or quotes)",
    EMAIL: "an e-mail address like name@clinic.example",
    PHONE: "a phone number: digits, spaces, brackets and hyphens, with an optional leading +",
}

Slug = Annotated[str, StringConstraints(pattern=SLUG, max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True)]


def _title(value: str) -> str:
    """Titles and names also reach the theme's page titles, navigation and attributes, which
    MkDocs does not escape: refuse the few characters that could break out of them."""
    bad = sorted({ch for ch in value if ch in '<>"`'})
    if bad:
        raise ValueError(f"a title or name cannot contain {' '.join(bad)} (use curly quotes “ ” instead of \")")
    return value


Title = Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True), AfterValidator(_title)]
Cue = Annotated[str, StringConstraints(min_length=1, max_length=60, strip_whitespace=True)]
Source = Annotated[str, StringConstraints(min_length=3, max_length=300, strip_whitespace=True)]
Number = Annotated[float, Field(ge=0, le=1000)]


class Model(BaseModel):
    """Base for every data model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# Each dose shape lists the fields it needs; a dose must match exactly one shape.
DOSE_SHAPES: dict[str, tuple[str, ...]] = {
    "reps": ("sets", "reps"),
    "hold": ("holds", "seconds"),
    "minutes": ("minutes",),
    "minutes-range": ("minutes_min", "minutes_max", "per"),
    "cycle": ("minutes_on", "minutes_off", "hours_min", "hours_max"),
}


class Dose(Model):
    """How much of an item: sets × reps, holds × seconds, minutes, or an on/off cycle."""

    sets: PositiveInt | None = Field(None, le=20)
    reps: PositiveInt | None = Field(None, le=200)
    holds: PositiveInt | None = Field(None, le=20)
    seconds: PositiveInt | None = Field(None, le=600)
    minutes: PositiveInt | None = Field(None, le=240)
    minutes_min: PositiveInt | None = Field(None, le=240)
    minutes_max: PositiveInt | None = Field(None, le=240)
    per: Short | None = None
    minutes_on: PositiveInt | None = Field(None, le=240)
    minutes_off: PositiveInt | None = Field(None, le=240)
    hours_min: PositiveInt | None = Field(None, le=24)
    hours_max: PositiveInt | None = Field(None, le=24)

    @property
    def shape(self) -> str:
        present = {k for k, v in self.__dict__.items() if v is not None}
        for name, fields in DOSE_SHAPES.items():
            if present == set(fields):
                return name
        raise ValueError("no shape")  # unreachable after validation

    @model_validator(mode="after")
    def _one_shape(self) -> "Dose":
        present = {k for k, v in self.__dict__.items() if v is not None}
        if not any(present == set(f) for f in DOSE_SHAPES.values()):
            shapes = "; ".join(" + ".join(f) for f in DOSE_SHAPES.values())
            raise ValueError(f"a dose needs exactly one of these sets of fields: {shapes} (got: {', '.join(sorted(present)) or 'nothing'})")
        if self.minutes_min and self.minutes_max and self.minutes_min > self.minutes_max:
            raise ValueError("minutes_min is larger than minutes_max")
        if self.hours_min and self.hours_max and self.hours_min > self.hours_max:
            raise ValueError("hours_min is larger than hours_max")
        return self


class PainLevel(Model):
    max: int = Field(ge=0, le=10)
    label: Short
    advice: Text


class PainRule(Model):
    title: Title
    summary: Text
    ok_max: int = Field(ge=0, le=10)
    acceptable_max: int = Field(ge=0, le=10)
    scale_max: int = Field(ge=1, le=10)
    settle_hours: PositiveInt = Field(le=48)
    levels: list[PainLevel] = Field(min_length=2)
    next_day: Text
    source: Source


class CardSettings(Model):
    tick_days: PositiveInt = Field(14, le=31)


class Protocol(Model):
    id: Slug
    title: Title
    tagline: Text
    language: Annotated[str, StringConstraints(pattern=LANGUAGE)]
    intro: list[Text] = Field(min_length=1)
    disclaimer: Text
    safety_net: Text
    pain_rule: PainRule
    cards: CardSettings = CardSettings()


class Key(Model):
    id: Slug
    title: Title
    summary: Text
    why: list[Text] = Field(min_length=1)
    steps: list[Text] = Field(min_length=1)
    mistakes: list[Text] = []
    exercises: list[Slug] = []
    recovery: list[Slug] = []


class KeysFile(Model):
    keys: list[Key] = Field(min_length=1)


class Exercise(Model):
    id: Slug
    kind: Literal["strength", "stretch"]
    title: Title
    level: int | None = Field(None, ge=1, le=5)
    muscle: Slug | None = None
    summary: Text
    targets: list[Short] = Field(min_length=1)
    equipment: list[Short] = []
    steps: list[Text] = Field(min_length=1)
    cues: list[Cue] = Field(min_length=1, max_length=3)
    mistakes: list[Text] = []
    dose: Dose
    side: Short | None = None

    @model_validator(mode="after")
    def _fits_kind(self) -> "Exercise":
        wanted = "reps" if self.kind == "strength" else "hold"
        if self.dose.shape != wanted:
            raise ValueError(f"a {self.kind} exercise needs a dose of {' + '.join(DOSE_SHAPES[wanted])}")
        if self.kind == "strength" and self.level is None:
            raise ValueError("a strength exercise needs a level")
        if self.kind == "stretch" and self.muscle is None:
            raise ValueError("a stretch needs the muscle it stretches")
        return self


class ExercisesFile(Model):
    exercises: list[Exercise] = Field(min_length=1)


class RecoveryTool(Model):
    id: Slug
    title: Title
    summary: Text
    when: list[Text] = Field(min_length=1)
    steps: list[Text] = Field(min_length=1)
    cues: list[Cue] = Field(min_length=1, max_length=3)
    cautions: list[Text] = []
    dose: Dose | None = None
    use_after_weeks: PositiveInt | None = Field(None, le=52)

    @model_validator(mode="after")
    def _time_dose(self) -> "RecoveryTool":
        if self.dose is not None and self.dose.shape in ("reps", "hold"):
            raise ValueError("a recovery tool's dose is in minutes, not sets or holds")
        return self


class RecoveryFile(Model):
    tools: list[RecoveryTool] = Field(min_length=1)


class BmiBand(Model):
    id: Slug
    label: Short
    below: Number | None = None
    from_: Number | None = Field(None, alias="from")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Alternative(Model):
    id: Slug
    title: Title
    summary: Text


class WeightFile(Model):
    title: Title
    summary: Text
    overweight_from: Number
    obese_from: Number
    reduce_before_running_from: Number
    bands: list[BmiBand] = Field(min_length=2)
    source: Source
    guidance: list[Text] = Field(min_length=1)
    limits: list[Text] = Field(min_length=1)
    alternatives: list[Alternative] = Field(min_length=1)


class Call(Model):
    """A phone number to ring for this level of urgency, e.g. 999 for an emergency in the UK."""

    number: Phone
    label: Short
    source: Source


class UrgencyLevel(Model):
    id: Literal["emergency", "urgent", "soon"]
    title: Title
    action: Text
    call: Call | None = None


class RedFlag(Model):
    id: Slug
    level: Literal["emergency", "urgent", "soon"]
    text: Text
    source: Source


class RedFlagsFile(Model):
    levels: list[UrgencyLevel] = Field(min_length=3, max_length=3)
    flags: list[RedFlag] = Field(min_length=1)


class RoutineItem(Model):
    item: Slug
    dose: Dose | None = None


class MoveOn(Model):
    when: Text
    next: Slug | None = None


class Routine(Model):
    id: Slug
    title: Title
    summary: Text
    frequency: Text
    frequency_source: Source | None = None
    items: list[RoutineItem] = Field(min_length=1, max_length=6)
    move_on: MoveOn


class RoutinesFile(Model):
    routines: list[Routine] = Field(min_length=1)


class Recommends(Model):
    keys: list[Slug] = []
    exercises: list[Slug] = []
    routines: list[Slug] = []
    recovery: list[Slug] = []

    def is_empty(self) -> bool:
        return not (self.keys or self.exercises or self.routines or self.recovery)


class Answer(Model):
    label: Short
    next: Slug
    adds: Recommends = Recommends()


class Option(Model):
    label: Short
    adds: Recommends = Recommends()


class Node(Model):
    id: Slug
    type: Literal["question", "outcome"]
    # question fields
    stage: Literal["screen", "plan"] | None = None
    flags: list[Slug] = []
    question: Text | None = None
    help: Text | None = None
    see: Slug | None = Field(None, description="a key whose page helps answer, linked under the question")
    choose: Literal["one", "many"] = "one"
    answers: list[Answer] = []
    options: list[Option] = []
    next: Slug | None = None
    # outcome fields
    urgency: Literal["emergency", "urgent", "soon", "self-care"] | None = None
    title: Title | None = None
    advice: list[Text] = []
    recommends: Recommends = Recommends()

    @model_validator(mode="after")
    def _fields_fit_type(self) -> "Node":
        if self.type == "question":
            if not self.question or not self.stage:
                raise ValueError("a question node needs `question` and `stage`")
            if self.choose == "one" and (len(self.answers) < 2 or self.options or self.next):
                raise ValueError("a one-choice question needs two or more `answers` (and no `options` or `next`)")
            if self.choose == "many" and (len(self.options) < 2 or not self.next or self.answers):
                raise ValueError("a many-choice question needs two or more `options` and a `next` (and no `answers`)")
            if self.urgency or self.title or self.advice or not self.recommends.is_empty():
                raise ValueError("a question node cannot have outcome fields (urgency, title, advice, recommends)")
        else:
            if not self.urgency or not self.title:
                raise ValueError("an outcome node needs `urgency` and `title`")
            if self.question or self.answers or self.options or self.next or self.stage or self.flags or self.see:
                raise ValueError("an outcome node cannot have question fields")
        return self


class FlowchartFile(Model):
    start: Slug
    nodes: list[Node] = Field(min_length=2)


Colour = Annotated[str, StringConstraints(pattern=COLOUR)]
WebUrl = Annotated[str, StringConstraints(pattern=WEB_URL, max_length=300)]
Email = Annotated[str, StringConstraints(pattern=EMAIL, max_length=200)]
Phone = Annotated[str, StringConstraints(pattern=PHONE)]
def _asset_path(value: str) -> str:
    """A file in the brand's own folder: a plain relative path to an image."""
    parts = value.replace("\\", "/").split("/")
    if value.startswith("/") or ":" in value or ".." in parts:
        raise ValueError("must be a file inside the brand's own folder")
    if not re.fullmatch(r"[A-Za-z0-9_./-]+\.(svg|png|ico|webp|jpg|jpeg)", value):
        raise ValueError("must be an .svg, .png, .ico, .webp or .jpg file name (letters, digits, - _ . /)")
    return value


AssetPath = Annotated[str, StringConstraints(max_length=200), AfterValidator(_asset_path)]


class Contact(Model):
    """How a patient reaches the clinic; every line is optional."""

    phone: Phone | None = None
    email: Email | None = None
    address: Text | None = None
    website: WebUrl | None = None
    booking: WebUrl | None = None
    hours: Text | None = None


class OverlayExercise(Exercise):
    """A clinic's own exercise: like any other, plus the key it belongs to."""

    key: Slug


class FigureImage(Model):
    """A clinic's own picture of an exercise, in place of the drawn figure."""

    image: AssetPath
    alt: Text


class Overlay(Model):
    """A clinic's changes to the shipped protocol, kept out of data/ so updates merge cleanly."""

    exercises: list[OverlayExercise] = []
    figures: dict[Slug, FigureImage] = {}
    recovery: list[RecoveryTool] = []
    routines: list[Routine] = []
    doses: dict[Slug, Dose] = {}
    hide: list[Slug] = []


class Brand(Model):
    """Who publishes this copy of the guide, and how it looks."""

    name: Title
    short_name: Title | None = None
    logo: AssetPath | None = None
    favicon: AssetPath | None = None
    primary: Colour = "#1f5f8b"
    accent: Colour = "#b3541e"
    contact: Contact = Contact()
    disclaimer: Text | None = None
    red_flag_advice: Text | None = None
    site_url: WebUrl | None = None
    page_size: Literal["A4", "Letter"] = "A4"
    overlay: Overlay = Overlay()
