"""The words of the interactive parts of the guide (the flowchart and the calculator; later the
player, the log and plans), kept with the data so that no sentence is typed into a script and a
clinic or a translation changes them in one place. `{name}` marks a value the page fills in."""

from __future__ import annotations

from pydantic import Field

from .common import Model, Plural, Short, Text, Title


class PlanPartWords(Model):
    """Headings of the parts of a plan."""

    keys: Short
    routines: Short
    exercises: Short
    recovery: Short
    ladder: Short


class FlowchartWords(Model):
    progress: Short  # "Question {n} of up to {total}"
    announce: Short  # what a screen reader hears on a new question: "Question {n}: {question}"
    proceed: Short
    back: Short
    start_over: Short
    plan_intro: Text
    good_to_know: Short
    print_plan: Short
    how_often: Short
    while_waiting: Short  # the heading of what a see-someone-soon result gives to use until then
    where: Short  # "Where does it hurt?": asked first when the library has several protocols
    where_help: Text
    parts: PlanPartWords


class OfflineWords(Model):
    """The words of offline use: the update notice on every page, and the offline page."""

    update_ready: Text
    update_reload: Short
    update_later: Short
    updated_elsewhere: Text  # another tab took the new version: this page must reload before it loads more
    log_upgraded: Text  # another tab upgraded the log's database: this page must reload to use it
    page_title: Title
    page_text: Text
    page_links: Short
    retry: Short  # a link back to the page that could not be opened, once there is a connection


class FooterWords(Model):
    prescribe: Short  # the footer's link to the plan builder, for clinicians


class HomeWords(Model):
    """The library's home page: where it hurts, and a guide for each answer."""

    before_you_start: Short
    open: Short  # "Read the guide", before a protocol's title
    cards: Short
    stay_safe: Title


class PageWords(Model):
    section: Title  # "{page}: {protocol}": a protocol's part of a page of the whole guide


class CardsWords(Model):
    download_protocol: Short  # the link to one protocol's cards PDF, where the library has several


class PainWords(Model):
    """The "How much pain is OK" page's headings and table."""

    exercising: Title
    score: Short
    means: Short
    what_to_do: Short
    running: Title
    worse: Title


class ClinicianWords(Model):
    """The "When to see a clinician" page's own sentences."""

    intro: Text
    worse: Title
    book: Short  # "Book an appointment with", before the clinic's name


class NavWords(Model):
    """The navigation's sections, and the names of the pages of which the guide has one."""

    home: Title
    flowchart: Title
    progress: Title
    cards: Title
    pain_rule: Title
    clinician: Title
    prescribe: Title
    my_plan: Title
    overview: Title  # a protocol's own page, first in its section
    keys: Title
    routines: Title
    strength: Title
    stretches: Title
    recovery: Title
    level: Title  # "Level {level}"
    range: Title  # "{first} to {last}": a long section split into groups
    clinicians: Title


class ExerciseWords(Model):
    """An exercise's page and card, and a routine's schedule."""

    works_on: Short
    you_need: Short
    how: Title
    remember: Title
    pace: Title
    tempo: Text  # "Take about {up} seconds to lift and about {down} seconds to lower."
    rest: Text  # "Rest for {min} to {max} seconds between sets."
    lowering: Text  # "{up} in about {up_s} seconds, then {down_lower} over about {down_s} seconds."
    lowering_card: Short  # "{up} · {down}: {down_s} s down"
    load: Title
    pain: Title
    variants: Title
    mistakes: Title
    where: Title
    part_of: Short
    level: Short  # "level {level}"
    in_routine: Short
    schedule_times: Plural  # "{count} times a day"
    schedule_days: Plural  # "{count} days a week"
    schedule_weeks: Plural  # "for {count} weeks"


class DoseWords(Model):
    """How a dose is written (render/text.py `Writer`): each unit with its plural forms, and the
    sentences and short forms that put them together. `{count}` is the number, or a range."""

    sets: Plural
    reps: Plural
    seconds: Plural
    minutes: Plural
    hours: Plural
    times: Plural  # how many holds: "once", "{count} times"
    reps_long: Short  # "{sets} of {reps}"
    hold_long: Short  # "hold for {seconds}, {times}"
    minutes_long: Short  # "{minutes} at a time"
    range_per: Short  # "{minutes} for {per}"
    cycle_long: Short  # "{on} on, {off} off, for {hours}"
    reps_short: Short  # "{sets} × {reps}"
    hold_short: Short  # "{holds} × {seconds} s"
    minutes_short: Short  # "{minutes} min"
    cycle_short: Short  # "{on} on / {off} off"


class ContactWords(Model):
    phone: Short
    email: Short
    website: Short
    booking: Short
    address: Short
    hours: Short


class CardWords(Model):
    """A routine card (its page, the cards page and the PDF) and the back-to-running card."""

    how_often: Short  # "How often:"
    entry: Short  # "When to start:" a routine that is a stage of a programme (its `entry`)
    moving_on: Short  # "Moving on:"
    when_dose_easy: Text  # "When {dose} feels easy ({when})"
    when_easy: Text  # "When this feels easy ({when})"
    when: Text  # "When {when}"
    move_on_to: Text  # "{start}, move on to {next}."
    then: Text  # "{start}, {then}."
    done: Text  # "{start}."
    rest: Short  # "Rest {min}–{max} s between sets"
    ticks: Short
    stay_safe: Short
    scan: Short
    qr: Short  # the QR code's text alternative: "QR code: {title}"
    contact: ContactWords
    pdf_title: Short  # "Routine cards: {about} ({brand})"
    ladder_start: Short  # "Start when:"
    ladder_ticks: Short
    runs_done: Short
    ladder_scan: Short


class CardsPageWords(Model):
    intro: Text
    print_all: Short
    download_all: Short


class RoutinePageWords(Model):
    print: Short
    pdf: Short
    each: Title


class FlowchartPageWords(Model):
    """The "Find your plan" page around the widget, and its outline for readers without scripts."""

    intro: Text
    outline_intro: Text
    worse: Short  # "If it gets worse:"
    go_to: Short  # "{answer}: go to" a step
    adds: Short  # "Adds to your plan:"
    option_adds: Short  # "{option}: adds to your plan:"
    then_go_to: Short
    always: Short  # "Always in your plan:"


class KeyPageWords(Model):
    why: Title
    what: Title
    mistakes: Title
    exercises: Title


class ProtocolPageWords(Model):
    not_for_intro: Short  # "If any of these apply to you:"
    keys_heading: Plural  # "The {count} keys at a glance", the count in words
    count_words: list[Short] = Field(min_length=1)  # "no", "one", "two", …: counts in headings, from zero
    warning_sign: Text  # "If you notice any warning sign, stop and read this page:"


class RecoveryPageWords(Model):
    when: Title
    how: Title
    care: Title
    stop: Title


class BmiWords(Model):
    """The BMI table and calculator form (their results' words are each protocol's weight.yml)."""

    bands_heading: Title
    bmi: Short
    band: Short
    range_between: Short  # "{from} to under {below}"
    range_below: Short  # "under {below}"
    range_from: Short  # "{from} or more"
    heading: Title
    privacy: Text
    units: Short
    metric: Short
    imperial: Short
    cm: Short
    kg: Short
    ft: Short
    inches: Short
    st: Short
    lb: Short
    submit: Short
    limits: Title
    alternatives: Title


class CommonWords(Model):
    """Words on many pages."""

    note: Short  # "Please note:", before the disclaimer at the foot of a page
    disclaimer: Short  # what a screen reader calls that part of the page
    source: Plural  # "Source", "Sources", before a citation
    dark_mode: Short  # the header's palette toggle, in the light scheme: "Switch to dark mode"
    light_mode: Short  # and in the dark scheme: "Switch to light mode"
    not_found: Short  # the heading of the page for an address that does not exist
    not_found_text: Text  # what it says, before a link to the home page


class LanguageWords(Model):
    """What pages in a translation say about it."""

    untranslated: Text  # on a page with words not translated yet
    not_reviewed: Text  # on every page of a translation no clinician has checked
    translated_by: Text  # "Translation: {by} ({date})."
    reviewed: Text  # "Translation checked by {name}, {profession} ({body} {number}), on {date}."
    other_language: Short  # "This page in {language}": the link to a plan in the reader's language


class UiFile(Model):
    flowchart: FlowchartWords
    offline: OfflineWords
    footer: FooterWords
    home: HomeWords
    cards: CardsWords
    pain: PainWords
    clinician: ClinicianWords
    nav: NavWords
    exercise: ExerciseWords
    pages: PageWords
    dose: DoseWords
    card: CardWords
    cards_page: CardsPageWords
    routine_page: RoutinePageWords
    flowchart_page: FlowchartPageWords
    key_page: KeyPageWords
    protocol_page: ProtocolPageWords
    recovery_page: RecoveryPageWords
    bmi: BmiWords
    common: CommonWords
    language: LanguageWords
