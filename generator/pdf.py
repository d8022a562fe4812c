"""The PDF of all routine cards (WeasyPrint), one card per page, checked to never spill over.

WeasyPrint is imported here only, so commands that do not make the PDF stay fast.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from markupsafe import Markup

from .errors import DataError, DataErrors
from .load import Guide
from .render import html_env, render_card

CARD_CSS = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "stylesheets" / "cards.css"
FONTS = Path(__file__).resolve().parent / "fonts"


def _document(guide: Guide, cards: list[Markup], compact: set[str]) -> str:
    marked = [Markup(str(c).replace('class="routine-card"', 'class="routine-card card-compact"', 1))
              if rid in compact else c for rid, c in zip([r.id for r in guide.routines], cards)]
    css = CARD_CSS.read_text(encoding="utf-8") + (FONTS / "fonts.css").read_text(encoding="utf-8")
    return html_env().get_template("cards_pdf.html.j2").render(
        guide=guide, cards=marked, css=Markup(css), page_size=guide.brand.page_size,
        title=f"Routine cards: {guide.protocol.title} ({guide.brand.name})")


def _overflowing(document, routine_ids: list[str]) -> list[str]:
    """Cards that took more than one page (a page without a new card anchor is a spill-over)."""
    starts = []
    for page in document.pages:
        ids = [rid for rid in routine_ids if f"card-{rid}" in page.anchors]
        starts.append(ids[0] if ids else None)
    spilled, current = [], None
    for start in starts:
        if start is None and current and current not in spilled:
            spilled.append(current)
        current = start or current
    return spilled


_CACHE: dict[str, bytes] = {}


def cards_pdf(guide: Guide) -> bytes:
    """Every card, one per page. A card too long even in compact layout fails with its routine named.

    Cached by content, so `mkdocs serve` does not re-make an unchanged PDF on every reload."""
    key = guide_fingerprint(guide)
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _render(guide)
    return _CACHE[key]


def guide_fingerprint(guide: Guide) -> str:
    cards = "".join(str(render_card(guide, r)) for r in guide.routines)
    return hashlib.sha256((cards + guide.brand.model_dump_json() + CARD_CSS.read_text()).encode()).hexdigest()


def _render(guide: Guide) -> bytes:
    # fontTools stamps embedded font subsets with the current time unless SOURCE_DATE_EPOCH is set;
    # pin it so the same data gives the same PDF bytes.
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    import weasyprint

    ids = [r.id for r in guide.routines]
    cards = [render_card(guide, r) for r in guide.routines]
    compact: set[str] = set()
    for _ in range(2):
        html = weasyprint.HTML(string=_document(guide, cards, compact), base_url=str(FONTS))
        document = html.render()
        spilled = _overflowing(document, ids)
        if not spilled:
            return document.write_pdf(uncompressed_pdf=False)
        if compact >= set(spilled):
            break
        compact |= set(spilled)
    raise DataErrors([DataError("data/routines.yml", 1, None, f"routines.{rid}",
                                f"the card does not fit on one {guide.brand.page_size} page, even in compact layout: "
                                "shorten its cues or split the routine") for rid in spilled])
