"""How values become text: escaping for each context, and the one way doses are written."""

from __future__ import annotations

import datetime
import html
import json
import re
from collections.abc import Mapping
from functools import cache

from babel import Locale
from markupsafe import Markup
from pydantic import BaseModel

from ..model import AnyDose, CycleDose, HoldDose, MinutesDose, MinutesRangeDose, RepsDose
from ..numbers import format_number

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


def _hours(d: CycleDose) -> str:
    return f"{_range(d.hours_min, d.hours_max)} {'hour' if d.hours_max == 1 else 'hours'}"


def dose_long(dose: AnyDose) -> str:
    """The dose as a sentence, e.g. '3 sets of 20 repetitions'."""
    if isinstance(dose, RepsDose):
        return f"{_count(dose.sets, 'set', 'sets')} of {_count(dose.reps, 'repetition', 'repetitions')}"
    if isinstance(dose, HoldDose):
        return f"hold for {_count(dose.seconds, 'second', 'seconds')}, {_times(dose.holds)}"
    if isinstance(dose, MinutesDose):
        return f"{_count(dose.minutes, 'minute', 'minutes')} at a time"
    if isinstance(dose, MinutesRangeDose):
        unit = "minute" if dose.minutes_max == 1 else "minutes"
        span = f"{_range(dose.minutes_min, dose.minutes_max)} {unit}"
        return f"{span} for {dose.per}" if dose.per else f"{span} at a time"
    return (
        f"{_count(dose.minutes_on, 'minute', 'minutes')} on, {_count(dose.minutes_off, 'minute', 'minutes')} off, "
        f"for {_hours(dose)}"
    )


def dose_short(dose: AnyDose) -> str:
    """The dose in large type on a card, e.g. '3 × 20'."""
    if isinstance(dose, RepsDose):
        return f"{dose.sets} \u00d7 {dose.reps}"
    if isinstance(dose, HoldDose):
        return f"{dose.holds} \u00d7 {dose.seconds} s"
    if isinstance(dose, MinutesDose):
        return f"{dose.minutes} min"
    if isinstance(dose, MinutesRangeDose):
        return f"{_range(dose.minutes_min, dose.minutes_max)} min"
    return f"{dose.minutes_on} on / {dose.minutes_off} off"


_COUNT_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def count_word(n: int) -> str:
    """3 -> 'three': counts in headings read better as words."""
    return _COUNT_WORDS[n] if 0 <= n < len(_COUNT_WORDS) else str(n)


def long_date(value: datetime.date) -> str:
    """25 November 2026: dates as a reader writes them (English month names)."""
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def fill(template: str, values: dict[str, str]) -> str:
    """A sentence from the data with its `{name}` slots filled (as shared/core/words.js does in the browser)."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(language.replace("-", "_"))


def plural(forms: Mapping[str, str] | BaseModel, count: int, language: str) -> str:
    """The form of a word for a count, by the language's plural rules (CLDR, through Babel), with
    `{count}` filled in: `{"one": "once a day", "other": "{count} times a day"}`, 2 -> "2 times a day"."""
    given = forms.model_dump() if isinstance(forms, BaseModel) else dict(forms)
    category = _locale(language).plural_form(count)
    return fill(given.get(category) or given["other"], {"count": str(count)})
