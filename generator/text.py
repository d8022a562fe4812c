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


def _count(value: int, one: str, many: str) -> str:
    """'1 set', '3 sets'."""
    return f"{value} {one if value == 1 else many}"


def _times(value: int) -> str:
    return {1: "once", 2: "twice"}.get(value, f"{value} times")


# For each dose shape: (the sentence on pages, the large type on cards).
DOSE_TEXT = {
    "reps": (lambda d: f"{_count(d.sets, 'set', 'sets')} of {_count(d.reps, 'repetition', 'repetitions')}",
             lambda d: f"{d.sets} \u00d7 {d.reps}"),
    "hold": (lambda d: f"hold for {_count(d.seconds, 'second', 'seconds')}, {_times(d.holds)}",
             lambda d: f"{d.holds} \u00d7 {d.seconds} s"),
    "minutes": (lambda d: f"{_count(d.minutes, 'minute', 'minutes')} at a time",
                lambda d: f"{d.minutes} min"),
    "minutes-range": (lambda d: f"{_range(d.minutes_min, d.minutes_max)} "
                                f"{'minute' if d.minutes_max == 1 else 'minutes'} for {d.per}",
                      lambda d: f"{_range(d.minutes_min, d.minutes_max)} min"),
    "cycle": (lambda d: f"{_count(d.minutes_on, 'minute', 'minutes')} on, {_count(d.minutes_off, 'minute', 'minutes')} off, "
                        f"for {_range(d.hours_min, d.hours_max)} {'hour' if d.hours_max == 1 else 'hours'}",
              lambda d: f"{d.minutes_on} on / {d.minutes_off} off"),
}


def dose_long(dose: Dose) -> str:
    """The dose as a sentence, e.g. '3 sets of 20 repetitions'."""
    return DOSE_TEXT[dose.shape][0](dose)


def dose_short(dose: Dose) -> str:
    """The dose in large type on a card, e.g. '3 × 20'."""
    return DOSE_TEXT[dose.shape][1](dose)


_COUNT_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def count_word(n: int) -> str:
    """3 -> 'three': counts in headings read better as words."""
    return _COUNT_WORDS[n] if 0 <= n < len(_COUNT_WORDS) else str(n)
