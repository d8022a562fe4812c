"""What the guide teaches: the key steps, the exercises and stretches, the recovery tools and the
weight advice. Each is a page; routines and the flowchart refer to them by id."""

from __future__ import annotations

from typing import Literal

from pydantic import ConfigDict, Field, PositiveInt, model_validator

from .common import Cue, Model, Number, Short, Slug, Text, Title
from .dose import DOSE_SHAPES, Dose
from .site import Tempo
from .sources import SourceRefs


class Key(Model):
    """A key step of a protocol: a page of its own, with the exercises and tools that belong to it."""

    id: Slug = Field(description="the end of its page's address: never change it once published")
    title: Title
    summary: Text = Field(description="what it is, in a sentence or two")
    why: list[Text] = Field(min_length=1, description="why it helps, a paragraph each")
    steps: list[Text] = Field(min_length=1, description="what to do, a step each")
    mistakes: list[Text] = Field([], description="common mistakes to avoid")
    exercises: list[Slug] = Field([], description="the exercises and stretches of data/exercises.yml that belong to it")
    recovery: list[Slug] = Field([], description="the recovery tools of data/recovery.yml that belong to it")
    source: SourceRefs | None = Field(None, description="sources of what this key says beyond the seed article")
    in_plan: Literal["steps", "summary"] = Field(
        "summary", description="what a flowchart plan shows of this key: its steps (what to do), or its summary"
    )
    widget: Literal["bmi-calculator"] | None = Field(
        None, description="a tool shown on this key's page, with the data it needs (bmi-calculator: weight.yml)"
    )


class KeysFile(Model):
    keys: list[Key] = Field(min_length=1)


class Lowering(Model):
    """An exercise whose work is the lowering (eccentric): the body goes up with help (both legs)
    and comes down on the working side alone. The player says these words on the way up and down,
    and counts the lowering."""

    up: Cue  # "Up on both feet"
    down: Cue  # "Down on one"
    source: SourceRefs


class Load(Model):
    """One step of a load progression: body weight first, then added weight."""

    id: Slug
    text: Text  # what to add, and when: "A backpack with some weight in it, once … without pain"


class ItemPainRule(Model):
    """An exercise's own pain rule, where it differs from its protocol's: some pain during a
    loading exercise can be expected. The log judges its sessions by the stricter of the two."""

    acceptable_max: int = Field(ge=0, le=10)
    text: Text
    source: SourceRefs


class Variant(Model):
    """Another way of doing an exercise, for a reason a reader can tell (pain where the tendon meets
    the heel bone: stay on the floor). A routine item names the variant it uses."""

    id: Slug
    title: Title
    when: Text  # who it is for
    steps: list[Text] = Field(min_length=1)
    cues: list[Cue] = Field(min_length=1, max_length=3)
    source: SourceRefs


class Exercise(Model):
    """An exercise or stretch: a page of its own, its picture in data/figures.yml."""

    id: Slug = Field(description="the end of its page's address: never change it once published")
    kind: Literal["strength", "stretch"] = Field(description="a strength exercise (sets and reps) or a stretch (holds)")
    title: Title
    level: int | None = Field(None, ge=1, le=5, description="a strength exercise's level: 1 first, then harder")
    muscle: Slug | None = Field(None, description="the muscle a stretch stretches (a stretch needs one)")
    summary: Text = Field(description="what it does, in a sentence")
    targets: list[Short] = Field(min_length=1, description="the muscles it works, in plain words")
    equipment: list[Short] = Field([], description="what you need for it")
    steps: list[Text] = Field(min_length=1, description="how to do it, a step each")
    cues: list[Cue] = Field(min_length=1, max_length=3, description="up to three short reminders, on its card")
    mistakes: list[Text] = Field([], description="common mistakes to avoid")
    dose: Dose = Field(description="its usual dose; a routine may give its own")
    side: Short | None = Field(None, description="done on each side, in words: each leg")
    source: SourceRefs | None = Field(None, description="the sources of what it says beyond the seed article")
    tempo: Tempo | None = Field(None, description="its own pace, in place of the guide's (data/site.yml)")
    lowering: Lowering | None = None
    load: list[Load] = Field([], description="how to add load, step by step (body weight first)")
    pain_rule: ItemPainRule | None = None
    variants: list[Variant] = []

    @model_validator(mode="after")
    def _fits_kind(self) -> Exercise:
        wanted = "reps" if self.kind == "strength" else "hold"
        if self.dose.shape != wanted:
            raise ValueError(f"a {self.kind} exercise needs a dose of {' + '.join(DOSE_SHAPES[wanted])}")
        if self.kind == "strength" and self.level is None:
            raise ValueError("a strength exercise needs a level")
        if self.kind == "stretch" and self.muscle is None:
            raise ValueError("a stretch needs the muscle it stretches")
        if self.kind == "stretch" and (self.lowering or self.tempo or self.load):
            raise ValueError("a stretch is held: it has no lowering, tempo or load")
        if len({v.id for v in self.variants}) != len(self.variants):
            raise ValueError("two variants have the same id")
        return self


class ExercisesFile(Model):
    exercises: list[Exercise] = Field(min_length=1)


class RecoveryTool(Model):
    """A recovery tool (ice, heat, a foam roller): a page of its own."""

    id: Slug = Field(description="the end of its page's address: never change it once published")
    title: Title
    summary: Text = Field(description="what it does, in a sentence")
    when: list[Text] = Field(min_length=1, description="when to use it, a line each")
    steps: list[Text] = Field(min_length=1, description="how to use it, a step each")
    cues: list[Cue] = Field(min_length=1, max_length=3, description="up to three short reminders, on its card")
    cautions: list[Text] = Field([], description="when not to use it, or to take care; a hazard may name them")
    dose: Dose | None = Field(None, description="how long, in minutes")
    never_over_minutes: PositiveInt | None = Field(
        None, le=240, description="never use it for longer than this in one go (the plan builder's limit too)"
    )
    use_after_weeks: PositiveInt | None = Field(
        None, le=52, description="use it only once pain has lasted this many weeks (heat)"
    )
    source: SourceRefs | None = Field(None, description="the sources of what it says beyond the seed article")

    @model_validator(mode="after")
    def _time_dose(self) -> RecoveryTool:
        if self.dose is not None and self.dose.shape in ("reps", "hold"):
            raise ValueError("a recovery tool's dose is in minutes, not sets or holds")
        longest = getattr(self.dose, "minutes_max", None) or getattr(self.dose, "minutes", None)
        if self.never_over_minutes is not None and longest is not None and longest > self.never_over_minutes:
            raise ValueError(f"its dose ({longest} minutes) is longer than never_over_minutes")
        return self


class RecoveryFile(Model):
    tools: list[RecoveryTool] = Field(min_length=1)


Item = Exercise | RecoveryTool


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


class CalculatorLimits(Model):
    """Heights and weights the BMI calculator accepts: what an adult could measure, so a typo
    (180 kg typed as height, a missing digit) gets a message instead of a number."""

    height_m_min: Number
    height_m_max: Number
    weight_kg_min: Number
    weight_kg_max: Number


class LowerThresholds(Model):
    """Lower BMI lines for people whose family background carries weight-related health risk at a
    lower BMI: a reason to talk to a GP, never a change to the running advice (the same for all)."""

    text: Text  # who they apply to and the lines, for the weight page
    checkbox: Text  # the calculator's box for it
    overweight_from: Number
    obese_from: Number
    source: SourceRefs


class Underweight(Model):
    below: Number
    text: Text
    source: SourceRefs


class BmiWords(Model):
    result: Text  # "Your BMI is {bmi}: {band}."
    above: Text  # added when the BMI reaches the running threshold
    invalid: Text
    lower: Text  # added when a ticked family background puts the BMI above its lower line


class WeightFile(Model):
    title: Title
    summary: Text
    overweight_from: Number
    obese_from: Number
    reduce_before_running_from: Number
    bands: list[BmiBand] = Field(min_length=2)
    source: SourceRefs
    lower_thresholds: LowerThresholds
    underweight: Underweight
    guidance: list[Text] = Field(min_length=1)
    limits: list[Text] = Field(min_length=1)
    alternatives: list[Alternative] = Field(min_length=1)
    calculator: CalculatorLimits
    calculator_words: BmiWords
