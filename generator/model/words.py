"""Words that depend on a count: one form per plural category of the language (CLDR), as the
browser's Intl.PluralRules and Babel pick them. `other` is always given."""

from __future__ import annotations

from pydantic import SerializerFunctionWrapHandler, model_serializer

from .common import Model, Text


class Plural(Model):
    """A sentence that depends on a count, in each form the language needs (`one: "once a day"`,
    `other: "{count} times a day"`); `other` is the form for a category the words do not give."""

    zero: Text | None = None
    one: Text | None = None
    two: Text | None = None
    few: Text | None = None
    many: Text | None = None
    other: Text

    @model_serializer(mode="wrap")
    def _given(self, handler: SerializerFunctionWrapHandler) -> dict[str, str]:
        """Only the forms given: page data carries no empty ones."""
        return {k: v for k, v in handler(self).items() if v is not None}
