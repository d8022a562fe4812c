"""How a number from the data is written in text: one rule for prose, pages, cards and the PDF, in
the locale of the language being built (18.5 in English, 18,5 in Spanish), by CLDR's rules (Babel)."""

from __future__ import annotations

from functools import cache

from babel import Locale
from babel.numbers import format_decimal


@cache
def babel_locale(tag: str) -> Locale:
    """CLDR's data for a BCP 47 tag: the tag itself, else its longest prefix CLDR knows
    ("en-GB-x-clinic" -> en_GB), as the browser's Intl falls back."""
    parts = tag.replace("_", "-").split("-")
    while parts:
        try:
            return Locale.parse("-".join(parts), sep="-")
        except (ValueError, LookupError):
            parts.pop()
    return Locale("en")


def format_number(value: float, locale: str | None = None) -> str:
    """25.0 -> '25', 18.5 -> '18.5' (or '18,5' in a locale that writes a decimal comma)."""
    if float(value).is_integer():
        return str(int(value))
    if locale is None:
        return f"{value:g}"
    return format_decimal(value, format="0.###", locale=babel_locale(locale))
