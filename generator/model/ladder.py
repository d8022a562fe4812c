"""Back to running (data/ladder.yml): when to start, the self-tests, the run-walk stages and the
rules for moving up or stepping back. The player runs a stage as a run-walk timer; the progress
page applies the rules to the runs logged; the cards and the plan builder show the stages."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import Field, PositiveInt, model_validator

from .common import Cue, Model, Short, Slug, Text, Title
from .sources import SourceRefs


class Entry(Model):
    walk_minutes: PositiveInt = Field(le=240)
    text: Text
    source: SourceRefs


class SelfTest(Model):
    id: Slug
    title: Title
    short: Cue  # its name on the card, where space is tight
    count: PositiveInt = Field(le=200)
    unit: Literal["repetitions", "seconds", "minutes"]
    each_side: bool
    if_painful: Slug | None = Field(
        None,
        description="a warning sign a painful result may mean (pain on hopping: bone stress), shown under the test",
    )


class BeforeYouStart(Model):
    """Something that sends a runner to a clinician before the ladder (recently had a baby)."""

    text: Text
    card: Text  # the same, short, for the card
    source: SourceRefs


class SelfTests(Model):
    intro: Text
    source: SourceRefs
    tests: list[SelfTest] = Field(min_length=1, max_length=20)


class SessionShape(Model):
    """What every run-walk session starts and ends with."""

    warm_up_walk_minutes: int = Field(ge=0, le=30)
    cool_down_walk_minutes: int = Field(ge=0, le=30)
    source: SourceRefs


class Stage(Model):
    """One rung: run and walk in turns, a number of times (walk 0 and one repeat: continuous)."""

    id: Slug
    title: Title
    run_minutes: PositiveInt = Field(le=120)
    walk_minutes: int = Field(ge=0, le=30)
    repeats: PositiveInt = Field(le=60)
    session_minutes: PositiveInt = Field(le=180, description="how long the run-walk part lasts at most")
    note: Text | None = None
    source: SourceRefs

    @model_validator(mode="after")
    def _fits_its_session(self) -> Stage:
        if self.walk_minutes == 0 and self.repeats != 1:
            raise ValueError("a stage without walking is one continuous run: repeats must be 1")
        total = self.repeats * (self.run_minutes + self.walk_minutes)
        if total > self.session_minutes:
            raise ValueError(
                f"{self.repeats} × ({self.run_minutes} + {self.walk_minutes}) minutes is {total}, "
                f"longer than its session of {self.session_minutes} minutes"
            )
        return self

    @property
    def run_total(self) -> int:
        return self.repeats * self.run_minutes


class LadderRules(Model):
    start_stage: Slug
    runs_to_move_up: PositiveInt = Field(le=10)
    days_at_a_stage: PositiveInt = Field(le=28, description="never two stages within this many days")
    rest_days_between_runs: int = Field(ge=0, le=7)
    bad_runs_to_see_physio: PositiveInt = Field(
        le=10,
        description="runs at one stage that hurt too much or left a worse morning before seeing a physiotherapist",
    )
    weeks_without_progress: PositiveInt = Field(
        le=52, description="weeks without reaching a higher stage before seeing one"
    )
    text: list[Text] = Field(min_length=1)
    source: SourceRefs


class After(Model):
    increase_percent: PositiveInt = Field(le=50)
    text: Text
    source: SourceRefs


# Why the rules chose the next run (generator/ladder.py and ladder/core/ladder.js give one of these).
LadderReason = Literal["no-runs", "more-runs", "too-soon", "ready", "pain-too-high", "worse-next-morning", "last-stage"]
# Why the rules say to see a physiotherapist (generator/ladder.py `see_physio`, ladder/core/ladder.js `seePhysio`).
SeePhysioReason = Literal["stepped-back-twice", "no-progress"]


class LadderWords(Model):
    """Sentences of the page's script: starting a stage and what the log says comes next."""

    start_stage: Short  # "Start {stage}"
    minutes_short: Short  # "{minutes} min": a length in the stage table and on the card
    no_walk: Short  # the walk of a stage that is all running, in the stage table
    no_walk_card: Short  # the same, on the card (a narrower column)
    session_page: Text  # "Each session starts with a {warm_up}-minute walk ... {cool_down}-minute walk ..."
    session_card: Text  # the same, shorter, for the card
    test_units: dict[Literal["repetitions", "seconds", "minutes"], tuple[Short, Short]]  # one, many: "{count} time"
    each_leg: Short  # "{amount}, each leg"
    next_start: Text  # "Start with {stage}."
    next_up: Text  # "Move up to {stage} for your next run."
    next_stay: Text  # "Stay at {stage} for your next run."
    next_back: Text  # "Step back to {stage} for your next run."
    rest_until: Text  # "Rest first: your next run is on {day}."
    reasons: dict[LadderReason, Text]
    see_physio: dict[SeePhysioReason, Text]  # "{weeks}" is filled in
    who_heading: Title
    ready_heading: Title
    stages_heading: Title
    rules_heading: Title
    after_heading: Title
    stay_safe: Short
    print_card: Short
    stage: Short  # the stage table's columns
    run: Short
    walk: Short
    times: Short
    whole_session: Short
    before_you_start: Short  # the heading of each reason to see a clinician before starting
    if_painful: Short  # "If this hurts:", before the warning sign a painful self-test may mean
    warning_signs: Short  # the link to the warning signs page
    self_tests_card: Text  # "Self-tests before you start, … {running_max} out of {scale_max} at most:", on the card
    running_limit: Short  # "Running limit: {running_max} out of {scale_max}"
    self_test_warning_card: Text  # on the card, after a test whose pain is a warning sign of its own
    no_log: Text
    other_stages: Short  # a list of every stage, for a runner told to run a different one
    choose_protocol: Short  # with several protocols: which one's running limit the runner follows

    @model_validator(mode="after")
    def _every_reason(self) -> LadderWords:
        missing = sorted(set(get_args(LadderReason)) - set(self.reasons))
        if missing:
            raise ValueError(f"reasons: say why for {', '.join(missing)}")
        missing = sorted(set(get_args(SeePhysioReason)) - set(self.see_physio))
        if missing:
            raise ValueError(f"see_physio: say why for {', '.join(missing)}")
        return self


class LadderEntryFile(Model):
    """When a protocol's runner may start the ladder (data/protocols/<id>/ladder.yml)."""

    who: list[Text] = Field(min_length=1)
    before_you_start: list[BeforeYouStart] = []
    entry: Entry
    self_tests: SelfTests


class LadderFile(Model):
    """The back-to-running ladder every protocol shares (data/ladder.yml): its stages, rules and
    words. Runs are judged by the running limit of the runner's protocol."""

    id: Slug
    title: Title
    summary: Text
    session: SessionShape
    stages: list[Stage] = Field(min_length=1, max_length=30)
    rules: LadderRules
    after: After
    card_ticks: PositiveInt = Field(4, le=8, description="tick boxes per stage on the printed card")
    words: LadderWords
