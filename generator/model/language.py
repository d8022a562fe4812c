"""Languages: the one the data is written in (data/site.yml `language`), each translation's own
file (data/translations/<code>/language.yml: its name, locale, who translated it and whether a
clinician has checked it), and what one language build of a copy knows about the others."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .common import Language, Locale, Model, Name, Text
from .review import ClinicalReview


class SourceLanguage(Model):
    """The language the data is written in."""

    code: Language
    name: Name  # in its own language, for the language menu: "English"
    locale: Locale  # how dates and numbers are written unless a clinic sets its own: en-GB


class LanguageFile(Model):
    """data/translations/<code>/language.yml: one translation of the whole library."""

    name: Name  # in its own language, for the language menu: "Español"
    locale: Locale  # es-ES
    translated_by: Text  # who translated it and how, plainly: a reader may ask
    translated_on: datetime.date
    # The clinician who read the whole translation against the English: never filled in for one who
    # has not. Until then, every page in this language says no clinician has checked it.
    review: ClinicalReview | None = None


@dataclass(frozen=True)
class Published:
    """One language a copy of the guide publishes."""

    code: str
    name: str
    locale: str
    prefix: str  # where it lives, from the site's root: "" for the default language, "es/" for others


@dataclass(frozen=True)
class Edition:
    """What one language build knows: its own language, every language the copy publishes (the
    first is the default, at the root), and its translation (None for the data's own language)."""

    language: Published
    languages: tuple[Published, ...]
    translation: LanguageFile | None = None

    @property
    def code(self) -> str:
        return self.language.code

    @property
    def locale(self) -> str:
        return self.language.locale

    @property
    def prefix(self) -> str:
        return self.language.prefix
