"""Routines: ordered items with optional doses, printed as cards and (later) played."""

from __future__ import annotations

from typing import Annotated, Any, Union

from pydantic import BaseModel, Discriminator, Field, Tag

from .common import Model, Slug, Text, Title
from .dose import Dose
from .sources import SourceRefs


class RoutineItem(Model):
    item: Slug
    dose: Dose | None = None


class WhenEasy(Model):
    """Move on when the routine's doses feel easy: the seed's rule for strength and stretches.
    The card reads "When 3 × 20 feels easy (sign), move on to next." (or "…, then." without next)."""

    when_easy: Text  # the sign that it is easy, e.g. "you can do every set without tiring"
    next: Slug | None = None
    then: Text | None = None  # what to do next when there is no next routine


class WhenCondition(Model):
    """Move on when something about the knee changes (no dose to master), e.g. from ice to heat."""

    when: Text
    next: Slug | None = None
    then: Text | None = None


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
    id: Slug
    title: Title
    summary: Text
    frequency: Text
    frequency_source: SourceRefs | None = None
    days_per_week: int | None = Field(None, ge=1, le=7, description="how often as a number, for the progress page")
    items: list[RoutineItem] = Field(min_length=1, max_length=6)
    move_on: MoveOn


class RoutinesFile(Model):
    routines: list[Routine] = Field(min_length=1)
