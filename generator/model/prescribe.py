"""Prescribed plans (data/prescribe.yml): the limits a clinician's numbers must stay within on the
plan builder and when a patient opens a link (anyone can forge a link), the size limits of a link,
and every sentence of the builder and of the patient's plan page."""

from __future__ import annotations

from pydantic import Field, PositiveInt, model_validator

from .common import Model, Plural, Short, Text


class Bound(Model):
    min: int = Field(ge=0, le=1000)
    max: int = Field(ge=1, le=1000)

    @model_validator(mode="after")
    def _ordered(self) -> Bound:
        if self.min > self.max:
            raise ValueError("min is larger than max")
        return self


class DoseBounds(Model):
    """What a clinician may set for each kind of dose. These are input limits, not advice: the
    default for an item is always the protocol's own dose."""

    sets: Bound
    reps: Bound
    holds: Bound
    seconds: Bound
    minutes: Bound


class PlanLimits(Model):
    clinician_chars: PositiveInt = Field(le=200)
    note_chars: PositiveInt = Field(le=2000)
    items: PositiveInt = Field(le=30)
    link_chars: PositiveInt = Field(le=20000, description="longest plan link accepted, before decoding")
    plan_bytes: PositiveInt = Field(le=100000, description="largest plan accepted, once decoded")


class PlanDefaults(Model):
    """What a new plan starts with, before the clinician changes it."""

    days_per_week: int = Field(ge=1, le=7)
    review_weeks: int = Field(ge=1, le=52, description="the review date, in weeks after the start date")


class GroupWords(Model):
    """Headings of the builder's library."""

    strength: Short
    stretch: Short
    recovery: Short
    routine: Short
    stage: Short


class DoseWords(Model):
    """Labels of a dose's numbers in the builder, and each dose shape written short ("3 × 20") as
    render/text.py `dose_short` writes it on pages and cards."""

    sets: Short
    reps: Short
    holds: Short
    seconds: Short
    minutes: Short
    short_reps: Short  # "{sets} × {reps}"
    short_hold: Short  # "{holds} × {seconds} s"
    short_minutes: Short  # "{minutes} min"


class StorageWords(Model):
    """Why something could not be kept on the device, by log/store.js StorageError code."""

    unavailable: Text
    quota: Text
    invalid: Text
    failed: Text


class PrescribeWords(Model):
    """Sentences of the plan builder (/prescribe/) and the patient's plan (/my-plan/)."""

    builder_intro: Text
    builder_privacy: Text
    no_script: Text
    plan_no_script: Text  # the patient's page without JavaScript
    library: Short
    add: Short
    remove: Short
    move_up: Short
    move_down: Short
    your_plan: Short
    empty_plan: Text
    how_often: Short
    days_per_week: Short
    start: Short
    review: Short
    clinician: Short
    note: Short
    note_hint: Text
    make_link: Short
    link: Short
    copy_link: Short
    copied: Short
    qr_caption: Text
    print_plan: Short
    key_title: Short
    key_intro: Text
    key_load: Short
    key_loaded: Text
    key_forget: Short
    key_none: Text
    key_bad: Text
    unsigned_note: Text
    key_site_none: Text
    key_forgotten: Text
    key_not_kept: Text
    groups: GroupWords
    doses: DoseWords
    add_item: Short  # "Add {title}"
    added: Plural  # "Added {title}: {count} of at most {max} items.", by max
    removed: Text  # "Removed {title}."
    moved: Text  # "{title} is now number {position}."
    plan_full: Plural  # "A plan holds at most {max} items.", by max
    guide_dose: Short
    out_of_range: Text  # "Choose a whole number from {min} to {max}."
    fix_first: Text
    link_ready: Text
    copy_failed: Text
    qr_label: Short
    qr_too_long: Text
    no_compression: Text
    plan_title: Short
    from_verified: Text  # "From {clinic} (verified)"
    not_verified: Text
    prescribed_by: Text  # "Prescribed by {clinician} on {start}"
    review_on: Text
    note_heading: Short
    items_heading: Short
    often_line: Plural  # "{days} days a week", by days
    start_player: Short
    keep: Short
    kept: Text
    not_kept: Text
    calendar: Short
    not_in_guide: Text
    starts_on: Text  # "Start: {start}"
    player_failed: Text
    calendar_failed: Text
    storage: StorageWords
    refused: Text  # "This link cannot be shown: {reason}."
    errors: dict[str, Text]
    problems: dict[str, Text]


class PrescribeFile(Model):
    bounds: DoseBounds
    limits: PlanLimits
    defaults: PlanDefaults
    words: PrescribeWords
