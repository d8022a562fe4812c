"""The progress page and the log on the device (data/progress.yml): how the protocol's rules are
applied to the log (how many easy sessions before moving on, how many painful ones in a row
before easing off), what the page shows, reminders, and every sentence of it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, PositiveInt

from .common import Model, Plural, Short, Text
from .sources import SourceRefs


class LogRules(Model):
    move_on_sessions: PositiveInt = Field(le=10, description="sessions in a row, all easy and within the pain rule")
    move_on_source: SourceRefs
    ease_off_in_a_row: PositiveInt = Field(le=10, description="painful sessions (or worse mornings) in a row")
    ease_off_source: SourceRefs
    week_starts: Literal["monday", "sunday"]
    calendar_weeks: PositiveInt = Field(le=26)
    summary_weeks: PositiveInt = Field(le=52)
    average_of: PositiveInt = Field(le=10, description="sessions averaged for the first and latest pain")
    table_sessions: PositiveInt = Field(le=40, description="latest sessions in the pain chart and table")


class Reminders(Model):
    default_time: str = Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    alarm_minutes: int = Field(ge=0, le=120)
    event_minutes: PositiveInt = Field(le=240, description="how long each reminder lasts in the calendar")


class ProgressWords(Model):
    """Every sentence of the log: the progress page, "I did this routine today", the morning
    check-in. `{name}` is filled in by the page."""

    intro: Text
    privacy: Text
    no_script: Text
    summary_title: Short
    empty: Text
    this_week: Short
    week_count: Plural  # "{done} of {target} days", by target
    week_count_open: Plural  # "{done} days" (no target), by done
    calendar: Short
    calendar_caption: Text
    pain_chart: Short
    pain_chart_caption: Text
    pain_during: Short
    pain_morning: Short
    table_date: Short
    table_routine: Short
    table_pain: Short
    table_easy: Short
    table_morning: Short
    table_morning_pain: Short
    summary_line: Text  # "You have done {routine} {times} in the last {weeks}."
    summary_times: Plural  # {times} above: "once", "{count} times"
    summary_weeks: Plural  # {weeks} above: "week", "{count} weeks"
    summary_pain_down: Text  # "Pain has come down from {first} to {latest}."
    summary_pain_up: Text
    summary_pain_same: Text
    move_on: Text  # "Ready for {next}?"
    move_on_open: Short
    ease_off: Text
    ease_off_run: Text  # the same after runs: step back a stage
    warning_signs: Short
    plan_title: Short
    plan_from: Short  # "From {clinician}"
    plan_review: Short  # "Review on {date}"
    plan_often: Plural  # "{days} days a week", by days
    plan_verified: Text  # a kept plan signed by this clinic: "From {clinic} (verified)"
    plan_not_verified: Text  # a kept plan that is unsigned, or came from an imported file
    plan_open: Short
    dose_reps: Short  # "{sets} × {reps}"
    dose_hold: Plural  # "{holds} × {seconds} seconds", by seconds
    dose_minutes: Plural  # "{minutes} minutes", by minutes
    did_it_today: Short
    did_it_pain: Text
    did_it_easy: Text
    did_it_save: Short
    saved: Text
    not_saved: Text
    see_progress: Short
    checkin_question: Text  # "Is {part} worse than usual this morning?"
    checkin_pain: Text
    checkin_answer: Short
    checkin_later: Short
    take_it: Short
    print_summary: Short
    export_json: Short
    export_csv: Short
    share: Short
    share_title: Short
    file_name: Short = Field(pattern=r"^[A-Za-z0-9_{}-]+$")  # "exercise-log-{date}", no extension
    import_title: Short
    import_button: Short
    imported: Text  # "{added} added, {kept} already here."
    import_refused: Text  # "This file was not imported: {reason}. Your log is unchanged."
    delete_all: Short
    delete_confirm: Text
    delete_yes: Short
    delete_cancel: Short
    deleted: Text
    reminders: Short
    reminders_intro: Text
    reminders_routines: Short
    reminders_days: Short
    reminders_time: Short
    reminders_download: Short
    reminders_pick: Text
    reminders_file: Short = Field(pattern=r"^[A-Za-z0-9_-]+$")  # no extension
    storage_unavailable: Text
    storage_full: Text
    storage_failed: Text  # the reason in not_saved when the browser's storage fails
    storage_unreadable: Text
    storage_corrupt: Plural  # "{count} saved records could not be read and were left out.", by count
    persist_denied: Text
    answer_yes: Short
    answer_no: Short
    side_left: Short
    side_right: Short
    weekdays: list[Short] = Field(min_length=7, max_length=7)  # Monday first
    weekdays_short: list[Short] = Field(min_length=7, max_length=7)  # Monday first
    errors: dict[str, Text]  # import refusal reasons by code
    csv: dict[str, Short]  # CSV column headings by field


class ProgressFile(Model):
    rules: LogRules
    reminders: Reminders
    words: ProgressWords
