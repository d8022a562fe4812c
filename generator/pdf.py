"""The PDF of all routine cards (WeasyPrint), one card per page, checked to never spill over.

Cards are laid out in a 190 x 240 mm area, inside what A4 and US Letter share in a browser print
(190 x 259 mm), so a card that fits the PDF also fits a browser print on either paper. A card that spills over is
retried in a compact layout; if it still spills, the build fails and names the routine.
The layout decides which cards are compact, and the web pages use the same choice.

WeasyPrint is imported here only, so commands that do not make the PDF stay fast.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .errors import DataErrors
from .load import Guide
from .render import html_env, render_card, template

CARD_CSS = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "stylesheets" / "cards.css"
# Page margins (top right bottom left, mm) that leave a 190 x 240 mm area: inside what A4 and
# US Letter share in a browser print (190 x 259 mm), with room for the browser laying out the
# same card a little taller than WeasyPrint does (measured: up to about 6% with six items).
MARGINS = {"A4": "10mm 10mm 47mm 10mm", "Letter": "10mm 12.95mm 29.4mm 12.95mm"}


@dataclass(frozen=True)
class CardsPdf:
    pdf: bytes
    compact: frozenset[str]


def _document(guide: Guide, compact: set[str]) -> str:
    cards = [render_card(guide, r, compact=r.id in compact) for r in guide.routines]
    css = CARD_CSS.read_text(encoding="utf-8")
    return template(html_env(), "cards_pdf.html.j2").render(
        guide=guide, cards=cards, css=Markup(css), page_size=guide.brand.page_size,
        margins=MARGINS[guide.brand.page_size], title=f"Routine cards: {guide.protocol.title} ({guide.brand.name})")


def _overflowing(document) -> list[str]:
    """Cards that took more than one page (a page where no card title starts is a spill-over)."""
    spilled, current = [], None
    for page in document.pages:
        starts = [name.removeprefix("card-title-") for name in page.anchors if name.startswith("card-title-")]
        if not starts and current and current not in spilled:
            spilled.append(current)
        current = starts[-1] if starts else current
    return spilled


def fingerprint(guide: Guide) -> str:
    """Changes whenever anything on a card or its style changes."""
    parts = [str(render_card(guide, r, compact=False)) for r in guide.routines]
    parts += [guide.brand.model_dump_json(), CARD_CSS.read_text(encoding="utf-8")]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


_CACHE: dict[str, CardsPdf] = {}


def cards_pdf(guide: Guide) -> CardsPdf:
    """Every card, one per page, and which cards needed the compact layout.

    Cached by content, so `mkdocs serve` does not re-make an unchanged PDF on every reload."""
    key = fingerprint(guide)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _render(guide)
    return _CACHE[key]


def _render(guide: Guide) -> CardsPdf:
    # fontTools stamps embedded font subsets with the current time unless SOURCE_DATE_EPOCH is set;
    # pin it so the same data gives the same PDF bytes.
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    import weasyprint

    compact: set[str] = set()
    while True:
        document = weasyprint.HTML(string=_document(guide, compact), base_url=CARD_CSS.as_uri()).render()
        spilled = _overflowing(document)
        if not spilled:
            return CardsPdf(document.write_pdf(), frozenset(compact))
        if set(spilled) <= compact:
            break
        compact |= set(spilled)
    index = {r.id: i for i, r in enumerate(guide.routines)}
    raise DataErrors([guide.sources["routines"].error(
        ("routines", index[rid], "id"), f"the card of routine `{rid}` does not fit on one page, even in the "
        "compact layout: shorten its texts or split it into two routines", field_name=f"routines.{rid}")
        for rid in spilled])
