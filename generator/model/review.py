"""A clinician's sign-off: of a clinic's copy of the guide (brand.yml `clinical_review`), or of a
translation (data/translations/<code>/language.yml `review`)."""

from __future__ import annotations

import datetime
from typing import Annotated

from pydantic import Field

from .common import SAME_IN_EVERY_LANGUAGE, Model, Name, Short


class Registration(Model):
    """Where a clinician is registered, so a patient can check it (e.g. HCPC, PH123456)."""

    body: Annotated[Short, SAME_IN_EVERY_LANGUAGE]
    number: Annotated[Short, SAME_IN_EVERY_LANGUAGE]


class ClinicalReview(Model):
    """The named clinician who reviewed this copy of the guide before patients see it. Never
    filled in for someone who has not: without it, every page says plainly that no named clinician
    has reviewed the guide."""

    name: Name
    profession: Short
    registration: Registration
    reviewed_on: datetime.date
    edition: Short = Field(pattern=r"^[0-9A-Za-z.-]+$", description="the edition of the guide they reviewed")
