"""The protocol as a whole: its title and introduction, the disclaimer and safety net, and the
pain rule that every page, card, player and plan applies."""

from __future__ import annotations

from pydantic import Field, PositiveInt

from .common import Language, Model, Short, Slug, Source, Text, Title


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
    language: Language
    intro: list[Text] = Field(min_length=1)
    disclaimer: Text
    safety_net: Text
    pain_rule: PainRule
    cards: CardSettings = CardSettings()
