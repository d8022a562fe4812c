"""One protocol as a whole: its title and introduction, the disclaimer and safety net, and the
pain rule that its pages, cards, player sessions and runs apply."""

from __future__ import annotations

from pydantic import Field, PositiveInt

from .common import Model, Short, Slug, Text, Title
from .sources import SourceRefs


class PainLevel(Model):
    max: int = Field(ge=0, le=10)
    label: Short
    advice: Text


class PainRule(Model):
    """The one pain message: how much pain is acceptable while exercising, and (a stricter limit)
    while running, and how it should settle afterwards."""

    title: Title
    summary: Text  # the rule for exercise, in short sentences
    ok_max: int = Field(ge=0, le=10)
    acceptable_max: int = Field(ge=0, le=10)
    scale_min: int = Field(0, ge=0, le=0, description="no pain at all: the bottom of the scale")
    scale_max: int = Field(ge=1, le=10)
    settle_hours: PositiveInt = Field(le=48)
    levels: list[PainLevel] = Field(min_length=2)
    next_day: Text
    source: SourceRefs
    running_max: int = Field(ge=0, le=10, description="the most pain to accept while running")
    running: Text  # the rule for running, in short sentences
    running_too_much: Text  # what a run above the running limit means: step back a stage
    running_note: Text  # why this differs from advice not to run at all with pain
    running_source: SourceRefs
    severe_from: int = Field(ge=1, le=10, description="pain from this score up is severe: see someone soon")
    severe_source: SourceRefs


class Scope(Model):
    """Who the protocol is written for: below this age a clinician checks first."""

    min_age: PositiveInt = Field(le=30)
    source: SourceRefs


class Protocol(Model):
    """One protocol of the library (data/protocols/<id>/protocol.yml): what it is about, how it
    names what hurts, its introduction, and the pain rule its exercises and runs are judged by."""

    id: Slug
    title: Title
    tagline: Text
    where: Short = Field(description='its answer to "Where does it hurt?"')
    part: Short = Field(description='what hurts, inside a sentence ("How much did {part} hurt?")')
    terms: list[Short] = Field(min_length=1, description="words that name its body part or condition: never in code")
    intro: list[Text] = Field(min_length=1)
    intro_source: SourceRefs | None = Field(None, description="sources of what the introduction says beyond the seed")
    origin: Text = Field(description="where its advice comes from, for the About page")
    disclaimer: Text
    safety_net: Text
    pain_rule: PainRule
    scope: Scope
