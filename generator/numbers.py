"""How a number from the data is written in text: one rule for prose, pages, cards and the PDF."""

from __future__ import annotations


def format_number(value: float) -> str:
    """25.0 -> '25', 18.5 -> '18.5'."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
