"""The public sources the guide cites, in one registry: each fact that is not in the seed article
names the sources it rests on by id, and the About page lists them with when they were checked."""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import Field, model_validator

from .common import SAME_IN_EVERY_LANGUAGE, HttpsUrl, Model, Short, Slug, Text, Title

# What a fact writes: the ids of the sources it rests on, at least one.
SourceRefs = Annotated[list[Slug], Field(min_length=1, max_length=8)]


class Source(Model):
    """One public page or paper: what it is, where it is, when it was last read there, and what
    the guide cites it for (nothing else)."""

    id: Slug
    title: Annotated[Title, SAME_IN_EVERY_LANGUAGE] = Field(description="its own title, in its own language")
    publisher: Annotated[Short, SAME_IN_EVERY_LANGUAGE] = Field(description="who published it: the NHS, a journal")
    url: HttpsUrl | None = Field(None, description="the publisher's own page; none only with a `note` saying why")
    checked: datetime.date = Field(description="when someone last read it at its address")
    supports: Text = Field(description="exactly what the guide cites it for, and nothing else")
    note: Text | None = Field(None, description="why there is no address: where the source was read instead")

    @model_validator(mode="after")
    def _address_or_note(self) -> Source:
        if self.url is None and self.note is None:
            raise ValueError("a source needs its `url`, or a `note` saying why its publisher's own copy is not linked")
        return self


class SourcesFile(Model):
    checked: datetime.date = Field(description="when every source was last read at its address")
    next_check: datetime.date = Field(description="when every source is next due to be read again")
    sources: list[Source] = Field(min_length=1)

    @model_validator(mode="after")
    def _check_order(self) -> SourcesFile:
        if self.next_check <= self.checked:
            raise ValueError("next_check must come after checked")
        return self
