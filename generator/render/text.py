"""How values become text: escaping for each context, and the one way each language build writes
numbers, dates and doses (`Writer`)."""

from __future__ import annotations

import datetime
import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from babel.dates import format_date
from markupsafe import Markup
from pydantic import BaseModel

from ..model import AnyDose, Guide, HoldDose, MinutesDose, MinutesRangeDose, RepsDose
from ..model.ui import DoseWords
from ..numbers import babel_locale, format_number

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


def json_file(value: object) -> str:
    """A page-data file the browser fetches (a routine's player data, the log widgets' file)."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


@dataclass(frozen=True)
class Writer:
    """How one language build writes values as text: numbers and dates in its locale (Babel,
    CLDR), doses in its words (ui.yml `dose`), plurals by its rules. Pages, cards, the PDF, the
    flowchart and the player's page data all write a dose through the same one."""

    words: DoseWords
    locale: str

    def number(self, value: float) -> str:
        return format_number(value, self.locale)

    def date(self, value: datetime.date) -> str:
        """25 November 2026 (en-GB), November 25, 2026 (en-US), 25 de noviembre de 2026 (es)."""
        return format_date(value, format="long", locale=babel_locale(self.locale))

    def plural(self, forms: Mapping[str, str] | BaseModel, count: float, shown: str | None = None) -> str:
        """The form for `count` by the language's plural rules, `{count}` filled with `shown` (a
        range, "10–15") or the count itself."""
        return plural(forms, count, self.locale, shown)

    def _span(self, low: float, high: float) -> str:
        return self.number(low) if low == high else f"{self.number(low)}\u2013{self.number(high)}"

    def dose_long(self, dose: AnyDose) -> str:
        """The dose as words, e.g. '3 sets of 20 repetitions'."""
        w = self.words
        if isinstance(dose, RepsDose):
            return fill(w.reps_long, {"sets": self.plural(w.sets, dose.sets), "reps": self.plural(w.reps, dose.reps)})
        if isinstance(dose, HoldDose):
            return fill(
                w.hold_long,
                {"seconds": self.plural(w.seconds, dose.seconds), "times": self.plural(w.times, dose.holds)},
            )
        if isinstance(dose, MinutesDose):
            return fill(w.minutes_long, {"minutes": self.plural(w.minutes, dose.minutes)})
        if isinstance(dose, MinutesRangeDose):
            span = self.plural(w.minutes, dose.minutes_max, self._span(dose.minutes_min, dose.minutes_max))
            return (
                fill(w.range_per, {"minutes": span, "per": dose.per})
                if dose.per
                else fill(w.minutes_long, {"minutes": span})
            )
        hours = self.plural(w.hours, dose.hours_max, self._span(dose.hours_min, dose.hours_max))
        return fill(
            w.cycle_long,
            {
                "on": self.plural(w.minutes, dose.minutes_on),
                "off": self.plural(w.minutes, dose.minutes_off),
                "hours": hours,
            },
        )

    def dose_short(self, dose: AnyDose) -> str:
        """The dose in large type on a card, e.g. '3 × 20'."""
        w = self.words
        if isinstance(dose, RepsDose):
            return fill(w.reps_short, {"sets": str(dose.sets), "reps": str(dose.reps)})
        if isinstance(dose, HoldDose):
            return fill(w.hold_short, {"holds": str(dose.holds), "seconds": str(dose.seconds)})
        if isinstance(dose, MinutesDose):
            return fill(w.minutes_short, {"minutes": str(dose.minutes)})
        if isinstance(dose, MinutesRangeDose):
            return fill(w.minutes_short, {"minutes": self._span(dose.minutes_min, dose.minutes_max)})
        return fill(w.cycle_short, {"on": str(dose.minutes_on), "off": str(dose.minutes_off)})


def writer(guide: Guide) -> Writer:
    """The writer of one guide's language build."""
    return Writer(guide.ui.dose, guide.edition.locale)


def fill(template: str, values: dict[str, str]) -> str:
    """A sentence from the data with its `{name}` slots filled (as shared/core/words.js does in the browser)."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: values.get(m.group(1), m.group(0)), template)


def plural(forms: Mapping[str, str] | BaseModel, count: float, language: str, shown: str | None = None) -> str:
    """The form of a word for a count, by the language's plural rules (CLDR, through Babel), with
    `{count}` filled in: `{"one": "once a day", "other": "{count} times a day"}`, 2 -> "2 times a day"."""
    given = forms.model_dump() if isinstance(forms, BaseModel) else dict(forms)
    category = babel_locale(language).plural_form(count)
    return fill(
        given.get(category) or given["other"], {"count": shown if shown is not None else format_number(count, language)}
    )
