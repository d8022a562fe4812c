"""Routines: ordered items with optional doses, printed as cards and (later) played."""

from __future__ import annotations

from pydantic import Field

from .common import Model, Slug, Source, Text, Title
from .dose import Dose


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
