"""The words of the interactive parts of the guide (the flowchart and the calculator; later the
player, the log and plans), kept with the data so that no sentence is typed into a script and a
clinic or a translation changes them in one place. `{name}` marks a value the page fills in."""

from __future__ import annotations

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
