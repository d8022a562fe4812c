"""How values become text: escaping for each context, and the one way doses are written."""
from __future__ import annotations

import html
import json
import re

from markupsafe import Markup

from .models import Dose
from .placeholders import format_number

# Characters Python-Markdown treats as syntax and accepts a backslash escape for.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def md(value: object) -> Markup:
    """Plain text safe inside Markdown: no HTML, no links, no emphasis, no attribute lists."""
    if isinstance(value, Markup):
        return value
    escaped = html.escape(_MD_SPECIAL.sub(r"\\\1", str(value)), quote=False)
    return Markup(escaped.replace("|", "&#124;"))


def attr(value: object) -> Markup:
    """Text safe inside an HTML attribute or element (quotes escaped too)."""
    return Markup(html.escape(str(value), quote=True))


def json_attr(value: object) -> Markup:
    """JSON for a data-* attribute. Not a <script> element: Material's instant navigation re-creates
    scripts without their type, which would run JSON as JavaScript."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(html.escape(text, quote=True))


def _range(low: int, high: int) -> str:
    return format_number(low) if low == high else f"{low}\u2013{high}"


def dose_long(dose: Dose) -> str:
    """The dose as a sentence, e.g. '3 sets of 20 repetitions'."""
    shape = dose.shape
    if shape == "reps":
        return f"{dose.sets} sets of {dose.reps} repetitions"
    if shape == "hold":
        return f"hold for {dose.seconds} seconds, {dose.holds} times"
    if shape == "minutes":
        return f"{dose.minutes} minutes at a time"
    if shape == "minutes-range":
        return f"{_range(dose.minutes_min, dose.minutes_max)} minutes for {dose.per}"
    return (f"{dose.minutes_on} minutes on, {dose.minutes_off} minutes off, "
            f"for {_range(dose.hours_min, dose.hours_max)} hours")


def dose_short(dose: Dose) -> str:
    """The dose in large type on a card, e.g. '3 × 20'."""
    shape = dose.shape
    if shape == "reps":
        return f"{dose.sets} \u00d7 {dose.reps}"
    if shape == "hold":
        return f"{dose.holds} \u00d7 {dose.seconds} s"
    if shape == "minutes":
        return f"{dose.minutes} min"
    if shape == "minutes-range":
        return f"{_range(dose.minutes_min, dose.minutes_max)} min"
    return f"{dose.minutes_on} on / {dose.minutes_off} off"


_COUNT_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def count_word(n: int) -> str:
    """3 -> 'three': counts in headings read better as words."""
    return _COUNT_WORDS[n] if 0 <= n < len(_COUNT_WORDS) else str(n)
