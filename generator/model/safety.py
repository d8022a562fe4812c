"""Warning signs: the urgency levels (with the number to call) and the red flags screened before
any advice, on the clinician page and in the flowchart."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Model, Phone, Short, Slug, Source, Text, Title

Urgency = Literal["emergency", "urgent", "soon"]
URGENCIES: tuple[Urgency, ...] = ("emergency", "urgent", "soon")


class Call(Model):
    """A phone number to ring for this level of urgency, e.g. 999 for an emergency in the UK."""

    number: Phone
    label: Short
    source: Source


class UrgencyLevel(Model):
    id: Urgency
    title: Title
    action: Text
    call: Call | None = None


class RedFlag(Model):
    id: Slug
    level: Urgency
    text: Text
    source: Source


class RedFlagsFile(Model):
    levels: list[UrgencyLevel] = Field(min_length=3, max_length=3)
    flags: list[RedFlag] = Field(min_length=1)
