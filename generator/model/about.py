"""The About page as data: what the guide is, where its advice comes from, privacy, and how to
use it. Later parts of the guide (offline use, the log, prescriptions) add their own sections."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Model, Short, Text, Title

# The pages of which the guide has one, by kind, that data may name (an About section's links, a
# hazard's controls). urls.py spells their addresses; tests/test_urls.py keeps the two in step.
SinglePage = Literal[
    "home",
    "flowchart",
    "cards",
    "pain-rule",
    "clinician",
    "progress",
    "prescribe",
    "return-to-running",
    "my-plan",
    "about",
    "scope",
    "hazards",
]


class AboutLink(Model):
    text: Short
    page: SinglePage


class AboutSection(Model):
    heading: Title
    paragraphs: list[Text] = Field(min_length=1)
    links: list[AboutLink] = []


class ReviewWords(Model):
    """How the guide says who reviewed it clinically: a clinic's named clinical lead (brand.yml
    `clinical_review`), or plainly that no named clinician has."""

    heading: Title
    by: Text  # "{name}, {profession} ({body} registration {number}), on {date}, for edition {edition}"
    none: Text
    older: Text  # when the guide's edition is newer than the one reviewed: "{edition}"
    short_by: Short  # on cards and printed plans: "{name}, {profession}, on {date}"
    short_none: Short


class AboutFile(Model):
    title: Title
    intro: Text
    sections: list[AboutSection] = Field(min_length=1)
    sources_heading: Title
    sources_intro: Text
    sources_checked: Text  # "{checked}" and "{next_check}" are filled in from data/sources.yml
    source_checked: Short  # "Checked on {date}.", after each source
    review: ReviewWords
