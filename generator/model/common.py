"""The building blocks of every data model: the base class and the constrained kinds of value
(ids, texts, titles, colours, addresses) with the words an editor reads when one is wrong."""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    StringConstraints,
    model_serializer,
)

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
LANGUAGE = r"^[a-z]{2}(-[A-Z]{2})?$"
COLOUR = r"^#[0-9a-fA-F]{6}$"
WEB_URL = r"^https?://[^\s<>\"'`]+$"
EMAIL = r"^[^@\s<>\"'`]+@[^@\s<>\"'`]+\.[a-zA-Z]{2,}$"
PHONE = r"^\+?[0-9 ()-]{3,25}$"
# What each pattern means, in words an editor understands (pydantic would print the regex).
PATTERN_MESSAGES = {
    SLUG: "an id is lower-case letters and digits joined by single hyphens, like `single-leg-bridge`",
    LANGUAGE: "a language code like `en` or `en-GB`",
    COLOUR: 'a colour is written as # and six hex digits, like "#1f5f8b" (in quotes)',
    WEB_URL: "a web address starting with https:// (no spaces or quotes)",
    EMAIL: "an e-mail address like name@clinic.example",
    PHONE: "a phone number: digits, spaces, brackets and hyphens, with an optional leading +",
}

Slug = Annotated[str, StringConstraints(pattern=SLUG, max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000, strip_whitespace=True)]
Short = Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True)]
Language = Annotated[str, StringConstraints(pattern=LANGUAGE)]


def _title(value: str) -> str:
    """Titles and names also reach the theme's page titles, navigation and attributes, which
    MkDocs does not escape: refuse the few characters that could break out of them."""
    bad = sorted({ch for ch in value if ch in '<>"`'})
    if bad:
        raise ValueError(f'a title or name cannot contain {" ".join(bad)} (use curly quotes “ ” instead of ")')
    return value


Title = Annotated[str, StringConstraints(min_length=1, max_length=120, strip_whitespace=True), AfterValidator(_title)]


class SameInEveryLanguage:
    """Marks a string field that is text but never translated (read/translation.py): a person's
    or a clinic's name, the title of a cited document, a dotted name of a number."""


SAME_IN_EVERY_LANGUAGE = SameInEveryLanguage()
# A person's or a clinic's name: written as it is in every language.
Name = Annotated[Title, SAME_IN_EVERY_LANGUAGE]
# A BCP 47 language tag (RFC 5646 langtag: language, script, region, variants, extensions, private use).
_BCP47 = re.compile(
    r"(?:[A-Za-z]{2,3}(?:-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})"
    r"(?:-[A-Za-z]{4})?"
    r"(?:-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(?:-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*"
    r"(?:-[0-9A-WY-Za-wy-z](?:-[A-Za-z0-9]{2,8})+)*"
    r"(?:-[Xx](?:-[A-Za-z0-9]{1,8})+)?"
)


def _locale(value: str) -> str:
    """The locale dates, numbers and plurals are written in, as browsers' Intl reads it."""
    if len(value) > 35 or not _BCP47.fullmatch(value):
        raise ValueError("must be a BCP 47 language tag, for example en-GB, en-US or es-ES")
    return value


Locale = Annotated[str, AfterValidator(_locale)]
Cue = Annotated[str, StringConstraints(min_length=1, max_length=60, strip_whitespace=True)]
Number = Annotated[float, Field(ge=0, le=1000)]
Colour = Annotated[str, StringConstraints(pattern=COLOUR)]
WebUrl = Annotated[str, StringConstraints(pattern=WEB_URL, max_length=300)]


def _https(value: str, local_http: bool = False) -> str:
    """An address the guide may print or link: https (plain http only for a preview on this
    computer), a host, and no user name or password in it."""
    parts = urlsplit(value)
    local = parts.hostname in ("localhost", "127.0.0.1", "::1")
    if parts.scheme != "https" and not (local_http and local and parts.scheme == "http"):
        raise ValueError(
            "must start with https:// (a site address may use http:// only for localhost)"
            if local_http
            else "must start with https://"
        )
    if not parts.hostname or "@" in parts.netloc:
        raise ValueError("must name a host and hold no user name or password")
    return value


HttpsUrl = Annotated[str, StringConstraints(pattern=WEB_URL, max_length=300), AfterValidator(_https)]
SiteUrl = Annotated[
    str, StringConstraints(pattern=WEB_URL, max_length=300), AfterValidator(lambda v: _https(v, local_http=True))
]
Email = Annotated[str, StringConstraints(pattern=EMAIL, max_length=200)]
Phone = Annotated[str, StringConstraints(pattern=PHONE)]


def _asset_path(value: str) -> str:
    """A file in the brand's own folder: a plain relative path to an image."""
    parts = value.replace("\\", "/").split("/")
    if value.startswith("/") or ":" in value or ".." in parts:
        raise ValueError("must be a file inside the brand's own folder")
    if not re.fullmatch(r"[A-Za-z0-9_./-]+\.(svg|png|ico|webp|jpg|jpeg)", value):
        raise ValueError("must be an .svg, .png, .ico, .webp or .jpg file name (letters, digits, - _ . /)")
    return value


AssetPath = Annotated[str, StringConstraints(max_length=200), AfterValidator(_asset_path)]


def _key_path(value: str) -> str:
    """The clinic's public key for signed plans: a .json file in the brand's own folder."""
    parts = value.replace("\\", "/").split("/")
    if value.startswith("/") or ":" in value or ".." in parts or not re.fullmatch(r"[A-Za-z0-9_./-]+\.json", value):
        raise ValueError("must be a .json file inside the brand's own folder")
    return value


KeyPath = Annotated[str, StringConstraints(max_length=200), AfterValidator(_key_path)]


class Model(BaseModel):
    """Base for every data model: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Plural(Model):
    """A sentence that depends on a count, in each form the language needs: keyed by CLDR plural
    category (`one: "{done} day"`, `other: "{done} days"`), as the browser's Intl.PluralRules
    picks them. `other` is required: every language has it, and it is the form used for a
    category the words do not give."""

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
