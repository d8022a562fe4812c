"""Who publishes a copy of the guide, how it looks, and the clinic's changes to the protocol
(the overlay), kept out of data/ so updates from upstream merge cleanly."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import (
    AssetPath,
    Colour,
    Email,
    HttpsUrl,
    KeyPath,
    Language,
    Locale,
    Model,
    Name,
    Phone,
    SiteUrl,
    Slug,
    Text,
)
from .dose import Dose
from .ladder import Stage
from .library import Exercise, RecoveryTool
from .review import ClinicalReview
from .routines import Routine
from .safety import Region
from .sources import Source


class Contact(Model):
    """How a patient reaches the clinic; every line is optional."""

    phone: Phone | None = None
    email: Email | None = None
    address: Text | None = None
    website: HttpsUrl | None = None
    booking: HttpsUrl | None = None
    hours: Text | None = None


class OverlayExercise(Exercise):
    """A clinic's own exercise: like any other, plus the key it belongs to."""

    key: Slug


class OverlayRoutine(Routine):
    """A clinic's own routine: like any other, in one of the protocols it publishes (by default
    the first)."""

    protocol: Slug | None = None


class FigureImage(Model):
    """A clinic's own picture of an exercise, in place of the drawn figure."""

    image: AssetPath
    alt: Text


class Overlay(Model):
    """A clinic's changes to the shipped protocol."""

    exercises: list[OverlayExercise] = []
    figures: dict[Slug, FigureImage] = {}
    recovery: list[RecoveryTool] = []
    routines: list[OverlayRoutine] = []
    doses: dict[Slug, Dose] = {}
    hide: list[Slug] = []  # exercises, tools, routines, or the back-to-running ladder (by its id)
    ladder_stages: list[Stage] | None = None  # the clinic's own run-walk stages, in place of the shipped ones


class Brand(Model):
    """Who publishes this copy of the guide, and how it looks."""

    id: Slug  # names this copy in prescribed plans, so a plan from another clinic is told apart
    name: Name
    short_name: Name | None = None
    logo: AssetPath | None = None
    favicon: AssetPath | None = None
    primary: Colour = "#1f5f8b"
    accent: Colour = "#b3541e"
    contact: Contact = Contact()
    disclaimer: Text | None = None
    red_flag_advice: Text | None = None
    region: Region | None = None  # the clinic's own emergency and urgent numbers and services
    sources: list[Source] = []  # sources the clinic's own content cites (its region's numbers)
    site_url: SiteUrl | None = None
    plan_key: KeyPath | None = None  # the public key that verifies plans signed by this clinic (`guide clinic-key`)
    page_size: Literal["A4", "Letter"] = "A4"
    protocols: list[Slug] | None = Field(
        None, min_length=1, description="the protocols this copy publishes (default: all)"
    )
    clinical_review: ClinicalReview | None = None  # the clinical lead's sign-off, when there is one
    languages: list[Language] | None = Field(
        None,
        min_length=1,
        description="the languages this copy publishes, the first at the site's root (default: all, data's first)",
    )
    # How dates, numbers and plurals are written, by language ("7 December 2026" en-GB, "December 7,
    # 2026" en-US); a language not named here uses its own file's locale (en-GB, es-ES).
    locales: dict[Language, Locale] = {}
    overlay: Overlay = Overlay()
