"""The session player's settings and words (data/player.yml): how long the lead-in and a side
switch last, how many counting beeps, and every sentence it shows or speaks. Doses, tempo and
rests come from the protocol, not from here."""

from __future__ import annotations

from pydantic import Field, PositiveInt

from .common import Model, Plural, Short, Text


class PlayerTiming(Model):
    lead_in_seconds: PositiveInt = Field(le=60, description="time to get into position before the first exercise")
    switch_seconds: PositiveInt = Field(le=60, description="time to change sides")
    countdown: PositiveInt = Field(le=10, description="the last seconds of a hold, rest or timer counted aloud")


class PlayerWords(Model):
    """Every sentence of the player. `{name}` is filled in by the page."""

    start: Short  # "Start this routine"
    title: Short  # "Doing: {routine}"
    overview: Text  # "{exercises}, about {minutes} in all."
    exercises: Plural  # "{count} exercises"
    minutes: Plural  # "{count} minutes"
    settings: Short
    voice: Short
    beeps: Short
    rep_mode: Short
    rep_mode_tempo: Short
    rep_mode_tap: Short
    first_side: Short
    left: Short
    right: Short
    begin: Short
    pause: Short
    resume: Short
    skip: Short
    back: Short
    end: Short
    close: Short
    set_of: Short  # "Set {set} of {sets}"
    side: Short  # "{side} leg"
    rep_count: Short  # "{rep} of {reps}"
    tap_hint: Text
    up: Short
    down: Short
    say_up: Short  # "{rep}, up": spoken at the start of each repetition
    say_lowering_up: Short  # "{rep}. {up}": the same for an exercise whose work is the lowering (its own words)
    hold: Short
    rest: Short
    switch: Short
    get_ready: Short
    next_up: Short  # "Next: {title}"
    run: Short
    walk: Short
    phase_on: Short  # a cycle's "on" spell (ice on)
    phase_off: Short  # a cycle's "off" spell
    timer_per: Short  # "{minutes} min {per}"
    done: Short
    ended_early: Text  # the check-in after a session stopped before its end: only what was done is saved
    paused: Short
    checkin_title: Short
    pain_question: Text  # "Pain during the session, {min} to {max}"
    easy_question: Text
    answer_yes: Short
    answer_no: Short
    save: Short
    saved: Text
    not_saved: Text  # "… ({reason}) …"
    reason_unavailable: Text  # {reason} when storage is refused (a private window)
    reason_quota: Text  # {reason} when storage is full
    reason_invalid: Text  # {reason} when the record fails its checks
    reason_failed: Text  # {reason} for any other storage error
    see_progress: Short
    pain_ok: Text
    pain_acceptable: Text
    pain_too_high: Text
    move_on_ready: Text
    warning_signs: Short
    no_wake_lock: Text
    no_voice: Text  # this device has no voice for the page's language: steps are shown, not read
    tempo_source: Short
    rest_source: Short


class PlayerFile(Model):
    timing: PlayerTiming
    words: PlayerWords
