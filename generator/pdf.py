"""The PDF of all routine cards (WeasyPrint), one card per page, checked to never spill over.

Cards are laid out in a 190 x 240 mm area, inside what A4 and US Letter share in a browser print
(190 x 259 mm), so a card that fits the PDF also fits a browser print on either paper. A card that
spills over is retried in a compact layout; if it still spills, the build fails and names the
routine at the line it was written. The layout decides which cards are compact, and the pages use
the same choice.

WeasyPrint is imported here only, so commands that make no PDF stay fast. Embedded fonts are
stamped with SOURCE_DATE_EPOCH (the entry points set it), so the same data gives the same bytes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .errors import DataError, DataErrors
from .render import Cards
from .render.env import html_env, template

# Page margins (top right bottom left, mm) that leave a 190 x 240 mm area: inside what A4 and
# US Letter share in a browser print (190 x 259 mm), with room for the browser laying out the
# same card a little taller than WeasyPrint does (measured: up to about 6% with six items).
MARGINS = {"A4": "10mm 10mm 47mm 10mm", "Letter": "10mm 12.95mm 29.4mm 12.95mm"}


@dataclass(frozen=True)
class CardsPdf:
    pdf: bytes
    compact: frozenset[str]


def _document(cards: Cards, css: str, compact: set[str]) -> str:
    guide = cards.guide
    sources = cards.pictures.file_sources()
    markup = [cards.card(r, r.id in compact).for_pdf(sources) for r in guide.routines]
    return template(html_env(cards.cache_dir), "cards_pdf.html.j2").render(
        guide=guide,
        cards=markup,
        css=Markup(css),
        page_size=guide.brand.page_size,
        margins=MARGINS[guide.brand.page_size],
        title=f"Routine cards: {guide.protocol.title} ({guide.brand.name})",
    )


def _overflowing(document: Any) -> list[str]:
    """Cards that took more than one page (a page where no card title starts is a spill-over)."""
    spilled: list[str] = []
    current = None
    for page in document.pages:
        starts = [name.removeprefix("card-title-") for name in page.anchors if name.startswith("card-title-")]
        if not starts and current and current not in spilled:
            spilled.append(current)
        current = starts[-1] if starts else current
    return spilled


def fingerprint(cards: Cards, css: str) -> str:
    """Changes whenever anything on a card or its style changes."""
    parts = [str(cards.card(r).for_pdf(cards.pictures.file_sources())) for r in cards.guide.routines]
    parts += [cards.guide.brand.model_dump_json(), css]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


_CACHE: dict[str, CardsPdf] = {}


def cards_pdf(cards: Cards, css_path: Path) -> CardsPdf:
    """Every card, one per page, and which cards needed the compact layout.

    Kept in memory by content, so `mkdocs serve` does not re-make an unchanged PDF on every reload."""
    css = css_path.read_text(encoding="utf-8")
    key = fingerprint(cards, css)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _render(cards, css, css_path)
    return _CACHE[key]


def _render(cards: Cards, css: str, css_path: Path) -> CardsPdf:
    import weasyprint

    compact: set[str] = set()
    while True:
        document = weasyprint.HTML(string=_document(cards, css, compact), base_url=css_path.as_uri()).render()
        spilled = _overflowing(document)
        if not spilled:
            return CardsPdf(document.write_pdf(), frozenset(compact))
        if set(spilled) <= compact:
            break
        compact |= set(spilled)
    origins = cards.guide.origins
    raise DataErrors(
        [
            DataError(
                origins[rid].file,
                origins[rid].line,
                None,
                origins[rid].field,
                f"the card of routine `{rid}` does not fit on one page, even in the compact layout: "
                "shorten its texts or split it into two routines",
            )
            for rid in spilled
        ]
    )
