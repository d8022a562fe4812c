"""The words of the interactive parts of the guide (the flowchart and the calculator; later the
player, the log and plans), kept with the data so that no sentence is typed into a script and a
clinic or a translation changes them in one place. `{name}` marks a value the page fills in."""

from __future__ import annotations

from .common import Model, Short, Text, Title


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
    parts: PlanPartWords


class BmiWords(Model):
    result: Text  # "Your BMI is {bmi}: {band}."
    above: Text  # added when the BMI reaches the running threshold
    invalid: Text


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


class UiFile(Model):
    flowchart: FlowchartWords
    bmi: BmiWords
    offline: OfflineWords
    footer: FooterWords
