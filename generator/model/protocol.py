"""The protocol as a whole: its title and introduction, the disclaimer and safety net, and the
pain rule that every page, card, player and plan applies."""

from __future__ import annotations

from pydantic import Field, PositiveInt

from .common import Language, Model, Short, Slug, Text, Title
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


class Tempo(Model):
    """How fast a repetition goes: the player's guided count uses it."""

    up_seconds: PositiveInt = Field(le=10)
    down_seconds: PositiveInt = Field(le=10)
    source: SourceRefs


class Rest(Model):
    """Rest between sets (and between exercises): a range; the player counts the shorter end."""

    seconds_min: PositiveInt = Field(le=600)
    seconds_max: PositiveInt = Field(le=600)
    source: SourceRefs


class Scope(Model):
    """Who the guide is written for: below this age a clinician checks the knee first."""

    min_age: PositiveInt = Field(le=30)
    source: SourceRefs


class ExerciseTiming(Model):
    tempo: Tempo
    rest: Rest


class CardSettings(Model):
    tick_days: PositiveInt = Field(14, le=31)


class Protocol(Model):
    id: Slug
    title: Title
    tagline: Text
    language: Language
    intro: list[Text] = Field(min_length=1)
    intro_source: SourceRefs | None = Field(None, description="sources of what the introduction says beyond the seed")
    disclaimer: Text
    safety_net: Text
    pain_rule: PainRule
    exercise: ExerciseTiming
    scope: Scope
    cards: CardSettings = CardSettings()
