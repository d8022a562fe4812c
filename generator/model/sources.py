"""The public sources the guide cites, in one registry: each fact that is not in the seed article
names the sources it rests on by id, and the About page lists them with when they were checked."""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import Field, model_validator

from .common import HttpsUrl, Model, Short, Slug, Text, Title

# What a fact writes: the ids of the sources it rests on, at least one.
SourceRefs = Annotated[list[Slug], Field(min_length=1, max_length=8)]


class Source(Model):
    """One public page or paper: what it is, where it is, when it was last read there, and what
    the guide cites it for (nothing else)."""

    id: Slug
    title: Title
    publisher: Short
    url: HttpsUrl
    checked: datetime.date
    supports: Text


class SourcesFile(Model):
    reviewed: datetime.date = Field(description="when the guide's clinical content was last reviewed")
    next_review: datetime.date
    sources: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _review_order(self) -> SourcesFile:
        if self.next_review <= self.reviewed:
            raise ValueError("next_review must come after reviewed")
        return self
