"""The About page as data: what the guide is, where its advice comes from, privacy, and how to
use it. Later parts of the guide (offline use, the log, prescriptions) add their own sections."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .common import Model, Short, Text, Title

# The single pages an About section may link to (render/urls.py spells their addresses).
AboutPage = Literal[
    "home", "flowchart", "cards", "pain-rule", "clinician", "progress", "prescribe", "return-to-running", "my-plan"
]


class AboutLink(Model):
    text: Short
    page: AboutPage


class AboutSection(Model):
    heading: Title
    paragraphs: list[Text] = Field(min_length=1)
    links: list[AboutLink] = []


class AboutFile(Model):
    title: Title
    intro: Text
    sections: list[AboutSection] = Field(min_length=1)
    sources_heading: Title
    sources_intro: Text
    reviewed: Text  # "{reviewed}" and "{next_review}" are filled in from data/sources.yml
