"""One protocol as a whole: its title and introduction, the disclaimer and safety net, and the
pain rule that its pages, cards, player sessions and runs apply."""

from __future__ import annotations

from pydantic import Field, PositiveInt

from .common import Model, Short, Slug, Text, Title
from .sources import SourceRefs


class PainLevel(Model):
    max: int = Field(ge=0, le=10, description="the highest score of this level (the levels rise to scale_max)")
    label: Short = Field(description="the level's name, e.g. Fine, Acceptable, Too much")
    advice: Text = Field(description="what to do at this level")


class PainRule(Model):
    """The one pain message: how much pain is acceptable while exercising, and (a stricter limit)
    while running, and how it should settle afterwards."""

    title: Title = Field(description="the rule's heading")
    summary: Text = Field(description="the rule for exercise, in short sentences")
    ok_max: int = Field(ge=0, le=10, description="the most pain that is fine while exercising")
    acceptable_max: int = Field(
        ge=0, le=10, description="the most pain that is acceptable while exercising; above it is too much"
    )
    scale_min: int = Field(0, ge=0, le=0, description="no pain at all: the bottom of the scale")
    scale_max: int = Field(ge=1, le=10, description="the top of the pain scale (10)")
    settle_hours: PositiveInt = Field(le=48, description="the hours within which pain should settle after exercise")
    levels: list[PainLevel] = Field(
        min_length=2, description="the bands of the scale, lowest first, as the pain rule page shows them"
    )
    next_day: Text = Field(description="how pain should settle afterwards and by the next morning")
    source: SourceRefs = Field(description="the sources of the rule for exercise")
    running_max: int = Field(ge=0, le=10, description="the most pain to accept while running")
    running: Text = Field(description="the rule for running, in short sentences")
    running_too_much: Text = Field(description="what a run above the running limit means: step back a stage")
    running_note: Text = Field(description="why this differs from advice not to run at all with pain")
    running_source: SourceRefs = Field(description="the sources of the running limit")
    severe_from: int = Field(ge=1, le=10, description="pain from this score up is severe: see someone soon")
    severe_source: SourceRefs = Field(description="the sources of the line for severe pain")


class Scope(Model):
    """Who the protocol is written for: below this age a clinician checks first."""

    min_age: PositiveInt = Field(le=30, description="the youngest age the protocol is for ({scope.min_age} in prose)")
    source: SourceRefs = Field(description="the sources of that age")


class Protocol(Model):
    """One protocol of the library (data/protocols/<id>/protocol.yml): what it is about, how it
    names what hurts, its introduction, and the pain rule its exercises and runs are judged by."""

    id: Slug = Field(description="the name of its folder, and its page's address: never change it once published")
    title: Title = Field(description="its title on the home page and its own page")
    tagline: Text = Field(description="one line about it, on the home page and under its title")
    where: Short = Field(description='its answer to "Where does it hurt?"')
    part: Short = Field(description='what hurts, inside a sentence ("How much did {part} hurt?")')
    terms: list[Short] = Field(min_length=1, description="words that name its body part or condition: never in code")
    intro: list[Text] = Field(min_length=1, description="the paragraphs that open its page")
    intro_source: SourceRefs | None = Field(None, description="sources of what the introduction says beyond the seed")
    origin: Text = Field(description="where its advice comes from, for the About page")
    disclaimer: Text = Field(description="what the guide is not, on its pages; a clinic's own `disclaimer` replaces it")
    safety_net: Text = Field(
        description="the safety net: when to stop and get help, on its pages; a clinic's `red_flag_advice` replaces it"
    )
    pain_rule: PainRule = Field(description="how much pain is acceptable while exercising and while running")
    scope: Scope = Field(description="who the protocol is for")
