"""Brand colours against WCAG 2 contrast: text on the header and buttons must stay readable."""

from __future__ import annotations

WHITE = "#ffffff"
# Material's dark ("slate") page background, where links use a lightened brand colour.
SLATE_BACKGROUND = "#1e2029"
AA_NORMAL_TEXT = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _mix(colour: str, target: str, amount: float) -> str:
    parts = [round(int(colour[i : i + 2], 16) * (1 - amount) + int(target[i : i + 2], 16) * amount) for i in (1, 3, 5)]
    return "#" + "".join(f"{p:02x}" for p in parts)


def nearest_readable(colour: str, background: str, toward: str) -> str:
    """The least change of `colour`, mixed toward black or white, that reaches AA on `background`."""
    for step in range(101):
        candidate = _mix(colour, toward, step / 100)
        if contrast(candidate, background) >= AA_NORMAL_TEXT:
            return candidate
    return toward


def dark_mode_link(colour: str) -> str:
    """Links on the dark palette: the brand colour, lightened just enough to be readable."""
    return nearest_readable(colour, SLATE_BACKGROUND, WHITE)
