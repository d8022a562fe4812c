"""Warning signs: the urgency levels of a region (with the numbers to call there) and the red
flags screened before any advice, on the clinician page and in the flowchart.

The levels' words and numbers belong to a region (the UK by default: 999, NHS 111, A&E); a
clinic elsewhere sets its own in its brand file, and no other region's number appears in its copy."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, PositiveInt

from .common import Model, Phone, Short, Slug, Text, Title
from .sources import SourceRefs

Urgency = Literal["emergency", "urgent", "soon", "not-for"]
URGENCIES: tuple[Urgency, ...] = ("emergency", "urgent", "soon", "not-for")


class Call(Model):
    """A phone number to ring for this level of urgency, e.g. 999 for an emergency in the UK."""

    number: Phone
    label: Short
    source: SourceRefs


class UrgencyLevel(Model):
    id: Urgency
    title: Title
    action: Text
    call: Call | None = None


class Region(Model):
    """Where the numbers and services named in the levels apply."""

    label: Short  # shown beside every number, e.g. "In the UK"
    levels: list[UrgencyLevel] = Field(min_length=4, max_length=4)


class RedFlag(Model):
    """A warning sign, screened before any advice and listed on the "when to see a clinician" page."""

    id: Slug
    level: Urgency = Field(description="how urgently to get help: the region's level of that name says where and how")
    text: Text = Field(description="the sign, in the words a patient would use")
    source: SourceRefs = Field(description="the public sources that name this sign at this level")
    weeks: PositiveInt | None = Field(
        None,
        le=52,
        description="a span of weeks the sign names (no better after so many weeks); its text quotes it as "
        "{flags.<id>.weeks}",
    )


class RedFlagsFile(Model):
    """The region's levels and the warning signs every protocol shares (data/red_flags.yml)."""

    region: Region
    flags: list[RedFlag] = Field(min_length=1)


class ProtocolFlagsFile(Model):
    """A protocol's own warning signs (data/protocols/<id>/red_flags.yml)."""

    flags: list[RedFlag] = Field(min_length=1)
