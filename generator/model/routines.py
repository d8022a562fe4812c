"""Routines: ordered items with optional doses, printed as cards and (later) played."""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import BaseModel, Discriminator, Field, Tag, model_validator

from .common import Model, Slug, Text, Title
from .dose import Dose
from .sources import SourceRefs


class RoutineItem(Model):
    """One item of a routine, in the order the card and the player take them."""

    item: Slug = Field(description="an exercise, stretch or recovery tool, by its id")
    dose: Dose | None = Field(None, description="this routine's dose of it; without one, the item's own dose")
    variant: Slug | None = Field(None, description="which of the item's variants this routine uses")


class Schedule(Model):
    """How often, as numbers the player, the log and the cards read: times a day, days a week,
    for how many weeks (the routine's `frequency` says it in words)."""

    times_a_day: int = Field(1, ge=1, le=6)
    days_a_week: int = Field(ge=1, le=7)
    weeks: int | None = Field(None, ge=1, le=52, description="for how many weeks; none: until it is time to move on")
    source: SourceRefs | None = Field(None, description="the sources of how often")


class WhenEasy(Model):
    """Move on when the routine's doses feel easy: the seed's rule for strength and stretches.
    The card reads "When 3 × 20 feels easy (sign), move on to next." (or "…, then." without next)."""

    when_easy: Text = Field(description='the sign that it is easy, e.g. "you can do every set without tiring"')
    next: Slug | None = Field(None, description="the routine to move on to")
    then: Text | None = Field(None, description="what to do next when there is no next routine")


class WhenCondition(Model):
    """Move on when something about the pain changes (no dose to master), e.g. from ice to heat."""

    when: Text = Field(description="the change, e.g. when the swelling has gone")
    next: Slug | None = Field(None, description="the routine to move on to")
    then: Text | None = Field(None, description="what to do next when there is no next routine")


def _move_on_kind(value: Any) -> str | None:
    if isinstance(value, BaseModel):
        return "move-on:easy" if isinstance(value, WhenEasy) else "move-on:condition"
    if isinstance(value, dict):
        return "move-on:easy" if "when_easy" in value else "move-on:condition" if "when" in value else None
    return None


MoveOn = Annotated[
    Union[Annotated[WhenEasy, Tag("move-on:easy")], Annotated[WhenCondition, Tag("move-on:condition")]],
    Discriminator(
        _move_on_kind,
        custom_error_type="move_on",
        custom_error_message="`move_on` needs `when_easy` (the dose feels easy) or `when` (a change)",
    ),
]


class Routine(Model):
    """A routine: printed as a one-page card, played by the session player, logged on the phone."""

    id: Slug = Field(
        description="the end of its page's address, printed on its card as a QR code: never change it once published"
    )
    title: Title
    summary: Text = Field(description="what it is for, in a sentence or two")
    frequency: Text = Field(description="how often, in words, on its card and page")
    frequency_source: SourceRefs | None = Field(None, description="the sources of how often")
    days_per_week: int | None = Field(None, ge=1, le=7, description="how often as a number, for the progress page")
    schedule: Schedule | None = None
    entry: Text | None = Field(None, description="when to start this routine, as a stage of a programme")
    items: list[RoutineItem] = Field(
        min_length=1, max_length=6, description="what to do, in order (a handout works best short)"
    )
    move_on: MoveOn = Field(description="when to move on, and to what")

    @model_validator(mode="after")
    def _one_how_often(self) -> Routine:
        if self.schedule is not None and self.days_per_week not in (None, self.schedule.days_a_week):
            raise ValueError("days_per_week and schedule.days_a_week disagree: write it once, in `schedule`")
        return self

    @property
    def days_a_week(self) -> int | None:
        """How many days a week, from the schedule or the older `days_per_week`."""
        return self.schedule.days_a_week if self.schedule else self.days_per_week


class RoutinesFile(Model):
    routines: list[Routine] = Field(min_length=1)
