"""Who publishes a copy of the guide, how it looks, and the clinic's changes to the protocol
(the overlay), kept out of data/ so updates from upstream merge cleanly."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import Field

from .common import AssetPath, Colour, Email, HttpsUrl, KeyPath, Locale, Model, Phone, Short, SiteUrl, Slug, Text, Title
from .dose import Dose
from .ladder import Stage
from .library import Exercise, RecoveryTool
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


class Registration(Model):
    """Where a clinician is registered, so a patient can check it (e.g. HCPC, PH123456)."""

    body: Short
    number: Short


class ClinicalReview(Model):
    """The named clinician who reviewed this copy of the guide before patients see it. Never
    filled in for someone who has not: without it, every page says plainly that no named clinician
    has reviewed the guide."""

    name: Title
    profession: Short
    registration: Registration
    reviewed_on: datetime.date
    edition: Short = Field(pattern=r"^[0-9A-Za-z.-]+$", description="the edition of the guide they reviewed")


class Brand(Model):
    """Who publishes this copy of the guide, and how it looks."""

    id: Slug  # names this copy in prescribed plans, so a plan from another clinic is told apart
    name: Title
    short_name: Title | None = None
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
    locale: Locale = "en-GB"  # how the browser writes dates, numbers and plurals ("7 December 2026")
    overlay: Overlay = Overlay()
