"""The guide as a whole (data/site.yml): its edition, the protocols of the library in order, the
words for pages of no one protocol, how strength exercises are paced unless an exercise sets its
own, the printed cards' settings, and the names phones keep what people save under."""

from __future__ import annotations

from pydantic import Field, PositiveInt

from .common import Model, Short, Slug, Text, Title
from .language import SourceLanguage
from .sources import SourceRefs


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


class ExerciseTiming(Model):
    tempo: Tempo
    rest: Rest


class CardSettings(Model):
    tick_days: PositiveInt = Field(14, le=31)


class Storage(Model):
    """Names phones keep what a person saves under: never changed, or phones lose their logs."""

    prefix: Short = Field(pattern=r"^[a-z0-9-]+$")
    log_format: Short = Field(pattern=r"^[a-z0-9-]+$")


class SiteFile(Model):
    edition: Short = Field(pattern=r"^[0-9A-Za-z.-]+$", description="the guide's edition, e.g. 2026.12")
    language: SourceLanguage  # the language the data is written in (translations: data/translations/)
    protocols: list[Slug] = Field(min_length=1, description="the protocols of the library, in order (data/protocols/)")
    title: Title
    tagline: Text
    disclaimer: Text
    safety_net: Text
    part: Short = Field(description="what hurts, inside a sentence, when no one protocol is meant")
    exercise: ExerciseTiming
    cards: CardSettings = CardSettings()
    storage: Storage
